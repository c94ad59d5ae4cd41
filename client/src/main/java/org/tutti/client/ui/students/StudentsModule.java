package org.tutti.client.ui.students;

import javafx.scene.Node;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;

/**
 * Élèves, as a navigation module: reloaded each time it is shown (the Réinscription tab too,
 * present only while the site's campaign is open); changed fields and a re-enrolment not sent
 * are unsaved edits; the windows opened from its lists close when it is left.
 */
public final class StudentsModule implements AppModule {

    private final StudentsViewModel model;
    private final PedagogyViewModel pedagogy;
    private final ReenrolmentViewModel reenrolment;
    private StudentsView view;

    public StudentsModule(UserSession session, FamilyFileService files, PedagogyService pedagogyService,
            ReenrolmentService reenrolmentService, BackgroundTasks tasks) {
        this.model = new StudentsViewModel(session, files, tasks);
        this.pedagogy = new PedagogyViewModel(session, pedagogyService, tasks);
        this.reenrolment = new ReenrolmentViewModel(session, reenrolmentService, tasks);
        model.selectedProperty().addListener((obs, old, student) -> {
            // the windows show the student whose lists they came from: closed first, so that
            // none of them follows the next student's lists
            if (view != null) {
                view.closeWindows();
            }
            // the lists follow the selected student (at once when already read)
            pedagogy.show(student == null ? null : student.id());
            reenrolment.show(student == null ? null : student.id());
        });
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new StudentsView(model, pedagogy, reenrolment);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
        pedagogy.reload();
        StudentIdentity student = model.selectedProperty().get();
        reenrolment.reload(student == null ? null : student.id());
    }

    @Override
    public void deactivate() {
        model.editor().revert();
        reenrolment.revert();
        if (view != null) {
            view.closeWindows();
        }
    }

    @Override
    public boolean hasUnsavedEdits() {
        return model.editor().hasUnsavedEdits() || reenrolment.hasUnsavedEdits();
    }
}
