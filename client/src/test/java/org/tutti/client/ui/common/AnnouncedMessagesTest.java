package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.French;

/**
 * Issue 15 — status messages where a screen reader reads them: a message about the form takes
 * the focus when it appears and says itself; an error about a field is read with the field,
 * which keeps the focus; a message that is not shown is no stop of the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class AnnouncedMessagesTest {

    private final StringProperty formError = new SimpleStringProperty("");
    private final StringProperty fieldError = new SimpleStringProperty("");
    private TextField field;
    private Label message;

    @Start
    void start(Stage stage) {
        French.use();
        field = new TextField();
        field.setId("field");
        Forms.describeErrors(field, fieldError, null);
        message = Forms.announce(Forms.error("formError", formError), true);
        stage.setScene(new Scene(new VBox(field, message), 400, 200));
        stage.sizeToScene();
        stage.show();
        field.requestFocus();
    }

    @Test
    void aMessageAboutTheFormTakesTheFocusAndSaysItself(FxRobot robot) {
        assertThat(message.isFocusTraversable()).as("hidden: not a stop").isFalse();
        robot.interact(() -> formError.set("La fiche n’a pas pu être envoyée."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.isFocused()).isTrue();
        assertThat(message.getAccessibleText()).isEqualTo("La fiche n’a pas pu être envoyée.");
        assertThat(message.isFocusTraversable()).isTrue();
    }

    @Test
    void aFieldsErrorIsReadWithTheFieldWhichKeepsTheFocus(FxRobot robot) {
        robot.interact(() -> {
            fieldError.set("Ce champ est obligatoire.");
            formError.set("Corrigez les champs signalés.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isFocused()).isTrue();
        assertThat(field.getAccessibleHelp()).isEqualTo("Ce champ est obligatoire.");
        robot.interact(() -> fieldError.set(""));
        assertThat(field.getAccessibleHelp()).isNull();
    }
}
