package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;
import org.tutti.schema.H2Urls;

/**
 * The account flows of the seed manual (sections 2 and 3: Mot de passe perdu, Mot de passe,
 * Déconnexion) on the real embedded demo (a copy of the seeded data folder per test), with the
 * in-process mail relay delivering to the demo mailbox window.
 */
class AccountFlowTest extends AppHarness {

    static final String CHECK = "Veuillez vérifier les renseignements saisis.";
    static final String SENT = "Un nouveau mot de passe vous a été envoyé par e-mail.";
    static final String REFUSED =
            "Identifiant ou mot de passe incorrect, ou compte momentanément bloqué. Vérifiez les renseignements saisis.";
    private static final Pattern NEW_PASSWORD = Pattern.compile("Nouveau mot de passe : (\\S+)");

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    private void startOnSeededCopy() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
    }

    // ------------------------------------------------------------------------------ (a), (b)

    @Test
    void aLostPasswordArrivesInTheDemoMailboxAndReplacesTheOldOne() throws Exception {
        startOnSeededCopy();
        typeInto("#loginIdentifier", "F0001");

        clickOn("#lostPassword");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#lostIdentifier"));
        Stage dialog = windowOf("#lostIdentifier");
        assertThat(dialog.getOwner()).isSameAs(stage);
        assertThat(text("#lostIdentifier")).as("pre-filled from the login window").isEqualTo("F0001");

        // Valider with the e-mail empty: the seed's message, OK, what was typed stays
        clickOn("#lostSubmit");
        assertThat(messageText()).isEqualTo(CHECK);
        clickOk();
        assertThat(text("#lostIdentifier")).isEqualTo("F0001");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#lostEmail").query().isFocused());

        interact(dialog::requestFocus);
        targetWindow(dialog); // write() types into the target window (the closed message otherwise)
        write("f0001@example.org");
        type(KeyCode.ENTER);
        assertThat(messageText()).isEqualTo(SENT);
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !dialog.isShowing());

        // the mail, in the demo mailbox opened from the login window
        clickOn("#openDemoMailbox");
        MailRow mail = awaitMail("f0001@example.org");
        assertThat(mail.subject()).isEqualTo("Conservatoire de Bellerive — votre nouveau mot de passe");
        assertThat(mailbox().getItems().get(0)).as("newest first").isEqualTo(mail);
        Stage mailboxWindow = windowOf("#demoMailbox");
        assertThat(mailboxWindow.getOwner()).isSameAs(stage);
        String password = openMailAndReadPassword(mail);

        // Escape closes the mailbox window, even from its text area (sent to its focus owner:
        // headless Monocle reports both windows focused and routes the robot's keys unreliably)
        interact(() -> javafx.event.Event.fireEvent(mailboxWindow.getScene().getFocusOwner(),
                new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE,
                        false, false, false, false)));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !mailboxWindow.isShowing());

        logIn("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#loginError").query().isVisible());
        assertThat(lookup("#loginError").queryAs(Label.class).getText()).isEqualTo(REFUSED);

        logIn("F0001", password);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
        assertThat(exists("#loginSubmit")).isFalse();
    }

    @Test
    void aPairThatDoesNotMatchGetsTheSameAnswerAndNoMail() throws Exception {
        startOnSeededCopy();
        int before = mailsInDatabase();

        requestNewPassword("F0001", "inconnu@example.org");
        // a matching request afterwards: once its mail is in, the relay has been through the queue
        requestNewPassword("F0002", "f0002@example.org");

        clickOn("#openDemoMailbox");
        awaitMail("f0002@example.org");
        List<String> recipients = mailbox().getItems().stream().map(MailRow::recipient).toList();
        assertThat(recipients).doesNotContain("inconnu@example.org");
        assertThat(recipients.stream().filter("f0001@example.org"::equals)).as("no new mail for F0001").isEmpty();
        assertThat(mailsInDatabase()).as("one mail queued: F0002's").isEqualTo(before + 1);
        interact(() -> windowOf("#demoMailbox").close());

        logIn("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
    }

    // ------------------------------------------------------------------------------ (c)

    @Test
    void theMotDePasseScreenExplainsEachRefusalThenChangesThePassword() throws Exception {
        startOnSeededCopy();
        logIn("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));

        // Alt+P: Mot de passe's mnemonic
        interact(stage::requestFocus);
        press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#passwordCurrent")
                && lookup("#passwordCurrent").query().isFocused());

        fillPasswordForm("bellerive", "Melodie en sol 2026", "Melodie en sol 2027");
        assertThat(errorText("#passwordConfirmError")).isEqualTo("Les deux saisies du nouveau mot de passe sont différentes.");

        fillPasswordForm("bellerive", "court", "court");
        assertThat(errorText("#passwordNewError")).isEqualTo("Le nouveau mot de passe doit comporter au moins 10 caractères.");

        fillPasswordForm("pas le bon mot de passe", "Melodie en sol 2026", "Melodie en sol 2026");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !errorText("#passwordCurrentError").isEmpty());
        assertThat(errorText("#passwordCurrentError")).isEqualTo("Le mot de passe actuel est incorrect.");
        assertThat(lookup("#passwordCurrent").query().isFocused()).isTrue();

        fillPasswordForm("bellerive", "qwertyuiop", "qwertyuiop");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !errorText("#passwordNewError").isEmpty());
        assertThat(errorText("#passwordNewError"))
                .isEqualTo("Ce mot de passe fait partie des mots de passe les plus courants ; choisissez-en un autre.");

        fillPasswordForm("bellerive", "Melodie en sol 2026", "Melodie en sol 2026");
        assertThat(messageText()).isEqualTo("Votre mot de passe a été modifié.");
        clickOk();
        for (String id : new String[] {"#passwordCurrent", "#passwordNew", "#passwordConfirm"}) {
            assertThat(lookup(id).queryAs(PasswordField.class).getText()).as(id).isEmpty();
        }

        clickOn("#navLogout");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));
        logIn("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#loginError").query().isVisible());
        logIn("F0001", "Melodie en sol 2026");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
    }

    /** Only an identifier of ten characters or more reaches this rule: SECRETARIAT, Montfleury's front desk. */
    @Test
    void theIdentifierIsRefusedAsTheNewPassword() throws Exception {
        startOnSeededCopy();
        interact(() -> {
            ComboBox<SiteSummary> site = lookup("#loginSite").query();
            site.getItems().stream().filter(s -> s.code().equals("MONTFLEURY")).findFirst().ifPresent(site::setValue);
        });
        logIn("SECRETARIAT", "montfleury");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navPassword"));
        clickOn("#navPassword");

        fillPasswordForm("montfleury", "secretariat", "secretariat");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !errorText("#passwordNewError").isEmpty());
        assertThat(errorText("#passwordNewError")).isEqualTo("Le nouveau mot de passe ne doit pas être votre identifiant.");
    }

    // ------------------------------------------------------------------------------ (d)

    @Test
    void deconnexionWithAHalfTypedFormAsksFirstAndEndsTheSessionAtTheDatabase() throws Exception {
        startOnSeededCopy();
        logIn("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navPassword"));
        clickOn("#navPassword");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#passwordCurrent").query().isFocused());
        targetWindow(stage);
        write("bellerive");

        clickOn("#navLogout");
        DialogPane question = awaitDialog("#confirmDialog");
        assertThat(question.getContentText()).isEqualTo("Des modifications ne sont pas enregistrées. Se déconnecter quand même ?");
        assertThat(buttonTexts(question)).containsExactlyInAnyOrder("Se déconnecter", "Annuler");
        clickOn(button(question, "Annuler"));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#confirmDialog"));
        assertThat(exists("#navLogout")).isTrue();
        assertThat(lookup("#passwordCurrent").queryAs(PasswordField.class).getText()).isEqualTo("bellerive");
        assertThat(liveSessions()).isEqualTo(1);

        // closing the window asks too
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        question = awaitDialog("#confirmDialog");
        assertThat(question.getContentText()).isEqualTo("Des modifications ne sont pas enregistrées. Fermer Tutti quand même ?");
        clickOn(button(question, "Annuler"));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#confirmDialog"));
        assertThat(stage.isShowing()).isTrue();

        clickOn("#navLogout");
        clickOn(button(awaitDialog("#confirmDialog"), "Se déconnecter"));

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));
        assertThat(exists("#navLogout")).isFalse();
        assertThat(liveSessions()).as("tutti.logout ended the session").isZero();
    }

    @Test
    void theDemoMailboxOpensFromTheMainWindowOnceAndComesToTheFront() throws Exception {
        startOnSeededCopy();
        logIn("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navDemoMailbox"));

        clickOn("#navDemoMailbox");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable"));
        interact(() -> lookup("#navDemoMailbox").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot().getId() != null && w.getScene().getRoot().getId().equals("demoMailbox")))
                .as("one mailbox window").hasSize(1);
        assertThat(windowOf("#demoMailbox").getOwner()).isSameAs(stage);
    }

    // ------------------------------------------------------------------------------ helpers

    /** Mot de passe perdu from the login window, answered "envoyé" and closed. */
    void requestNewPassword(String identifier, String email) throws Exception {
        clickOn("#lostPassword");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#lostIdentifier"));
        Stage dialog = windowOf("#lostIdentifier");
        interact(() -> {
            lookup("#lostIdentifier").queryAs(TextField.class).setText(identifier);
            lookup("#lostEmail").queryAs(TextField.class).setText(email);
        });
        clickOn("#lostSubmit");
        assertThat(messageText()).isEqualTo(SENT);
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !dialog.isShowing());
    }

    /** Empties the login fields, then types identifier and password and presses Enter. */
    void logIn(String identifier, String password) {
        targetWindow(stage);
        interact(() -> {
            lookup("#loginIdentifier").queryAs(TextField.class).clear();
            lookup("#loginPassword").queryAs(TextField.class).clear();
        });
        logInByKeyboard(identifier, password);
    }

    void typeInto(String query, String text) {
        targetWindow(stage);
        interact(() -> {
            stage.requestFocus();
            lookup(query).query().requestFocus();
        });
        write(text);
    }

    /** Empties the Mot de passe form, types the three fields (Tab between them) and presses Enter. */
    void fillPasswordForm(String current, String next, String confirm) {
        targetWindow(stage);
        interact(() -> {
            for (String id : new String[] {"#passwordCurrent", "#passwordNew", "#passwordConfirm"}) {
                lookup(id).queryAs(PasswordField.class).clear();
            }
            stage.requestFocus();
            lookup("#passwordCurrent").query().requestFocus();
        });
        write(current);
        type(KeyCode.TAB);
        write(next);
        type(KeyCode.TAB);
        write(confirm);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String query) {
        return lookup(query).queryAs(TextField.class).getText();
    }

    /** A message under a field: "" when it is hidden. */
    String errorText(String query) {
        Label label = lookup(query).queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    Stage windowOf(String query) {
        return (Stage) lookup(query).query().getScene().getWindow();
    }

    DialogPane awaitDialog(String query) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists(query));
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(query).queryAs(DialogPane.class);
    }

    /** The text of the message dialog, once it shows. */
    String messageText() throws Exception {
        return awaitDialog("#messageDialog").getContentText();
    }

    /** Clicks the message dialog's OK and waits until it is gone. */
    void clickOk() throws Exception {
        DialogPane message = awaitDialog("#messageDialog");
        clickOn(button(message, "OK"));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#messageDialog"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Button button(DialogPane pane, String text) {
        for (ButtonType type : pane.getButtonTypes()) {
            Button button = (Button) pane.lookupButton(type);
            if (button.getText().replace("_", "").equals(text)) {
                return button;
            }
        }
        throw new AssertionError("no button " + text + " in " + buttonTexts(pane));
    }

    static List<String> buttonTexts(DialogPane pane) {
        return pane.getButtonTypes().stream().map(t -> ((Button) pane.lookupButton(t)).getText().replace("_", "")).toList();
    }

    TableView<MailRow> mailbox() {
        return lookup("#demoMailTable").query();
    }

    /** Waits (the window refreshes itself) until a mail to {@code recipient} is listed. */
    MailRow awaitMail(String recipient) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable")
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(recipient)));
        return mailbox().getItems().stream().filter(m -> m.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    /** Selects the mail by keyboard (focus on the table, Enter) and reads the password from its text. */
    String openMailAndReadPassword(MailRow mail) throws Exception {
        TableView<MailRow> table = mailbox();
        interact(() -> {
            windowOf("#demoMailbox").requestFocus();
            table.requestFocus();
            table.getFocusModel().focus(table.getItems().indexOf(mail));
        });
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#demoMailBody").queryAs(TextArea.class).getText().isEmpty());
        TextArea body = lookup("#demoMailBody").queryAs(TextArea.class);
        assertThat(body.isEditable()).isFalse();
        assertThat(body.isFocused()).as("Enter moves to the text").isTrue();
        assertThat(body.getText()).contains("Identifiant : F0001");
        Matcher matcher = NEW_PASSWORD.matcher(body.getText());
        assertThat(matcher.find()).as(body.getText()).isTrue();
        return matcher.group(1);
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
    }

    private int mailsInDatabase() throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement("select count(*) from tutti.mail_outbox");
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int liveSessions() throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement("select count(*) from tutti.app_session s"
                + " join tutti.account a on a.id = s.account_id where a.identifier = 'F0001' and s.ended_at is null"
                + " and s.expires_at > current_timestamp"); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
