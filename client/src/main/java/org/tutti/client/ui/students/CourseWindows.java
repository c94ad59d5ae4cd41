package org.tutti.client.ui.students;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.CourseWindowOpener;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.I18n;

/**
 * The one way a course's follow-up window opens: from Élèves › Cours (the line's sheet is shown
 * at once) and from Accueil (only the enrolment is known: the sheet is read in the window). One
 * window per enrolment; closing it closes the evaluation and absence windows opened from it.
 */
public final class CourseWindows implements CourseWindowOpener {

    private final DetailWindows windows;
    private final Supplier<CourseSheetViewModel> models;

    /** For a screen of its own (Accueil): its own windows, read through the session. */
    public CourseWindows(UserSession session, PedagogyService service, BackgroundTasks tasks) {
        this(new DetailWindows(), () -> new CourseSheetViewModel(session, service, tasks));
    }

    CourseWindows(DetailWindows windows, Supplier<CourseSheetViewModel> models) {
        this.windows = Objects.requireNonNull(windows);
        this.models = Objects.requireNonNull(models);
    }

    /** Élèves › Cours: the line's sheet. */
    void open(CourseSheet sheet, Window owner, Runnable onClosed) {
        open(sheet.enrolmentId(), PedagogyTexts.courseTitle(sheet), owner, model -> model.show(sheet), onClosed);
    }

    @Override
    public void open(long enrolmentId, String classLabel, String schoolYear, Window owner, Runnable onClosed) {
        open(enrolmentId, PedagogyTexts.courseTitle(classLabel, schoolYear), owner,
                model -> model.showEnrolment(enrolmentId), onClosed);
    }

    private void open(long enrolmentId, String courseTitle, Window owner, Consumer<CourseSheetViewModel> show,
            Runnable onClosed) {
        String key = "course:" + enrolmentId;
        if (windows.toFront(key)) {
            return;
        }
        CourseSheetViewModel model = models.get();
        CourseSheetView view = new CourseSheetView(model, null);
        windows.show(key, owner, I18n.get("pedagogy.course.title", courseTitle),
                () -> {
                    show.accept(model);
                    return view.root();
                },
                () -> {
                    view.closeDetails();
                    if (onClosed != null) {
                        onClosed.run();
                    }
                });
    }

    @Override
    public void closeAll() {
        windows.closeAll();
    }
}
