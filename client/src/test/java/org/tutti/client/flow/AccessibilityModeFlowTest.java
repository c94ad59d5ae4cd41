package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.common.ThemeManager;

/**
 * The accessibility mode switched on from the login window and off from the main window, live:
 * every window, including one already open, follows at once, and the choice is written to the
 * user's display.properties.
 */
class AccessibilityModeFlowTest extends FamilyScreens {

    @Test
    void theModeFollowsTheSwitchInEveryOpenWindowAndIsKept() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        try {
            interact(() -> lookup("#loginIdentifier").query().requestFocus());
            push(KeyCode.CONTROL, KeyCode.DIGIT5);
            await("the login window in the mode", () -> isAccessible(stage.getScene().getRoot()));
            assertThat(lookup("#textSize").queryComboBox().getValue()).as("the mode's larger text").isEqualTo(125);

            logInByKeyboard("F0001", "bellerive");
            await("Accueil", () -> exists("#homeFamilyName"));
            assertThat(isAccessible(stage.getScene().getRoot())).as("the main window, built in the mode").isTrue();
            assertThat(lookup("#navAccessibility").queryAs(ToggleButton.class).isSelected()).isTrue();

            // a course window opened from Accueil, in the mode
            TableView<?> courses = lookup(".table-view").queryAllAs(TableView.class).stream()
                    .filter(t -> !t.getItems().isEmpty()).findFirst().orElseThrow();
            Set<Window> before = showingWindows();
            interact(() -> {
                courses.requestFocus();
                courses.getSelectionModel().select(0);
            });
            type(KeyCode.ENTER);
            Stage course = awaitWindow("courseWindow", before);
            assertThat(isAccessible(course.getScene().getRoot())).isTrue();

            // off from the main window (Ctrl+5): both windows at once, no restart
            interact(() -> {
                stage.requestFocus();
                lookup("#navHome").query().requestFocus();
            });
            push(KeyCode.CONTROL, KeyCode.DIGIT5);
            await("the mode off in both windows", () -> !isAccessible(stage.getScene().getRoot())
                    && !isAccessible(course.getScene().getRoot()));
            assertThat(course.getScene().getStylesheets()).noneMatch(s -> s.endsWith("accessible.css"));
            assertThat(lookup("#navAccessibility").queryAs(ToggleButton.class).isSelected()).isFalse();

            // the text size, from the main window's header, reaches the open course window too
            ComboBox<Integer> size = lookup("#textSize").queryComboBox();
            interact(() -> size.setValue(150));
            assertThat(course.getScene().getRoot().getStyle()).contains("16.50pt");
            assertThat(stage.getScene().getRoot().getStyle()).contains("16.50pt");

            Path saved = dataFolder.resolve("display.properties");
            await("the choice saved", () -> Files.exists(saved)
                    && Files.readString(saved, StandardCharsets.UTF_8).contains("textSize=150"));
            assertThat(Files.readString(saved, StandardCharsets.UTF_8)).contains("accessible=false");
        } finally {
            interact(() -> {
                ThemeManager.get().accessibleProperty().set(false);
                ThemeManager.get().textSizeProperty().set(100);
            });
        }
    }

    private static boolean isAccessible(Parent root) {
        return root.getStyleClass().contains("accessible");
    }
}
