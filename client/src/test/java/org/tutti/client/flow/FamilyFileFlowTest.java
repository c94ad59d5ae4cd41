package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.StudentIdentity;

/**
 * A family's file at the front desk on the seeded embedded demo (issue 16): ACCUEIL opens F0001's
 * file from Facturation, changes its city and a student's school level, which apply at once
 * ("Modifications enregistrées.", the rows changed, the audit rows with before/after, no pending
 * marker); a wrong e-mail gets the family's message and loses nothing typed; then F0001 logs in and
 * sees the new city with no pending marker.
 */
class FamilyFileFlowTest extends FamilyScreens {

    @Test
    void theFrontDeskEditsAFamilysFileAtOnceAndTheFamilySeesIt() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        Stage file = openFile(this, "F0001");
        String oldCity = value("select city from tutti.family where identifier = 'F0001'");
        String email = value("select email from tutti.family where identifier = 'F0001'");
        long requests = count(F0001_REQUESTS);

        assertThat(file.getTitle()).startsWith("F0001 — ");
        await("the header", () -> lookup("#fileAccount").queryAs(Label.class).getText().equals("Compte : actif"));
        assertThat(lookup("#fileTitle").queryAs(Label.class).getText()).startsWith("F0001 — ");
        await("the first field has the focus", () -> file.getScene().getFocusOwner() != null
                && "familyCivility".equals(file.getScene().getFocusOwner().getId()));

        // a wrong e-mail: the family's message, nothing sent, nothing typed lost
        set("#familyCity", "Rivedroite");
        set("#familyEmail", "pas-un-mail");
        fire("#familyModify");
        assertThat(errorText("#familyEmailError")).isEqualTo("Adresse e-mail invalide (exemple : nom@exemple.fr).");
        assertThat(text("#familyCity")).isEqualTo("Rivedroite");
        assertThat(text("#familyEmail")).isEqualTo("pas-un-mail");
        assertThat(value("select city from tutti.family where identifier = 'F0001'")).isEqualTo(oldCity);

        // corrected: applied at once
        set("#familyEmail", email);
        fire("#familyModify");
        assertThat(messageText()).isEqualTo("Modifications enregistrées.");
        clickOk();
        assertThat(value("select city from tutti.family where identifier = 'F0001'")).isEqualTo("Rivedroite");
        assertThat(value("select e.before_value || ' → ' || e.after_value || ' ' || e.detail || ' ' || a.identifier"
                + " from tutti.audit_event e join tutti.account a on a.id = e.account_id"
                + " join tutti.family f on f.id = e.family_id where f.identifier = 'F0001' and e.kind = 'FAMILY_EDITED'"))
                .isEqualTo("{\"city\":\"" + oldCity + "\"} → {\"city\":\"Rivedroite\"} Modifié à l’accueil : Ville ACCUEIL");
        await("the new city, not pending", () -> text("#familyCity").equals("Rivedroite") && !isPending("#familyCity"));
        assertThat(count(F0001_REQUESTS)).as("no change request").isEqualTo(requests);

        // a student's school level
        clickOn("#fileTabStudents");
        await("Identité", () -> exists("#studentSchoolLevel") && !lookup("#studentSchoolLevel").query().isDisabled()
                && lookup("#studentSelector").queryAs(ComboBox.class).getValue() != null);
        @SuppressWarnings("unchecked")
        StudentIdentity student = ((ComboBox<StudentIdentity>) lookup("#studentSelector").queryAs(ComboBox.class))
                .getValue();
        set("#studentSchoolLevel", "CM1 renforcé");
        fire("#studentModify");
        assertThat(messageText()).isEqualTo("Modifications enregistrées.");
        clickOk();
        assertThat(value("select school_level from tutti.student where id = " + student.id())).isEqualTo("CM1 renforcé");
        assertThat(value("select after_value from tutti.audit_event where kind = 'STUDENT_EDITED'"))
                .isEqualTo("{\"school_level\":\"CM1 renforcé\"}");
        await("the new level, not pending", () -> text("#studentSchoolLevel").equals("CM1 renforcé")
                && !isPending("#studentSchoolLevel"));

        // the other tabs
        clickOn("#fileTabBilling");
        await("F0001's billing", () -> exists("#feeInvoicesTable") && exists("#invoiceCreate"));

        // Escape with a field typed but not applied asks first: Annuler keeps the window and the text
        clickOn("#fileTabFamily");
        set("#familyPhoneWork", "04 78 00 00 00");
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(file.getScene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        await("the question", () -> exists("#confirmDialog"));
        answer(ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(file.isShowing()).isTrue();
        assertThat(text("#familyPhoneWork")).isEqualTo("04 78 00 00 00");

        // asked again, "Fermer le dossier" closes it and the phone is not written; F0001 sees the new city
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(file.getScene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        await("the question", () -> exists("#confirmDialog"));
        answer(ButtonBar.ButtonData.OK_DONE);
        await("the file closed", () -> !file.isShowing());
        assertThat(value("select coalesce(phone_work, '') from tutti.family where identifier = 'F0001'"))
                .isNotEqualTo("04 78 00 00 00");
        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("Accueil", () -> exists("#homeFamilyName"));
        openFamily();
        assertThat(text("#familyCity")).isEqualTo("Rivedroite");
        assertThat(isPending("#familyCity")).isFalse();
    }

    /** Facturation, the family found by its identifier and opened, then Afficher le dossier…: its window. */
    static Stage openFile(AppHarness app, String identifier) throws Exception {
        await("the navigation", () -> app.exists("#navBilling"));
        app.clickOn("#navBilling");
        await("the search", () -> app.exists("#billingFamilySearch"));
        app.interact(() -> app.lookup("#billingFamilySearch").queryAs(TextField.class).setText(identifier.toLowerCase()));
        TableView<FamilyOption> results = app.lookup("#billingFamilyResults").query();
        await(identifier + " found", () -> results.getItems().size() == 1);
        app.interact(() -> {
            results.requestFocus();
            results.getSelectionModel().select(0);
            Event.fireEvent(results, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        await(identifier + " open", () -> app.lookup("#billingFamilyTitle").queryAs(Label.class).getText()
                .startsWith(identifier + " — ") && !app.lookup("#familyFileOpen").query().isDisabled());
        app.interact(() -> app.lookup("#familyFileOpen").queryAs(Button.class).fire());
        await("the file window", () -> app.exists("#familyFile") && app.exists("#familyCity")
                && !app.lookup("#familyCity").query().isDisabled()
                && !app.lookup("#familyCity").queryAs(TextField.class).getText().isEmpty());
        return (Stage) app.lookup("#familyFile").query().getScene().getWindow();
    }

    /** Presses the button of the shown confirmation whose role is {@code data}. */
    private void answer(ButtonBar.ButtonData data) throws Exception {
        DialogPane pane = lookup("#confirmDialog").queryAs(DialogPane.class);
        interact(() -> pane.getButtonTypes().stream().filter(t -> t.getButtonData() == data).findFirst()
                .map(t -> (Button) pane.lookupButton(t)).orElseThrow().fire());
        await("the question answered", () -> !exists("#confirmDialog"));
    }

    private void set(String query, String text) {
        interact(() -> lookup(query).queryAs(TextField.class).setText(text));
    }

    private void fire(String query) {
        Node button = lookup(query).query();
        interact(() -> ((Button) button).fire());
    }
}
