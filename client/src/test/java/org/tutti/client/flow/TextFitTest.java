package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.CutTexts;
import org.tutti.client.ui.MnemonicClashes;

/**
 * Every screen, table and dialog of the demo, as a family (F0001) and as the front desk
 * (ACCUEIL), at the window's default size and at full width: no label, title, column title,
 * cell or button shows less than its text ("Formation m…", "Quitter la ...").
 */
class TextFitTest extends FamilyScreens {

    private final List<String> cut = new ArrayList<>();
    // issue 15 — keyboard: each window's Alt+letters, checked on the same walk
    private final List<String> mnemonics = new ArrayList<>();

    /**
     * The primary stage is shared by the tests of this JVM and keeps the size the last one left;
     * the application only grows it to its default. Smaller than that first, so that the main
     * window opens at its default size.
     */
    @BeforeEach
    void defaultSize() throws Exception {
        Stage shared = FxToolkit.registerPrimaryStage();
        interact(() -> {
            shared.setWidth(640);
            shared.setHeight(600);
        });
    }

    @Test
    void theFamilysScreensShowTheirWholeTexts() throws Exception {
        startAndLogIn();
        int students = DemoData.f0001().students().size();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeStudents")
                && lookup("#homeStudents").queryAs(Pane.class).getChildren().size() == students);
        check("Accueil");

        openFamily();
        check("Famille");

