package org.tutti.client.ui.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.client.service.PasswordChangeResult;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.password.PasswordViewModel.Field;

class PasswordViewModelTest {

    private static final String NEW = "Mélodie en sol 2026";

    private final FakeBackend backend = new FakeBackend();
    private final List<Field> focus = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private PasswordViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        model = new PasswordViewModel(FakeBackend.family("F0001"), backend, BackgroundTasks.sameThread());
        model.setOnFocus(focus::add);
        model.setOnChanged(changed::add);
    }

    private void fill(String current, String next, String confirm) {
        model.currentProperty().set(current);
        model.nextProperty().set(next);
        model.confirmProperty().set(confirm);
    }

    @Test
    void anEmptyFormHasAMessageUnderEachFieldAndSendsNothing() {
        model.submit();

        assertThat(model.currentErrorProperty().get()).isEqualTo("Saisissez votre mot de passe actuel.");
        assertThat(model.nextErrorProperty().get()).isEqualTo("Saisissez le nouveau mot de passe.");
        assertThat(model.confirmErrorProperty().get()).isEqualTo("Saisissez une seconde fois le nouveau mot de passe.");
        assertThat(focus).containsExactly(Field.CURRENT);
        assertThat(backend.passwordChanges).isEmpty();
    }

    @Test
    void twoDifferentEntriesAreRefusedBeforeSending() {
        fill("bellerive", NEW, NEW + "!");

        model.submit();

        assertThat(model.confirmErrorProperty().get())
                .isEqualTo("Les deux saisies du nouveau mot de passe sont différentes.");
        assertThat(model.currentErrorProperty().get()).isEmpty();
        assertThat(model.nextErrorProperty().get()).isEmpty();
        assertThat(focus).containsExactly(Field.CONFIRM);
        assertThat(backend.passwordChanges).isEmpty();
        assertThat(model.nextProperty().get()).as("what was typed stays").isEqualTo(NEW);
    }

    @Test
    void fewerThanTenCharactersAreRefusedBeforeSending() {
        fill("bellerive", "court", "court");

        model.submit();

        assertThat(model.nextErrorProperty().get())
                .isEqualTo("Le nouveau mot de passe doit comporter au moins 10 caractères.");
        assertThat(focus).containsExactly(Field.NEW);
        assertThat(backend.passwordChanges).isEmpty();
    }

    @Test
    void aWrongCurrentPasswordEmptiesThatFieldOnlyAndSaysSo() {
        backend.changeAnswer = PasswordChangeResult.WRONG_CURRENT;
        fill("pas le bon", NEW, NEW);

        model.submit();

        assertThat(backend.passwordChanges).containsExactly("F0001: pas le bon -> " + NEW);
        assertThat(model.currentErrorProperty().get()).isEqualTo("Le mot de passe actuel est incorrect.");
        assertThat(model.currentProperty().get()).isEmpty();
        assertThat(model.nextProperty().get()).isEqualTo(NEW);
        assertThat(focus).containsExactly(Field.CURRENT);
        assertThat(changed).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TOO_SHORT|Le nouveau mot de passe doit comporter au moins 10 caractères.",
        "EQUALS_IDENTIFIER|Le nouveau mot de passe ne doit pas être votre identifiant.",
        "TOO_COMMON|Ce mot de passe fait partie des mots de passe les plus courants ; choisissez-en un autre.",
        "REFUSED|Ce mot de passe n’est pas accepté ; choisissez-en un autre."})
    void theDatabasesRefusalsOfTheNewPasswordAreShownUnderIt(PasswordChangeResult result, String message) {
        backend.changeAnswer = result;
        fill("bellerive", NEW, NEW);

        model.submit();

        assertThat(model.nextErrorProperty().get()).isEqualTo(message);
        assertThat(model.nextProperty().get()).isEmpty();
        assertThat(model.confirmProperty().get()).isEmpty();
        assertThat(model.currentProperty().get()).isEqualTo("bellerive");
        assertThat(focus).containsExactly(Field.NEW);
    }

    @Test
    void successClearsTheFormAndSaysSo() {
        fill("bellerive", NEW, NEW);
        assertThat(model.hasInputProperty().get()).isTrue();

        model.submit();

        assertThat(changed).containsExactly("Votre mot de passe a été modifié.");
        assertThat(model.currentProperty().get()).isEmpty();
        assertThat(model.nextProperty().get()).isEmpty();
        assertThat(model.confirmProperty().get()).isEmpty();
        assertThat(model.hasInputProperty().get()).isFalse();
    }

    @Test
    void typingInAFieldRemovesItsMessage() {
        model.submit();
        model.currentProperty().set("b");
        assertThat(model.currentErrorProperty().get()).isEmpty();
        assertThat(model.nextErrorProperty().get()).isNotEmpty();
        model.nextProperty().set("x");
        assertThat(model.nextErrorProperty().get()).isEmpty();
        assertThat(model.confirmErrorProperty().get()).as("it was about the new password too").isEmpty();
    }

    @Test
    void anyTypedFieldIsAnUnsavedEditUntilTheFormIsCleared() {
        assertThat(model.hasInputProperty().get()).isFalse();
        model.confirmProperty().set("x");
        assertThat(model.hasInputProperty().get()).isTrue();

        model.clear();

        assertThat(model.hasInputProperty().get()).isFalse();
    }

    @Test
    void databaseFailuresAreShownUnderTheForm() {
        fill("bellerive", NEW, NEW);
        backend.changeFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        model.submit();
        assertThat(model.formErrorProperty().get())
                .isEqualTo("La base de données est injoignable pour le moment. Vérifiez votre connexion à Internet, puis réessayez.");
        assertThat(model.nextProperty().get()).as("nothing is lost").isEqualTo(NEW);

        backend.changeFailure = new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "expired");
        model.submit();
        assertThat(model.formErrorProperty().get()).isEqualTo("Votre session a expiré. Reconnectez-vous.");
        assertThat(changed).isEmpty();
    }
}
