package org.tutti.client.ui.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.domain.RefusedChange;
import org.tutti.client.service.FamilyFileService;

/**
 * The editor of a file whose changes go to the staff's validation (Famille, a student's
 * Identité; next the re-enrolment form), for the screen's view model to hold: its
 * {@link ValidationForm}, whether it is busy (loading or sending), ready (something is shown),
 * whether anything waits for validation, and the form's message. Loading and sending run through
 * {@link BackgroundTasks}; Modifier checks the form (the focus goes to the first field with a
 * message), sends the changed fields with the pending requests the screen showed, says so and
 * reloads; a failure is told under the form ({@link Failures}), or under the field the database
 * refused (too long, already pending, replaced from another computer). What the family learns in
 * the app: the changes the staff refused, until "OK, vu" ({@link #refused()}), and a notice when
 * another session of the family replaced a pending value this screen showed ({@link #noticeProperty()}).
 * Why Modifier is disabled is a text ({@link #disabledReasonProperty()}). Leaving reverts the edits.
 * JavaFX properties only; no nodes ({@link ValidationFormView} shows it).
 */
public final class ValidationEditor {

    /**
     * Sends the changed fields (column → value, null for an emptied field) with, for each of them,
     * the pending request the screen showed (null: none), in the background.
     *
     * @return the number of changes recorded
     */
    @FunctionalInterface
    public interface Sender {
        int send(Map<String, String> changes, Map<String, Long> shown) throws Exception;
    }

    /** Marks a refused change as seen, in the background. */
    @FunctionalInterface
    public interface Acknowledger {
        void acknowledge(long requestId) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ValidationEditor.class);

    private final ValidationForm form;
    private final BackgroundTasks tasks;
    private final Failures failures;
    private final String submittedKey;
    private final String nothingNewKey;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty ready = new SimpleBooleanProperty(this, "ready");
    private final BooleanProperty anyPending = new SimpleBooleanProperty(this, "anyPending");
    private final StringProperty formError = new SimpleStringProperty(this, "formError", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final ObservableList<RefusedChange> refused = FXCollections.observableArrayList();
    private final StringBinding disabledReason;
    private Consumer<String> onSubmitted = message -> { };
    private Consumer<String> onFocus = field -> { };
    private Runnable onFocusReturn = () -> { };
    /** What the last file shown was ({@code FAMILY:10}); the form holds the pending request ids it showed. */
    private String shownKey;
    /** Fields this screen just sent: their new pending requests are its own. */
    private final Set<String> justSent = new HashSet<>();
    /** Edits to put back after the reload that follows a refusal. */
    private Map<String, String> keptEdits = Map.of();
    private boolean returnFocusAfterLoad;
    private Acknowledger acknowledger = requestId -> { };

    /**
     * @param fields the columns shown, in order
     * @param failures what a failed load or send says (the screen's "unexpected" text at least)
     * @param submittedKey the message once the changes are sent (an acknowledgement is mailed)
     */
    public ValidationEditor(List<String> fields, BackgroundTasks tasks, Failures failures, String submittedKey) {
        this(fields, tasks, failures, submittedKey, "form.nothingNew");
    }

    /**
     * @param nothingNewKey the message when the database found nothing to change (the front desk's
     *                      edits apply at once: no request is ever recorded, the wording says so)
     */
    public ValidationEditor(List<String> fields, BackgroundTasks tasks, Failures failures, String submittedKey,
                            String nothingNewKey) {
        this.nothingNewKey = Objects.requireNonNull(nothingNewKey);
        this.form = new ValidationForm(fields);
        this.tasks = Objects.requireNonNull(tasks);
        this.failures = Objects.requireNonNull(failures);
        this.submittedKey = Objects.requireNonNull(submittedKey);
        disabledReason = Bindings.createStringBinding(() -> {
            if (busy.get() || !ready.get() || form.changedProperty().get()) {
                return "";
            }
            return I18n.get(anyPending.get() ? "form.modify.unchangedPending" : "form.modify.unchanged");
        }, busy, ready, anyPending, form.changedProperty());
    }

    /** Receives the message to show once the changes are sent. */
    public void setOnSubmitted(Consumer<String> onSubmitted) {
        this.onSubmitted = Objects.requireNonNull(onSubmitted);
    }

    /** Called with the column name of the field the focus should go to. */
    public void setOnFocus(Consumer<String> onFocus) {
        this.onFocus = Objects.requireNonNull(onFocus);
    }

    /** Called once the file is reloaded after sending: the focus goes back where the user was. */
    public void setOnFocusReturn(Runnable onFocusReturn) {
        this.onFocusReturn = Objects.requireNonNull(onFocusReturn);
    }

    /**
     * Runs {@code work} in the background (busy meanwhile, the form's message cleared), then gives
     * its result to {@code loaded}; a failure is told under the form.
     */
    public <T> void load(Callable<T> work, Consumer<? super T> loaded) {
        busy.set(true);
        formError.set("");
        tasks.run(work)
                .onSuccess(result -> {
                    busy.set(false);
                    loaded.accept(result);
                    if (returnFocusAfterLoad) {
                        returnFocusAfterLoad = false;
                        onFocusReturn.run();
                    }
                })
                .onFailure(this::failed);
    }

    /** Shows a file's values and pending markers; null shows that nothing waits for validation. */
    public void show(FieldValues values) {
        show(null, values);
    }

    /**
     * Shows file {@code key}'s values ({@code FAMILY:10}, {@code STUDENT:21}), its pending markers
     * and its refused changes. When the same file was shown before and a pending value it showed
     * was replaced since by another session of the family, the notice names the fields.
     */
    public void show(String key, FieldValues values) {
        if (values == null) {
            anyPending.set(false);
            refused.clear();
            shownKey = null;
            return;
        }
        List<String> replaced = new ArrayList<>();
        if (key != null && key.equals(shownKey)) {
            for (ValidationForm.Field f : form.fields()) {
                Long now = values.pendingId(f.name());
                if (now != null && !now.equals(f.pendingId()) && !justSent.contains(f.name())) {
                    replaced.add(I18n.get("form.replacedField", FieldCatalogue.label(f.name()),
                            FieldCatalogue.valueText(f.name(), values.pending(f.name()))));
                }
            }
        } else {
            notice.set("");
        }
        justSent.clear();
        shownKey = key;
        form.load(values);
        keptEdits.forEach((name, text) -> form.field(name).valueProperty().set(text));
        keptEdits = Map.of();
        anyPending.set(values.anyPending());
        refused.setAll(values.refused());
        if (!replaced.isEmpty()) {
            notice.set(I18n.get("form.replaced", String.join(" ; ", replaced)));
        }
    }

    /**
     * Modifier: when ready, not busy and something changed, checks the form, then sends the
     * changed fields through {@code sender} in the background; once sent, says so (or that nothing
     * new was recorded) and runs {@code reload} (the pending markers appear). A value another
     * session replaced meanwhile reloads the file, keeps the edits and says so.
     */
    public void submit(Sender sender, Runnable reload) {
        if (busy.get() || !ready.get() || !form.changedProperty().get()) {
            return;
        }
        formError.set("");
        notice.set("");
        String first = form.validate();
        if (first != null) {
            onFocus.accept(first);
            return;
        }
        Map<String, String> changes = form.changes();
        Map<String, Long> shown = form.shownPending(changes.keySet());
        busy.set(true);
        tasks.run(() -> sender.send(changes, shown)).onSuccess(recorded -> {
            busy.set(false);
            justSent.addAll(changes.keySet());
            onSubmitted.accept(I18n.get(recorded > 0 ? submittedKey : nothingNewKey));
            returnFocusAfterLoad = true;
            reload.run();
        }).onFailure(failure -> {
            if (failure instanceof FamilyFileService.FieldRefusedException refused
                    && refused.refusal() == FamilyFileService.Refusal.REPLACED) {
                // show the other computer's value, keep what the user typed, say so (show() does)
                busy.set(false);
                keptEdits = form.edits();
                reload.run();
                return;
            }
            failed(failure);
        });
    }

    /** How "OK, vu" records that a refused change was seen (the screen's view model sets it). */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = Objects.requireNonNull(acknowledger);
    }

