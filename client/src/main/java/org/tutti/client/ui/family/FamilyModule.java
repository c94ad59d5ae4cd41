package org.tutti.client.ui.family;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;

/** Famille, as a navigation module: reloaded each time it is shown; changed fields are unsaved edits. */
public final class FamilyModule implements AppModule {

    private final FamilyViewModel model;
    private FamilyView view;

    public FamilyModule(UserSession session, FamilyFileService service, BackgroundTasks tasks) {
        this.model = new FamilyViewModel(session, service, tasks);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new FamilyView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
    }

    @Override
    public void deactivate() {
        model.editor().revert();
    }

    @Override
    public boolean hasUnsavedEdits() {
        return model.editor().hasUnsavedEdits();
    }
}
