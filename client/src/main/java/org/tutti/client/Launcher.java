package org.tutti.client;

import java.nio.file.Path;
import javafx.application.Application;
import org.tutti.client.config.DataFolder;

/**
 * Entry point of {@code tutti.jar}. Does not extend {@link Application}: with JavaFX on the
 * class path (not the module path) a main class that extends it fails with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // before any logger exists: logback.xml writes to ${tutti.home}/logs/
        Path dataFolder = DataFolder.resolve();
        System.setProperty(DataFolder.PROPERTY, dataFolder.toString());
        Application.launch(TuttiApp.class, args);
    }
}
