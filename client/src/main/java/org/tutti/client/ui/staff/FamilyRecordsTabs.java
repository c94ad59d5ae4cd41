package org.tutti.client.ui.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tutti.client.domain.FamilyRecords.ChangeRecord;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.domain.FamilyRecords.ReenrolmentRecord;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyRecordsService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.FieldCatalogue;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;

/**
 * The family file's record tabs (issue 16, part "records"; src-docs/ui-contract.md): Réinscriptions,
 * Demandes de modification, Courriers and Historique of one family, for the front desk. The family
 * file window (part "file") puts {@link #tabs()} among its tabs and calls {@link #showFamily}; each
 * list is read in the background and says when it is loading, empty or could not be read. A mail's
 * line opens its text (never that of a mail that carried a password); the history shows each staff
 * action with who, when, and the values before and after in words.
 */
public final class FamilyRecordsTabs {

    /** Keys whose values are amounts, dates (yyyy-mm-dd) or codes with a text of their own. */
    private static final Set<String> AMOUNTS = Set.of("total", "amount", "monthly_fee");
    private static final Set<String> DATES = Set.of("due_date", "start_date", "end_date", "birth_date");

    private final FamilyRecordsViewModel model;
    private final DetailWindows windows = new DetailWindows();
    private final ZoneId zone = ZoneId.systemDefault();
    private final TableView<ReenrolmentRecord> reenrolments =
            Tables.table("fileReenrolmentsTable", "records.reenrolments.empty");
    private final TableView<ChangeRecord> changes = Tables.table("fileChangesTable", "records.changes.empty");
    private final TableView<MailRecord> mails = Tables.table("fileMailsTable", "records.mails.empty");
    private final TableView<HistoryEntry> history = Tables.table("fileHistoryTable", "records.history.empty");
    private final List<Tab> tabs;

    /**
     * @param staffSession the front desk's own session (not narrowed to the family: the readers check the site)
     * @param opener       how a family's file opens (kept for links to another family; unused so far)
     */
    public FamilyRecordsTabs(UserSession staffSession, FamilyRecordsService service, BackgroundTasks tasks,
                             FamilyFileOpener opener) {
        this.model = new FamilyRecordsViewModel(staffSession, service, tasks);
        reenrolmentColumns();
        changeColumns();
        mailColumns();
        historyColumns();
        RowOpening.install(mails, this::openMail);
        tabs = List.of(
                tab("fileTabReenrolments", "records.tab.reenrolments", reenrolments, model.reenrolments,
                        "fileReenrolmentsError"),
                tab("fileTabChanges", "records.tab.changes", changes, model.changes, "fileChangesError"),
                tab("fileTabMails", "records.tab.mails", mails, model.mails, "fileMailsError"),
                tab("fileTabHistory", "records.tab.history", history, model.history, "fileHistoryError"));
    }

    /** Réinscriptions, Demandes de modification, Courriers, Historique. */
    public List<Tab> tabs() {
        return tabs;
    }

    /** Reads the four lists of {@code familyId} in the background; the windows of the family shown before close. */
    public void showFamily(long familyId) {
        windows.closeAll();
        model.showFamily(familyId);
    }

    /** Closes the mail windows (the family file closes). */
    public void close() {
        windows.closeAll();
    }

    private <T> Tab tab(String id, String titleKey, TableView<T> table, FamilyRecordsViewModel.Section<T> section,
                        String errorId) {
        table.setItems(section.rows);
        table.setAccessibleText(I18n.get(titleKey));
        Tables.placeholderWhileLoading(table, section.busy, section.error);
        Label error = Forms.announce(Forms.error(errorId, section.error), false);
        VBox content = new VBox(8, error, table);
        content.getStyleClass().add("tab-content");
        VBox.setVgrow(table, Priority.ALWAYS);
        return Forms.tab(id, titleKey, content);
    }

