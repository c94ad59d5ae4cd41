package org.tutti.client.ui.students;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.ValidationEditor;

/**
 * Élèves: the family's students in a selector; Identité shows the selected one's fields with
 * their pending values in a {@link ValidationEditor}; Modifier sends the changed fields for
 * validation, then reloads. The front desk viewing the family ({@link UserSession#isViewingFamily()})
 * applies them at once instead.
 */
public final class StudentsViewModel {

    private static final Failures FAILURES = Failures.of("Student identity", "form.error.unexpected");

    private final UserSession session;
    private final FamilyFileService service;
    private final ValidationEditor editor;
    private final ObservableList<StudentIdentity> students = FXCollections.observableArrayList();
    private final ObjectProperty<StudentIdentity> selected = new SimpleObjectProperty<>(this, "selected");

    public StudentsViewModel(UserSession session, FamilyFileService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.editor = new ValidationEditor(StudentIdentity.FIELDS, tasks, FAILURES,
                session.isViewingFamily() ? "file.saved" : "students.submitted",
                session.isViewingFamily() ? "file.nothingNew" : "form.nothingNew");
        editor.readyProperty().bind(selected.isNotNull());
        editor.setAcknowledger(requestId -> service.acknowledge(session, requestId));
        selected.addListener((obs, old, student) -> show(student));
    }

    /** Loads the students in the background, keeping the selected one selected. */
    public void load() {
        Long keep = selected.get() == null ? null : selected.get().id();
        editor.load(() -> service.students(session), list -> replace(list, keep));
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
        editor.show(student == null ? null : "STUDENT:" + student.id(), student == null ? null : student.values());
    }

    /** Modifier: checks the selected student's form, then sends the changes in the background. */
    public void submit() {
        StudentIdentity student = selected.get();
        if (student != null) {
            editor.submit((changes, shown) -> session.isViewingFamily()
                    ? service.edit(session, FamilyFileService.Target.STUDENT, student.id(), changes)
                    : service.submit(session, FamilyFileService.Target.STUDENT, student.id(), changes, shown),
                    this::load);
        }
    }

    public ValidationEditor editor() {
        return editor;
    }

    public ObservableList<StudentIdentity> students() {
        return students;
    }

    public ObjectProperty<StudentIdentity> selectedProperty() {
        return selected;
    }
}
