package org.tutti.client.ui.mailbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.DemoMail;
import org.tutti.client.service.DemoMailboxService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * The embedded demo's mailbox: the mails the in-process relay delivered, newest first, read in
 * the background; the selected one's plain text. A refresh that finds the same mails changes
 * nothing (the selection and the scroll position stay). JavaFX properties only; no nodes.
 */
public final class DemoMailboxViewModel {

    /** One mail as the table shows it. */
    public record MailRow(String id, String receivedAt, String recipient, String subject) {
    }

    private static final Failures FAILURES = Failures.of("Reading the demo mailbox", "mailbox.error");

    private final DemoMailboxService mailbox;
    private final BackgroundTasks tasks;
    private final ZoneId zone;
    private final ObservableList<MailRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<MailRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private List<DemoMail> mails = List.of();

    public DemoMailboxViewModel(DemoMailboxService mailbox, BackgroundTasks tasks, ZoneId zone) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.tasks = Objects.requireNonNull(tasks);
        this.zone = Objects.requireNonNull(zone);
        selected.addListener((obs, old, row) -> showBody(row));
        count.set(countText(0));
    }

    /** Reads the mailbox again in the background (at most one read at a time). */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        tasks.run(mailbox::list).onSuccess(this::show).onFailure(failure -> {
            loading.set(false);
            error.set(FAILURES.message(failure));
        });
    }

    private void show(List<DemoMail> list) {
        loading.set(false);
        error.set("");
        List<String> before = mails.stream().map(DemoMail::id).toList();
        List<String> now = list.stream().map(DemoMail::id).toList();
        mails = List.copyOf(list);
        if (before.equals(now)) {
            return;
        }
        String keep = selected.get() == null ? null : selected.get().id();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(I18n.get("format.dateTime"), I18n.textLocale());
        rows.setAll(mails.stream().map(m -> new MailRow(m.id(),
                m.receivedAt() == null ? "" : format.format(m.receivedAt().atZone(zone)),
                nullToEmpty(m.recipient()), nullToEmpty(m.subject()))).toList());
        count.set(countText(rows.size()));
        selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
        showBody(selected.get());
    }

    private void showBody(MailRow row) {
        Optional<DemoMail> mail = row == null ? Optional.empty()
                : mails.stream().filter(m -> m.id().equals(row.id())).findFirst();
        body.set(mail.map(m -> nullToEmpty(m.textBody())).orElse(""));
    }

    static String countText(int mails) {
        if (mails == 0) {
            return I18n.get("mailbox.count.none");
        }
        return mails == 1 ? I18n.get("mailbox.count.one") : I18n.get("mailbox.count.many", mails);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<MailRow> rows() {
        return rows;
    }

    /** The mail shown; the view binds the table's selection to it. */
    public ObjectProperty<MailRow> selectedProperty() {
        return selected;
    }

    /** The selected mail's plain text ("" when none is selected). */
    public ReadOnlyStringProperty bodyProperty() {
        return body;
    }

    /** "3 messages". */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }
}
