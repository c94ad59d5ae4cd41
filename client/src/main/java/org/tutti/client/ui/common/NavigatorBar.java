package org.tutti.client.ui.common;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;

/**
 * The first / previous / next / last arrows of a {@link RecordNavigator}, their key bindings,
 * and the link between a navigator and the table that shows its records.
 */
public final class NavigatorBar {

    private NavigatorBar() {
    }

    /**
     * The four buttons, disabled at the ends of the list. Ids are the actions' ids
     * ({@code navFirst}…) when {@code idPrefix} is null, else the prefix followed by the
     * action's (e.g. {@code sheet} gives {@code sheetNavFirst}), so that a second bar in a
     * detail window does not take the list's ids.
     */
    public static FlowPane create(RecordNavigator<?> navigator, String idPrefix) {
        Button first = button(Actions.FIRST, "«", idPrefix, navigator::first);
        Button previous = button(Actions.PREVIOUS, "‹", idPrefix, navigator::previous);
        Button next = button(Actions.NEXT, "›", idPrefix, navigator::next);
        Button last = button(Actions.LAST, "»", idPrefix, navigator::last);
        first.disableProperty().bind(navigator.atFirstProperty());
        previous.disableProperty().bind(navigator.atFirstProperty());
        next.disableProperty().bind(navigator.atLastProperty());
        last.disableProperty().bind(navigator.atLastProperty());
        FlowPane bar = new FlowPane(first, previous, next, last);
        bar.getStyleClass().addAll("button-row", "record-navigator");
        return bar;
    }

    private static Button button(Actions action, String arrow, String idPrefix, Runnable move) {
        // the arrow says which way, the word says what: both are read, neither relies on colour
        Button button = new Button(I18n.get(action.textKey() + ".short", arrow));
        button.setId(idPrefix == null ? action.id()
                : idPrefix + Character.toUpperCase(action.id().charAt(0)) + action.id().substring(1));
        button.setAccessibleText(action.plainText());
        button.setTooltip(new Tooltip(action.plainText() + " (" + action.keyCombination().getDisplayText() + ")"));
        button.setOnAction(e -> move.run());
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return button;
    }

    /**
     * The key bindings of first / previous / next / last, anywhere inside {@code node} (the list
     * and its arrows, or a detail window's content). A filter: a focused table would otherwise
     * take Ctrl+Home for itself, and a tab pane Ctrl+Page Up.
     */
    public static void installKeys(Node node, RecordNavigator<?> navigator) {
        List<Actions> actions = List.of(Actions.FIRST, Actions.PREVIOUS, Actions.NEXT, Actions.LAST);
        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Actions action : actions) {
                if (action.keyCombination().match(e)) {
                    e.consume();
                    switch (action) {
                        case FIRST -> navigator.first();
                        case PREVIOUS -> navigator.previous();
                        case NEXT -> navigator.next();
                        default -> navigator.last();
                    }
                    return;
                }
            }
        });
    }

    /**
     * Keeps the table's selection and the navigator's current record the same, both ways:
     * selecting a row makes it current, moving the navigator selects and shows its row.
     */
    public static <T> void bind(TableView<T> table, RecordNavigator<T> navigator) {
        if (table.getItems() != navigator.records()) {
            throw new IllegalArgumentException("The navigator must move through the table's own items");
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item != navigator.current()) {
                navigator.moveTo(item);
            }
        });
        navigator.currentProperty().addListener((obs, old, item) -> {
            if (item == null) {
                return;
            }
            int at = navigator.indexProperty().get();
            if (table.getSelectionModel().getSelectedIndex() != at) {
                table.getSelectionModel().clearAndSelect(at);
            }
            table.getFocusModel().focus(at);
            table.scrollTo(at);
        });
    }
}