        clickOn("#navStudents");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#coursesTableBusy")
                && !lookup("#coursesTableBusy").query().isVisible());
        for (String tab : List.of("#tabIdentity", "#tabCourses", "#tabHistory", "#tabRepertoire")) {
            clickOn(tab);
            check("Élèves " + tab);
        }

        // Réinscription (BELLERIVE's campaign is open), then its import dialog
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#tabReenrolment"));
        clickOn("#tabReenrolment");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#reenrolChoices").queryAs(Pane.class).getChildren().isEmpty());
        check("Élèves #tabReenrolment");
        javafx.scene.control.CheckBox administrative = lookup("#reenrolAdministrative").query();
        if (!administrative.isDisabled()) {
            interact(() -> administrative.setSelected(true));
            interact(() -> lookup("#reenrolImport").queryButton().fire());
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#importDialog"));
            check("Importer un document");
            interact(() -> lookup("#importDialog").query().getScene().getWindow().hide());
            interact(() -> administrative.setSelected(false));
        }

        // a course's follow-up window and its tabs
        clickOn("#tabCourses");
        TableView<?> courses = lookup("#coursesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !courses.getItems().isEmpty());
        for (int row = 0; row < courses.getItems().size(); row++) {
            int index = row;
            interact(() -> {
                courses.requestFocus();
                courses.getSelectionModel().select(index);
            });
            type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#courseWindow")
                    && !lookup("#courseBusy").query().isVisible());
            Node window = lookup("#courseWindow").query();
            check("Cours, ligne " + (row + 1));
            for (String tab : List.of("#tabEvaluations", "#tabAbsences")) {
                clickOn(from(window).lookup(tab).queryAs(Node.class));
                check("Cours, ligne " + (row + 1) + " " + tab);
            }
            interact(() -> window.getScene().getWindow().hide());
        }

        // at full width too, then back (the next test's window starts from this stage's size)
        double[] before = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        interact(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        });
        check("Élèves › Cours, pleine largeur");
        clickOn("#navHome");
        check("Accueil, pleine largeur");
        interact(() -> {
            stage.setX(before[0]);
            stage.setY(before[1]);
            stage.setWidth(before[2]);
            stage.setHeight(before[3]);
        });

        // issue 14 — Facturation: both tabs, their invoices and payments, Payer en ligne and its note
        clickOn("#navBilling");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#feeInvoicesTable")
                && !lookup("#feeInvoicesTable").queryTableView().getItems().isEmpty()
                && !lookup("#billingLoading").query().isVisible());
        check("Facturation cotisations");
        clickOn("#tabRentals");
        check("Facturation locations");
        clickOn("#tabFees");

        // Mot de passe, then the question asked when leaving it half-typed
        clickOn("#navPassword");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#passwordCurrent"));
        check("Mot de passe");
        interact(() -> lookup("#passwordCurrent").queryAs(PasswordField.class).setText("bellerive"));
        clickOn("#navHome");
        DialogPane leave = awaitDialog("#confirmDialog");
        check("Quitter la page ?");
        clickOn(button(leave, "Annuler"));
        interact(() -> lookup("#passwordCurrent").queryAs(PasswordField.class).setText(""));

        clickOn("#navDemoMailbox");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable"));
        check("Boîte mail (démo)");
        interact(() -> lookup("#demoMailbox").query().getScene().getWindow().hide());

        // Déconnexion: the login window and Mot de passe perdu
        clickOn("#navLogout");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));
        check("Connexion");
        clickOn("#lostPassword");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#lostEmail"));
        check("Mot de passe perdu");

        assertThat(cut).as("texts shown cut short").isEmpty();
        assertThat(mnemonics).as("Alt+letters missing or shared").isEmpty();
    }

    @Test
    void theFrontDesksScreensShowTheirWholeTexts() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navValidations"));
        check("Accueil (accueil)");

        clickOn("#navValidations");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationsList")
                && !lookup("#validationsList").queryAs(javafx.scene.control.TreeView.class).getRoot().getChildren().isEmpty());
        interact(() -> {
            javafx.scene.control.TreeView<?> tree = lookup("#validationsList").queryAs(javafx.scene.control.TreeView.class);
            tree.requestFocus();
            tree.getSelectionModel().select(1);
        });
        check("Validations");

        // Réinscriptions: a request with its documents, one in the viewer, the campaign tab and its dialogs
        clickOn("#navReenrolments");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#reenrolmentsTable")
                && !lookup("#reenrolmentsTable").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> documents = selectRequestWithDocuments();
        check("Réinscriptions");
        interact(() -> {
            documents.requestFocus();
            documents.getSelectionModel().select(0);
        });
        interact(() -> javafx.event.Event.fireEvent(documents, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#pdfPage")
                && lookup("#pdfPage").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        check("Visionneuse de document");
        interact(() -> lookup("#pdfViewer").query().getScene().getWindow().hide());
        clickOn("#tabReenrolmentCampaign");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#documentTypesTable").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> lookup("#documentTypesTable").queryAs(TableView.class).getSelectionModel().select(0));
        check("Réinscriptions › Campagne et documents");
        clickOn("#documentTypeAdd");
        DialogPane add = awaitDialog("#documentTypeDialog");
        check("Ajouter un document demandé");
        clickOn(button(add, "Annuler"));
        clickOn("#campaignClose");
        DialogPane close = awaitDialog("#confirmDialog");
        check("Fermer la campagne ?");
        clickOn(button(close, "Annuler"));

        // issue 14 — Facturation at the front desk: F0001 open, and each of its dialogs
        clickOn("#navBilling");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#billingFamilySearch"));
        check("Facturation (accueil), aucune famille");
        interact(() -> lookup("#billingFamilySearch").queryAs(javafx.scene.control.TextField.class).setText("F0001"));
        TableView<?> results = lookup("#billingFamilyResults").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        interact(() -> {
            results.requestFocus();
            results.getSelectionModel().select(0);
        });
        interact(() -> javafx.event.Event.fireEvent(results, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        TableView<?> invoices = lookup("#feeInvoicesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !invoices.getItems().isEmpty()
                && !lookup("#rentalsTable").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> {
            invoices.requestFocus();
            invoices.getSelectionModel().select(0);
        });
        check("Facturation (accueil), F0001");
        for (String id : new String[] {"invoice", "payment", "creditNote", "rental"}) {
            String opener = switch (id) {
                case "invoice" -> "#invoiceCreate";
                case "payment" -> "#paymentRecord";
                case "creditNote" -> "#creditNoteCreate";
                default -> "#rentalCreate";
            };
            assertThat(lookup(opener).query().isDisabled()).as(opener).isFalse();
            interact(() -> lookup(opener).queryButton().fire());
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#" + id + "Dialog"));
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#" + id + "Dialog").query()
                    .lookupAll(".progress-indicator").stream().noneMatch(javafx.scene.Node::isVisible));
            check("Facturation (accueil), dialogue " + id);
            interact(() -> lookup("#" + id + "Cancel").queryButton().fire());
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#" + id + "Dialog"));
        }

        assertThat(cut).as("texts shown cut short").isEmpty();
        assertThat(mnemonics).as("Alt+letters missing or shared").isEmpty();
    }

    /** Selects the first request that has documents; returns the table of its documents. */
    private TableView<?> selectRequestWithDocuments() throws Exception {
        TableView<?> requests = lookup("#reenrolmentsTable").queryAs(TableView.class);
        TableView<?> documents = lookup("#reenrolmentDocuments").queryAs(TableView.class);
        for (int row = 0; row < requests.getItems().size(); row++) {
            int index = row;
            interact(() -> requests.getSelectionModel().select(index));
            Object chosen = requests.getItems().get(index);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> exists("#reenrolmentFamily")
                        && !lookup("#reenrolmentFamily").queryAs(javafx.scene.control.TextField.class).getText().isBlank()
                        && !documents.getItems().isEmpty());
                if (requests.getSelectionModel().getSelectedItem() == chosen) {
                    return documents;
                }
            } catch (java.util.concurrent.TimeoutException none) {
                // this one has no documents: the next
            }
        }
        throw new AssertionError("no request with documents in the demo");
    }

    /** Notes every cut text in the windows shown now. */
    private void check(String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = WaitForAsyncUtils.asyncFx(CutTexts::inShowingWindows).get();
        found.forEach(c -> cut.add(where + " — " + c));
        List<String> clashes = WaitForAsyncUtils.asyncFx(MnemonicClashes::inShowingWindows).get();
        clashes.stream().filter(c -> mnemonics.stream().noneMatch(m -> m.endsWith(" — " + c)))
                .forEach(c -> mnemonics.add(where + " — " + c));
    }

    private static Button button(DialogPane dialog, String text) {
        for (ButtonType type : dialog.getButtonTypes()) {
            Button button = (Button) dialog.lookupButton(type);
            if (button.getText().replace("_", "").equals(text)) {
                return button;
            }
        }
        throw new AssertionError("no button " + text + " in " + dialog.getId());
    }
}
