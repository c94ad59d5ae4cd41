package org.tutti.bench.startup;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference of the start-up table: a bare JavaFX window (a Stage with one Label, the login
 * window's size), started like {@code tutti.jar}: a main class that does not extend
 * {@link Application} and calls {@link Application#launch}.
 */
public final class BareWindow {

    /** The window's title, by which the memory section finds it. */
    public static final String TITLE = "Bare window";

    private BareWindow() {
    }

    /** The class path entry (folder or jar) this class was loaded from, for starting it in another JVM. */
    public static java.nio.file.Path classFolder() {
        try {
            return java.nio.file.Path.of(BareWindow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("BareWindow's location is not a file: " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application; public with a no-arg constructor for {@link Application#launch}. */
    public static final class App extends Application {

        public App() {
            // for Application.launch
        }

        @Override
        public void start(Stage stage) {
            stage.setTitle(TITLE);
            stage.setScene(new Scene(new StackPane(new Label("Bare JavaFX window")), 720, 700));
            stage.show();
        }
    }
}
