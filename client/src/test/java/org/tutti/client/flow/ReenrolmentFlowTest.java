package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.documents.SampleFiles;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.ui.Scrolling;
import org.tutti.client.ui.common.FileChoosers;

/**
 * Élèves › Réinscription on the real embedded demo (seed manual, onglet Réinscription), as F0001
 * at BELLERIVE, whose campaign is open: Importer waits for a box; real files made here are chosen
 * through tutti.fileChooser.answer (and once typed): a PNG and a PDF are accepted and listed, a
 * 3 MB file, a text named .png, an empty file and a truncated PDF are refused with their reasons;
 * Valider without the required document is refused; Valider records the request and its
 * documents, the confirmation mail reaches the demo mailbox, the pending message shows and the
 * form turns read-only; the front desk validates it, the decision mail is queued and F0001's tab
 * shows the decision without the pending message. At MONTFLEURY (closed campaign) the tab is absent.
 */
class ReenrolmentFlowTest extends FamilyScreens {

    @TempDir
    Path files;

    @AfterEach
    void clearAnswer() {
        System.clearProperty(FileChoosers.ANSWER_PROPERTY);
    }

    @Test
    void aParentSendsARequestWithItsDocuments() throws Exception {
        startAndLogIn();
        long studentId = Long.parseLong(value("select min(s.id) from tutti.student s join tutti.family f"
                + " on f.id = s.family_id where f.identifier = 'F0001' and not exists (select 1 from"
                + " tutti.reenrolment_request r join tutti.reenrolment_campaign c on c.id = r.campaign_id"
                + " where r.student_id = s.id and c.status = 'OPEN')"));
        String required = value("select t.name from tutti.document_type t join tutti.reenrolment_campaign c"
                + " on c.id = t.campaign_id join tutti.site s on s.id = c.site_id where s.code = 'BELLERIVE'"
                + " and c.status = 'OPEN' and t.required order by t.id fetch first 1 rows only");
        String optional = value("select t.name from tutti.document_type t join tutti.reenrolment_campaign c"
                + " on c.id = t.campaign_id join tutti.site s on s.id = c.site_id where s.code = 'BELLERIVE'"
                + " and c.status = 'OPEN' and not t.required order by t.id fetch first 1 rows only");
        long acks = count("select count(*) from tutti.mail_outbox where kind = 'REENROL_ACK'");

        clickOn("#navStudents");
        await("the student selector", () -> exists("#studentSelector")
                && !lookup("#studentSelector").queryAs(ComboBox.class).getItems().isEmpty());
        interact(() -> {
            ComboBox<StudentIdentity> selector = lookup("#studentSelector").query();
            selector.getItems().stream().filter(s -> s.id() == studentId).findFirst().ifPresent(selector::setValue);
        });
        await("the Réinscription tab", () -> exists("#tabReenrolment"));
        clickOn("#tabReenrolment");
        awaitForm();

        // Importer waits for a box, and says so
        Button importer = lookup("#reenrolImport").queryButton();
        assertThat(importer.isDisabled()).isTrue();
        assertThat(label("#reenrolImportReason")).isEqualTo("Cochez d’abord la réinscription administrative ou un cours.");
        clickOn(course(0));
        assertThat(importer.isDisabled()).isFalse();

        // the refused files, each with its reason; the dialog keeps the path
        inView("#reenrolImport");
        clickOn(importer);
        await("the import dialog", () -> exists("#importDialog"));
        refused(SampleFiles.large(files, "scan.png", 3L * 1024 * 1024),
                "Le fichier dépasse la taille maximale de 2 Mo (3 Mo).");
        refused(SampleFiles.textNamedPng(files, "attestation.png"), "Ce fichier n’est ni une image JPEG ou PNG, ni un PDF.");
        refused(SampleFiles.empty(files, "vide.pdf"), "Le fichier est vide.");
        Path truncated = SampleFiles.truncatedPdf(files, "coupe.pdf");
        interact(() -> lookup("#importFile").queryAs(TextField.class).clear());
        clickOn("#importFile").write(truncated.toString());
        clickOn("#importSubmit");
        await("the refusal of coupe.pdf", () -> label("#importError").equals("Ce PDF est endommagé ou incomplet."));
        assertThat(lookup("#importFile").queryAs(TextField.class).getText()).isEqualTo(truncated.toString());

        // a real PNG for a document that is not required
        chooseType(optional);
        System.setProperty(FileChoosers.ANSWER_PROPERTY, SampleFiles.png(files, "photo.png").toString());
        clickOn("#importBrowse");
        clickOn("#importSubmit");
        await("the dialog closed", () -> !exists("#importDialog"));
        TableView<?> documents = lookup("#reenrolDocuments").queryTableView();
        assertThat(documents.getItems()).hasSize(1);

        // Valider without the required document: refused, nothing recorded
        inView("#reenrolComment");
        clickOn("#reenrolComment").write("Horaire du mercredi si possible.");
        inView("#reenrolSubmit");
        clickOn("#reenrolSubmit");
        assertThat(label("#reenrolError")).isEqualTo("Le document « " + required + " » est obligatoire.");
        assertThat(count("select count(*) from tutti.reenrolment_request where student_id = " + studentId)).isZero();

        // a real PDF for the required one
        inView("#reenrolImport");
        clickOn(importer);
        await("the import dialog", () -> exists("#importDialog"));
        chooseType(required);
        System.setProperty(FileChoosers.ANSWER_PROPERTY, SampleFiles.pdf(files, "justificatif.pdf").toString());
        clickOn("#importBrowse");
        type(KeyCode.ENTER);
        await("the dialog closed", () -> !exists("#importDialog"));
        assertThat(documents.getItems()).hasSize(2);

        inView("#reenrolSubmit");
        clickOn("#reenrolSubmit");
        assertThat(messageText()).isEqualTo(
                "Votre demande de réinscription a bien été enregistrée. Elle vous sera confirmée par courriel.");
        clickOk();
        await("the pending message", () -> lookup("#reenrolPendingMessage").query().isVisible());

        // the request, its choice and its documents as the database holds them
        assertThat(value("select status from tutti.reenrolment_request where student_id = " + studentId))
                .isEqualTo("PENDING");
        assertThat(value("select comment from tutti.reenrolment_request where student_id = " + studentId))
                .isEqualTo("Horaire du mercredi si possible.");
        assertThat(count("select count(*) from tutti.reenrolment_choice c join tutti.reenrolment_request r"
                + " on r.id = c.request_id where r.student_id = " + studentId)).isEqualTo(1);
        assertThat(value("select listagg(d.file_name || ' ' || d.content_type, ', ') within group (order by d.file_name)"
                + " from tutti.uploaded_document d join tutti.reenrolment_request r on r.id = d.request_id"
                + " where r.student_id = " + studentId))
                .isEqualTo("justificatif.pdf application/pdf, photo.png image/png");

        // the form is read-only, shows what was sent, and cannot be sent twice
        assertThat(label("#reenrolPendingMessage")).isEqualTo("Réinscription en attente de validation");
        assertThat(lookup("#reenrolSubmit").queryButton().isDisabled()).isTrue();
        assertThat(importer.isDisabled()).isTrue();
        assertThat(course(0).isSelected()).isTrue();
        assertThat(course(0).isDisabled()).isTrue();
        assertThat(lookup("#reenrolAdministrative").queryAs(CheckBox.class).isDisabled()).isTrue();
        assertThat(lookup("#reenrolComment").queryAs(TextArea.class).isEditable()).isFalse();
        assertThat(documents.getItems()).hasSize(2);

        // Retour, by keyboard: back to the family
        interact(() -> lookup("#reenrolBack").query().requestFocus());
        type(KeyCode.SPACE);
        await("Famille", () -> exists("#familyLastName"));

        // the confirmation mail, in the demo mailbox
        assertThat(count("select count(*) from tutti.mail_outbox where kind = 'REENROL_ACK'")).isEqualTo(acks + 1);
        String recipient = value("select recipient from tutti.mail_outbox where kind = 'REENROL_ACK'"
                + " order by id desc fetch first 1 rows only");
        clickOn("#navDemoMailbox");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable")
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(recipient)
                        && m.subject().toLowerCase(Locale.ROOT).contains("réinscription")));
        interact(() -> lookup("#demoMailbox").query().getScene().getWindow().hide());

        // the front desk validates it: the decision mail, and F0001's tab shows the decision
        long request = Long.parseLong(value("select id from tutti.reenrolment_request where student_id = " + studentId));
        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("Réinscriptions", () -> exists("#navReenrolments"));
        clickOn("#navReenrolments");
        await("F0001's request", () -> exists("#reenrolmentsTable") && lookup("#reenrolmentsTable")
                .queryAs(TableView.class).getItems().stream()
                .anyMatch(r -> ((org.tutti.client.domain.ReenrolmentSummary) r).id() == request));
        interact(() -> {
            TableView<org.tutti.client.domain.ReenrolmentSummary> requests = lookup("#reenrolmentsTable").query();
            requests.requestFocus();
            requests.getSelectionModel().select(requests.getItems().stream().filter(r -> r.id() == request)
                    .findFirst().orElseThrow());
        });
        await("Valider la réinscription", () -> !lookup("#reenrolmentAccept").queryButton().isDisabled());
        clickOn("#reenrolmentAccept");
        await("the decision", () -> "VALIDATED".equals(
                value("select status from tutti.reenrolment_request where id = " + request)));
        assertThat(value("select recipient from tutti.mail_outbox where kind = 'REENROL_ACCEPTED'"
                + " order by id desc fetch first 1 rows only")).isEqualTo(recipient);

        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("Accueil", () -> exists("#homeFamilyName"));
        clickOn("#navStudents");
        await("the student selector", () -> exists("#studentSelector")
                && !lookup("#studentSelector").queryAs(ComboBox.class).getItems().isEmpty());
        interact(() -> {
            ComboBox<StudentIdentity> selector = lookup("#studentSelector").query();
            selector.getItems().stream().filter(s -> s.id() == studentId).findFirst().ifPresent(selector::setValue);
        });
        await("the Réinscription tab", () -> exists("#tabReenrolment"));
        clickOn("#tabReenrolment");
        await("the decision on F0001's tab", () -> exists("#reenrolState")
                && label("#reenrolState").startsWith("Réinscription validée le "));
        assertThat(lookup("#reenrolPendingMessage").query().isVisible()).as("the pending message is gone").isFalse();
    }

    @Test
    void theTabIsAbsentWhileTheSiteHasNoOpenCampaign() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        interact(() -> {
            ComboBox<org.tutti.client.domain.SiteSummary> site = lookup("#loginSite").query();
            site.getItems().stream().filter(s -> s.code().equals("MONTFLEURY")).findFirst().ifPresent(site::setValue);
        });
        logInByKeyboard("M0001", "montfleury");
        await("the home screen", () -> exists("#homeFamilyName"));

        clickOn("#navStudents");
        await("the students' tabs", () -> exists("#tabCourses") && exists("#coursesTableBusy")
                && !lookup("#coursesTableBusy").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#studentTabs").queryAs(TabPane.class).getTabs()).extracting(t -> t.getId())
                .doesNotContain("tabReenrolment");
    }

    /**
     * Waits for the form. Élèves reads the identity, the pedagogical file and the re-enrolment at
     * once, each in a transaction that renews the session: none may wait for another
     * (SessionTouchConcurrencyTest), so the form comes without Réessayer.
     */
    private void awaitForm() throws Exception {
        await("the form or its error", () -> !choices().getChildren().isEmpty()
                || lookup("#reenrolLoadError").query().isVisible());
        if (choices().getChildren().isEmpty()) {
            throw new AssertionError("the form could not be read: " + label("#reenrolLoadError"));
        }
    }

    private void refused(Path file, String message) throws Exception {
        System.setProperty(FileChoosers.ANSWER_PROPERTY, file.toString());
        clickOn("#importBrowse");
        assertThat(lookup("#importFile").queryAs(TextField.class).getText()).isEqualTo(file.toString());
        clickOn("#importSubmit");
        await("the refusal of " + file.getFileName(), () -> label("#importError").equals(message));
        assertThat(exists("#importDialog")).isTrue();
    }

    /** Scrolls Élèves so that {@code query} is in view (the tab is taller than the window). */
    private void inView(String query) {
        interact(() -> Scrolling.intoView(lookup("#studentsRoot").query(), lookup(query).query()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void chooseType(String name) {
        interact(() -> {
            ComboBox<DocumentType> type = lookup("#importDocumentType").query();
            type.getItems().stream().filter(t -> t.name().equals(name)).findFirst().ifPresent(type::setValue);
        });
    }

    private VBox choices() {
        return lookup("#reenrolChoices").queryAs(VBox.class);
    }

    private CheckBox course(int index) {
        List<Node> boxes = choices().getChildren();
        return (CheckBox) boxes.get(index);
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }
}
