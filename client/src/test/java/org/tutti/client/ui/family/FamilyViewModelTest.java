package org.tutti.client.ui.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.FakeFamilyFileService;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.ValidationForm;

class FamilyViewModelTest {

    private final FakeFamilyFileService service = new FakeFamilyFileService();
    private final List<String> focus = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();
    private FamilyViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        model = new FamilyViewModel(FakeBackend.family("F0001"), service, BackgroundTasks.sameThread());
        model.editor().setOnFocus(focus::add);
        model.editor().setOnSubmitted(submitted::add);
        model.load();
    }

    private ValidationForm.Field field(String name) {
        return model.editor().form().field(name);
    }

    @Test
    void loadedFileShowsPhonesNormalisedAndNothingChanged() {
        assertThat(field("phone_mobile").valueProperty().get()).isEqualTo("06 12 34 56 78");
        assertThat(field("address2").valueProperty().get()).isEmpty();
        assertThat(model.editor().form().changedProperty().get()).isFalse();
        assertThat(model.editor().anyPendingProperty().get()).isFalse();
    }

    @Test
    void modifierIsEnabledOnlyWhileSomethingDiffers() {
        field("city").valueProperty().set("Lyon");
        assertThat(model.editor().form().changedProperty().get()).isTrue();

        field("city").valueProperty().set("Bellerive");
        assertThat(model.editor().form().changedProperty().get()).isFalse();
        model.submit();
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void theFrontDeskViewingTheFamilyAppliesTheChangesAtOnceWithNoPendingMarker() {
        service.familyPending.put("city", "Lyon");
        FamilyViewModel desk = new FamilyViewModel(FakeBackend.staff().viewingFamily(10), service,
                BackgroundTasks.sameThread());
        List<String> said = new ArrayList<>();
        desk.editor().setOnSubmitted(said::add);
        desk.load();
        assertThat(desk.frontDesk()).isTrue();
        desk.editor().form().field("city").valueProperty().set("Rivedroite");
        desk.editor().form().field("phone_mobile").valueProperty().set("07.98.76.54.32");

        desk.submit();

        assertThat(service.submitted).as("no change request").isEmpty();
        assertThat(service.edited).containsExactly(Map.of("city", "Rivedroite", "phone_mobile", "07 98 76 54 32"));
        assertThat(said).containsExactly("Modifications enregistrées.");
        assertThat(desk.editor().form().field("city").valueProperty().get()).isEqualTo("Rivedroite");
        assertThat(desk.editor().form().field("city").pendingProperty().get()).isFalse();
        assertThat(desk.editor().anyPendingProperty().get()).isFalse();
    }

    @Test
    void changedFieldsAreSentNormalisedThenShownPendingWithTheMessage() {
        field("address1").valueProperty().set("3 place du Marché");
        field("phone_mobile").valueProperty().set("07.98.76.54.32");

        model.submit();

        assertThat(service.submitted).containsExactly(
                Map.of("address1", "3 place du Marché", "phone_mobile", "07 98 76 54 32"));
        assertThat(submitted).containsExactly("Votre fiche d'identité a été mise à jour."
                + " Un accusé de réception vous a été envoyé par e-mail.");
        assertThat(field("address1").pendingProperty().get()).isTrue();
        assertThat(field("address1").pendingValueProperty().get()).isEqualTo("3 place du Marché");
        assertThat(field("phone_mobile").pendingProperty().get()).isTrue();
        assertThat(field("city").pendingProperty().get()).isFalse();
        assertThat(model.editor().anyPendingProperty().get()).isTrue();
        assertThat(model.editor().form().changedProperty().get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postal_code|6900|Le code postal doit comporter 5 chiffres.",
        "postal_code|69 00A|Le code postal doit comporter 5 chiffres.",
        "email|claire.martin@|Adresse e-mail invalide (exemple : nom@exemple.fr).",
        "email|claire martin@example.fr|Adresse e-mail invalide (exemple : nom@exemple.fr).",
        "phone_mobile|06 12 34|Numéro de téléphone invalide : 10 chiffres commençant par 0 (exemple : 06 12 34 56 78).",
        "phone_home|6123456789|Numéro de téléphone invalide : 10 chiffres commençant par 0 (exemple : 06 12 34 56 78).",
        "city|'  '|Ce champ est obligatoire.",
        "last_name|''|Ce champ est obligatoire."})
    void invalidInputHasItsMessageUnderTheFieldAndNothingIsSent(String name, String value, String message) {
        field(name).valueProperty().set(value);

        model.submit();

        assertThat(field(name).errorProperty().get()).isEqualTo(message);
        assertThat(focus).containsExactly(name);
        assertThat(service.submitted).isEmpty();
        field(name).valueProperty().set(value + "x");
        assertThat(field(name).errorProperty().get()).as("typing again clears the message").isEmpty();
    }

    @Test
    void emptyingAnOptionalFieldSendsNull() {
        field("phone_mobile").valueProperty().set("");

        model.submit();

        assertThat(service.submitted).hasSize(1);
        assertThat(service.submitted.get(0)).containsEntry("phone_mobile", null).hasSize(1);
    }

    @Test
    void pendingValuesAreShownWithTheirMarkerOnLoad() {
        service.familyPending.put("city", "Lyon");

        model.load();

        assertThat(field("city").valueProperty().get()).isEqualTo("Lyon");
        assertThat(field("city").pendingProperty().get()).isTrue();
        assertThat(field("email").pendingProperty().get()).isFalse();
        assertThat(model.editor().anyPendingProperty().get()).isTrue();
    }

    @Test
    void aFieldRefusedByTheDatabaseGetsItsMessage() {
        service.submitFailure = new FamilyFileService.FieldRefusedException("postal_code", false, null);
        field("postal_code").valueProperty().set("00000");

        model.submit();

        assertThat(field("postal_code").errorProperty().get()).isEqualTo("Valeur refusée par le serveur.");
        assertThat(focus).containsExactly("postal_code");
        assertThat(model.editor().busyProperty().get()).isFalse();
    }

    @Test
    void revertPutsBackWhatWasLoaded() {
        field("city").valueProperty().set("Lyon");

        model.editor().revert();

        assertThat(field("city").valueProperty().get()).isEqualTo("Bellerive");
        assertThat(model.editor().form().changedProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadIsToldUnderTheFormAndTheFieldsStayDisabled() {
        FakeFamilyFileService down = new FakeFamilyFileService();
        down.loadFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        FamilyViewModel unloaded = new FamilyViewModel(FakeBackend.family("F0001"), down, BackgroundTasks.sameThread());

        unloaded.load();

        assertThat(unloaded.editor().formErrorProperty().get()).isEqualTo("La base de données est injoignable"
                + " pour le moment. Vérifiez votre connexion à Internet, puis réessayez.");
        assertThat(unloaded.editor().readyProperty().get()).isFalse();
        assertThat(unloaded.editor().busyProperty().get()).isFalse();
    }

    @Test
    void anUnexpectedFailureWhileSendingKeepsTheEditsAndSaysSo() {
        service.submitFailure = new IllegalStateException("bug");
        field("city").valueProperty().set("Lyon");

        model.submit();

        assertThat(model.editor().formErrorProperty().get())
                .isEqualTo("La fiche n'a pas pu être chargée ou envoyée. Réessayez plus tard.");
        assertThat(field("city").valueProperty().get()).isEqualTo("Lyon");
        assertThat(model.editor().hasUnsavedEdits()).isTrue();
        assertThat(submitted).isEmpty();
    }
}
