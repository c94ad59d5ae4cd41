package org.tutti.client.ui.common;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Read-only tables of records: columns that read a value with a function (records have no
 * JavaFX properties, see STACK.md), show it formatted, and sort on the value itself (dates by
 * date, counts by number), and a placeholder that says the list is empty.
 */
public final class Tables {

    private Tables() {
    }

    /** A table with the given id, one selected row at a time, and {@code emptyKey}'s text when empty. */
    public static <T> TableView<T> table(String id, String emptyKey) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = Forms.wrapped(I18n.get(emptyKey), "table-placeholder");
        table.setPlaceholder(empty);
        return table;
    }

    /** A text column. */
    public static <T> TableColumn<T, String> text(String titleKey, Function<T, String> value) {
        return column(titleKey, value, v -> v, Comparator.nullsLast(I18n.collator()::compare));
    }

    /**
     * A column of {@code value}s shown by {@code format} (null shows nothing) and sorted by
     * their natural order, nulls last.
     */
    public static <T, V extends Comparable<? super V>> TableColumn<T, V> formatted(String titleKey,
            Function<T, V> value, Function<V, String> format) {
        return column(titleKey, value, format, Comparator.nullsLast(Comparator.<V>naturalOrder()));
    }

    /** A column of {@code value}s shown by {@code format} (null shows nothing), sorted by {@code order}. */
    public static <T, V> TableColumn<T, V> column(String titleKey, Function<T, V> value, Function<V, String> format,
            Comparator<V> order) {
        TableColumn<T, V> column = new TableColumn<>(I18n.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }
}
