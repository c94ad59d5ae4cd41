package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.documents.SampleDocuments;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.staff.ReenrolmentsViewModel.StateFilter;

/**
 * Réinscriptions on a fake service, with real background threads: the filter and the count, a
 * request's detail, Valider / Refuser only for a pending request and the comment required to
 * refuse, a request decided elsewhere, the documents in the viewer (a real PNG, a 2-page PDF and
 * a broken one), and the campaign tab.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ReenrolmentsViewTest extends FxRobot {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T11:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final long WAIT_S = 20;

    private final FakeStaffReenrolments service = FakeStaffReenrolments.withDemo();
    private BackgroundTasks tasks;
    private ReenrolmentsViewModel model;
    private ReenrolmentsView view;

    @Start
    void start(Stage stage) {
        French.use();
        service.contents.put(31L, SampleDocuments.pdf(2));
        service.contents.put(32L, SampleDocuments.png(300, 200));
        tasks = BackgroundTasks.withUiExecutor(Platform::runLater);
        model = new ReenrolmentsViewModel(FakeBackend.staff(), service, tasks, CLOCK);
        view = new ReenrolmentsView(model, tasks);
        stage.setScene(new Scene(view.root(), 1100, 720));
        stage.sizeToScene(); // an earlier test may have sized the shared stage (TablesTest: 120 px)
        stage.show();
        model.refresh();
        view.focus();
    }

    @AfterEach
    void stop() {
        interact(view::closeWindows);
        tasks.shutdown();
    }

    private TableView<ReenrolmentSummary> table() {
        return lookup("#reenrolmentsTable").query();
    }

    private void awaitRows(int rows) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS,
                () -> table().getItems().size() == rows && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(long id) throws Exception {
        interact(() -> {
            table().requestFocus();
            table().getSelectionModel().select(table().getItems().stream().filter(r -> r.id() == id).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> model.detailProperty().get() != null
                && model.detailProperty().get().summary().id() == id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        Node node = lookup(query).query();
        return node instanceof Label l ? l.getText() : ((javafx.scene.control.TextInputControl) node).getText();
    }

    private boolean disabled(String query) {
        return lookup(query).query().isDisabled();
    }

    private void await(String query, String text) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> text.equals(text(query)));
    }

    @Test
    void theFilterTheDetailAndTheDecisions() throws Exception {
        awaitRows(3);
        assertThat(text("#reenrolmentsCount")).isEqualTo("3 demandes en attente");
        assertThat(lookup("#reenrolmentsFilter").queryAs(ComboBox.class).getValue()).isEqualTo(StateFilter.PENDING);
        assertThat(lookup("#reenrolmentNone").query().isVisible()).isTrue();
        assertThat(disabled("#reenrolmentAccept")).as("nothing selected").isTrue();

        select(4);
        assertThat(text("#reenrolmentFamily")).isEqualTo("F0004 — Bernard");
        assertThat(text("#reenrolmentStudent")).isEqualTo("Jules Bernard");
        assertThat(text("#reenrolmentDate")).isEqualTo("20/11/2026 10:30");
        assertThat(text("#reenrolmentChoices")).isEqualTo("• Flûte — 1C1\n• Formation musicale — FM2");
        assertThat(disabled("#reenrolmentAccept")).isFalse();
        assertThat(disabled("#reenrolmentReject")).isFalse();
        Label commentLabel = lookup(n -> n instanceof Label l && l.getLabelFor() != null
                && "reenrolmentComment".equals(l.getLabelFor().getId())).queryAs(Label.class);
        assertThat(commentLabel.getText()).isEqualTo("C_ommentaire pour la famille");

        // Refuser without a comment says it is required
        clickOn("#reenrolmentReject");
        await("#reenrolmentError", "Pour refuser, écrivez un commentaire pour la famille : il lui explique le refus.");
        assertThat(service.calls).isEmpty();

        clickOn("#reenrolmentComment").write("Merci de joindre le justificatif.");
        clickOn("#reenrolmentReject");
        await("#reenrolmentStatus", "Réinscription refusée : la famille en est informée par courriel.");
        awaitRows(2);
        assertThat(service.calls).containsExactly("decide 4 reject Merci de joindre le justificatif.");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> "F0002 — Martin".equals(text("#reenrolmentFamily")));
        assertThat(table().getSelectionModel().getSelectedItem().id()).as("the next request waiting").isEqualTo(2L);
        assertThat(text("#reenrolmentChoices")).isEqualTo("Réinscription administrative");
        assertThat(text("#reenrolmentComment")).isEmpty();
        assertThat(text("#reenrolmentError")).isEmpty();

        // every request: the decided ones cannot be decided again
        interact(() -> lookup("#reenrolmentsFilter").queryAs(ComboBox.class).setValue(StateFilter.ALL));
        awaitRows(4);
        assertThat(text("#reenrolmentsCount")).isEqualTo("4 demandes (2 en attente)");
        assertThat(table().getItems()).extracting(ReenrolmentSummary::state).extracting(ReenrolmentsViewModel::stateText)
                .containsExactly("Refusée", "Validée", "En attente", "En attente");
        select(3);
        assertThat(text("#reenrolmentState")).isEqualTo("Validée le 20/11/2026 11:20");
        assertThat(disabled("#reenrolmentAccept")).isTrue();
        assertThat(disabled("#reenrolmentReject")).isTrue();
    }

    @Test
    void aRequestAlreadyDecidedElsewhereIsToldAndTheCommentStays() throws Exception {
        awaitRows(3);
        select(1);
        clickOn("#reenrolmentComment").write("Dossier complet, bienvenue !");
        service.answers.add(Outcome.ALREADY_DECIDED);
        clickOn("#reenrolmentAccept");
        await("#reenrolmentError", "Cette demande a déjà été traitée par un autre membre de l’accueil.");
        awaitRows(2);
        assertThat(lookup("#reenrolmentComment").queryAs(TextArea.class).getText()).isEqualTo("Dossier complet, bienvenue !");
    }

    @Test
    void theDocumentsOpenInTheViewerPageByPage() throws Exception {
        awaitRows(3);
        select(1);
        TableView<StoredDocument> documents = lookup("#reenrolmentDocuments").query();
        assertThat(documents.getItems()).extracting(StoredDocument::fileName).containsExactly("facture.pdf");

        // Enter on the document: the PDF, page 1 of 2
        interact(() -> {
            documents.requestFocus();
            documents.getSelectionModel().select(0);
        });
        press(documents, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> exists("#pdfViewer")
                && "Page 1 / 2".equals(text("#pdfPageCounter")));
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> !model.loadingProperty().get()
                && !lookup("#pdfBusy").query().isVisible());
        ImageView page = lookup("#pdfPage").queryAs(ImageView.class);
        assertThat(page.getImage()).isNotNull();
        assertThat(page.getImage().getPixelReader().getArgb(10, 10)).as("page 1: white at the top").isEqualTo(0xFFFFFFFF);
        assertThat(disabled("#pdfPreviousPage")).isTrue();
        clickOn("#pdfNextPage");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> "Page 2 / 2".equals(text("#pdfPageCounter")));
        assertThat(lookup("#pdfPage").queryAs(ImageView.class).getImage().getPixelReader().getArgb(10, 10))
                .as("page 2: its black band").isEqualTo(0xFF000000);
        assertThat(disabled("#pdfNextPage")).isTrue();
        // Page Up goes back
        press(lookup("#pdfViewer").query(), KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> "Page 1 / 2".equals(text("#pdfPageCounter")));
        // Escape closes it and the document's row has the focus again
        press(lookup("#pdfViewer").query(), KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> !exists("#pdfViewer"));
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, documents::isFocused);

        // a double-click on the PNG: one page, no page buttons, scaled to the window at most its size
        select(2);
        doubleClickOn(lookup("#reenrolmentDocuments .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null && r.isVisible()).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> exists("#pdfPage")
                && lookup("#pdfPage").queryAs(ImageView.class).getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ImageView picture = lookup("#pdfPage").queryAs(ImageView.class);
        assertThat(picture.getImage().getWidth()).isEqualTo(300);
        assertThat(picture.getFitWidth()).isBetween(1.0, 300.0);
        assertThat(lookup("#pdfPageCounter").query().getParent().isVisible()).as("no page buttons").isFalse();
        interact(view::closeWindows);

        // a broken document says so in the window
        service.contents.put(32L, "pas une image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        interact(() -> {
            documents.requestFocus();
            documents.getSelectionModel().select(0);
        });
        press(documents, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> exists("#pdfError")
                && lookup("#pdfError").query().isVisible());
        assertThat(text("#pdfError")).startsWith("Ce document ne peut pas être affiché");
    }

    @Test
    void theCampaignTabOpensClosesAndListsTheDocumentsAskedFor() throws Exception {
        awaitRows(3);
        clickOn("#tabReenrolmentCampaign");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#campaignState")).isEqualTo("Ouverte du 15/11/2026 au 30/06/2027");
        assertThat(lookup("#campaignStart").queryAs(DatePicker.class).getEditor().getText()).isEqualTo("15/11/2026");
        assertThat(lookup("#campaignEnd").queryAs(DatePicker.class).getEditor().getText()).isEqualTo("30/06/2027");
        TableView<DocumentType> types = lookup("#documentTypesTable").query();
        assertThat(types.getItems()).extracting(DocumentType::name)
                .containsExactly("Attestation d’assurance", "Justificatif de domicile");

        // a used type cannot be renamed or removed, and says why
        interact(() -> types.getSelectionModel().select(1));
        assertThat(disabled("#documentTypeRename")).isTrue();
        assertThat(disabled("#documentTypeRemove")).isTrue();
        assertThat(text("#documentTypeReason")).startsWith("Déjà utilisé par 2 documents envoyés");
        assertThat(lookup("#documentTypeRequired").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        interact(() -> types.getSelectionModel().select(0));
        assertThat(disabled("#documentTypeRename")).isFalse();
        assertThat(lookup("#documentTypeReason").query().isVisible()).isFalse();

        // Ajouter… asks the name in a dialog
        clickOn("#documentTypeAdd");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> exists("#documentTypeDialog"));
        assertThat(lookup("#documentTypeConfirm").query().isDisabled()).as("no name yet").isTrue();
        clickOn("#documentTypeName").write("Photo d’identité");
        clickOn("#documentTypeConfirm");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> types.getItems().size() == 3);
        await("#documentTypesMessage", "Document « Photo d’identité » ajouté.");

        // Obligatoire refused by the database: the box shows the type as it still is
        interact(() -> types.getSelectionModel().select(0));
        CheckBox required = lookup("#documentTypeRequired").queryAs(CheckBox.class);
        assertThat(required.isSelected()).isFalse();
        service.failures.add(new org.tutti.client.service.ServiceException(
                org.tutti.client.service.ServiceException.Reason.DATABASE_UNAVAILABLE, "down"));
        clickOn(required);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> !text("#documentTypesError").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(required.isSelected()).as("the type is still optional").isFalse();

        // an invalid date is said, nothing sent
        interact(() -> lookup("#campaignStart").queryAs(DatePicker.class).getEditor().setText("31/02/2027"));
        clickOn("#campaignOpen");
        await("#campaignError", "Date de début : saisissez une date au format jj/mm/aaaa.");
        assertThat(service.calls).containsExactly("add Photo d’identité", "update 11 Attestation d’assurance required");

        // Fermer after a confirmation
        interact(() -> lookup("#campaignStart").queryAs(DatePicker.class).getEditor().setText("15/11/2026"));
        clickOn("#campaignClose");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> exists("#confirmDialog"));
        DialogPane confirm = lookup("#confirmDialog").queryAs(DialogPane.class);
        Button closeIt = confirm.getButtonTypes().stream().map(t -> (Button) confirm.lookupButton(t))
                .filter(b -> b.getText().replace("_", "").equals("Fermer la campagne")).findFirst().orElseThrow();
        clickOn(closeIt);
        await("#campaignState", "Fermée");
        assertThat(service.calls).contains("save 8 2026-11-15 2027-06-30 close");
        assertThat(disabled("#campaignClose")).isTrue();

        // and open again from today
        clickOn("#campaignOpen");
        await("#campaignState", "Ouverte du 15/11/2026 au 30/06/2027");
        assertThat(text("#campaignMessage"))
                .isEqualTo("La campagne est ouverte : les familles peuvent envoyer leurs demandes jusqu’au 30/06/2027.");
    }

    /** A key pressed on {@code target} (headless Monocle routes the robot's keys unreliably). */
    private void press(Node target, KeyCode key) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false)));
    }

    private boolean exists(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    @SuppressWarnings("unused")
    private TextField editor(String query) {
        return lookup(query).queryAs(DatePicker.class).getEditor();
    }
}
