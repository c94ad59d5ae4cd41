package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.common.ThemeManager;

/**
 * The README's screenshots, taken from the real application (login.png, home.png, password.png,
 * lost-password.png, demo-mailbox.png, validations.png, family.png, student-courses.png,
 * course-follow-up.png, student-reenrolment.png, staff-reenrolments.png, document-viewer.png,
 * family-billing.png, pdf-viewer.png, staff-billing.png, staff-invoice.png, family-search.png, family-file.png,
 * staff-accounts.png, account-letter.png, for the manuals student-identity.png, student-history.png,
 * student-repertoire.png, staff-home.png, staff-absences.png, staff-evaluation.png, staff-settings.png, and in the
 * accessibility mode accessible-light-login.png, accessible-dark-login.png, accessible-light-student-courses.png,
 * accessible-dark-student-courses.png, accessible-light-billing.png, accessible-dark-billing.png) in
 * the folder of the system property {@code tutti.screenshots.dir}, which
 * surefire sets to {@code client/target/screenshots}: a test run leaves the tracked pictures alone.
 * {@code mvn -B verify -Pscreenshots} runs this class only and copies its pictures into
 * {@code src-docs/screenshots}.
 */
class ScreenshotTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void loginAndHomeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("tutti.screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        interact(() -> {
            stage.setWidth(640);
            stage.setHeight(640);
        });
        waitUntilLoginEnabled();
        WaitForAsyncUtils.waitForFxEvents();
        Path login = snapshot(out.resolve("login.png"));

        logInByKeyboard("F0001", "bellerive");
        int students = DemoData.f0001().students().size();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeStudents")
                && lookup("#homeStudents").queryAs(Pane.class).getChildren().size() == students);
        WaitForAsyncUtils.waitForFxEvents();
        Path home = snapshot(out.resolve("home.png"));

        // Mot de passe, with the message a mismatch gives
        clickOn("#navPassword");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#passwordCurrent"));
        interact(() -> {
            lookup("#passwordCurrent").queryAs(javafx.scene.control.PasswordField.class).setText("bellerive");
            lookup("#passwordNew").queryAs(javafx.scene.control.PasswordField.class).setText("Melodie en sol 2026");
            lookup("#passwordConfirm").queryAs(javafx.scene.control.PasswordField.class).setText("Melodie en sol 2062");
            lookup("#passwordSubmit").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path password = snapshot(out.resolve("password.png"));
        interact(() -> lookup("#passwordConfirm").queryAs(javafx.scene.control.PasswordField.class).setText(""));
        interact(() -> lookup("#passwordCurrent").queryAs(javafx.scene.control.PasswordField.class).setText(""));
        interact(() -> lookup("#passwordNew").queryAs(javafx.scene.control.PasswordField.class).setText(""));
        clickOn("#navLogout");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));

        // Mot de passe perdu, filled in
        interact(() -> lookup("#loginIdentifier").queryAs(javafx.scene.control.TextField.class).setText("F0001"));
        clickOn("#lostPassword");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#lostEmail"));
        interact(() -> lookup("#lostEmail").queryAs(javafx.scene.control.TextField.class).setText("f0001@example.org"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window lostWindow = lookup("#lostEmail").query().getScene().getWindow();
        Path lost = snapshot(lostWindow.getScene(), out.resolve("lost-password.png"));
        clickOn("#lostSubmit");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#messageDialog"));
        javafx.scene.control.DialogPane sent = lookup("#messageDialog").queryAs(javafx.scene.control.DialogPane.class);
        interact(() -> ((javafx.scene.control.Button) sent.lookupButton(sent.getButtonTypes().get(0))).fire());
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !lostWindow.isShowing());

        // the demo mailbox with the new password's mail open
        clickOn("#openDemoMailbox");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable")
                && lookup("#demoMailTable").queryTableView().getItems().stream()
                        .anyMatch(m -> m.toString().contains("f0001@example.org")));
        interact(() -> {
            TableView<?> table = lookup("#demoMailTable").queryTableView();
            table.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#demoMailBody").queryAs(javafx.scene.control.TextArea.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path mailbox = snapshot(lookup("#demoMailbox").query().getScene(), out.resolve("demo-mailbox.png"));

        assertThat(Files.size(password)).isGreaterThan(5_000);
        assertThat(Files.size(lost)).isGreaterThan(5_000);
        assertThat(Files.size(mailbox)).isGreaterThan(5_000);
        assertThat(ImageIO.read(home.toFile()).getWidth()).as("main window width").isGreaterThanOrEqualTo(1000);
        assertThat(Files.size(login)).isGreaterThan(5_000);
        assertThat(Files.size(home)).isGreaterThan(5_000);
    }

    @Test
    void validationsScreenshot() throws Exception {
        Path out = Path.of(System.getProperty("tutti.screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navValidations"));
        clickOn("#navValidations");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationsList")
                && !lookup("#validationsList").queryAs(javafx.scene.control.TreeView.class).getRoot().getChildren().isEmpty());
        interact(() -> {
            javafx.scene.control.TreeView<?> tree = lookup("#validationsList").queryAs(javafx.scene.control.TreeView.class);
            tree.requestFocus();
            tree.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path validations = snapshot(out.resolve("validations.png"));
        assertThat(Files.size(validations)).isGreaterThan(5_000);
    }

    @Test
    void reenrolmentsAndDocumentViewerScreenshots() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navReenrolments"));
        clickOn("#navReenrolments");
        TableView<?> requests = lookup("#reenrolmentsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !requests.getItems().isEmpty());
        // a request with its documents (the demo gives every second pending one a PNG and a PDF)
        TableView<?> documents = lookup("#reenrolmentDocuments").queryAs(TableView.class);
        for (int row = 0; row < requests.getItems().size() && documents.getItems().isEmpty(); row++) {
            int index = row;
            interact(() -> {
                requests.requestFocus();
                requests.getSelectionModel().select(index);
            });
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !documents.getItems().isEmpty());
            } catch (java.util.concurrent.TimeoutException none) {
                // no documents: the next request
            }
        }
        assertThat(documents.getItems()).as("a request with documents").isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        Path reenrolments = snapshot(out.resolve("staff-reenrolments.png"));
        assertThat(Files.size(reenrolments)).isGreaterThan(5_000);

        int pdf = 0;
        for (int i = 0; i < documents.getItems().size(); i++) {
            if (((org.tutti.client.domain.StoredDocument) documents.getItems().get(i)).contentType().equals("application/pdf")) {
                pdf = i;
            }
        }
        int row = pdf;
        interact(() -> {
            documents.requestFocus();
            documents.getSelectionModel().select(row);
        });
        interact(() -> javafx.event.Event.fireEvent(documents, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#pdfPage")
                && lookup("#pdfPage").queryAs(javafx.scene.image.ImageView.class).getImage() != null
                && !lookup("#pdfBusy").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Path viewer = snapshot(lookup("#pdfViewer").query().getScene(), out.resolve("document-viewer.png"));
        assertThat(Files.size(viewer)).isGreaterThan(5_000);
    }

    @Test
    void familyScreenshot() throws Exception {
        Path out = loggedInToTheDemoAs("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navFamily"));
        clickOn("#navFamily");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#familyLastName")
                && !lookup("#familyLastName").queryAs(javafx.scene.control.TextField.class).getText().isEmpty()
                && !lookup("#familyLastName").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        Path family = snapshot(out.resolve("family.png"));
        assertThat(Files.size(family)).isGreaterThan(5_000);
    }

    @Test
    void coursesAndFollowUpScreenshots() throws Exception {
        Path out = loggedInToTheDemoAs("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navStudents"));
        clickOn("#navStudents");
        clickOn("#tabCourses");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#coursesTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path courses = snapshot(out.resolve("student-courses.png"));
        assertThat(Files.size(courses)).isGreaterThan(5_000);

        TableView<?> table = lookup("#coursesTable").queryAs(TableView.class);
        interact(() -> table.getSelectionModel().select(0));
        clickOn(table);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#courseWindow"));
        clickOn("#tabEvaluations");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#evaluationsTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path followUp = snapshot(lookup("#courseWindow").query().getScene(), out.resolve("course-follow-up.png"));
        assertThat(Files.size(followUp)).isGreaterThan(5_000);
    }

    @Test
    void reenrolmentScreenshot(@TempDir Path files) throws Exception {
        Path out = loggedInToTheDemoAs("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navStudents"));
        interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(1040);
        });
        clickOn("#navStudents");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#tabReenrolment"));
        clickOn("#tabReenrolment");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#reenrolChoices").queryAs(Pane.class).getChildren().isEmpty());
        // filled as a parent would before Valider: a course ticked, the required document imported, a comment
        javafx.scene.control.CheckBox course = (javafx.scene.control.CheckBox)
                lookup("#reenrolChoices").queryAs(Pane.class).getChildren().get(0);
        if (!course.isDisabled()) {
            interact(() -> course.setSelected(true));
            System.setProperty(org.tutti.client.ui.common.FileChoosers.ANSWER_PROPERTY,
                    org.tutti.client.documents.SampleFiles.pdf(files, "justificatif-domicile.pdf").toString());
            try {
                interact(() -> lookup("#reenrolImport").queryButton().fire());
                WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#importDialog"));
                interact(() -> lookup("#importBrowse").queryButton().fire());
                interact(() -> lookup("#importSubmit").queryButton().fire());
                WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#importDialog"));
            } finally {
                System.clearProperty(org.tutti.client.ui.common.FileChoosers.ANSWER_PROPERTY);
            }
            interact(() -> lookup("#reenrolComment").queryAs(javafx.scene.control.TextArea.class)
                    .setText("Si possible, le cours de piano le mercredi après-midi."));
        }
        WaitForAsyncUtils.waitForFxEvents();
        Path reenrolment = snapshot(out.resolve("student-reenrolment.png"));
        assertThat(Files.size(reenrolment)).isGreaterThan(5_000);
    }

    /** Issue 14: the family's Facturation (F0001's fee invoices and payments), then an invoice's duplicate in the PDF viewer. */
    @Test
    void billingAndPdfViewerScreenshots() throws Exception {
        Path out = loggedInToTheDemoAs("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navBilling"));
        clickOn("#navBilling");
        TableView<?> invoices = firstFeeInvoiceSelected();
        Path billing = snapshot(out.resolve("family-billing.png"));
        assertThat(Files.size(billing)).isGreaterThan(5_000);

        interact(() -> javafx.event.Event.fireEvent(invoices, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#pdfPage")
                && lookup("#pdfPage").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Path viewer = snapshot(lookup("#pdfViewer").query().getScene(), out.resolve("pdf-viewer.png"));
        assertThat(Files.size(viewer)).isGreaterThan(5_000);
    }

    /** Issue 14: Facturation at the front desk, F0001 found and open (its fee invoices, its rentals). */
    @Test
    void staffBillingScreenshot() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navBilling"));
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        clickOn("#navBilling");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#billingFamilySearch"));
        interact(() -> lookup("#billingFamilySearch").queryAs(javafx.scene.control.TextField.class).setText("f000"));
        TableView<org.tutti.client.domain.FamilyOption> results = lookup("#billingFamilyResults").query();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !results.getItems().isEmpty()
                && results.getItems().stream().allMatch(f -> f.identifier().startsWith("F000")));
        interact(() -> {
            results.requestFocus();
            results.getSelectionModel().select(results.getItems().stream()
                    .filter(f -> f.identifier().equals("F0001")).findFirst().orElseThrow());
            javafx.event.Event.fireEvent(results, new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        firstFeeInvoiceSelected();
        Path billing = snapshot(out.resolve("staff-billing.png"));
        assertThat(Files.size(billing)).isGreaterThan(5_000);

        // Nouvelle facture… with two lines typed
        clickOn("#invoiceCreate");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#invoiceDialog"));
        interact(() -> {
            lookup("#invoiceLineLabel1").queryAs(javafx.scene.control.TextField.class).setText("Piano — cours individuel");
            lookup("#invoiceLinePrice1").queryAs(javafx.scene.control.TextField.class).setText("420");
            lookup("#invoiceLineAdd").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#invoiceLineLabel2"));
        interact(() -> {
            lookup("#invoiceLineLabel2").queryAs(javafx.scene.control.TextField.class).setText("Formation musicale");
            lookup("#invoiceLineQuantity2").queryAs(javafx.scene.control.TextField.class).setText("2");
            lookup("#invoiceLinePrice2").queryAs(javafx.scene.control.TextField.class).setText("37,5");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path invoice = snapshot(lookup("#invoiceDialog").query().getScene(), out.resolve("staff-invoice.png"));
        assertThat(Files.size(invoice)).isGreaterThan(5_000);
    }

    // issue 16 — search: Familles at the front desk, a search typed and its families found
    /** Issue 16: "Familles (recherche)": the families that "ma" finds at BELLERIVE (Martin, Marie, Mathis…). */
    @Test
    void familySearchScreenshot() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navFamilies"));
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        clickOn("#navFamilies");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#familySearch"));
        // two letters that many French names and first names start with
        String typed = "ma";
        clickOn("#familySearch").write(typed);
        TableView<org.tutti.client.domain.FamilyMatch> results = lookup("#familyResults").query();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !results.getItems().isEmpty()
                && !lookup("#familySearchBusy").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Path search = snapshot(out.resolve("family-search.png"));
        assertThat(Files.size(search)).isGreaterThan(5_000);
    }

    /** Issue 16 — file: "Dossier famille", F0001's file window on its Famille tab. */
    @Test
    void familyFileScreenshot() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        javafx.stage.Stage file = FamilyFileFlowTest.openFile(this, "F0001");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !lookup("#fileAccount")
                .queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        interact(() -> {
            file.setWidth(1280);
            file.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path picture = snapshot(file.getScene(), out.resolve("family-file.png"));
        assertThat(Files.size(picture)).isGreaterThan(5_000);
    }

    // issue 16 — accounts: Comptes at the front desk and an access letter in the PDF viewer

    /** Issue 16: Comptes (F0001 selected), then its access letter ("Lettre d’accès") in the PDF viewer. */
    @Test
    void accountsAndLetterScreenshots() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navAccounts"));
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        clickOn("#navAccounts");
        TableView<org.tutti.client.domain.FamilyAccount> accounts = lookup("#accountsTable").query();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !accounts.getItems().isEmpty());
        interact(() -> {
            accounts.requestFocus();
            accounts.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS,
                () -> !lookup("#accountLetter").queryButton().isDisabled());
        Path list = snapshot(out.resolve("staff-accounts.png"));
        assertThat(Files.size(list)).isGreaterThan(5_000);

        WaitForAsyncUtils.asyncFx(() -> lookup("#accountLetter").queryButton().fire());
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#confirmDialog"));
        javafx.scene.control.DialogPane confirm = lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class);
        interact(() -> confirm.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).findFirst()
                .map(t -> (javafx.scene.control.Button) confirm.lookupButton(t)).orElseThrow().fire());
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#pdfPage")
                && lookup("#pdfPage").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        javafx.scene.Scene viewerScene = lookup("#pdfViewer").query().getScene();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> from(viewerScene.getRoot())
                .lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof javafx.scene.control.ProgressIndicator p
                        && p.isVisible() && p.isIndeterminate()).queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path letter = snapshot(viewerScene, out.resolve("account-letter.png"));
        assertThat(Files.size(letter)).isGreaterThan(5_000);
    }

    // issue 17 — docs: the pictures the manuals need beyond the README's

    /** Issue 17: Élèves › Identité, Historique and Répertoire of F0001 (the first student with rows in each list). */
    @Test
    void studentTabsScreenshots() throws Exception {
        Path out = loggedInToTheDemoAs("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navStudents"));
        interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(800);
        });
        clickOn("#navStudents");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#tabIdentity"));
        clickOn("#tabIdentity");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#studentLastName")
                && !lookup("#studentLastName").queryAs(javafx.scene.control.TextField.class).getText().isEmpty()
                && !lookup("#studentLastName").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        Path identity = snapshot(out.resolve("student-identity.png"));

        clickOn("#tabHistory");
        studentWithRowsIn("#historyTable");
        Path history = snapshot(out.resolve("student-history.png"));

        clickOn("#tabRepertoire");
        studentWithRowsIn("#repertoireTable");
        Path repertoire = snapshot(out.resolve("student-repertoire.png"));

        for (Path picture : List.of(identity, history, repertoire)) {
            assertThat(Files.size(picture)).as(picture.getFileName().toString()).isGreaterThan(5_000);
        }
    }

    /** Issue 17: Accueil at the front desk (ACCUEIL): the day's work and the desk's counts. */
    @Test
    void staffHomeScreenshot() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homePendingChanges")
                && !lookup("#homePendingChanges").queryAs(javafx.scene.control.Labeled.class).getText().isEmpty()
                && exists("#homeDeskCounts") && lookup("#homeDeskCounts").query().isVisible()
                && !lookup("#homeReenrolmentsWaiting").queryAs(javafx.scene.control.Labeled.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path home = snapshot(out.resolve("staff-home.png"));
        assertThat(Files.size(home)).isGreaterThan(5_000);
    }

    /**
     * Issue 17: Pédagogie at the front desk, a course's absences window (one student ticked absent,
     * excused, with a reason) then its evaluation window (an exam, one mark typed); neither saved.
     */
    @Test
    void staffPedagogyScreenshots() throws Exception {
        Path out = loggedInToTheDemoAs("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navStaffPedagogy"));
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        clickOn("#navStaffPedagogy");
        TableView<org.tutti.client.domain.StaffCourse> courses = lookup("#staffCoursesTable").query();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !courses.getItems().isEmpty());
        // a course of a few students, so that its window shows them all
        org.tutti.client.domain.StaffCourse course = courses.getItems().stream()
                .filter(c -> c.students() >= 3 && c.students() <= 6).findFirst()
                .orElseGet(() -> courses.getItems().stream().filter(c -> c.students() > 0).findFirst().orElseThrow());
        interact(() -> {
            courses.requestFocus();
            courses.getSelectionModel().select(course);
            courses.scrollTo(course);
        });
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#staffCourseStudents")
                .queryAs(TableView.class).getItems().size() == course.students());

        clickOn("#absenceEntry");
        javafx.stage.Stage absences = shownWindow("absenceEntryDialog");
        javafx.scene.Parent absencesRoot = absences.getScene().getRoot();
        interact(() -> {
            // tall enough for every student of the course
            absences.setHeight(Math.max(absences.getHeight(), 620));
            from(absencesRoot).lookup("#absenceAbsent0").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            from(absencesRoot).lookup("#absenceExcused0").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            from(absencesRoot).lookup("#absenceReason0").queryAs(javafx.scene.control.TextField.class)
                    .setText("Rendez-vous médical");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path absencesPicture = snapshot(absences.getScene(), out.resolve("staff-absences.png"));
        interact(() -> from(absencesRoot).lookup("#absenceEntryCancel").queryButton().fire());
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !absences.isShowing());

        clickOn("#evaluationEntry");
        javafx.stage.Stage evaluation = shownWindow("evaluationEntryDialog");
        javafx.scene.Parent evaluationRoot = evaluation.getScene().getRoot();
        interact(() -> {
            evaluation.setHeight(Math.max(evaluation.getHeight(), 660));
            from(evaluationRoot).lookup("#evaluationKind")
                    .<ComboBox<org.tutti.client.domain.model.EvaluationKind>>query()
                    .setValue(org.tutti.client.domain.model.EvaluationKind.EXAM);
            from(evaluationRoot).lookup("#evaluationMark0").queryAs(javafx.scene.control.TextField.class).setText("15,5");
            from(evaluationRoot).lookup("#evaluationAppreciation0").queryAs(javafx.scene.control.TextField.class)
                    .setText("Belle sonorité, rythme à travailler.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path evaluationPicture = snapshot(evaluation.getScene(), out.resolve("staff-evaluation.png"));
        interact(() -> from(evaluationRoot).lookup("#evaluationEntryCancel").queryButton().fire());

        for (Path picture : List.of(absencesPicture, evaluationPicture)) {
            assertThat(Files.size(picture)).as(picture.getFileName().toString()).isGreaterThan(5_000);
        }
    }

    /** Issue 17: Paramètres as DIRECTION (the settings right): the site's settings, editable. */
    @Test
    void settingsScreenshot() throws Exception {
        Path out = loggedInToTheDemoAs("DIRECTION", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navSettings"));
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(900);
        });
        clickOn("#navSettings");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#settingsName")
                && !lookup("#settingsName").queryAs(javafx.scene.control.TextField.class).getText().isEmpty()
                && lookup("#settingsName").queryAs(javafx.scene.control.TextField.class).isEditable());
        WaitForAsyncUtils.waitForFxEvents();
        Path settings = snapshot(out.resolve("staff-settings.png"));
        assertThat(Files.size(settings)).isGreaterThan(5_000);
    }

    /** Picks, in Élèves' selector, the first student whose {@code table} has rows, and waits for them. */
    private void studentWithRowsIn(String table) throws Exception {
        ComboBox<?> selector = lookup("#studentSelector").queryAs(ComboBox.class);
        TableView<?> rows = lookup(table).queryAs(TableView.class);
        for (int i = 0; i < selector.getItems().size(); i++) {
            int index = i;
            interact(() -> selector.getSelectionModel().select(index));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !rows.getItems().isEmpty()
                        && !lookup("#studentSelector").query().isDisabled());
                interact(() -> {
                    rows.requestFocus();
                    rows.getSelectionModel().select(0);
                });
                WaitForAsyncUtils.waitForFxEvents();
                return;
            } catch (java.util.concurrent.TimeoutException none) {
                // no rows for this student: the next one
            }
        }
        throw new AssertionError("no F0001 student with rows in " + table);
    }

    /** The showing window whose root has the id {@code rootId}, once it shows. */
    private javafx.stage.Stage shownWindow(String rootId) throws Exception {
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> listWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && rootId.equals(w.getScene().getRoot().getId())));
        WaitForAsyncUtils.waitForFxEvents();
        return (javafx.stage.Stage) listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && rootId.equals(w.getScene().getRoot().getId())).findFirst().orElseThrow();
    }

    // issue 15 — docs: the accessibility mode's screenshots (src-docs/accessibility.md), light and dark

    /** Issue 15: the login window, Élèves › Cours and Facturation in the accessibility mode's light variant. */
    @Test
    void accessibleLightScreenshots() throws Exception {
        accessibleScreenshots(ThemeManager.Contrast.LIGHT, "accessible-light");
    }

    /** Issue 15: the same three screens in the dark variant. */
    @Test
    void accessibleDarkScreenshots() throws Exception {
        accessibleScreenshots(ThemeManager.Contrast.DARK, "accessible-dark");
    }

    /**
     * Switches the mode on as a user does on the login window (the Mode accessibilité box, then
     * the variant in Contraste élevé), then takes {@code prefix}-login.png, -student-courses.png
     * and -billing.png (F0001) at the mode's text size.
     */
    private void accessibleScreenshots(ThemeManager.Contrast variant, String prefix) throws Exception {
        Path out = Path.of(System.getProperty("tutti.screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        clickOn("#accessibilityToggle");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#contrastVariant")
                && lookup("#contrastVariant").query().isVisible());
        interact(() -> lookup("#contrastVariant").<ComboBox<ThemeManager.Contrast>>query().setValue(variant));
        interact(() -> lookup("#loginIdentifier").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getStyleClass()).as("the mode on the login window")
                .contains(ThemeManager.ACCESSIBLE_CLASS, variant.styleClass());
        assertThat(ThemeManager.get().textSizeProperty().get()).as("the mode's text size").isEqualTo(125);
        Path login = snapshot(out.resolve(prefix + "-login.png"));

        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navStudents"));
        // room for the larger text: the header, the menu and a few rows of each table
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(900);
        });
        clickOn("#navStudents");
        clickOn("#tabCourses");
        TableView<?> courses = lookup("#coursesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !courses.getItems().isEmpty());
        interact(() -> {
            courses.requestFocus();
            courses.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getStyleClass()).as("the mode in the main window")
                .contains(ThemeManager.ACCESSIBLE_CLASS, variant.styleClass());
        Path studentCourses = snapshot(out.resolve(prefix + "-student-courses.png"));

        clickOn("#navBilling");
        firstFeeInvoiceSelected();
        Path billing = snapshot(out.resolve(prefix + "-billing.png"));

        for (Path picture : List.of(login, studentCourses, billing)) {
            assertThat(Files.size(picture)).as(picture.getFileName().toString()).isGreaterThan(5_000);
        }
    }

    /** Facturation's fee invoices read, the first one selected; returns their table. */
    private TableView<?> firstFeeInvoiceSelected() throws Exception {
        TableView<?> invoices = lookup("#feeInvoicesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> !invoices.getItems().isEmpty()
                && !lookup("#billingLoading").query().isVisible());
        interact(() -> {
            invoices.requestFocus();
            invoices.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return invoices;
    }

    /** A copy of the demo started and logged in as {@code identifier}; returns the screenshots folder. */
    private Path loggedInToTheDemoAs(String identifier, String password) throws Exception {
        Path out = Path.of(System.getProperty("tutti.screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard(identifier, password);
        return out;
    }

    private Path snapshot(javafx.scene.Scene scene, Path file) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        interact(() -> image.set(scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }

    private Path snapshot(Path file) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        // the scene, not its root: a root's snapshot can keep the size it had before the window was resized
        interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }
}
