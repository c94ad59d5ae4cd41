package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
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
import org.tutti.client.domain.FieldValues;
import org.tutti.client.ui.French;

/** The nodes of a file that goes to validation: ids, labels, markers, Modifier, focus, message. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ValidationFormViewTest {

    private static final List<String> FIELDS = List.of("civility", "last_name", "postal_code", "sex", "birth_date");

    private final List<Map<String, String>> sent = new ArrayList<>();
    private ValidationEditor editor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        French.use();
        this.stage = stage;
        editor = new ValidationEditor(FIELDS, BackgroundTasks.sameThread(),
                Failures.of("Test file", "form.error.unexpected"), "family.submitted");
        ValidationFormView view = new ValidationFormView(editor, "family", Actions.FAMILY_MODIFY,
                () -> editor.submit((changes, shown) -> {
                    sent.add(changes);
                    return changes.size();
                }, () -> { }), "family.pendingMessage");
        VBox root = new VBox(view.nodes());
        stage.setScene(new Scene(root, 700, 600));
        stage.show();
    }

    private void show(Map<String, String> pending) {
        editor.show(new FieldValues(Map.of("civility", "MME", "last_name", "Martin", "postal_code", "69000",
                "sex", "F", "birth_date", "2015-03-12"), pending));
        editor.readyProperty().set(true);
    }

    @Test
    void everyFieldHasItsIdAndALabelWithAMnemonicBoundToIt(FxRobot robot) {
        assertThat((Node) robot.lookup("#familyCivility").query()).isInstanceOf(ComboBox.class);
        assertThat((Node) robot.lookup("#familyLastName").query()).isInstanceOf(TextField.class);
        assertThat((Node) robot.lookup("#familySex").query()).isInstanceOf(ComboBox.class);
        assertThat((Node) robot.lookup("#familyBirthDate").query()).isInstanceOf(DatePicker.class);
        Node postalCode = robot.lookup("#familyPostalCode").query();
        Label label = robot.lookup(".field-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getLabelFor() == postalCode).findFirst().orElseThrow();
        assertThat(label.getText()).isEqualTo("Code pos_tal");
        assertThat(label.isMnemonicParsing()).isTrue();
        assertThat(robot.lookup("#familyModify").queryButton().getText()).isEqualTo("_Modifier");
    }

    @Test
    void fieldsWaitForTheFileAndModifierForAChange(FxRobot robot) {
        Button modify = robot.lookup("#familyModify").queryButton();
        assertThat(robot.lookup("#familyLastName").query().isDisabled()).isTrue();
        assertThat(modify.isDisabled()).isTrue();

        robot.interact(() -> show(Map.of()));
        assertThat(robot.lookup("#familyLastName").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#familyCivility").queryAs(ComboBox.class).getSelectionModel().getSelectedItem())
                .isEqualTo("MME");
        assertThat(modify.isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#familyLastName").queryAs(TextField.class).setText("Durand"));
        assertThat(modify.isDisabled()).isFalse();
    }

    @Test
    void aPendingFieldHasItsMarkerAndTheFileItsMessage(FxRobot robot) {
        robot.interact(() -> show(Map.of("postal_code", "69001")));

        Node postalCode = robot.lookup("#familyPostalCode").query();
        assertThat(postalCode.getStyleClass()).contains("pending");
        assertThat(robot.lookup("#familyPostalCodePending").queryLabeled().getText())
                .isEqualTo("✎ en attente de validation");
        assertThat(robot.lookup("#familyPostalCodePending").query().isVisible()).isTrue();
        assertThat(robot.lookup("#familyLastNamePending").query().isVisible()).isFalse();
        assertThat(robot.lookup("#familyPendingMessage").query().isVisible()).isTrue();
    }

    @Test
    void anInvalidFieldGetsItsMessageAndTheFocus(FxRobot robot) {
        robot.interact(() -> show(Map.of()));
        robot.interact(() -> robot.lookup("#familyPostalCode").queryAs(TextField.class).setText("690"));
        robot.interact(stage::requestFocus);

        robot.interact(() -> robot.lookup("#familyModify").queryButton().fire());

        assertThat(robot.lookup("#familyPostalCodeError").queryLabeled().getText())
                .isEqualTo("Le code postal doit comporter 5 chiffres.");
        assertThat(robot.lookup("#familyPostalCode").query().isFocused()).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailureIsShownUnderTheForm(FxRobot robot) {
        robot.interact(() -> editor.load(() -> {
            throw new IllegalStateException("bug");
        }, values -> { }));

        Label error = robot.lookup("#familyError").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("La fiche n'a pas pu être chargée ou envoyée. Réessayez plus tard.");
        assertThat(error.isVisible()).isTrue();
    }

    @Test
    void onceSentTheMessageIsShownInADialogOwnedByTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> show(Map.of()));
        robot.interact(() -> robot.lookup("#familyLastName").queryAs(TextField.class).setText("Durand"));

        // the dialog waits for OK: fired later, so that this thread can look at it
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#familyModify").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#messageDialog").tryQuery().isPresent());

        DialogPane dialog = robot.lookup("#messageDialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).startsWith("Votre fiche d'identité a été mise à jour.");
        assertThat(((Stage) dialog.getScene().getWindow()).getOwner()).isSameAs(stage);
        assertThat(sent).containsExactly(Map.of("last_name", "Durand"));
        robot.interact(() -> ((Button) dialog.lookupButton(dialog.getButtonTypes().get(0))).fire());
    }
}
