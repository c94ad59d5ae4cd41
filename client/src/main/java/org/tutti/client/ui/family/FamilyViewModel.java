package org.tutti.client.ui.family;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.I18n;

/**
 * Famille: the family's file, loaded in the background, each field with its pending value;
 * Modifier sends the changed fields for validation, then reloads (markers appear).
 */
public final class FamilyViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(FamilyViewModel.class);

    private final UserSession session;
    private final FamilyFileService service;
    private final BackgroundTasks tasks;
    private final FileForm form = new FileForm(FamilyFile.FIELDS);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty anyPending = new SimpleBooleanProperty(this, "anyPending");
    private final StringProperty formError = new SimpleStringProperty(this, "formError", "");
    private long familyId;
    private Consumer<String> onSubmitted = message -> { };
    private Consumer<String> onFocus = field -> { };

    public FamilyViewModel(UserSession session, FamilyFileService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
    }

    public void setOnSubmitted(Consumer<String> onSubmitted) {
        this.onSubmitted = Objects.requireNonNull(onSubmitted);
    }

    /** Called with the column name of the field the focus should go to. */
    public void setOnFocus(Consumer<String> onFocus) {
        this.onFocus = Objects.requireNonNull(onFocus);
    }

    /** Loads the file in the background (on opening the screen and after sending). */
    public void load() {
        busy.set(true);
        formError.set("");
        tasks.run(() -> service.loadFamily(session))
                .onSuccess(file -> {
                    busy.set(false);
                    familyId = file.id();
                    form.load(file.values());
                    anyPending.set(file.values().anyPending());
                    loaded.set(true);
                })
                .onFailure(this::failed);
    }

    /** Checks the form, then sends the changes in the background. */
    public void submit() {
        if (busy.get() || !loaded.get() || !form.changedProperty().get()) {
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
        tasks.run(() -> service.submit(session, FamilyFileService.Target.FAMILY, familyId, changes))
                .onSuccess(count -> {
                    busy.set(false);
                    onSubmitted.accept(I18n.get("family.submitted"));
                    load();
                })
                .onFailure(this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        formError.set(form.failureMessage(failure, onFocus, LOG));
    }

    /** Drops unsaved edits (the user agreed to leave). */
    public void revert() {
        form.revert();
    }

    public FileForm form() {
        return form;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyBooleanProperty anyPendingProperty() {
        return anyPending;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }
}
