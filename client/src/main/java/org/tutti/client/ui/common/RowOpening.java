package org.tutti.client.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Makes a table open its rows: Enter on the selected (or focused) row or a double-click on a row calls the
 * opener (the seed manual: "double-cliquer sur la ligne"; Enter for the keyboard). Installed
 * with handlers, not a row factory, so a table keeps its own row factory if it has one.
 */
public final class RowOpening {

    private RowOpening() {
    }

    public static <T> void install(TableView<T> table, Consumer<T> opener) {
        Objects.requireNonNull(opener);
        // a filter: the table's own behaviour does nothing useful with Enter, but a default
        // button of the window would take it first
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.OPEN_DETAIL.keyCombination().match(e)) {
                T selected = table.getSelectionModel().getSelectedItem();
                if (selected == null) {
                    // the keyboard's row: a table reached by Tab shows its first row focused
                    selected = table.getFocusModel().getFocusedItem();
                }
                if (selected != null) {
                    e.consume();
                    opener.accept(selected);
                }
            }
        });
        table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2) {
                return;
            }
            TableRow<?> row = rowOf(e.getPickResult().getIntersectedNode(), table);
            if (row != null && !row.isEmpty() && row.getItem() != null) {
                @SuppressWarnings("unchecked")
                T item = (T) row.getItem();
                e.consume();
                opener.accept(item);
            }
        });
        String help = I18n.get("table.openHelp");
        table.setAccessibleHelp(table.getAccessibleHelp() == null ? help : table.getAccessibleHelp() + " " + help);
    }

    /** The row under a clicked node (a cell, its text), or null for the header and the empty area. */
    private static TableRow<?> rowOf(Node node, TableView<?> table) {
        for (Node at = node; at != null && at != table; at = at.getParent()) {
            if (at instanceof TableRow<?> row) {
                return row;
            }
        }
        return null;
    }

    /**
     * Puts the keyboard focus back on {@code item}'s row (when a window opened from it closes):
     * the table's window to the front, its tab shown again if the user has left it, the row
     * selected and scrolled into view. If the row is
     * gone (the list was reloaded), the table still gets the focus.
     */
    public static <T> void focusRow(TableView<T> table, T item) {
        Platform.runLater(() -> {
            if (table.getScene() == null || table.getScene().getWindow() == null
                    || !table.getScene().getWindow().isShowing()) {
                return;
            }
            table.getScene().getWindow().requestFocus();
            showTabOf(table);
            int at = item == null ? -1 : table.getItems().indexOf(item);
            if (at >= 0) {
                table.getSelectionModel().select(at);
                table.getFocusModel().focus(at);
                table.scrollTo(at);
            }
            table.requestFocus();
        });
    }

    /** If the table is in a tab the user has since left, selects that tab again. */
    private static void showTabOf(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof TabPane tabs) {
                for (Tab tab : tabs.getTabs()) {
                    if (tab.getContent() != null && isAncestor(tab.getContent(), node)) {
                        tabs.getSelectionModel().select(tab);
                    }
                }
            }
        }
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }
}
