package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's screenshots, taken from the real application: the login window (demo hint
 * shown) and Accueil after F0001's login, as {@code login.png} and {@code home.png} in the
 * folder of the system property {@code tutti.screenshots.dir} (set by surefire).
 */
class ScreenshotTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void loginAndHomeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("tutti.screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        interact(() -> {
            stage.setWidth(640);
            stage.setHeight(640);
        });
        waitUntilLoginEnabled();
        WaitForAsyncUtils.waitForFxEvents();
        Path login = snapshot(out.resolve("login.png"));

        logInByKeyboard("F0001", "bellerive");
        int students = DemoData.f0001().students().size();
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeStudents")
                && lookup("#homeStudents").queryAs(Pane.class).getChildren().size() == students);
        WaitForAsyncUtils.waitForFxEvents();
        Path home = snapshot(out.resolve("home.png"));

        assertThat(ImageIO.read(home.toFile()).getWidth()).as("main window width").isGreaterThanOrEqualTo(1000);
        assertThat(Files.size(login)).isGreaterThan(5_000);
        assertThat(Files.size(home)).isGreaterThan(5_000);
    }

    private Path snapshot(Path file) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        // the scene, not its root: a root's snapshot can keep the size it had before the window was resized
        interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }
}
