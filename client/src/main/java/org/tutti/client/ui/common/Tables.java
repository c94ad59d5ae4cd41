package org.tutti.client.ui.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Read-only tables of records: columns that read a value with a function (records have no
 * JavaFX properties, see src-docs/conventions.md), show it formatted, and sort on the value
 * itself (dates by date, counts by number), and a placeholder that says the list is empty.
 *
 * <p>Columns are sized from what they show ({@link #fitToContent}): each gets the width of its
 * title and its longest text, and the table shares out what is left. When the window is too
 * narrow for every text on one line, a column may shrink down to its title or its longest word,
 * and its texts wrap onto more lines (the row grows): a text is never cut short, and there is no
 * horizontal scroll bar until the window is narrower than every title side by side.
 */
public final class Tables {

    /** Where a column built here keeps the function that turns its value into the text shown. */
    private static final String FORMAT = "tutti.tables.format";
    /** Room around a cell's text (the cell's padding and border), in em. */
    private static final double CELL_PADDING_EM = 0.8;
    /** Texts up to this width (in em) never wrap: a column keeps them on one line. */
    private static final double SHORT_TEXT_EM = 7.0;
    /** Room around a title (padding, and the sort arrow once the column is sorted), in em. */
    private static final double HEADER_PADDING_EM = 1.0;

    private Tables() {
    }

    /** A table with the given id, one selected row at a time, and {@code emptyKey}'s text when empty. */
    public static <T> TableView<T> table(String id, String emptyKey) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        Label empty = Forms.wrapped(I18n.get(emptyKey), "table-placeholder");
        table.setPlaceholder(empty);
        fitToContent(table);
        return table;
    }

    /**
     * While {@code busy}, the empty table says it is loading rather than that there is nothing
     * (an empty list and a list not read yet must not look alike); when {@code error} is not
     * empty, the list could not be read: the placeholder says nothing, since the error is shown
     * above the table and "Aucun cours" beside it would be false.
     */
    public static void placeholderWhileLoading(TableView<?> table, ObservableBooleanValue busy,
            ObservableStringValue error) {
        if (table.getPlaceholder() instanceof Label placeholder) {
            placeholderWhileLoading(table, busy, error, new ReadOnlyStringWrapper(placeholder.getText()));
        }
    }

    /** {@link #placeholderWhileLoading(TableView, ObservableBooleanValue, ObservableStringValue)} whose empty text changes ("Aucune famille ne correspond à « … »."). */
    public static void placeholderWhileLoading(TableView<?> table, ObservableBooleanValue busy,
            ObservableStringValue error, ObservableStringValue empty) {
        if (table.getPlaceholder() instanceof Label placeholder) {
            placeholder.textProperty().bind(Bindings.when(busy).then(I18n.get("table.loading"))
                    .otherwise(Bindings.when(Bindings.isEmpty(error)).then(empty).otherwise("")));
        }
    }

    /** A column that groups others under one title ("Absences" over "excusées", "non excusées"). */
    @SafeVarargs
    public static <T> TableColumn<T, ?> group(String titleKey, TableColumn<T, ?>... columns) {
        TableColumn<T, Void> group = new TableColumn<>(I18n.get(titleKey));
        group.getColumns().addAll(columns);
        return group;
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
        column.getProperties().put(FORMAT, format);
        column.setCellFactory(c -> new WrappingCell<>(format));
        return column;
    }

    /**
     * Sizes the table's columns from their titles and texts now and whenever its rows or columns
     * change (see the class comment), with a policy that fits them to the table's width.
     * {@link #table} does it for its tables; a table built elsewhere calls it once.
     */
    public static void fitToContent(TableView<?> table) {
        table.setColumnResizePolicy(Tables::share);
        InvalidationListener fit = o -> fit(table);
        table.getColumns().addListener(fit);
        // a one-line table's fixed row height comes with the stylesheet: its columns then keep whole texts
        table.fixedCellSizeProperty().addListener(fit);
        // an invalidation listener: a change listener misses a new list equal to the old (both empty)
        List<javafx.collections.ObservableList<?>> watched = new ArrayList<>(List.of());
        InvalidationListener itemsReplaced = o -> {
            watched.forEach(list -> list.removeListener(fit));
            watched.clear();
            if (table.getItems() != null) {
                table.getItems().addListener(fit);
                watched.add(table.getItems());
            }
            fit(table);
        };
        table.itemsProperty().addListener(itemsReplaced);
        itemsReplaced.invalidated(table.itemsProperty());
        // the text size changes live (Accessibilité): the columns follow
        ThemeManager.get().whileShown(table, () -> fit(table));
    }

    private static <S> void fit(TableView<S> table) {
        Measure measure = new Measure();
        for (TableColumn<S, ?> column : leaves(table.getColumns())) {
            fit(column, table.getItems() == null ? 0 : table.getItems().size(), measure, table.getFixedCellSize() > 0);
        }
        share(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    /**
     * The resize policy: every column gets at least its minimum (title, longest word); when the
     * table is wide enough, every column gets its whole text on one line and the rest is shared
     * in proportion; otherwise the width beyond the minimums goes to the columns in proportion to
     * what their longest text lacks. The user does not drag column borders: the content decides.
     */
    private static <S> boolean share(TableView.ResizeFeatures<S> features) {
        TableView<S> table = features.getTable();
        double available = Math.floor(features.getContentWidth());
        List<TableColumn<S, ?>> columns = leaves(table.getColumns()).stream().filter(TableColumn::isVisible).toList();
        if (available <= 0 || columns.isEmpty() || features.getColumn() != null) {
            return false;
        }
        double mins = 0;
        double prefs = 0;
        for (TableColumn<S, ?> column : columns) {
            mins += column.getMinWidth();
            prefs += Math.max(column.getMinWidth(), column.getPrefWidth());
        }
        boolean changed = false;
        double given = 0;
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<S, ?> column = columns.get(i);
            double min = column.getMinWidth();
            double pref = Math.max(min, column.getPrefWidth());
            double width;
            if (prefs <= available) {
                width = pref + (available - prefs) * pref / prefs;
            } else if (mins < available && prefs > mins) {
                width = min + (available - mins) * (pref - min) / (prefs - mins);
            } else {
                width = min;
            }
            // whole pixels, the last column takes what rounding left over
            width = i == columns.size() - 1 ? Math.max(min, available - given) : Math.floor(width);
            given += width;
            if (Math.abs(column.getWidth() - width) > 0.5) {
                features.setColumnWidth(column, width);
                changed = true;
            }
        }
        if (changed) {
            // rows measure their wrapped texts again at the new widths
            table.refresh();
        }
        return true;
    }

    /** @param oneLine rows of a fixed height cannot wrap: the column's minimum is its whole text (the table scrolls sideways) */
    private static void fit(TableColumn<?, ?> column, int rows, Measure measure, boolean oneLine) {
        double cellPadding = CELL_PADDING_EM * measure.em;
        double title = measure.width(column.getText(), true) + HEADER_PADDING_EM * measure.em;
        double longest = 0;
        double longestWord = 0;
        for (int row = 0; row < rows; row++) {
            String text = cellText(column, row);
            if (text != null && !text.isEmpty()) {
                longest = Math.max(longest, measure.width(text, false));
                for (String word : text.split("\\s+")) {
                    longestWord = Math.max(longestWord, measure.width(word, false));
                }
            }
        }
        // short texts ("Cycle 2", "Piano — 2C1") stay on one line: only long ones wrap
        double whole = longest + cellPadding;
        double min = Math.ceil(Math.max(title, oneLine || whole <= SHORT_TEXT_EM * measure.em ? whole : longestWord + cellPadding));
        column.setMinWidth(min);
        column.setPrefWidth(Math.max(min, Math.ceil(longest + cellPadding)));
    }

    @SuppressWarnings("unchecked")
    private static String cellText(TableColumn<?, ?> column, int row) {
        Object value = column.getCellData(row);
        if (value == null) {
            return null;
        }
        Object format = column.getProperties().get(FORMAT);
        return format == null ? value.toString() : ((Function<Object, String>) format).apply(value);
    }

    private static <S> List<TableColumn<S, ?>> leaves(List<TableColumn<S, ?>> columns) {
        List<TableColumn<S, ?>> leaves = new ArrayList<>();
        for (TableColumn<S, ?> column : columns) {
            if (column.getColumns().isEmpty()) {
                leaves.add(column);
            } else {
                leaves.addAll(leaves(column.getColumns()));
            }
        }
        return leaves;
    }

    /** Text widths in the interface's font (titles are bold in the stylesheet). */
    private static final class Measure {
        final double em = ThemeManager.get().emInPixels();
        // in the accessibility mode a selected row is bold: every cell is measured bold, so that
        // selecting a row never breaks a number or a date in the middle
        private final boolean cellsMayBeBold = ThemeManager.get().accessibleProperty().get();
        private final Font regular = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, em);
        private final Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, em);
        private final Text text = new Text();

        double width(String s, boolean isBold) {
            if (s == null || s.isEmpty()) {
                return 0;
            }
            text.setFont(isBold || cellsMayBeBold ? bold : regular);
            text.setText(s);
            return text.getLayoutBounds().getWidth();
        }
    }

    /**
     * A cell whose text wraps onto more lines when its column is narrower than the text, and
     * whose row grows to show them all. The text is drawn by a {@link Text} that wraps at the
     * column's width (a row measures its cells before laying them out, so the width must be known
     * then); a wrapped label would drop its last line for a fraction of a pixel. The cell keeps
     * its text ({@link #getText()}) for tests and screen readers; only the drawing is the Text's.
     */
    private static final class WrappingCell<T, V> extends TableCell<T, V> {
        private final Function<V, String> format;
        private final Text shown = new Text();
        private final InvalidationListener resized = o -> wrap();

        WrappingCell(Function<V, String> format) {
            this.format = format;
            shown.getStyleClass().add("cell-text");
            shown.fontProperty().bind(fontProperty());
            shown.fillProperty().bind(textFillProperty());
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            // the lines of a row start at the same height, however many each cell has
            setAlignment(javafx.geometry.Pos.TOP_LEFT);
            tableColumnProperty().addListener((obs, old, column) -> {
                if (old != null) {
                    old.widthProperty().removeListener(resized);
                }
                if (column != null) {
                    column.widthProperty().addListener(resized);
                }
                wrap();
            });
            paddingProperty().addListener(resized);
        }

        private void wrap() {
            TableColumn<T, V> column = getTableColumn();
            double width = column == null ? 0 : column.getWidth() - snappedLeftInset() - snappedRightInset();
            shown.setWrappingWidth(Math.max(1, Math.floor(width)));
        }

        @Override
        protected void updateItem(V item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : format.apply(item);
            setText(text);
            shown.setText(text);
            setGraphic(text == null ? null : shown);
        }
    }
}
