package org.tutti.client.flow;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.TuttiApp;
import org.tutti.client.config.DataFolder;
import org.tutti.client.ui.French;

/**
 * Starts and stops the real application (headless Monocle) on a given data folder. Tagged
 * {@code ui} (JUnit inherits the tag): every subclass starts the whole application, so the quick
 * run ({@code mvn -B verify -Pquick}) leaves them to the full one.
 */
@Tag("ui")
class AppHarness extends FxRobot {

    static final long TIMEOUT_S = 60;

    Stage stage;
    Application app;

    void startApp(Path dataFolder) throws TimeoutException {
        System.setProperty(DataFolder.PROPERTY, dataFolder.toString());
        French.use();
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(TuttiApp::new);
    }

    void stopApp() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        if (stage != null) {
            FxToolkit.cleanupStages();
        }
        // issue 15: the display is per process; the next test (or start) reads its own display.properties
        FxToolkit.setupFixture(() -> {
            org.tutti.client.ui.common.ThemeManager theme = org.tutti.client.ui.common.ThemeManager.get();
            theme.accessibleProperty().set(false);
            theme.contrastProperty().set(org.tutti.client.ui.common.ThemeManager.Contrast.LIGHT);
            theme.textSizeProperty().set(100);
        });
        System.clearProperty(DataFolder.PROPERTY);
    }

    void waitUntilLoginEnabled() throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> {
            if (lookup("#startupRetry").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)) {
                throw new AssertionError("start-up failed: "
                        + lookup("#startupStatus").queryAs(javafx.scene.control.Label.class).getText());
            }
            Button submit = lookup("#loginSubmit").tryQueryAs(Button.class).orElse(null);
            return submit != null && !submit.isDisabled();
        });
    }

    /** Types identifier and password and presses Enter, all by keyboard. */
    void logInByKeyboard(String identifier, String password) {
        interact(() -> {
            stage.requestFocus();
            lookup("#loginIdentifier").query().requestFocus();
        });
        write(identifier);
        type(javafx.scene.input.KeyCode.TAB);
        write(password);
        type(javafx.scene.input.KeyCode.ENTER);
    }

    boolean exists(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    /** Waits for a condition; a timeout fails with what was awaited. */
    static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The windows showing now (to find the one an action opens). */
    Set<Window> showingWindows() {
        return new HashSet<>(listWindows().stream().filter(Window::isShowing).toList());
    }

    /** The window with that root id that opened since {@code before}. */
    Stage awaitWindow(String rootId, Set<Window> before) throws Exception {
        AtomicReference<Stage> found = new AtomicReference<>();
        await("a " + rootId + " window", () -> {
            for (Window w : listWindows()) {
                if (w.isShowing() && !before.contains(w) && w.getScene() != null
                        && rootId.equals(w.getScene().getRoot().getId())) {
                    found.set((Stage) w);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
