package org.tutti.client;

import javafx.beans.value.ObservableValue;
import org.tutti.client.ui.login.LoginViewModel.Phase;

/**
 * The installer's class-list run ({@code -Dtutti.training=exit}): the packaged application starts
 * as a user would, shows the login window, opens the database (the embedded demo in a temporary
 * data folder), and exits as soon as the database is ready or has failed. The classes it loaded
 * meanwhile are the list the AppCDS archive of the package is dumped from (see the installer's
 * {@code Packager}).
 */
final class TrainingRun {

    /** System property; the value {@value #EXIT} asks for a training run. */
    static final String PROPERTY = "tutti.training";
    static final String EXIT = "exit";

    private TrainingRun() {
    }

    static boolean requested() {
        return EXIT.equals(System.getProperty(PROPERTY));
    }

    /** Runs {@code exit} once {@code phase} leaves STARTING (the database is ready, or failed). */
    static void exitWhenStarted(ObservableValue<Phase> phase, Runnable exit) {
        phase.addListener((obs, was, now) -> {
            if (now != Phase.STARTING) {
                exit.run();
            }
        });
    }
}
