package org.tutti.client.ui.staff;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.StaffChangesService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;

/**
 * Validations, as a navigation module: reloads each time it is shown, and every 30 seconds while
 * it is shown (the load runs in the background; the selection is kept when it is still there).
 */
public final class ValidationsModule implements AppModule {

    /** How often the list reloads by itself while shown. */
    public static final Duration AUTO_REFRESH = Duration.seconds(30);

    private final ValidationsViewModel model;
    private final Timeline autoRefresh;
    private ValidationsView view;

    public ValidationsModule(UserSession session, StaffChangesService service, BackgroundTasks tasks) {
        this.model = new ValidationsViewModel(session, service, tasks);
        this.autoRefresh = new Timeline(new KeyFrame(AUTO_REFRESH, e -> model.refresh()));
        autoRefresh.setCycleCount(Timeline.INDEFINITE);
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
        autoRefresh.playFromStart();
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
