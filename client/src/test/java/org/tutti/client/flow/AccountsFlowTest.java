package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyAccount;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.ui.common.FileChoosers;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;

/**
 * Comptes at the front desk on the seeded embedded demo, as a receptionist runs it: ACCUEIL
 * creates a family's account (the next identifier of the site, in the list), prints its letter
 * (the viewer shows it; saved, its text holds the identifier, the password and the address
 * block), sends a first password by e-mail (the mail arrives in the demo mailbox and its
 * password logs in), resets it by letter (the mailed one no longer logs in), and locks F0002
 * (its right password is refused on the login window) then unlocks it (it logs in again).
 */
class AccountsFlowTest extends AppHarness {

    private static final Pattern MAILED_PASSWORD = Pattern.compile("Mot de passe : (\\S+)");

    @TempDir
    Path dataFolder;

    @TempDir
    Path files;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void aReceptionistCreatesAnAccountHandsItOverResetsItAndLocksOne() throws Exception {
        DemoData.copyInto(dataFolder);
        DemoSql sql = new DemoSql(dataFolder);
        long last = sql.longValue("select max(cast(substring(identifier, 2) as int)) from tutti.family f"
                + " join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE'");
        String expected = String.format("F%04d", last + 1);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        openAccounts();

        // Nouveau compte…: the family's fields, the identifier at the end
        clickOn("#accountCreate");
        await("the form", () -> exists("#newAccountDialog"));
        interact(() -> {
            text("#newAccountLastName").setText("Nguyễn");
            text("#newAccountFirstName").setText("Léa");
            text("#newAccountAddress1").setText("3 rue des Lilas");
            text("#newAccountPostalCode").setText("6900");
            text("#newAccountCity").setText("Lyon");
            text("#newAccountEmail").setText("lea.nguyen@example.org");
        });
        clickOn("#newAccountConfirm");
        await("the refusal", () -> label("#newAccountError").isVisible());
        assertThat(label("#newAccountError").getText()).isEqualTo("Valeur refusée : Code postal.");
        assertThat(text("#newAccountLastName").getText()).as("nothing typed is lost").isEqualTo("Nguyễn");
        interact(() -> text("#newAccountPostalCode").setText("69001"));
        clickOn("#newAccountConfirm");
        DialogPane created = awaitDialog("#accountCreatedDialog");
        assertThat(created.getHeaderText()).isEqualTo("Compte " + expected + " créé");
        assertThat(sql.string("select email from tutti.account where identifier = '" + expected + "'"))
                .isEqualTo("lea.nguyen@example.org");

        // … Imprimer la lettre: the viewer shows it
        Set<Window> before = showingWindows();
        clickOn(lookup("#accountCreatedLetter").queryButton());
        String letter = saveViewer(before, files.resolve("lettre.pdf"));
        assertThat(letter).contains("Identifiant " + expected, "Mme Léa NGUYỄN", "3 rue des Lilas", "69001 Lyon",
                "Objet : votre compte Tutti", "Installez Tutti");
        Matcher printed = Pattern.compile("Mot de passe ([A-Za-z2-9]{12})").matcher(letter);
        assertThat(printed.find()).as(letter).isTrue();
        await("listed and selected", () -> selected() != null && selected().identifier().equals(expected));
        assertThat(label("#accountsStatus").getText()).isEqualTo("Lettre du compte " + expected
                + " prête : son nouveau mot de passe n’est imprimé que sur elle.");

        // Envoyer par e-mail: confirmed, then in the demo mailbox
        clickOn("#accountSendMail");
        clickOn(button(awaitDialog("#confirmDialog"), "Envoyer"));
        await("said", () -> label("#accountsStatus").getText().startsWith("Un nouveau mot de passe du compte " + expected));
        String mailed = mailedPassword("lea.nguyen@example.org", expected);

        // the mailed password logs in; the printed one no longer does
        logOut();
        logInByKeyboard(expected, printed.group(1));
        await("refused", () -> label("#loginError").isVisible());
        logIn(expected, mailed);
        await("the family's home", () -> exists("#navFamily"));
        logOut();

        // Réinitialiser… by letter: the mailed password no longer logs in
        logIn("ACCUEIL", "bellerive");
        openAccounts();
        selectAccount(expected);
        clickOn("#accountReset");
        awaitDialog("#accountResetDialog");
        before = showingWindows();
        clickOn(lookup("#accountResetLetter").queryButton());
        String second = saveViewer(before, files.resolve("lettre2.pdf"));
        assertThat(second).contains("Identifiant " + expected).doesNotContain(printed.group(1));
        logOut();
        logIn(expected, mailed);
        await("refused", () -> label("#loginError").isVisible());

        // Verrouiller F0002: its right password is refused; Déverrouiller: it logs in again
        logIn("ACCUEIL", "bellerive");
        openAccounts();
        selectAccount("F0002");
        assertThat(lookup("#accountLock").queryButton().getText()).isEqualTo("V_errouiller");
        clickOn("#accountLock");
        await("locked", () -> label("#accountsStatus").getText().equals(
                "Compte F0002 verrouillé : la famille ne peut plus se connecter."));
        await("its state", () -> selected() != null && selected().locked());
        assertThat(lookup("#accountLock").queryButton().getText()).isEqualTo("Dév_errouiller");
        logOut();
        logIn("F0002", "bellerive");
        await("refused", () -> label("#loginError").isVisible());
        assertThat(label("#loginError").getText()).isNotBlank();
        logIn("ACCUEIL", "bellerive");
        openAccounts();
        interact(() -> lookup("#accountsFilter").queryComboBox().getSelectionModel().select(
                org.tutti.client.domain.AccountFilter.LOCKED));
        await("the locked list", () -> accounts().getItems().size() == 1
                && accounts().getItems().get(0).identifier().equals("F0002"));
        selectAccount("F0002");
        clickOn("#accountLock");
        await("unlocked", () -> label("#accountsStatus").getText().startsWith("Compte F0002 déverrouillé"));
        logOut();
        logIn("F0002", "bellerive");
        await("F0002's home", () -> exists("#navFamily"));
    }

