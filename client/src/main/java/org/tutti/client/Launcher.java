package org.tutti.client;

import java.nio.file.Path;
import javafx.application.Application;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.DataFolder;
import org.tutti.client.mail.RelayMain;
import org.tutti.client.ui.common.I18n;

/**
 * Entry point of {@code tutti.jar}. Does not extend {@link Application}: with JavaFX on the
 * class path (not the module path) a main class that extends it fails with "JavaFX runtime
 * components are missing".
 *
 * <p>{@code --relay [--config FILE]} runs the headless mail relay instead of the window (see
 * {@link RelayMain}); that path loads no JavaFX class, and the window's path loads no mail class.
 */
public final class Launcher {

    /** The option that selects the headless mail relay. */
    static final String RELAY_OPTION = "--relay";

    private Launcher() {
    }

    public static void main(String[] args) {
        // before any logger exists: LoggingConfigurator writes to ${tutti.home}/logs/
        Path dataFolder = DataFolder.resolve();
        System.setProperty(DataFolder.PROPERTY, dataFolder.toString());
        if (relayRequested(args)) {
            Relay.run(args, dataFolder);
            return;
        }
        // Logback starts in a few hundred ms (its configuration is code, see LoggingConfigurator): do it on a second core while the
        // JavaFX toolkit starts. Loggers asked for meanwhile are SLF4J substitutes that delegate
        // once it is done, so the login window never waits for logging.
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "tutti-logging-init");
        logging.setDaemon(true);
        logging.start();
        // JavaFX's own texts (DatePicker, context menus, dialog buttons) in the interface's language
        I18n.applyToJvm();
        Gui.launch(args);
    }

    static boolean relayRequested(String[] args) {
        for (String arg : args) {
            if (RELAY_OPTION.equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /** The window; its own class so that the relay's path never resolves a JavaFX class. */
    private static final class Gui {
        static void launch(String[] args) {
            Application.launch(TuttiApp.class, args);
        }
    }

    /** The headless relay; its own class so that the window's path never loads a mail class. */
    private static final class Relay {
        static void run(String[] args, Path dataFolder) {
            int status = RelayMain.start(args, dataFolder);
            if (status != 0) {
                System.exit(status);
            }
            RelayMain.awaitShutdown();
        }
    }
}
