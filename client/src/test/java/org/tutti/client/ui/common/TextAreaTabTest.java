package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15 — no keyboard trap: Tab and Shift+Tab leave a text area as they leave a field. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TextAreaTabTest {

    private TextField before;
    private TextArea area;
    private TextField after;

    @Start
    void start(Stage stage) {
        before = new TextField();
        area = new TextArea();
        Forms.tabLeaves(area);
        after = new TextField();
        stage.setScene(new Scene(new VBox(before, area, after), 300, 200));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void tabAndShiftTabLeaveTheTextArea(FxRobot robot) {
        robot.interact(area::requestFocus);
        robot.write("Le mercredi");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(after.isFocused()).as("Tab: the next field").isTrue();
        assertThat(area.getText()).isEqualTo("Le mercredi");

        robot.interact(area::requestFocus);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(before.isFocused()).as("Shift+Tab: the previous field").isTrue();
        assertThat(area.getText()).doesNotContain("\t");
    }
}