    @Test
    void aReceptionistFindsAnAccountByKeyboardAndOpensItsFamilysFile() throws Exception {
        DemoData.copyInto(dataFolder);
        DemoSql sql = new DemoSql(dataFolder);
        long accounts = sql.longValue("select count(*) from tutti.account a join tutti.site s on s.id = a.site_id"
                + " where s.code = 'BELLERIVE' and a.role = 'FAMILY'");
        String lastName = sql.string("select f.last_name from tutti.family f where f.identifier = 'F0002'");
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        openAccounts();
        int listed = (int) Math.min(accounts, FamilyAccountsService.MAX_LISTED);
        await(listed + " accounts listed", () -> accounts().getItems().size() == listed);
        assertThat(label("#accountsListNote").getText()).isEqualTo(accounts > FamilyAccountsService.MAX_LISTED
                ? "Les 200 premiers comptes, par identifiant : tapez un nom, un identifiant, un élève, un e-mail"
                        + " ou un téléphone pour trouver les autres."
                : "");

        press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F).release(KeyCode.SHORTCUT);
        await("the search has the focus", () -> stage.getScene().getFocusOwner() == lookup("#accountsSearch").query());
        write(lastName.toUpperCase(Locale.ROOT));
        await("F0002 found by its name", () -> !accounts().getItems().isEmpty()
                && accounts().getItems().stream().anyMatch(a -> a.identifier().equals("F0002"))
                && accounts().getItems().stream().allMatch(a -> a.familyName().contains(lastName)));
        assertThat(label("#accountsListNote").getText()).isEmpty();

