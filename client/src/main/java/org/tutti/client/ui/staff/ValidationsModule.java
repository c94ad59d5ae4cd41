package org.tutti.client.ui.staff;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.StaffChangesService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.AutoRefresh;

/**
 * Validations, as a navigation module: reloads each time it is shown, and every 30 seconds while
 * it is shown (the load runs in the background; the selection is kept when it is still there).
 */
public final class ValidationsModule implements AppModule {

    private final ValidationsViewModel model;
    private final AutoRefresh autoRefresh;
    private ValidationsView view;

    public ValidationsModule(UserSession session, StaffChangesService service, BackgroundTasks tasks) {
        this.model = new ValidationsViewModel(session, service, tasks);
        this.autoRefresh = new AutoRefresh(model::refresh);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ValidationsView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.refresh();
        autoRefresh.start();
        if (view != null) {
            view.focus();
        }
    }

    @Override
    public void deactivate() {
        autoRefresh.stop();
    }

    ValidationsViewModel model() {
        return model;
    }
}
