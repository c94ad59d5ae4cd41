package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.CutTexts;
import org.tutti.client.ui.French;

/** Tables sized from their texts, and what an empty table says. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TablesTest extends FxRobot {

    private record Room(String name, String site) {
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        French.use();
        this.stage = stage;
    }

    private final ObservableList<Room> rooms = FXCollections.observableArrayList();

    private TableView<Room> show(double width) {
        TableView<Room> table = Tables.table("rooms", "pedagogy.courses.empty");
        interact(() -> {
            table.getColumns().addAll(List.of(Tables.text("pedagogy.column.room", Room::name),
                    Tables.text("pedagogy.column.class", Room::site)));
            table.setItems(rooms);
            Scene scene = new Scene(new StackPane(table), width, 300);
            ThemeManager.get().apply(scene);
            stage.setScene(scene);
            // the primary stage is shared: an application started earlier in this JVM set a minimum
            stage.setMinWidth(0);
            stage.setWidth(width);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private static <V> V onFx(java.util.concurrent.Callable<V> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void columnsTakeTheWidthOfTheirTexts() {
        TableView<Room> table = show(600);
        interact(() -> rooms.setAll(new Room("Auditorium Ravel", "Bellerive"), new Room("Salle de formation musicale 1", "Val")));
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<Room, ?> room = table.getColumns().get(0);
        TableColumn<Room, ?> site = table.getColumns().get(1);
        assertThat(room.getWidth()).isGreaterThan(site.getWidth());
        assertThat(onFx(() -> CutTexts.in(table))).isEmpty();
        // narrower than the texts: they wrap, still whole
        interact(() -> stage.setWidth(280));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> CutTexts.in(table))).isEmpty();
        interact(() -> rooms.add(new Room("Salle de musique de chambre Maurice Ravel", "Bellerive-sur-Allier")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> CutTexts.in(table))).isEmpty();
        // narrower than the titles and longest words: the table scrolls sideways, and the check says so
        interact(() -> stage.setWidth(120));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> CutTexts.in(table))).anyMatch(c -> c.contains("scrolls sideways"));
        // unless a table may scroll (200 % text, WCAG 1.4.10): its cells are whole
        assertThat(onFx(() -> CutTexts.in(table, true))).isEmpty();
    }

    @Test
    void aListThatCouldNotBeReadDoesNotSayItIsEmpty() {
        TableView<Room> table = show(600);
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        SimpleStringProperty error = new SimpleStringProperty("");
        interact(() -> Tables.placeholderWhileLoading(table, busy, error));
        Label placeholder = (Label) table.getPlaceholder();
        assertThat(placeholder.getText()).isEqualTo("Chargement…");

        interact(() -> {
            busy.set(false);
            error.set("Le serveur ne répond pas.");
        });
        assertThat(placeholder.getText()).isEmpty();

        interact(() -> error.set(""));
        assertThat(placeholder.getText()).isEqualTo("Aucun cours pour cette année scolaire.");
    }
}
