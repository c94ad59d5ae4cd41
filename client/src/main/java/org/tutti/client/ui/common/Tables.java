package org.tutti.client.ui.common;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Read-only tables of records: columns that read a value with a function (records have no
 * JavaFX properties, see src-docs/conventions.md), show it formatted, and sort on the value
 * itself (dates by date, counts by number), and a placeholder that says the list is empty.
 */
public final class Tables {

    /** Texts at least this long get a tooltip (a narrow column may cut them). */
    private static final int LONG_TEXT = 10;

    private Tables() {
    }

    /** A table with the given id, one selected row at a time, and {@code emptyKey}'s text when empty. */
    public static <T> TableView<T> table(String id, String emptyKey) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = Forms.wrapped(I18n.get(emptyKey), "table-placeholder");
        table.setPlaceholder(empty);
        return table;
    }

    /**
     * While {@code busy}, the empty table says it is loading rather than that there is nothing
     * (an empty list and a list not read yet must not look alike).
     */
    public static void placeholderWhileLoading(TableView<?> table, ObservableBooleanValue busy) {
        if (table.getPlaceholder() instanceof Label placeholder) {
            String empty = placeholder.getText();
            placeholder.textProperty().bind(Bindings.when(busy).then(I18n.get("table.loading")).otherwise(empty));
        }
    }

    /** A column that groups others under one title ("Absences" over "excusées", "non excusées"). */
    @SafeVarargs
    public static <T> TableColumn<T, ?> group(String titleKey, TableColumn<T, ?>... columns) {
        TableColumn<T, Void> group = new TableColumn<>(I18n.get(titleKey));
        group.getColumns().addAll(columns);
        return group;
    }

    /**
     * Sets the column's preferred width in em; the table shares its width between columns in
     * proportion to these.
     */
    public static <T, V> TableColumn<T, V> width(TableColumn<T, V> column, double em) {
        column.setPrefWidth(em * ThemeManager.get().emInPixels());
        return column;
    }

    /** Like {@link #width}, and never narrower: for short values under a title that must stay readable. */
    public static <T, V> TableColumn<T, V> fixedWidth(TableColumn<T, V> column, double em) {
        width(column, em);
        column.setMinWidth(column.getPrefWidth());
        return column;
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
                String text = empty || item == null ? null : format.apply(item);
                setText(text);
                // a narrow column cuts long texts: the whole text on hover
                setTooltip(text == null || text.length() < LONG_TEXT ? null : new Tooltip(text));
            }
        });
        return column;
    }
}