    private String moment(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, zone);
    }

    private void reenrolmentColumns() {
        reenrolments.getColumns().setAll(List.of(
                Tables.text("records.column.student", ReenrolmentRecord::student),
                Tables.text("records.column.year", ReenrolmentRecord::schoolYear),
                Tables.formatted("records.column.submitted", ReenrolmentRecord::submittedAt, this::moment),
                Tables.text("records.column.status", r -> status("reenrolment", r.status())),
                Tables.text("records.column.decidedBy", ReenrolmentRecord::decidedBy),
                Tables.formatted("records.column.decidedAt", ReenrolmentRecord::decidedAt, this::moment),
                Tables.text("records.column.comment", ReenrolmentRecord::comment)));
        reenrolments.getSortOrder().clear();
    }

    private void changeColumns() {
        changes.getColumns().setAll(List.of(
                Tables.text("records.column.field", c -> c.student() == null ? FieldCatalogue.label(c.field())
                        : I18n.get("records.field.student", FieldCatalogue.label(c.field()), c.student())),
                Tables.text("records.column.old", c -> FieldCatalogue.valueText(c.field(), c.oldValue())),
                Tables.text("records.column.new", c -> FieldCatalogue.valueText(c.field(), c.newValue())),
                Tables.formatted("records.column.submitted", ChangeRecord::submittedAt, this::moment),
                Tables.text("records.column.status", c -> status("change", c.status())),
                Tables.text("records.column.decidedBy", ChangeRecord::decidedBy),
                Tables.formatted("records.column.decidedAt", ChangeRecord::decidedAt, this::moment),
                Tables.text("records.column.comment", ChangeRecord::comment)));
    }

    private void mailColumns() {
        mails.getColumns().setAll(List.of(
                Tables.formatted("records.column.date", MailRecord::createdAt, this::moment),
                Tables.text("records.column.subject", MailRecord::subject),
                Tables.text("records.column.recipient", MailRecord::recipient),
                Tables.text("records.column.status", m -> status("mail", m.status())),
                Tables.formatted("records.column.sentAt", MailRecord::sentAt, this::moment),
                Tables.text("records.column.error", MailRecord::lastError)));
    }

    private void historyColumns() {
        history.getColumns().setAll(List.of(
                Tables.formatted("records.column.date", HistoryEntry::occurredAt, this::moment),
                Tables.text("records.column.by", HistoryEntry::staffName),
                Tables.text("records.column.action", HistoryEntry::detail),
                Tables.text("records.column.before", h -> values(h.before())),
                Tables.text("records.column.after", h -> values(h.after()))));
    }

    /** "En attente", "Acceptée"…; an unknown code as it is. */
    private static String status(String what, String code) {
        String key = "records.status." + what + "." + code;
        return code == null ? "" : I18n.has(key) ? I18n.get(key) : code;
    }

    /** One line per value: "Ville : Lyon", "Montant : 80,00 €"; "(vide)" for none. */
    static String values(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> I18n.get("records.value.line", label(e.getKey()), value(e.getKey(), e.getValue())))
                .collect(Collectors.joining("\n"));
    }

    private static String label(String key) {
        String own = "records.value." + key;
        return I18n.has(own) ? I18n.get(own) : FieldCatalogue.label(key);
    }

    private static String value(String key, String value) {
        if (value == null || value.isEmpty()) {
            return I18n.get("records.value.empty");
        }
        try {
            if (AMOUNTS.contains(key)) {
                return Formats.money(new BigDecimal(value));
            }
            if (DATES.contains(key)) {
                return Formats.date(LocalDate.parse(value));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return value;
        }
        return switch (key) {
            case "method" -> I18n.has("billing.method." + value) ? I18n.get("billing.method." + value) : value;
            case "status" -> status("reenrolment", value);
            default -> FieldCatalogue.valueText(key, value);
        };
    }

    private void openMail(MailRecord mail) {
        windows.show("mail:" + mail.id(), mails.getScene().getWindow(), I18n.get("records.mail.title", mail.subject()),
                () -> mailContent(mail), () -> RowOpening.focusRow(mails, mail));
    }

    private Parent mailContent(MailRecord mail) {
        Label heading = Forms.wrapped(mail.subject(), "h2");
        Label meta = Forms.wrapped(I18n.get("records.mail.meta", mail.recipient(), moment(mail.createdAt()),
                status("mail", mail.status())));
        // a stop of the keyboard that a screen reader reads, with the announce style's focus ring
        Label text = Forms.announce(Forms.wrapped(I18n.get("records.mail.loading")), false);
        text.setId("familyMailText");
        model.mailText(mail, text::setText);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(text);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox root = new VBox(8, heading, meta, scroll, Forms.buttonRow(DetailWindows.closeButton()));
        root.setId("familyMailWindow");
        root.getStyleClass().add("detail-window");
        Forms.focusWhenShown(text);
        return root;
    }
}
