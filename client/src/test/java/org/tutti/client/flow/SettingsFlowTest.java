package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.domain.FailedMail;
import org.tutti.client.domain.OverdueInvoice;

/**
 * Paramètres and the staff Accueil on the seeded embedded demo: DIRECTION turns online payment off and F0001 no
 * longer sees Payer en ligne; ACCUEIL sees the settings read only; ACCUEIL's counts are the database's, each opens
 * its list, and a failed mail retried leaves the outbox.
 */
class SettingsFlowTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    private DemoSql sql() {
        return new DemoSql(dataFolder);
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void directionTurnsOnlinePaymentOffAndTheFamilyNoLongerPaysOnline() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("DIRECTION", "bellerive");
        await("the navigation", () -> exists("#navSettings"));
        clickOn("#navSettings");
        await("the settings", () -> exists("#settingsName")
                && !lookup("#settingsName").queryAs(TextField.class).getText().isEmpty());
        CheckBox online = lookup("#settingsOnlinePayment").queryAs(CheckBox.class);
        assertThat(online.isSelected()).isTrue();
        assertThat(lookup("#settingsReadOnly").query().isVisible()).isFalse();
        assertThat(lookup("#settingsIdentifierPattern").queryAs(TextField.class).getText()).isEqualTo("F####");

        clickOn("#settingsOnlinePayment");
        // Ctrl+S, the button's shortcut (the button itself is below the fold of the page)
        press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
        await("saved", () -> "Paramètres enregistrés.".equals(label("#settingsMessage")));
        assertThat(sql().string("select online_payment from tutti.site where code = 'BELLERIVE'"))
                .isEqualToIgnoringCase("false");
        assertThat(sql().string("select after_value from tutti.audit_event where kind = 'SETTINGS_CHANGED'"))
                .contains("\"online_payment\"").contains("false");

        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("Accueil", () -> exists("#navBilling"));
        clickOn("#navBilling");
        await("F0001's fees", () -> exists("#feeInvoicesTable")
                && !lookup("#feeInvoicesTable").queryAs(TableView.class).getItems().isEmpty());
        assertThat(lookup("#onlinePayment").query().isVisible()).as("Payer en ligne").isFalse();
    }

    @Test
    void accueilSeesTheSettingsReadOnlyAndTheServerRefusesIt() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navSettings"));
        clickOn("#navSettings");
        await("the settings", () -> lookup("#settingsReadOnly").query().isVisible());
        assertThat(label("#settingsReadOnly"))
                .isEqualTo("Seule une personne habilitée (direction) peut modifier les paramètres du site.");
        assertThat(lookup("#settingsSave").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lookup("#settingsName").queryAs(TextField.class).isEditable()).isFalse();
        assertThat(lookup("#settingsOnlinePayment").query().isDisabled()).isTrue();

        // forced past the screen, the database refuses it
        try (Connection accueil = sql().loggedIn("BELLERIVE", "ACCUEIL", "bellerive");
             Statement s = accueil.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select tutti.save_site_settings('{\"name\": \"X\"}', 0)"))
                    .hasMessageContaining("forbidden");
            accueil.rollback();
        }
        assertThat(sql().longValue("select count(*) from tutti.audit_event where kind = 'SETTINGS_CHANGED'")).isZero();
    }

    @Test
    void accueilsCountsAreTheDatabasesAndAFailedMailIsSentAgain() throws Exception {
        DemoData.copyInto(dataFolder);
        try (Connection owner = sql().connect(); Statement s = owner.createStatement()) {
            s.executeUpdate("insert into tutti.mail_outbox (site_id, kind, recipient, subject, body_text, status, attempts,"
                    + " next_attempt_at, last_error, created_at) select id, 'NOTICE', 'f0002@example.org',"
                    + " 'Essai de renvoi', 'Bonjour', 'FAILED', 5, current_timestamp, '550 boîte pleine',"
                    + " current_timestamp from tutti.site where code = 'BELLERIVE'");
        }
        long mails = sql().longValue("select count(*) from tutti.mail_outbox m join tutti.site s on s.id = m.site_id"
                + " where s.code = 'BELLERIVE' and m.status = 'FAILED'");
        long reenrolments = sql().longValue("select count(*) from tutti.reenrolment_request r"
                + " join tutti.student st on st.id = r.student_id join tutti.family f on f.id = st.family_id"
                + " join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE' and r.status = 'PENDING'");
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the counts", () -> exists("#homeDeskCounts") && lookup("#homeDeskCounts").query().isVisible());
        assertThat(label("#homeMailsFailed")).isEqualTo(mails == 1 ? "1 courriel n’a pas pu être envoyé."
                : mails + " courriels n’ont pas pu être envoyés.");
        assertThat(label("#homeReenrolmentsWaiting")).startsWith(reenrolments == 0 ? "Aucune" : reenrolments + " ");

        // the overdue invoices' window lists what the database has
        Set<Window> before = showingWindows();
        clickOn("#homeOpenOverdueInvoices");
        Stage overdue = awaitWindow("overdueInvoicesWindow", before);
        TableView<OverdueInvoice> invoices = lookup("#overdueInvoicesTable").queryAs(TableView.class);
        long overdueCount = sql().longValue("select count(*) from tutti.invoice i join tutti.site s on s.id = i.site_id"
                + " where s.code = 'BELLERIVE' and i.credit_note_for is null and i.due_date < current_date"
                + " and i.status in ('ISSUED', 'PARTIAL')");
        long listed = Math.min(overdueCount, org.tutti.client.service.DeskHomeService.MAX_OVERDUE_LISTED);
        await("the overdue invoices", () -> invoices.getItems().size() == listed);
        assertThat(label("#overdueInvoicesNote")).isEqualTo(overdueCount > listed
                ? "Les 500 factures les plus anciennes sont affichées. Le dossier de chaque famille, onglet"
                        + " Facturation, montre toutes les siennes." : "");
        interact(overdue::close);

        // the failed mail, retried
        targetWindow(stage);
        before = showingWindows();
        clickOn("#homeOpenFailedMails");
        Stage window = awaitWindow("failedMailsWindow", before);
        TableView<FailedMail> table = lookup("#failedMailsTable").queryAs(TableView.class);
        await("the failed mail listed", () -> table.getItems().stream()
                .anyMatch(m -> m.recipient().equals("f0002@example.org")));
        interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(m -> m.recipient().equals("f0002@example.org")).findFirst().orElseThrow()));
        clickOn("#mailRetry");
        await("retried", () -> "Courriel remis en file d’envoi".equals(label("#failedMailsMessage")));
        assertThat(table.getItems()).noneMatch(m -> m.recipient().equals("f0002@example.org"));
        await("sent by the relay", () -> "SENT".equals(sql().string("select status from tutti.mail_outbox"
                + " where subject = 'Essai de renvoi'")));
        assertThat(sql().string("select detail from tutti.audit_event where kind = 'MAIL_RETRIED'"))
                .isEqualTo("Courriel à f0002@example.org remis en file d’envoi");
        interact(window::close);
        await("the count follows", () -> label("#homeMailsFailed").equals(mails - 1 == 0 ? "Aucun courriel en échec."
                : mails - 1 == 1 ? "1 courriel n’a pas pu être envoyé." : (mails - 1) + " courriels n’ont pas pu être envoyés."));
    }
}