        press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F).release(KeyCode.SHORTCUT);
        write("zzqx");
        await("nothing found, and the list says what was searched", () -> accounts().getItems().isEmpty()
                && accounts().getPlaceholder() instanceof Label placeholder
                && placeholder.getText().equals("Aucun compte ne correspond à « zzqx »."));

        press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F).release(KeyCode.SHORTCUT);
        write("f0002");
        await("F0002 alone", () -> accounts().getItems().size() == 1
                && accounts().getItems().get(0).identifier().equals("F0002"));
        type(KeyCode.ENTER);
        await("F0002's file", () -> exists("#familyFile"));
        assertThat(((Stage) lookup("#familyFile").query().getScene().getWindow()).getTitle())
                .startsWith("F0002 — ");
    }

    // ------------------------------------------------------------------------------ helpers

    private void openAccounts() throws Exception {
        await("the navigation", () -> exists("#navAccounts"));
        clickOn("#navAccounts");
        await("the accounts", () -> exists("#accountsTable") && !accounts().getItems().isEmpty());
    }

    private TableView<FamilyAccount> accounts() {
        return lookup("#accountsTable").query();
    }

    private FamilyAccount selected() {
        return accounts().getSelectionModel().getSelectedItem();
    }

    private void selectAccount(String identifier) throws Exception {
        await(identifier + " listed", () -> accounts().getItems().stream().anyMatch(a -> a.identifier().equals(identifier)));
        interact(() -> {
            TableView<FamilyAccount> table = accounts();
            FamilyAccount row = table.getItems().stream().filter(a -> a.identifier().equals(identifier)).findFirst()
                    .orElseThrow();
            table.requestFocus();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        await(identifier + " selected", () -> selected() != null && selected().identifier().equals(identifier)
                && !lookup("#accountLock").queryButton().isDisabled());
    }

    /** The viewer that opened: a page drawn, Enregistrer to {@code target}, closed; the PDF's text. */
    private String saveViewer(Set<Window> before, Path target) throws Exception {
        Stage viewer = awaitWindow("pdfViewer", before);
        await("a page drawn", () -> {
            Node page = viewer.getScene().lookup("#pdfPage");
            return page instanceof ImageView image && image.getImage() != null;
        });
        assertThat(viewer.getTitle()).contains("Lettre d’accès — ");
        System.setProperty(FileChoosers.ANSWER_PROPERTY, target.toString());
        interact(() -> ((Button) viewer.getScene().lookup("#pdfSave")).fire());
        await("the PDF saved", () -> Files.exists(target) && Files.size(target) > 1000);
        System.clearProperty(FileChoosers.ANSWER_PROPERTY);
        press(viewer.getScene().getRoot(), KeyCode.ESCAPE);
        await("the viewer closed", () -> !viewer.isShowing());
        try (PDDocument document = Loader.loadPDF(target.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t\\r\\n]+", " ");
        }
    }

    /** Opens the demo mailbox, waits for the mail to {@code recipient}, reads its password and closes it. */
    private String mailedPassword(String recipient, String identifier) throws Exception {
        clickOn("#navDemoMailbox");
        await("the mail", () -> exists("#demoMailTable") && mailbox().getItems().stream()
                .anyMatch(m -> m.recipient().equals(recipient)));
        MailRow mail = mailbox().getItems().stream().filter(m -> m.recipient().equals(recipient)).findFirst()
                .orElseThrow();
        assertThat(mail.subject()).isEqualTo("Votre compte Tutti");
        Stage window = (Stage) lookup("#demoMailbox").query().getScene().getWindow();
        interact(() -> {
            window.requestFocus();
            mailbox().requestFocus();
            mailbox().getFocusModel().focus(mailbox().getItems().indexOf(mail));
        });
        press(mailbox(), KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#demoMailBody").queryAs(TextArea.class).getText().isEmpty());
        String body = lookup("#demoMailBody").queryAs(TextArea.class).getText();
        assertThat(body).contains("Identifiant : " + identifier, "Installez Tutti");
        Matcher matcher = MAILED_PASSWORD.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        interact(window::close);
        return matcher.group(1);
    }

    private TableView<MailRow> mailbox() {
        return lookup("#demoMailTable").query();
    }

    private void logOut() throws Exception {
        targetWindow(stage);
        interact(() -> lookup("#navLogout").queryButton().fire());
        waitUntilLoginEnabled();
    }

    /** Empties the login fields, then types identifier and password and presses Enter. */
    private void logIn(String identifier, String password) throws Exception {
        targetWindow(stage);
        waitUntilLoginEnabled();
        interact(() -> {
            lookup("#loginIdentifier").queryAs(TextField.class).clear();
            lookup("#loginPassword").queryAs(TextField.class).clear();
        });
        logInByKeyboard(identifier, password);
    }

    private TextField text(String query) {
        return lookup(query).queryAs(TextField.class);
    }

    private Label label(String query) {
        return lookup(query).queryAs(Label.class);
    }

    private DialogPane awaitDialog(String query) throws Exception {
        await(query, () -> exists(query));
        return lookup(query).queryAs(DialogPane.class);
    }

    private static Button button(DialogPane pane, String text) {
        for (ButtonType type : pane.getButtonTypes()) {
            Button button = (Button) pane.lookupButton(type);
            if (button.getText().replace("_", "").equals(text)) {
                return button;
            }
        }
        throw new AssertionError("No button " + text);
    }

    private void press(Node target, KeyCode key) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false,
                false)));
    }
}
