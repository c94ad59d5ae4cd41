package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.TuttiApp;
import org.tutti.client.ui.French;

/**
 * JavaFX's own texts speak the interface's language, whatever the machine's locale: the JVM starts
 * here in English, as under LANG=C on CI, and the application makes it French (or English when
 * the interface is English) before building any control.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class JvmLocaleTest extends FxRobot {

    private Locale before;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void aMachineUnderTheCLocale() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        closePopups();
        Locale.setDefault(before);
        French.use();
    }

    @Test
    void theApplicationStartsFrenchWhateverTheMachineSays() throws Exception {
        French.use();
        new TuttiApp().init();
        assertThat(Locale.getDefault()).isEqualTo(Locale.FRANCE);

        show();
        assertThat(calendarTexts()).as("month shown, then the weekday columns")
                .containsSequence("Février", "2018", "Lun.", "Mar.", "Mer.", "Jeu.", "Ven.", "Sam.", "Dim.");
        assertThat(contextMenu()).containsExactly("Annuler", "Rétablir", "Couper", "Copier", "Coller", "Supprimer",
                "Sélectionner tout");
    }

    @Test
    void anEnglishInterfaceHasEnglishControls() throws Exception {
        System.setProperty(I18n.LOCALE_PROPERTY, "en");
        I18n.reload();
        Locale.setDefault(Locale.FRANCE);
        I18n.applyToJvm();
        assertThat(Locale.getDefault().getLanguage()).isEqualTo("en");

        show();
        assertThat(calendarTexts()).contains("February", "Mon", "Tue");
        assertThat(contextMenu()).contains("Copy", "Paste");
    }

    private void show() {
        interact(() -> {
            DatePicker date = new DatePicker(LocalDate.of(2018, 2, 26));
            date.setId("birthDate");
            TextField text = new TextField("Apolline");
            text.setId("name");
            stage.setScene(new Scene(new VBox(date, text), 400, 300));
            stage.show();
        });
    }

    /** Opens the DatePicker's popup; returns the month, the year and the weekday headers, in order. */
    private List<String> calendarTexts() throws Exception {
        interact(() -> lookup("#birthDate").queryAs(DatePicker.class).show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".date-picker-popup").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node popup = lookup(".date-picker-popup").query();
        List<String> texts = new java.util.ArrayList<>();
        popup.lookupAll(".spinner-label").forEach(n -> texts.add(((Label) n).getText()));
        popup.lookupAll(".day-name-cell").forEach(n -> texts.add(((DateCell) n).getText()));
        interact(() -> lookup("#birthDate").queryAs(DatePicker.class).hide());
        return texts;
    }

    /** Right-clicks the text field; returns the items of its context menu. */
    private List<String> contextMenu() throws Exception {
        // what a right-click (or the menu key) sends; the headless robot's right button does not
        interact(() -> {
            Node field = lookup("#name").query();
            javafx.geometry.Bounds b = field.localToScreen(field.getBoundsInLocal());
            javafx.event.Event.fireEvent(field, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5, b.getMinY() + 5,
                    false, null));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".context-menu").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node menu = lookup(".context-menu").query();
        return menu.lookupAll(".menu-item .label").stream()
                .map(n -> ((Label) n).getText())
                .filter(t -> t != null && !t.isEmpty())
                .toList();
    }

    private void closePopups() {
        interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow)
                .toList()
                .forEach(javafx.stage.Window::hide));
    }
}
