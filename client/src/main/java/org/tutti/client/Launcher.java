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
        Thread warmUp = new Thread(Launcher::warmUp, "tutti-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY + 1);
        warmUp.start();
        Application.launch(TuttiApp.class, args);
    }

    /**
     * While the JavaFX toolkit starts on the main thread, loads (without initialising) what the
     * login window needs and starts the logging backend, on a second core: the login window is
     * then shown sooner. Loading only, so nothing here needs the toolkit; a class missing from a
     * later JavaFX version is skipped.
     */
    private static void warmUp() {
        org.slf4j.LoggerFactory.getILoggerFactory();
        ClassLoader loader = Launcher.class.getClassLoader();
        for (String name : WARM_UP_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                org.slf4j.LoggerFactory.getLogger(Launcher.class).debug("Warm-up: {} not loaded ({})", name, e.toString());
            }
        }
    }

    private static final String[] WARM_UP_CLASSES = {
        "org.tutti.client.TuttiApp",
        "org.tutti.client.ui.login.LoginView",
        "org.tutti.client.ui.login.LoginViewModel",
        "org.tutti.client.ui.common.I18n",
        "org.tutti.client.ui.common.ThemeManager",
        "org.tutti.client.ui.common.BackgroundTasks",
        "javafx.scene.control.ComboBox",
        "javafx.scene.control.skin.ComboBoxListViewSkin",
        "javafx.scene.control.ListView",
        "javafx.scene.control.skin.ListViewSkin",
        "javafx.scene.control.ListCell",
        "javafx.scene.control.TextField",
        "javafx.scene.control.skin.TextFieldSkin",
        "javafx.scene.control.PasswordField",
        "javafx.scene.control.Button",
        "javafx.scene.control.skin.ButtonSkin",
        "javafx.scene.control.Label",
        "javafx.scene.control.skin.LabelSkin",
        "javafx.scene.control.ProgressBar",
        "javafx.scene.control.skin.ProgressBarSkin",
        "javafx.scene.control.ProgressIndicator",
        "javafx.scene.control.skin.ProgressIndicatorSkin",
        "javafx.scene.layout.GridPane",
        "javafx.scene.layout.BorderPane",
        "javafx.css.CssParser",
        "javafx.css.Stylesheet",
        "com.sun.javafx.css.StyleManager",
        "javafx.scene.control.skin.VirtualFlow",
        "javafx.scene.text.Text",
        "com.sun.javafx.scene.control.behavior.TextFieldBehavior",
        "com.sun.javafx.scene.control.behavior.ComboBoxListViewBehavior",
        "com.sun.javafx.scene.control.behavior.ButtonBehavior",
    };
}
