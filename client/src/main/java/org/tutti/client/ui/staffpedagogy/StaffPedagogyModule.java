package org.tutti.client.ui.staffpedagogy;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.StaffPedagogyService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;

/** Pédagogie at the front desk, as a navigation module: the courses are read again each time it is shown. */
public final class StaffPedagogyModule implements AppModule {

    private final StaffPedagogyViewModel model;
    private StaffPedagogyView view;

    public StaffPedagogyModule(UserSession session, StaffPedagogyService service, BackgroundTasks tasks) {
        this.model = new StaffPedagogyViewModel(session, service, tasks);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new StaffPedagogyView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.refresh();
        if (view != null) {
            view.focus();
        }
    }

    @Override
    public void deactivate() {
        // nothing to release: the entry windows are modal to the main window
    }

    StaffPedagogyViewModel model() {
        return model;
    }
}
