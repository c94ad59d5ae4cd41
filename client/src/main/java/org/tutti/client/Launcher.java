package org.tutti.client;

import java.nio.file.Path;
import javafx.application.Application;
import org.slf4j.LoggerFactory;
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
        // Logback reads its configuration in a few hundred ms: do it on a second core while the
        // JavaFX toolkit starts. Loggers asked for meanwhile are SLF4J substitutes that delegate
        // once it is done, so the login window never waits for logging.
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "tutti-logging-init");
        logging.setDaemon(true);
        logging.start();
        Application.launch(TuttiApp.class, args);
    }
}
