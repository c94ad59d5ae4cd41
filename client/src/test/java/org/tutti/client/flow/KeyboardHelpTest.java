package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tutti.client.config.DisplayPreferences;
import org.tutti.client.ui.common.ShortcutsHelp;
import org.tutti.client.ui.common.ThemeManager;

/**
 * Issue 15 — keyboard-first, by key presses only: F1 opens the shortcuts window from the login
 * window and from the main window, Escape closes it and the focus is back where it was; the
 * main window's first stop is "Aller au contenu", which (as F6) puts the focus in the screen's
 * first control; the accessibility mode is still on when Tutti starts again on the same data
 * folder.
 */
class KeyboardHelpTest extends FamilyScreens {

    @Test
    void f1ShowsTheShortcutsAndEscapeComesBack() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        await("the focus in the identifier", () -> focusId(stage).equals("loginIdentifier"));

        helpAndBack("loginIdentifier");

        write("F0001");
        type(KeyCode.TAB);
        write("bellerive");
        type(KeyCode.ENTER);
        await("Accueil", () -> exists("#homeFamilyName"));
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        await("Famille's first field focused", () -> focusId(stage).equals("familyCivility"));
        helpAndBack("familyCivility");
    }

    @Test
    void theFirstStopSkipsToTheContentAsF6Does() throws Exception {
        startAndLogIn();
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        await("Famille's first field focused", () -> focusId(stage).equals("familyCivility"));

        // backwards from the first field: the header and the menu, then the skip link first of all
        int presses = 0;
        while (!focusId(stage).equals("skipToContent")) {
            assertThat(presses++).as("Shift+Tab presses to the skip link").isLessThan(40);
            push(KeyCode.SHIFT, KeyCode.TAB);
        }
        push(KeyCode.SHIFT, KeyCode.TAB);
        await("before the skip link: the window's last stop", () -> !focusId(stage).equals("skipToContent"));
        type(KeyCode.TAB);
        await("the skip link again", () -> focusId(stage).equals("skipToContent"));
        type(KeyCode.SPACE);
        await("the first field", () -> focusId(stage).equals("familyCivility"));

        // F6 from the menu
        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        await("Élèves", () -> exists("#studentTabs") && inContent(stage.getScene().getFocusOwner()));
        for (int i = 0; inContent(stage.getScene().getFocusOwner()); i++) {
            assertThat(i).as("Shift+Tab presses out of the screen").isLessThan(5);
            push(KeyCode.SHIFT, KeyCode.TAB);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        type(KeyCode.F6);
        await("back in the screen", () -> inContent(stage.getScene().getFocusOwner()));
    }

    @Test
    void theModeIsStillOnAfterARestart() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        await("the focus in the identifier", () -> focusId(stage).equals("loginIdentifier"));
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(ThemeManager.ACCESSIBLE_CLASS);
        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        await("the mode on", () -> stage.getScene().getRoot().getStyleClass().contains(ThemeManager.ACCESSIBLE_CLASS));
        await("the choice saved", () -> DisplayPreferences.load(dataFolder).map(DisplayPreferences::accessible).orElse(false));

        stopApp();
        assertThat(Files.exists(dataFolder.resolve(DisplayPreferences.FILE_NAME))).isTrue();
        startApp(dataFolder);
        waitUntilLoginEnabled();
        await("the login window in the mode", () -> stage.getScene() != null
                && stage.getScene().getRoot().getStyleClass().contains(ThemeManager.ACCESSIBLE_CLASS));
        assertThat(lookup("#accessibilityToggle").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
    }

    // ------------------------------------------------------------------------------ helpers

    /** F1: the shortcuts, with Ctrl+5 and F1 among them; Escape: closed, the focus on {@code focusedId} again. */
    private void helpAndBack(String focusedId) throws Exception {
        Set<Window> before = showingWindows();
        type(KeyCode.F1);
        Stage help = awaitWindow(ShortcutsHelp.ROOT_ID, before);
        TableView<?> table = (TableView<?>) help.getScene().lookup("#shortcutsTable");
        List<String> keys = table.getItems().stream().map(r -> ((ShortcutsHelp.Shortcut) r).keys()).toList();
        assertThat(keys).contains("Ctrl+5", "F1");
        type(KeyCode.ESCAPE);
        await("the shortcuts closed", () -> !help.isShowing());
        await("the focus back", () -> stage.isFocused() && focusId(stage).equals(focusedId));
    }

    private static String focusId(Stage window) {
        Node owner = window.getScene() == null ? null : window.getScene().getFocusOwner();
        return owner == null || owner.getId() == null ? "" : owner.getId();
    }

    private boolean inContent(Node node) {
        Node content = lookup(".module-host").query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }
}
