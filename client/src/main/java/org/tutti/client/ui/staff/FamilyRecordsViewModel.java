package org.tutti.client.ui.staff;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.FamilyRecords.ChangeRecord;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.domain.FamilyRecords.ReenrolmentRecord;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyRecordsService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * The family file's record tabs (issue 16, part "records"): the four lists of one family, each read
 * in the background with its own loading state and failure text, so that one list that fails
 * leaves the others readable. A newer {@link #showFamily} wins over the answers of an older one.
 */
final class FamilyRecordsViewModel {

    static final Failures FAILURES = Failures.of("Family records", "records.error.unexpected");

    /** One list: its rows, whether it is being read, and why it could not be ("" when it could). */
    static final class Section<T> {
        final ObservableList<T> rows = FXCollections.observableArrayList();
        final BooleanProperty busy = new SimpleBooleanProperty();
        final StringProperty error = new SimpleStringProperty("");
    }

    private final UserSession staff;
    private final FamilyRecordsService service;
    private final BackgroundTasks tasks;
    final Section<ReenrolmentRecord> reenrolments = new Section<>();
    final Section<ChangeRecord> changes = new Section<>();
    final Section<MailRecord> mails = new Section<>();
    final Section<HistoryEntry> history = new Section<>();
    private long generation;

    FamilyRecordsViewModel(UserSession staff, FamilyRecordsService service, BackgroundTasks tasks) {
        this.staff = staff;
        this.service = service;
        this.tasks = tasks;
    }

    void showFamily(long familyId) {
        long current = ++generation;
        load(current, reenrolments, () -> service.reenrolments(staff, familyId));
        load(current, changes, () -> service.changeRequests(staff, familyId));
        load(current, mails, () -> service.mails(staff, familyId));
        load(current, history, () -> service.history(staff, familyId));
    }

    private <T> void load(long current, Section<T> section, Callable<List<T>> read) {
        section.rows.clear();
        section.error.set("");
        section.busy.set(true);
        tasks.run(read).onSuccess(rows -> {
            if (current == generation) {
                section.busy.set(false);
                section.rows.setAll(rows);
            }
        }).onFailure(failure -> {
            if (current == generation) {
                section.busy.set(false);
                section.error.set(FAILURES.message(failure));
            }
        });
    }

    /** The text of a mail, to {@code shown} on the UI thread: the text, or why it is not shown. */
    void mailText(MailRecord mail, Consumer<String> shown) {
        tasks.run(() -> service.mailText(staff, mail.id())).onSuccess((Optional<String> text) ->
                shown.accept(text.orElse(I18n.get("records.mail.secret"))))
                .onFailure(failure -> shown.accept(FAILURES.message(failure)));
    }
}
