package org.tutti.client.ui.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.service.FamilyFileService;

/**
 * The editor of a file whose changes go to the staff's validation (Famille, a student's
 * Identité; next the re-enrolment form), for the screen's view model to hold: its
 * {@link ValidationForm}, whether it is busy (loading or sending), ready (something is shown),
 * whether anything waits for validation, and the form's message. Loading and sending run through
 * {@link BackgroundTasks}; Modifier checks the form (the focus goes to the first field with a
 * message), sends the changed fields, says so and reloads; a failure is told under the form
 * ({@link Failures}), or under the field the database refused. Leaving reverts the edits.
 * JavaFX properties only; no nodes ({@link ValidationFormView} shows it).
 */
public final class ValidationEditor {

    /** Sends the changed fields (column → value, null for an emptied field), in the background. */
    @FunctionalInterface
    public interface Sender {
        void send(Map<String, String> changes) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ValidationEditor.class);

    private final ValidationForm form;
    private final BackgroundTasks tasks;
    private final Failures failures;
    private final String submittedKey;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty ready = new SimpleBooleanProperty(this, "ready");
    private final BooleanProperty anyPending = new SimpleBooleanProperty(this, "anyPending");
    private final StringProperty formError = new SimpleStringProperty(this, "formError", "");
    private Consumer<String> onSubmitted = message -> { };
    private Consumer<String> onFocus = field -> { };

    /**
     * @param fields the columns shown, in order
     * @param failures what a failed load or send says (the screen's "unexpected" text at least)
     * @param submittedKey the message once the changes are sent (an acknowledgement is mailed)
     */
    public ValidationEditor(List<String> fields, BackgroundTasks tasks, Failures failures, String submittedKey) {
        this.form = new ValidationForm(fields);
        this.tasks = Objects.requireNonNull(tasks);
        this.failures = Objects.requireNonNull(failures);
        this.submittedKey = Objects.requireNonNull(submittedKey);
    }

    /** Receives the message to show once the changes are sent. */
    public void setOnSubmitted(Consumer<String> onSubmitted) {
        this.onSubmitted = Objects.requireNonNull(onSubmitted);
    }

    /** Called with the column name of the field the focus should go to. */
    public void setOnFocus(Consumer<String> onFocus) {
        this.onFocus = Objects.requireNonNull(onFocus);
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
                })
                .onFailure(this::failed);
    }

    /** Shows a file's values and pending markers; null shows that nothing waits for validation. */
    public void show(FieldValues values) {
        if (values == null) {
            anyPending.set(false);
            return;
        }
        form.load(values);
        anyPending.set(values.anyPending());
    }

    /**
     * Modifier: when ready, not busy and something changed, checks the form, then sends the
     * changed fields through {@code sender} in the background; once sent, says so and runs
     * {@code reload} (the pending markers appear).
     */
    public void submit(Sender sender, Runnable reload) {
        if (busy.get() || !ready.get() || !form.changedProperty().get()) {
            return;
        }
        formError.set("");
        String first = form.validate();
        if (first != null) {
            onFocus.accept(first);
            return;
        }
        Map<String, String> changes = form.changes();
        busy.set(true);
        tasks.run(() -> {
            sender.send(changes);
            return Boolean.TRUE;
        }).onSuccess(done -> {
            busy.set(false);
            onSubmitted.accept(I18n.get(submittedKey));
            reload.run();
        }).onFailure(this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof FamilyFileService.FieldRefusedException refused) {
            LOG.info("Change refused by the database: {}", refused.getMessage());
            form.refuse(refused.field(), I18n.get("form.error.refused"));
            onFocus.accept(refused.field());
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
}
