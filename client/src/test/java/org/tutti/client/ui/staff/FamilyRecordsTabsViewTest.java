package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyRecords.ChangeRecord;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.domain.FamilyRecords.ReenrolmentRecord;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyRecordsService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.CutTexts;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.audit.AccessibilityAudit;
import org.tutti.client.ui.audit.AccessibilityAudit.Level;

/**
 * The family file's record tabs on their own, on a fake service with real background threads: the
 * four tabs and their lists, the history's before/after in words (labels of the field catalogue,
 * amounts in euros), a mail's text opened by Enter and a secret's never, an empty list and a list
 * that could not be read said as text.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FamilyRecordsTabsViewTest extends FxRobot {

    private static final long WAIT_S = 20;
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:30:00Z");

    /** A service whose answers each test sets; calls are recorded. */
    static final class FakeRecords implements FamilyRecordsService {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile List<ChangeRecord> changes = List.of();
        volatile List<ReenrolmentRecord> reenrolments = List.of();
        volatile List<MailRecord> mails = List.of();
        volatile List<HistoryEntry> history = List.of();
        volatile RuntimeException historyFailure;
        final Map<Long, Optional<String>> texts = new LinkedHashMap<>();

        @Override
        public List<ChangeRecord> changeRequests(UserSession staff, long familyId) {
            calls.add("changes " + familyId);
            return changes;
        }

        @Override
        public List<ReenrolmentRecord> reenrolments(UserSession staff, long familyId) {
            calls.add("reenrolments " + familyId);
            return reenrolments;
        }

        @Override
        public List<MailRecord> mails(UserSession staff, long familyId) {
            calls.add("mails " + familyId);
            return mails;
        }

        @Override
        public List<HistoryEntry> history(UserSession staff, long familyId) {
            calls.add("history " + familyId);
            if (historyFailure != null) {
                throw historyFailure;
            }
            return history;
        }

        @Override
        public Optional<String> mailText(UserSession staff, long mailId) {
            calls.add("text " + mailId);
            return texts.getOrDefault(mailId, Optional.empty());
        }
    }

    private final FakeRecords service = new FakeRecords();
    private BackgroundTasks tasks;
    private FamilyRecordsTabs tabs;

    @Start
    void start(Stage stage) {
        French.use();
        tasks = BackgroundTasks.withUiExecutor(Platform::runLater);
        tabs = new FamilyRecordsTabs(FakeBackend.staff(), service, tasks, FamilyFileOpener.NONE);
        TabPane pane = new TabPane();
        pane.setAccessibleText("Dossier de la famille"); // the file window's (part "file") names its tab pane
        pane.getTabs().setAll(tabs.tabs());
        Scene scene = new Scene(pane, 1100, 600);
        ThemeManager.get().apply(scene);
        stage.setScene(scene);
        stage.setTitle("Dossier");
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        interact(() -> {
            ThemeManager.get().accessibleProperty().set(false);
            ThemeManager.get().textSizeProperty().set(100);
        });
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w instanceof Stage s && s.getOwner() != null) {
                interact(s::close);
            }
        }
        tasks.shutdown();
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waiting for " + what + "; calls " + service.calls, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(String tabId) {
        interact(() -> {
            TabPane pane = (TabPane) lookup(".tab-pane").query();
            for (Tab tab : pane.getTabs()) {
                if (tabId.equals(tab.getId())) {
                    pane.getSelectionModel().select(tab);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of a table's rows, cell by cell, as the columns show them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<List<String>> cells(String tableId) {
        TableView<Object> table = lookup(tableId).query();
        List<List<String>> rows = new ArrayList<>();
        for (Object item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (TableColumn<Object, ?> column : table.getColumns()) {
                Object value = column.getCellObservableValue(item).getValue();
                java.util.function.Function format = (java.util.function.Function) column.getProperties()
                        .values().stream().filter(v -> v instanceof java.util.function.Function).findFirst()
                        .orElse((java.util.function.Function) String::valueOf);
                row.add(value == null ? "" : String.valueOf(format.apply(value)));
            }
            rows.add(row);
        }
        return rows;
    }

    private List<String> titles(String tableId) {
        TableView<?> table = lookup(tableId).query();
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    @Test
    void theFourTabsShowTheFamilysRecordsAndTheHistorySaysBeforeAndAfterInWords() throws Exception {
        service.changes = List.of(new ChangeRecord(7, "phone_home", null, "0102030405", "0611223344", MONDAY,
                "ACCEPTED", "Sophie Bernard", MONDAY.plusSeconds(3600), null));
        service.reenrolments = List.of(new ReenrolmentRecord(3, "Léa Martin", "2027-2028", MONDAY, "PENDING", null,
                null, null));
        service.mails = List.of(new MailRecord(11, MONDAY, "CHANGE_ACK", "claire@example.org",
                "Tutti — demande de modification reçue", "SENT", MONDAY.plusSeconds(60), null));
        Map<String, String> before = new LinkedHashMap<>();
        before.put("city", "Lyon");
        service.history = List.of(
                new HistoryEntry(MONDAY.plusSeconds(7200), "Sophie Bernard", "PAYMENT_RECORDED",
                        "Paiement enregistré : reçu BEL-R-2026-000043", Map.of(),
                        Map.of("amount", "30.00")),
                new HistoryEntry(MONDAY.plusSeconds(3600), "Sophie Bernard", "CHANGE_ACCEPTED",
                        "Modification acceptée : Ville", before, Map.of("city", "Bellerive")));

        interact(() -> tabs.showFamily(42));
        await("the four lists", () -> service.calls.size() == 4);

        assertThat(tabs.tabs()).extracting(Tab::getId).containsExactly("fileTabReenrolments", "fileTabChanges",
                "fileTabMails", "fileTabHistory");
        assertThat(tabs.tabs()).extracting(Tab::getText).containsExactly("Réinscriptions",
                "Demandes de modification", "Courriers", "Historique");
        assertThat(service.calls).containsExactlyInAnyOrder("changes 42", "reenrolments 42", "mails 42",
                "history 42");

        select("fileTabChanges");
        await("the change requests", () -> !cells("#fileChangesTable").isEmpty());
        assertThat(cells("#fileChangesTable").get(0)).startsWith("Téléphone fixe", "01 02 03 04 05",
                "06 11 22 33 44");
        assertThat(cells("#fileChangesTable").get(0)).contains("Acceptée", "Sophie Bernard");

        select("fileTabHistory");
        await("the history", () -> cells("#fileHistoryTable").size() == 2);
        assertThat(titles("#fileHistoryTable")).containsExactly("Date", "Par", "Action", "Avant", "Après");
        assertThat(cells("#fileHistoryTable").get(1).subList(1, 5)).containsExactly("Sophie Bernard",
                "Modification acceptée : Ville", "Ville : Lyon", "Ville : Bellerive");
        assertThat(cells("#fileHistoryTable").get(0).get(4)).isEqualTo("Montant : 30,00\u00a0€");
    }

    @Test
    void enterOnAMailOpensItsTextButNeverTheTextOfAMailThatHeldAPassword() throws Exception {
        service.mails = List.of(
                new MailRecord(12, MONDAY.plusSeconds(60), "PASSWORD", "claire@example.org", "Votre mot de passe",
                        "SENT", MONDAY.plusSeconds(120), null),
                new MailRecord(11, MONDAY, "CHANGE_ACK", "claire@example.org", "Demande reçue", "FAILED", null,
                        "550 mailbox unavailable"));
        service.texts.put(11L, Optional.of("Bonjour,\nnous avons bien reçu votre demande."));
        interact(() -> tabs.showFamily(42));
        select("fileTabMails");
        await("the mails", () -> cells("#fileMailsTable").size() == 2);
        assertThat(cells("#fileMailsTable").get(1)).contains("Demande reçue", "En échec", "550 mailbox unavailable");

        TableView<?> mails = lookup("#fileMailsTable").query();
        interact(() -> {
            mails.requestFocus();
            mails.getSelectionModel().select(1);
            mails.getFocusModel().focus(1);
        });
        type(KeyCode.ENTER);
        await("the mail's text", () -> lookup("#familyMailText").tryQuery()
                .map(n -> ((Label) n).getText().contains("bien reçu")).orElse(false));
        type(KeyCode.ESCAPE);
        await("the window closed", () -> lookup("#familyMailWindow").tryQuery().isEmpty());

        interact(() -> {
            mails.requestFocus();
            mails.getSelectionModel().select(0);
            mails.getFocusModel().focus(0);
        });
        type(KeyCode.ENTER);
        await("the secret's notice", () -> lookup("#familyMailText").tryQuery()
                .map(n -> ((Label) n).getText().equals(
                        "Ce courrier contenait un mot de passe : son texte n’est pas affiché.")).orElse(false));
    }

    @Test
    void anEmptyListAndAListThatCouldNotBeReadAreSaidAsText() throws Exception {
        service.historyFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        interact(() -> tabs.showFamily(42));
        await("the four lists", () -> service.calls.size() == 4);
        select("fileTabChanges");
        TableView<?> changes = lookup("#fileChangesTable").query();
        await("the empty text", () -> ((Label) changes.getPlaceholder()).getText()
                .equals("Aucune demande de modification pour cette famille."));
        select("fileTabHistory");
        await("the failure", () -> lookup("#fileHistoryError").tryQuery()
                .map(n -> n.isVisible() && !((Label) n).getText().isEmpty()).orElse(false));
        Node error = lookup("#fileHistoryError").query();
        assertThat(((Label) error).getText()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void eachTabAndAMailsWindowPassTheAccessibilityAuditAndShowWholeTextsUpTo200Percent() throws Exception {
        service.changes = List.of(new ChangeRecord(7, "city", "Léa Martin", "Lyon", "Bellerive", MONDAY, "REJECTED",
                "Sophie Bernard", MONDAY.plusSeconds(3600), "Adresse inconnue de La Poste"));
        service.reenrolments = List.of(new ReenrolmentRecord(3, "Léa Martin", "2027-2028", MONDAY, "VALIDATED",
                "Sophie Bernard", MONDAY.plusSeconds(60), null));
        service.mails = List.of(new MailRecord(11, MONDAY, "CHANGE_ACK", "claire@example.org", "Demande reçue",
                "SENT", MONDAY.plusSeconds(60), null));
        service.texts.put(11L, Optional.of("Bonjour,\nnous avons bien reçu votre demande."));
        service.history = List.of(new HistoryEntry(MONDAY, "Sophie Bernard", "CHANGE_ACCEPTED",
                "Modification acceptée : Ville", Map.of("city", "Lyon"), Map.of("city", "Bellerive")));
        interact(() -> tabs.showFamily(42));
        await("the four lists", () -> service.calls.size() == 4);
        List<String> findings = new ArrayList<>();
        for (int size : List.of(100, 125, 200)) {
            boolean accessible = size > 100;
            interact(() -> {
                ThemeManager.get().accessibleProperty().set(accessible);
                ThemeManager.get().textSizeProperty().set(size);
            });
            Level level = accessible ? Level.AAA_HIGH_CONTRAST : Level.AA;
            for (String tab : List.of("fileTabReenrolments", "fileTabChanges", "fileTabHistory", "fileTabMails")) {
                select(tab);
                findings.addAll(WaitForAsyncUtils.asyncFx(() -> AccessibilityAudit.inShowingWindows(level)).get());
                findings.addAll(WaitForAsyncUtils.asyncFx(() -> CutTexts.inShowingWindows(accessible)).get());
            }
            TableView<?> mails = lookup("#fileMailsTable").query();
            interact(() -> {
                mails.requestFocus();
                mails.getSelectionModel().select(0);
                mails.getFocusModel().focus(0);
            });
            type(KeyCode.ENTER);
            await("the mail's text", () -> lookup("#familyMailText").tryQuery()
                    .map(n -> ((Label) n).getText().contains("bien reçu")).orElse(false));
            findings.addAll(WaitForAsyncUtils.asyncFx(() -> AccessibilityAudit.inShowingWindows(level)).get());
            findings.addAll(WaitForAsyncUtils.asyncFx(() -> CutTexts.inShowingWindows(accessible)).get());
            findings.addAll(WaitForAsyncUtils.asyncFx(
                    () -> AccessibilityAudit.keyboardReach(lookup("#familyMailWindow").query().getScene())).get());
            type(KeyCode.ESCAPE);
            await("the window closed", () -> lookup("#familyMailWindow").tryQuery().isEmpty());
        }
        assertThat(findings).as("accessibility findings").isEmpty();
    }
}
