package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Famille and Élèves › Identité on the real embedded demo (a copy of the seeded data folder per
 * test): F0001 corrects fields, reads the seed's message, sees the markers and the pending
 * message, and gets the acknowledgement in the demo mailbox; invalid input is explained under
 * its field and nothing is sent.
 */
class FamilyFlowTest extends FamilyScreens {

    @Test
    void familyEditsTwoFieldsAndSeesTheMarkersTheMessageAndTheAcknowledgement() throws Exception {
        startAndLogIn();
        assertThat(navOrder()).startsWith("navHome", "navFamily", "navStudents", "navBilling", "navAccessibility", "navPassword");
        openFamily();
        assertThat(lookup("#familyModify").queryAs(Button.class).isDisabled()).as("nothing changed yet").isTrue();
        long requestsBefore = count(F0001_REQUESTS);
        long acksBefore = count(ACKS);

        replaceText("#familyAddress1", "3 place du Marché");
        replaceText("#familyPhoneMobile", "07.98.76.54.32");
        assertThat(lookup("#familyModify").queryAs(Button.class).isDisabled()).isFalse();
        press("#familyModify");

        assertThat(messageText()).isEqualTo(UPDATED);
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> isPending("#familyAddress1"));
        assertThat(isPending("#familyPhoneMobile")).isTrue();
        assertThat(isPending("#familyCity")).isFalse();
        assertThat(text("#familyAddress1")).isEqualTo("3 place du Marché");
        assertThat(text("#familyPhoneMobile")).isEqualTo("07 98 76 54 32");
        assertThat(lookup("#familyAddress1Pending").queryAs(Label.class).getText()).contains("en attente de validation");
        assertThat(lookup("#familyPendingMessage").queryAs(Label.class).getText())
                .isEqualTo("Fiche du responsable en attente de validation par le personnel administratif.");
        assertThat(lookup("#familyPendingMessage").query().isVisible()).isTrue();
        assertThat(lookup("#familyModify").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(count(F0001_REQUESTS)).isEqualTo(requestsBefore + 2);
        assertThat(count(F0001_REQUESTS + " and c.status = 'PENDING' and c.field_name in ('address1', 'phone_mobile')"
                + " and c.new_value in ('3 place du Marché', '07 98 76 54 32')")).isEqualTo(2);

        // the acknowledgement, in the demo mailbox
        assertThat(count(ACKS)).isEqualTo(acksBefore + 1);
        String recipient = value("select m.recipient from tutti.mail_outbox m where m.kind = 'CHANGE_ACK'"
                + " order by m.id desc fetch first 1 rows only");
        clickOn("#navDemoMailbox");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable")
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(recipient)
                        && m.subject().endsWith("demande de modification reçue")));
    }

    @Test
    void invalidInputIsExplainedUnderEachFieldAndNothingIsSent() throws Exception {
        startAndLogIn();
        openFamily();

        long requestsBefore = count("select count(*) from tutti.change_request");
        long acksBefore = count(ACKS);
        replaceText("#familyPostalCode", "690");
        replaceText("#familyEmail", "claire.martin@");
        replaceText("#familyPhoneHome", "06 12 34");
        press("#familyModify");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(errorText("#familyPostalCodeError")).isEqualTo("Le code postal doit comporter 5 chiffres.");
        assertThat(errorText("#familyEmailError")).isEqualTo("Adresse e-mail invalide (exemple : nom@exemple.fr).");
        assertThat(errorText("#familyPhoneHomeError")).startsWith("Numéro de téléphone invalide");
        assertThat(errorText("#familyCityError")).isEmpty();
        assertThat(exists("#messageDialog")).isFalse();
        assertThat(count("select count(*) from tutti.change_request")).isEqualTo(requestsBefore);
        assertThat(count(ACKS)).isEqualTo(acksBefore);
    }

    @Test
    void aWrongBirthDateIsCorrectedOnTheIdentityTab() throws Exception {
        startAndLogIn();
        clickOn("#navStudents");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#studentBirthDate")
                && lookup("#studentBirthDate").queryAs(DatePicker.class).getValue() != null
                && !lookup("#studentBirthDate").query().isDisabled());
        assertThat(exists("#tabIdentity") || lookup(".tab").queryAll().size() == 1).isTrue();
        DatePicker picker = lookup("#studentBirthDate").queryAs(DatePicker.class);
        java.time.LocalDate corrected = picker.getValue().minusYears(1);

        long requestsBefore = count("select count(*) from tutti.change_request");

        // first an impossible date: the message, nothing sent
        interact(() -> picker.getEditor().setText("12/03/2999"));
        press("#studentModify");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errorText("#studentBirthDateError")).startsWith("La date de naissance doit être passée");
        assertThat(count("select count(*) from tutti.change_request")).isEqualTo(requestsBefore);

        interact(() -> picker.getEditor().setText(
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(corrected)));
        press("#studentModify");
        assertThat(messageText()).startsWith("La fiche d'identité de l'élève a été mise à jour.");
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> isPending("#studentBirthDate"));
        assertThat(lookup("#studentBirthDatePending").query().isVisible()).isTrue();
        assertThat(lookup("#studentPendingMessage").query().isVisible()).isTrue();
        assertThat(value("select new_value from tutti.change_request where field_name = 'birth_date'"
                + " and status = 'PENDING'")).isEqualTo(corrected.toString());
    }
}
