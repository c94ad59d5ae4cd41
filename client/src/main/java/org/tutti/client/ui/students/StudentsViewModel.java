package org.tutti.client.ui.students;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.family.FileForm;

/**
 * Élèves: the family's students in a selector; Identité shows the selected one's fields with
 * their pending values; Modifier sends the changed fields for validation, then reloads.
 */
public final class StudentsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StudentsViewModel.class);

    private final UserSession session;
    private final FamilyFileService service;
    private final BackgroundTasks tasks;
    private final FileForm form = new FileForm(StudentIdentity.FIELDS);
    private final ObservableList<StudentIdentity> students = FXCollections.observableArrayList();
    private final ObjectProperty<StudentIdentity> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty anyPending = new SimpleBooleanProperty(this, "anyPending");
    private final StringProperty formError = new SimpleStringProperty(this, "formError", "");
    private Consumer<String> onSubmitted = message -> { };
    private Consumer<String> onFocus = field -> { };

    public StudentsViewModel(UserSession session, FamilyFileService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        selected.addListener((obs, old, student) -> show(student));
    }

    public void setOnSubmitted(Consumer<String> onSubmitted) {
        this.onSubmitted = Objects.requireNonNull(onSubmitted);
    }

    public void setOnFocus(Consumer<String> onFocus) {
        this.onFocus = Objects.requireNonNull(onFocus);
    }

    /** Loads the students in the background, keeping the selected one selected. */
    public void load() {
        busy.set(true);
        formError.set("");
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.run(() -> service.students(session))
                .onSuccess(list -> {
                    busy.set(false);
                    replace(list, keep);
                })
                .onFailure(this::failed);
    }

    private void replace(List<StudentIdentity> list, Long keep) {
        students.setAll(list);
        StudentIdentity next = list.stream().filter(s -> keep != null && s.id() == keep).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0));
        if (next == selected.get()) {
            show(next);
        } else {
            selected.set(next);
        }
    }

    private void show(StudentIdentity student) {
        if (student == null) {
            anyPending.set(false);
            return;
        }
        form.load(student.values());
        anyPending.set(student.values().anyPending());
    }

    public void submit() {
        StudentIdentity student = selected.get();
        if (busy.get() || student == null || !form.changedProperty().get()) {
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
        tasks.run(() -> service.submit(session, FamilyFileService.Target.STUDENT, student.id(), changes))
                .onSuccess(count -> {
                    busy.set(false);
                    onSubmitted.accept(I18n.get("students.submitted"));
                    load();
                })
                .onFailure(this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        formError.set(form.failureMessage(failure, onFocus, LOG));
    }

    public void revert() {
        form.revert();
    }

    public FileForm form() {
        return form;
    }

    public ObservableList<StudentIdentity> students() {
        return students;
    }

    public ObjectProperty<StudentIdentity> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty anyPendingProperty() {
        return anyPending;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }
}
