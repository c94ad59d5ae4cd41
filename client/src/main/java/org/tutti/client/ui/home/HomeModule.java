package org.tutti.client.ui.home;

import java.time.Clock;
import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.HomeService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;

/** Accueil, as a navigation module: reloads each time it is shown. */
public final class HomeModule implements AppModule {

    private final HomeViewModel model;
    private HomeView view;

    public HomeModule(UserSession session, HomeService service, BackgroundTasks tasks) {
        this.model = new HomeViewModel(session, service, tasks, Clock.systemDefaultZone());
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new HomeView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
    }

    @Override
    public void deactivate() {
        // nothing to release: Accueil holds no edits and no listeners outside itself
    }
}
