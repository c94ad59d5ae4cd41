package org.tutti.client.ui.staff;

import java.time.Clock;
import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.StaffReenrolmentService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.AutoRefresh;
import org.tutti.client.ui.common.BackgroundTasks;

/**
 * Réinscriptions, as a navigation module: reads everything each time it is shown, and the lists
 * again every 30 seconds while it is shown (in the background; the selection and what is typed
 * stay). Leaving it closes the document viewers it opened.
 */
public final class ReenrolmentsModule implements AppModule {

    private final ReenrolmentsViewModel model;
    private final BackgroundTasks tasks;
    private final AutoRefresh autoRefresh;
    private ReenrolmentsView view;

    public ReenrolmentsModule(UserSession session, StaffReenrolmentService service, BackgroundTasks tasks) {
        this.model = new ReenrolmentsViewModel(session, service, tasks, Clock.systemDefaultZone());
        this.tasks = tasks;
        this.autoRefresh = new AutoRefresh(model::reload);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ReenrolmentsView(model, tasks);
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
        if (view != null) {
            view.closeWindows();
        }
    }

    ReenrolmentsViewModel model() {
        return model;
    }
}
