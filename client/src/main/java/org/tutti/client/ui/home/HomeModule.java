package org.tutti.client.ui.home;

import java.time.Clock;
import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.HomeService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.service.DeskHomeService;
import org.tutti.client.ui.common.CourseWindowOpener;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.FamilyFileOpener;

/**
 * Accueil, as a navigation module: reloads each time it is shown; the course windows opened
 * from it close when it is left.
 */
public final class HomeModule implements AppModule {

    private final HomeViewModel model;
    private final CourseWindowOpener courses;
    private final FamilyFileOpener files;
    private final DetailWindows lists = new DetailWindows();
    private HomeView view;

    /** Without course windows (staff: no course lines). */
    public HomeModule(UserSession session, HomeService service, BackgroundTasks tasks) {
        this(session, service, tasks, CourseWindowOpener.NONE);
    }

    /** @param courses opens a course line's follow-up window (Élèves' own) */
    public HomeModule(UserSession session, HomeService service, BackgroundTasks tasks, CourseWindowOpener courses) {
        this.model = new HomeViewModel(session, service, tasks, Clock.systemDefaultZone());
        this.courses = courses;
        this.files = FamilyFileOpener.NONE;
    }

    /**
     * The front desk's Accueil with its counts and their lists.
     *
     * @param files opens a family's file from the overdue invoices
     */
    public HomeModule(UserSession session, HomeService service, DeskHomeService desk, BackgroundTasks tasks,
            FamilyFileOpener files) {
        this.model = new HomeViewModel(session, service, desk, tasks, Clock.systemDefaultZone());
        this.courses = CourseWindowOpener.NONE;
        this.files = files;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new HomeView(model, courses, new DeskLists(model, lists, files));
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
        lists.closeAll();
    }
}
