package org.tutti.client.ui.students;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.ui.common.BackgroundTasks;

/**
 * One course follow-up window: the sheet (shown at once, from the list's row), then its
 * evaluations and absences (read in the background). The history's sheet window moves from
 * sheet to sheet through {@link #show(CourseSheet)}; sheets already read are kept, so moving
 * back is immediate.
 */
public final class CourseSheetViewModel {

    private final UserSession session;
    private final PedagogyService service;
    private final BackgroundTasks tasks;
    private final Map<Long, CourseFollowUp> loaded = new HashMap<>();
    private final ReadOnlyObjectWrapper<CourseSheet> sheet = new ReadOnlyObjectWrapper<>(this, "sheet");
    private final ObservableList<EvaluationLine> evaluations = FXCollections.observableArrayList();
    private final ObservableList<AbsenceLine> absences = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The enrolment last asked for: a slower answer for another one is not shown. */
    private long requested = -1;

    CourseSheetViewModel(UserSession session, PedagogyService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
    }

    public void show(CourseSheet shown) {
        Objects.requireNonNull(shown);
        sheet.set(shown);
        read(shown.enrolmentId());
    }

    /** A sheet known only by its enrolment (a course line of Accueil): shown once read. */
    public void showEnrolment(long enrolmentId) {
        sheet.set(null);
        read(enrolmentId);
    }

    private void read(long enrolmentId) {
        requested = enrolmentId;
        error.set("");
        CourseFollowUp known = loaded.get(enrolmentId);
        if (known != null) {
            busy.set(false);
            apply(known);
            return;
        }
        evaluations.clear();
        absences.clear();
        busy.set(true);
        tasks.run(() -> service.followUp(session, enrolmentId))
                .onSuccess(followUp -> {
                    loaded.put(enrolmentId, followUp);
                    if (requested == enrolmentId) {
                        busy.set(false);
                        apply(followUp);
                    }
                })
                .onFailure(failure -> {
                    if (requested == enrolmentId) {
                        busy.set(false);
                        error.set(PedagogyViewModel.FAILURES.message(failure));
                    }
                });
    }

    private void apply(CourseFollowUp followUp) {
        // the database's sheet is the freshest (counts may have changed since the list was read)
        sheet.set(followUp.sheet());
        evaluations.setAll(followUp.evaluations());
        absences.setAll(followUp.absences());
    }

    public ReadOnlyObjectProperty<CourseSheet> sheetProperty() {
        return sheet.getReadOnlyProperty();
    }

    public ObservableList<EvaluationLine> evaluations() {
        return evaluations;
    }

    public ObservableList<AbsenceLine> absences() {
        return absences;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
