package org.tutti.client.ui.common;

import javafx.stage.Window;

/**
 * Opens a course's follow-up window (the one of Élèves › Cours) from a line that knows only the
 * enrolment, as Accueil's course lines do. Élèves implements it; the main window hands it to the
 * screens that open courses, so that they need not know Élèves.
 */
public interface CourseWindowOpener {

    /** Opens nothing (a screen without course lines, tests). */
    CourseWindowOpener NONE = new CourseWindowOpener() {
        @Override
        public void open(long enrolmentId, String classLabel, String schoolYear, Window owner, Runnable onClosed) {
            // nothing to open
        }

        @Override
        public void closeAll() {
            // nothing open
        }
    };

    /**
     * Shows the enrolment's follow-up window, or brings the open one to the front.
     *
     * @param classLabel and {@code schoolYear}: the window's title until the sheet is read
     * @param onClosed   after the window closed (give the focus back to the line)
     */
    void open(long enrolmentId, String classLabel, String schoolYear, Window owner, Runnable onClosed);

    /** Closes every window opened through this opener (the screen is left, Déconnexion). */
    void closeAll();
}
