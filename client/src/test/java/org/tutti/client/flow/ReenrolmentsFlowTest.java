package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;
import org.tutti.client.ui.staff.ReenrolmentsViewModel;

/**
 * Réinscriptions on the seeded embedded demo as ACCUEIL at Bellerive: the campaign open with its
 * dates and its three document types, the pending requests as in the database, a request's PDF
 * and PNG in the document viewer, one request accepted and another refused with a comment (the
 * rows and the mails in the demo mailbox), and a request decided meanwhile by a second staff
 * session (through the SQL API) told "déjà traitée".
 */
class ReenrolmentsFlowTest extends AppHarness {

    private static final String COMMENT = "Le justificatif de domicile est illisible : merci de le renvoyer.";

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void theFrontDeskReviewsDecidesAndIsToldWhenAnotherDeskWasFirst() throws Exception {
        DemoData.copyInto(dataFolder);
        long campaign = longValue("select c.id from tutti.reenrolment_campaign c join tutti.site s on s.id = c.site_id"
                + " join tutti.school_year y on y.id = c.school_year_id where s.code = 'BELLERIVE'"
                + " order by y.start_date desc, c.id desc fetch first 1 rows only");
        List<Long> pending = longs("select r.id from tutti.reenrolment_request r where r.campaign_id = " + campaign
                + " and r.status = 'PENDING'");
        assertThat(pending).as("the demo has requests waiting at Bellerive").hasSizeGreaterThanOrEqualTo(3);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navReenrolments"));
        clickOn("#navReenrolments");
        await("the pending requests", () -> exists("#reenrolmentsTable") && table().getItems().size() == pending.size());
        assertThat(table().getItems()).extracting(ReenrolmentSummary::id).containsExactlyInAnyOrderElementsOf(pending);
        assertThat(label("#reenrolmentsCount")).isEqualTo(pending.size() + " demandes en attente");
        assertMnemonicsUnique("Demandes");
        await("the list has the keyboard focus (↓ goes through the requests)",
                () -> stage.getScene().getFocusOwner() == table());

        // the campaign: open with its dates, and its three document types
        clickOn("#tabReenrolmentCampaign");
        DateTimeFormatter french = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        LocalDate opens = LocalDate.parse(string("select cast(opens_on as varchar) from tutti.reenrolment_campaign where id = "
                + campaign));
        LocalDate closes = LocalDate.parse(string("select cast(closes_on as varchar) from tutti.reenrolment_campaign"
                + " where id = " + campaign));
        await("the campaign's state", () -> ("Ouverte du " + french.format(opens) + " au " + french.format(closes))
                .equals(label("#campaignState")));
        TableView<DocumentType> types = lookup("#documentTypesTable").query();
        await("the document types", () -> types.getItems().size() == 3);
        assertThat(types.getItems()).extracting(DocumentType::name).containsExactlyInAnyOrderElementsOf(
                strings("select name from tutti.document_type where campaign_id = " + campaign));
        assertThat(types.getItems()).filteredOn(DocumentType::required).hasSize(1);
        assertMnemonicsUnique("Campagne et documents");
        clickOn("#tabReenrolmentRequests");

        // a request with a PDF and a PNG: each in the viewer
        long withDocuments = longValue("select r.id from tutti.reenrolment_request r where r.campaign_id = " + campaign
                + " and r.status = 'PENDING' and exists (select 1 from tutti.uploaded_document d where d.request_id = r.id"
                + " and d.content_type = 'application/pdf') and exists (select 1 from tutti.uploaded_document d"
                + " where d.request_id = r.id and d.content_type = 'image/png') order by r.id fetch first 1 rows only");
        select(withDocuments);
        TableView<StoredDocument> documents = lookup("#reenrolmentDocuments").query();
        await("the request's documents", () -> documents.getItems().size() >= 2);
        int pdfRow = rowOf(documents, "application/pdf");
        interact(() -> {
            documents.requestFocus();
            documents.getSelectionModel().select(pdfRow);
        });
        press(documents, KeyCode.ENTER);
        await("the PDF's first page", () -> exists("#pdfViewer") && label("#pdfPageCounter").startsWith("Page 1 / ")
                && lookup("#pdfPage").queryAs(ImageView.class).getImage() != null);
        assertThat(lookup("#pdfError").query().isVisible()).isFalse();
        int pages = Integer.parseInt(label("#pdfPageCounter").substring("Page 1 / ".length()));
        if (pages > 1) {
            clickOn("#pdfNextPage");
            await("page 2", () -> ("Page 2 / " + pages).equals(label("#pdfPageCounter")));
        }
        press(lookup("#pdfViewer").query(), KeyCode.ESCAPE);
        await("the viewer closed", () -> !exists("#pdfViewer"));
        int pngRow = rowOf(documents, "image/png");
        interact(() -> {
            documents.requestFocus();
            documents.getSelectionModel().select(pngRow);
        });
        press(documents, KeyCode.ENTER);
        await("the PNG", () -> exists("#pdfPage") && lookup("#pdfPage").queryAs(ImageView.class).getImage() != null);
        assertThat(lookup("#pdfError").query().isVisible()).isFalse();
        press(lookup("#pdfViewer").query(), KeyCode.ESCAPE);
        await("the viewer closed", () -> !exists("#pdfViewer"));

        // accept it
        clickOn("#reenrolmentAccept");
        await("the acceptance", () -> "VALIDATED".equals(status(withDocuments)));
        await("the status line", () -> label("#reenrolmentStatus").startsWith("Réinscription validée"));
        await("the list without it", () -> table().getItems().size() == pending.size() - 1 && !busy());
        String acceptedMail = family(withDocuments);

        // the next one waiting is selected: refuse it with a comment
        await("the next request selected", () -> detailShown(table().getSelectionModel().getSelectedItem()));
        long refused = table().getSelectionModel().getSelectedItem().id();
        interact(() -> lookup("#reenrolmentComment").queryAs(TextArea.class).setText(COMMENT));
        clickOn("#reenrolmentReject");
        await("the refusal", () -> "REJECTED".equals(status(refused)));
        assertThat(string("select decision_comment from tutti.reenrolment_request where id = " + refused)).isEqualTo(COMMENT);
        await("the status line", () -> label("#reenrolmentStatus").startsWith("Réinscription refusée"));
        String refusedMail = family(refused);
        assertThat(string("select body_text from tutti.mail_outbox where kind = 'REENROL_REJECTED' and recipient = '"
                + refusedMail + "' order by id desc fetch first 1 rows only")).contains(COMMENT);

        // a request decided meanwhile by another desk: "déjà traitée"
        await("the list read again", () -> table().getItems().size() == pending.size() - 2 && !busy());
        long other = table().getItems().stream().map(ReenrolmentSummary::id).filter(id -> id != refused).findFirst()
                .orElseThrow();
        select(other);
        decideAsAnotherDesk(other);
        interact(() -> lookup("#reenrolmentComment").queryAs(TextArea.class).setText("Bienvenue"));
        clickOn("#reenrolmentAccept");
        await("the message", () -> "Cette demande a déjà été traitée par un autre membre de l’accueil."
                .equals(label("#reenrolmentError")));
        assertThat(lookup("#reenrolmentComment").queryAs(TextArea.class).getText()).as("the comment kept").isEqualTo("Bienvenue");
        await("the list without it", () -> table().getItems().stream().noneMatch(r -> r.id() == other));

        // the decision mails in the demo mailbox
        String acceptedSubject = subject("REENROL_ACCEPTED", acceptedMail);
        String refusedSubject = subject("REENROL_REJECTED", refusedMail);
        clickOn("#navDemoMailbox");
        await("the mails", () -> exists("#demoMailTable")
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(acceptedMail)
                        && acceptedSubject.equals(m.subject()))
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(refusedMail)
                        && refusedSubject.equals(m.subject())));
        interact(() -> lookup("#demoMailbox").query().getScene().getWindow().hide());
    }

    /** F0002's request, refused at the front desk with a comment: the family's tab says so, with the comment. */
    @Test
    void aRefusalReachesTheFamilysTab() throws Exception {
        DemoData.copyInto(dataFolder);
        long request = longValue("select r.id from tutti.reenrolment_request r join tutti.student s on s.id = r.student_id"
                + " join tutti.family f on f.id = s.family_id where f.identifier = 'F0002' and r.status = 'PENDING'"
                + " order by r.id fetch first 1 rows only");
        long student = longValue("select student_id from tutti.reenrolment_request where id = " + request);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navReenrolments"));
        clickOn("#navReenrolments");
        await("F0002's request", () -> exists("#reenrolmentsTable")
                && table().getItems().stream().anyMatch(r -> r.id() == request));
        select(request);
        interact(() -> lookup("#reenrolmentComment").queryAs(TextArea.class).setText(COMMENT));
        clickOn("#reenrolmentReject");
        await("the refusal", () -> "REJECTED".equals(status(request)));

        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("F0002", "bellerive");
        await("the family's navigation", () -> exists("#navStudents"));
        clickOn("#navStudents");
        await("the student selector", () -> exists("#studentSelector")
                && !lookup("#studentSelector").queryAs(javafx.scene.control.ComboBox.class).getItems().isEmpty());
        interact(() -> {
            javafx.scene.control.ComboBox<org.tutti.client.domain.StudentIdentity> selector =
                    lookup("#studentSelector").query();
            selector.getItems().stream().filter(s -> s.id() == student).findFirst().ifPresent(selector::setValue);
        });
        await("the Réinscription tab", () -> exists("#tabReenrolment"));
        clickOn("#tabReenrolment");
        await("the decision", () -> exists("#reenrolState") && label("#reenrolState").startsWith("Réinscription refusée le "));
        assertThat(label("#reenrolDecisionComment")).contains(COMMENT);
    }

    // ------------------------------------------------------------------------------ helpers

    /**
     * Alt + a letter reaches one control only: the letters marked in the main window's shown texts
     * (navigation and the tab shown) are all different (two alike would only move the focus).
     */
    private void assertMnemonicsUnique(String where) {
        java.util.Map<Character, List<String>> byLetter = new java.util.TreeMap<>();
        interact(() -> {
            for (Node n : lookup((Node x) -> x instanceof javafx.scene.control.Labeled).queryAll()) {
                javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) n;
                String text = l.getText();
                int at = text == null ? -1 : text.indexOf('_');
                if (!l.isMnemonicParsing() || at < 0 || at == text.length() - 1 || !treeVisible(n)
                        || n.getScene() != stage.getScene()) {
                    continue;
                }
                char letter = Character.toLowerCase(text.charAt(at + 1));
                byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(text);
            }
        });
        byLetter.values().removeIf(texts -> texts.size() < 2);
        assertThat(byLetter).as(where + ": letters marked twice").isEmpty();
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private TableView<ReenrolmentSummary> table() {
        return lookup("#reenrolmentsTable").query();
    }

    /** True while the list is read or a decision runs. */
    private boolean busy() {
        return lookup("#reenrolmentsBusy").query().isVisible();
    }

    /** True when the detail shown is the selected request's. */
    private boolean detailShown(ReenrolmentSummary request) {
        return request != null && exists("#reenrolmentFamily")
                && ReenrolmentsViewModel.familyText(request).equals(field("#reenrolmentFamily"))
                && request.studentName().equals(field("#reenrolmentStudent"));
    }

    private String field(String query) {
        return lookup(query).queryAs(javafx.scene.control.TextField.class).getText();
    }

    private void select(long id) throws Exception {
        interact(() -> {
            table().requestFocus();
            table().getSelectionModel().select(table().getItems().stream().filter(r -> r.id() == id).findFirst()
                    .orElseThrow());
        });
        await("request " + id + "'s detail", () -> detailShown(table().getSelectionModel().getSelectedItem()));
    }

    private static int rowOf(TableView<StoredDocument> documents, String contentType) {
        for (int i = 0; i < documents.getItems().size(); i++) {
            if (documents.getItems().get(i).contentType().equals(contentType)) {
                return i;
            }
        }
        throw new AssertionError("no " + contentType + " in " + documents.getItems());
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** A key pressed on {@code target} (headless Monocle routes the robot's keys unreliably). */
    private void press(Node target, KeyCode key) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false)));
    }

    private TableView<MailRow> mailbox() {
        return lookup("#demoMailTable").query();
    }

    /** Logs in as ACCUEIL in a second session and accepts the request through {@code tutti.decide_reenrolment}. */
    private void decideAsAnotherDesk(long requestId) throws Exception {
        try (Connection c = sql().loggedIn("BELLERIVE", "ACCUEIL", "bellerive")) {
            try (PreparedStatement decide = c.prepareStatement("select tutti.decide_reenrolment(?, true, null)")) {
                decide.setLong(1, requestId);
                try (ResultSet rs = decide.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("VALIDATED");
                }
            }
            c.commit();
        }
    }

    private String subject(String kind, String recipient) throws Exception {
        return string("select subject from tutti.mail_outbox where kind = '" + kind + "' and recipient = '" + recipient
                + "' order by id desc fetch first 1 rows only");
    }

    private String family(long requestId) throws Exception {
        return string("select f.email from tutti.reenrolment_request r join tutti.student s on s.id = r.student_id"
                + " join tutti.family f on f.id = s.family_id where r.id = " + requestId);
    }

    private String status(long requestId) throws Exception {
        return string("select status from tutti.reenrolment_request where id = " + requestId);
    }

    private DemoSql sql() {
        return new DemoSql(dataFolder);
    }

    private String string(String query) throws Exception {
        return sql().string(query);
    }

    private long longValue(String query) throws Exception {
        return sql().longValue(query);
    }

    private List<Long> longs(String query) throws Exception {
        return sql().longs(query);
    }

    private List<String> strings(String query) throws Exception {
        return sql().strings(query);
    }
}
