package org.tutti.client.ui.common;

import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * A search field over a table of results, the same on every screen that finds something as one
 * types (Facturation's family search, Familles): the search runs a moment after the last key; ↓
 * goes to the results (the first one selected); Enter opens the only result, or goes to the
 * results.
 */
public final class SearchFields {

    private SearchFields() {
    }

    public static <T> void install(TextField field, TableView<T> results, Duration delay, Runnable search,
            Consumer<T> open) {
        PauseTransition pause = new PauseTransition(delay);
        pause.setOnFinished(e -> search.run());
        field.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.DOWN && e.getCode() != KeyCode.ENTER) {
                return;
            }
            e.consume();
            if (e.getCode() == KeyCode.ENTER && results.getItems().size() == 1) {
                open.accept(results.getItems().get(0));
                return;
            }
            if (!results.getItems().isEmpty()) {
                results.requestFocus();
                if (results.getSelectionModel().isEmpty()) {
                    results.getSelectionModel().select(0);
                }
                results.getFocusModel().focus(results.getSelectionModel().getSelectedIndex());
            }
        });
    }
}
