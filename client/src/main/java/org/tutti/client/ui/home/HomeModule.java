package org.tutti.client.ui.home;

import java.time.Clock;
import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.HomeService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.CourseWindowOpener;

/**
 * Accueil, as a navigation module: reloads each time it is shown; the course windows opened
 * from it close when it is left.
 */
public final class HomeModule implements AppModule {

    private final HomeViewModel model;
    private final CourseWindowOpener courses;
    private HomeView view;

    /** Without course windows (staff: no course lines). */
    public HomeModule(UserSession session, HomeService service, BackgroundTasks tasks) {
        this(session, service, tasks, CourseWindowOpener.NONE);
    }

    /** @param courses opens a course line's follow-up window (Élèves' own) */
    public HomeModule(UserSession session, HomeService service, BackgroundTasks tasks, CourseWindowOpener courses) {
        this.model = new HomeViewModel(session, service, tasks, Clock.systemDefaultZone());
        this.courses = courses;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new HomeView(model, courses);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
    }

    @Override
    public void deactivate() {
        // no window outlives the page (nor the session) that read its data
        courses.closeAll();
    }
}
