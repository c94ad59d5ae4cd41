package org.tutti.client.ui.students;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;

/**
 * Élèves, as a navigation module: reloaded each time it is shown; changed fields are unsaved
 * edits; the windows opened from its lists close when it is left.
 */
public final class StudentsModule implements AppModule {

    private final StudentsViewModel model;
    private final PedagogyViewModel pedagogy;
    private StudentsView view;

    public StudentsModule(UserSession session, FamilyFileService files, PedagogyService pedagogyService,
            BackgroundTasks tasks) {
        this.model = new StudentsViewModel(session, files, tasks);
        this.pedagogy = new PedagogyViewModel(session, pedagogyService, tasks);
        model.selectedProperty().addListener((obs, old, student) -> {
            // the windows show the student whose lists they came from: closed first, so that
            // none of them follows the next student's lists
            if (view != null) {
                view.closeWindows();
            }
            // the lists follow the selected student (at once when already read)
            pedagogy.show(student == null ? null : student.id());
        });
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new StudentsView(model, pedagogy);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
        pedagogy.reload();
    }

    @Override
    public void deactivate() {
        model.editor().revert();
        if (view != null) {
            view.closeWindows();
        }
    }

    @Override
    public boolean hasUnsavedEdits() {
        return model.editor().hasUnsavedEdits();
    }
}
