package org.tutti.client.ui.students;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * Élèves › Cours, Historique and Répertoire of the selected student. One background call loads
 * the three lists of a student; they are kept while the screen is shown, so going back to a
 * student or to a tab shows its lists at once. Each time the screen is shown again they are
 * read afresh ({@link #reload()}).
 */
public final class PedagogyViewModel {

    /** Also the follow-up windows' ({@link CourseSheetViewModel}): a row gone from sight says so in words. */
    static final Failures FAILURES = Failures.of("Pedagogical file", "pedagogy.error.unexpected")
            .with(ServiceException.Reason.NOT_FOUND, "pedagogy.error.notFound");

    private final UserSession session;
    private final PedagogyService service;
    private final BackgroundTasks tasks;
    private final Map<Long, StudentPedagogy> loaded = new HashMap<>();
    private final ObservableList<CourseSheet> currentCourses = FXCollections.observableArrayList();
    private final ObservableList<CourseSheet> history = FXCollections.observableArrayList();
    private final ObservableList<RepertoireLine> repertoire = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Long studentId;

    public PedagogyViewModel(UserSession session, PedagogyService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Shows {@code student}'s lists: at once if already loaded, else after a background load. */
    public void show(Long student) {
        if (student != null && student.equals(studentId) && busy.get()) {
            // already being read (the screen reloads, then the refreshed selector names the same student)
            return;
        }
        studentId = student;
        error.set("");
        StudentPedagogy known = student == null ? null : loaded.get(student);
        if (student == null || known != null) {
            busy.set(false);
            apply(known);
            return;
        }
        apply(null);
        busy.set(true);
        tasks.run(() -> service.pedagogy(session, student))
                .onSuccess(pedagogy -> {
                    loaded.put(student, pedagogy);
                    if (Objects.equals(student, studentId)) {
                        busy.set(false);
                        apply(pedagogy);
                    }
                })
                .onFailure(failure -> {
                    if (Objects.equals(student, studentId)) {
                        busy.set(false);
                        error.set(FAILURES.message(failure));
                    }
                });
    }

    /** Forgets what was loaded and loads the shown student again. */
    public void reload() {
        loaded.clear();
        show(studentId);
    }

    private void apply(StudentPedagogy pedagogy) {
        if (pedagogy == null) {
            currentCourses.clear();
            history.clear();
            repertoire.clear();
            return;
        }
        currentCourses.setAll(pedagogy.currentCourses());
        history.setAll(pedagogy.history());
        repertoire.setAll(pedagogy.repertoire());
    }

    /** A model for one follow-up window, reading through the same session. */
    public CourseSheetViewModel newSheetModel() {
        return new CourseSheetViewModel(session, service, tasks);
    }

    public ObservableList<CourseSheet> currentCourses() {
        return currentCourses;
    }

    public ObservableList<CourseSheet> history() {
        return history;
    }

    public ObservableList<RepertoireLine> repertoire() {
        return repertoire;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