    /** "OK, vu": marks a refused change as seen, then stops showing it. */
    public void acknowledge(RefusedChange change) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        formError.set("");
        tasks.run(() -> {
            acknowledger.acknowledge(change.requestId());
            return Boolean.TRUE;
        }).onSuccess(done -> {
            busy.set(false);
            refused.remove(change);
        }).onFailure(this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof FamilyFileService.FieldRefusedException refusal) {
            LOG.info("Change refused by the database: {}", refusal.getMessage());
            String field = refusal.field();
            String message = switch (refusal.refusal()) {
                case TOO_LONG -> I18n.get("form.error.tooLong", FieldCatalogue.label(field), refusal.limit());
                case ALREADY_PENDING -> I18n.get("form.error.alreadyPending");
                default -> I18n.get("form.error.refused");
            };
            form.refuse(field, message);
            onFocus.accept(field);
            return;
        }
        formError.set(failures.message(failure));
    }

    /** Drops unsaved edits (the user agreed to leave). */
    public void revert() {
        form.revert();
    }

    /** True while leaving would lose edits. */
    public boolean hasUnsavedEdits() {
        return form.changedProperty().get();
    }

    public ValidationForm form() {
        return form;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once something is shown: the fields and Modifier work only then. */
    public BooleanProperty readyProperty() {
        return ready;
    }

    public ReadOnlyBooleanProperty anyPendingProperty() {
        return anyPending;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }

    /** What happened meanwhile from another computer of the family (a replaced pending value), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** Why Modifier is disabled, or "" while it is enabled (or while loading or sending). */
    public StringBinding disabledReasonProperty() {
        return disabledReason;
    }

    /** The changes the staff refused that the family has not marked as seen, oldest first. */
    public ObservableList<RefusedChange> refused() {
        return refused;
    }
}
