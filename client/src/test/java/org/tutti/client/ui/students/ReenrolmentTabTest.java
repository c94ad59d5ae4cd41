package org.tutti.client.ui.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.documents.SampleFiles;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.ui.CutTexts;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.FakeFamilyFileService;
import org.tutti.client.ui.French;
import org.tutti.client.ui.Scrolling;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FileChoosers;

/**
 * Élèves › Réinscription on fakes, as a parent uses it: the tab only while a campaign is open,
 * Importer waiting for a box, the import dialog (Parcourir answered by tutti.fileChooser.answer,
 * a typed path, a refusal kept in the dialog), Suppr in the table, Valider's refusal, then the
 * confirmation and the read-only request.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ReenrolmentTabTest extends FxRobot {

    @TempDir
    Path folder;

    private final FakeReenrolmentService service = new FakeReenrolmentService();
    private StudentsModule module;
    private Stage stage;

    @Start
    void start(Stage stage) {
        French.use();
        this.stage = stage;
    }

    @AfterEach
    void clearAnswer() {
        System.clearProperty(FileChoosers.ANSWER_PROPERTY);
    }

    private void show() throws TimeoutException {
        interact(() -> {
            module = new StudentsModule(FakeBackend.family("F0001"), new FakeFamilyFileService(),
                    new FakePedagogyService(), service, BackgroundTasks.withUiExecutor(Platform::runLater));
            stage.setScene(new Scene((javafx.scene.Parent) module.view(), 1000, 800));
            stage.sizeToScene(); // an earlier test may have sized the shared stage (TablesTest: 120 px)
            stage.show();
            module.activate();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openTab() throws Exception {
        show();
        await("the Réinscription tab", () -> exists("#tabReenrolment") && !lookup("#reenrolChoices")
                .queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty());
        interact(() -> {
            TabPane tabs = lookup("#studentTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tabReenrolment".equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutAnOpenCampaignTheTabIsAbsent() throws Exception {
        service.campaign = Optional.empty();

        show();

        assertThat(lookup("#studentTabs").queryAs(TabPane.class).getTabs())
                .extracting(t -> t.getId()).containsExactly("tabIdentity", "tabCourses", "tabHistory", "tabRepertoire");
    }

    @Test
    void importerWaitsForABoxAndTheBoxesAreOneOrTheOther() throws Exception {
        openTab();
        Button importer = lookup("#reenrolImport").queryButton();

        assertThat(importer.isDisabled()).isTrue();
        assertThat(lookup("#reenrolImportReason").queryAs(Label.class).getText())
                .isEqualTo("Cochez d’abord la réinscription administrative ou un cours.");

        clickOn(course(0));
        clickOn("#reenrolAdministrative");

        assertThat(importer.isDisabled()).isFalse();
        assertThat(course(0).isSelected()).isFalse();
        assertThat(lookup("#reenrolImportReason").queryAs(Label.class).isVisible()).isFalse();
        assertThat(module.hasUnsavedEdits()).isTrue();
    }

    @Test
    void theImportDialogChecksTheFileAndKeepsWhatWasTypedOnARefusal() throws Exception {
        openTab();
        clickOn(course(1));
        Path png = SampleFiles.png(folder, "photo.png");
        Path empty = SampleFiles.empty(folder, "vide.pdf");

        // Parcourir, answered without a native dialog
        System.setProperty(FileChoosers.ANSWER_PROPERTY, empty.toString());
        inView("#reenrolImport");
        clickOn("#reenrolImport");
        await("the import dialog", () -> exists("#importDialog"));
        clickOn("#importBrowse");
        assertThat(lookup("#importFile").queryAs(TextField.class).getText()).isEqualTo(empty.toString());
        interact(() -> lookup("#importDocumentType").queryAs(ComboBox.class).getSelectionModel().select(1));
        clickOn("#importSubmit");
        await("the refusal", () -> !lookup("#importError").queryAs(Label.class).getText().isEmpty());

        assertThat(lookup("#importError").queryAs(Label.class).getText()).isEqualTo("Le fichier est vide.");
        await("the dialog grown to the refusal: its buttons whole", () -> {
            javafx.scene.Node button = lookup("#importSubmit").query();
            return button.localToScene(button.getBoundsInLocal()).getMaxY() <= button.getScene().getHeight();
        });
        assertThat(lookup("#importFile").queryAs(TextField.class).getText()).isEqualTo(empty.toString());
        assertThat(((DocumentType) lookup("#importDocumentType").queryAs(ComboBox.class).getValue()).name())
                .isEqualTo("Photo d’identité");

        // a path typed by hand, Enter imports
        interact(() -> lookup("#importFile").queryAs(TextField.class).clear());
        clickOn("#importFile").write(png.toString()).type(KeyCode.ENTER);
        await("the dialog closed", () -> !exists("#importDialog"));

        TableView<?> documents = lookup("#reenrolDocuments").queryTableView();
        assertThat(documents.getItems()).hasSize(1);
        assertThat(CutTexts.in(documents)).isEmpty();
        assertThat(cellTexts(documents)).contains("Photo d’identité", "photo.png", "PNG");

        // Suppr removes the selected document
        interact(() -> documents.getSelectionModel().select(0));
        inView("#reenrolDocuments");
        clickOn(documents).type(KeyCode.DELETE);
        assertThat(documents.getItems()).isEmpty();
    }

    @Test
    void aSecondFileForTheSameDocumentReplacesTheFirstOnlyAfterAsking() throws Exception {
        openTab();
        clickOn("#reenrolAdministrative");
        importThrough(SampleFiles.pdf(folder, "edf.pdf"), "Justificatif de domicile");
        await("the dialog closed", () -> !exists("#importDialog"));

        // Annuler: the first file stays, the dialog too, with the new path
        Path second = SampleFiles.png(folder, "quittance.png");
        importThrough(second, "Justificatif de domicile");
        await("the question", () -> exists("#confirmDialog"));
        assertThat(lookup("#confirmDialog").queryAs(DialogPane.class).getContentText())
                .isEqualTo("Un fichier a déjà été importé pour « Justificatif de domicile ». Le remplacer par celui-ci ?");
        clickOn(button("#confirmDialog", "Annuler"));
        assertThat(lookup("#importFile").queryAs(TextField.class).getText()).isEqualTo(second.toString());
        TableView<?> documents = lookup("#reenrolDocuments").queryTableView();
        assertThat(cellTexts(documents)).contains("edf.pdf").doesNotContain("quittance.png");

        // Remplacer
        clickOn("#importSubmit");
        await("the question", () -> exists("#confirmDialog"));
        clickOn(button("#confirmDialog", "Remplacer"));
        await("the dialog closed", () -> !exists("#importDialog"));
        assertThat(documents.getItems()).hasSize(1);
        assertThat(cellTexts(documents)).contains("quittance.png").doesNotContain("edf.pdf");
    }

    private void importThrough(Path file, String type) throws Exception {
        System.setProperty(FileChoosers.ANSWER_PROPERTY, file.toString());
        inView("#reenrolImport");
        clickOn("#reenrolImport");
        await("the import dialog", () -> exists("#importDialog"));
        interact(() -> {
            ComboBox<DocumentType> types = lookup("#importDocumentType").query();
            types.getItems().stream().filter(t -> t.name().equals(type)).findFirst().ifPresent(types::setValue);
        });
        clickOn("#importBrowse");
        clickOn("#importSubmit");
    }

    private Button button(String dialog, String text) {
        DialogPane pane = lookup(dialog).queryAs(DialogPane.class);
        return pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(b -> b.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
    }

    @Test
    void escapeClosesTheImportDialogAndImportsNothing() throws Exception {
        openTab();
        clickOn("#reenrolAdministrative");
        inView("#reenrolImport");
        clickOn("#reenrolImport");
        await("the import dialog", () -> exists("#importDialog"));

        type(KeyCode.ESCAPE);

        await("the dialog closed", () -> !exists("#importDialog"));
        assertThat(lookup("#reenrolDocuments").queryTableView().getItems()).isEmpty();
    }

    @Test
    void validerRefusesAMissingRequiredDocumentThenSendsAndShowsTheRequestReadOnly() throws Exception {
        openTab();
        clickOn(course(0));
        inView("#reenrolComment");
        clickOn("#reenrolComment").write("Le mercredi si possible.");
        inView("#reenrolSubmit");
        clickOn("#reenrolSubmit");

        assertThat(lookup("#reenrolError").queryAs(Label.class).getText())
                .isEqualTo("Le document « Justificatif de domicile » est obligatoire.");
        assertThat(service.submitted).isEmpty();

        System.setProperty(FileChoosers.ANSWER_PROPERTY, SampleFiles.pdf(folder, "edf.pdf").toString());
        inView("#reenrolImport");
        clickOn("#reenrolImport");
        await("the import dialog", () -> exists("#importDialog"));
        clickOn("#importBrowse");
        clickOn("#importSubmit");
        await("the dialog closed", () -> !exists("#importDialog"));
        inView("#reenrolSubmit");
        clickOn("#reenrolSubmit");

        await("the confirmation", () -> exists("#messageDialog"));
        assertThat(lookup("#messageDialog").queryAs(DialogPane.class).getContentText())
                .isEqualTo("Votre demande de réinscription a bien été enregistrée. Elle vous sera confirmée par courriel.");
        clickOn(lookup("#messageDialog").lookup(".button").queryButton());
        await("the pending message", () -> lookup("#reenrolPendingMessage").query().isVisible());

        assertThat(service.submitted).hasSize(1);
        assertThat(lookup("#reenrolPendingMessage").queryAs(Label.class).getText())
                .isEqualTo("Réinscription en attente de validation");
        assertThat(lookup("#reenrolSubmit").queryButton().isDisabled()).isTrue();
        assertThat(course(0).isSelected()).isTrue();
        assertThat(course(0).isDisabled()).isTrue();
        assertThat(lookup("#reenrolComment").queryAs(TextArea.class).isEditable()).isFalse();
        assertThat(lookup("#reenrolComment").queryAs(TextArea.class).getText()).isEqualTo("Le mercredi si possible.");
        assertThat(lookup("#reenrolState").queryAs(Label.class).getText()).startsWith("Demande de réinscription envoyée le ");
        assertThat(module.hasUnsavedEdits()).isFalse();
    }

    @Test
    void retourAsksTheMainWindowForFamille() throws Exception {
        openTab();
        java.util.List<org.tutti.client.ui.common.Actions> asked = new java.util.ArrayList<>();
        interact(() -> stage.getScene().getRoot().addEventHandler(org.tutti.client.ui.common.NavigationEvent.OPEN,
                e -> asked.add(e.entry())));

        inView("#reenrolBack");
        clickOn("#reenrolBack");

        assertThat(asked).containsExactly(org.tutti.client.ui.common.Actions.NAV_FAMILY);
    }

    private void inView(String query) {
        interact(() -> Scrolling.intoView(lookup("#studentsRoot").query(), lookup(query).query()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CheckBox course(int index) {
        return (CheckBox) lookup("#reenrolChoices").queryAs(javafx.scene.layout.VBox.class).getChildren().get(index);
    }

    private static java.util.List<String> cellTexts(TableView<?> table) {
        return table.lookupAll(".table-cell").stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(t -> t != null && !t.isEmpty()).toList();
    }

    private boolean exists(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
