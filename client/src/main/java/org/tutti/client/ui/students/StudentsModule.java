package org.tutti.client.ui.students;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.main.AppModule;

/** Élèves, as a navigation module: reloaded each time it is shown; changed fields are unsaved edits. */
public final class StudentsModule implements AppModule {

    private final StudentsViewModel model;
    private StudentsView view;

    public StudentsModule(UserSession session, FamilyFileService service, BackgroundTasks tasks) {
        this.model = new StudentsViewModel(session, service, tasks);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new StudentsView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
    }

    @Override
    public void deactivate() {
        model.revert();
    }

    @Override
    public boolean hasUnsavedEdits() {
        return model.form().changedProperty().get();
    }
}
