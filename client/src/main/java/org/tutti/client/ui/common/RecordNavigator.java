package org.tutti.client.ui.common;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Moves through a list one record at a time: first, previous, next, last (the arrows under
 * Historique, and later the invoices and the staff's files). Properties only, no node: the list
 * is the one a table shows, in the order it shows it (sorting the table re-orders the records
 * the arrows move through, and the current record stays current).
 *
 * @param <T> the records
 */
public final class RecordNavigator<T> {

    private final ObservableList<T> records;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyObjectWrapper<T> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final BooleanBinding atFirst;
    private final BooleanBinding atLast;

    public RecordNavigator(ObservableList<T> records) {
        this.records = Objects.requireNonNull(records);
        atFirst = Bindings.createBooleanBinding(() -> records.isEmpty() || index.get() == 0, records, index);
        atLast = Bindings.createBooleanBinding(() -> records.isEmpty() || index.get() == records.size() - 1,
                records, index);
        records.addListener((ListChangeListener<T>) change -> follow());
    }

    /** After the list changed (reloaded, sorted): the same record if it is still there, else none. */
    private void follow() {
        T keep = current.get();
        int at = keep == null ? -1 : records.indexOf(keep);
        index.set(at);
        current.set(at < 0 ? null : keep);
    }

    public ObservableList<T> records() {
        return records;
    }

    /** The current record's position, -1 when there is none. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<T> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public T current() {
        return current.get();
    }

    /** True when there is no record before the current one (Première and Précédente do nothing). */
    public BooleanBinding atFirstProperty() {
        return atFirst;
    }

    /** True when there is no record after the current one (Suivante and Dernière do nothing). */
    public BooleanBinding atLastProperty() {
        return atLast;
    }

    public void first() {
        moveTo(0);
    }

    public void last() {
        moveTo(records.size() - 1);
    }

    /** The record before the current one; with no current record, the first. */
    public void previous() {
        moveTo(index.get() < 0 ? 0 : index.get() - 1);
    }

    /** The record after the current one; with no current record, the first. */
    public void next() {
        moveTo(index.get() < 0 ? 0 : index.get() + 1);
    }

    /** Makes {@code record} current; a record not in the list makes none current. */
    public void moveTo(T record) {
        int at = record == null ? -1 : records.indexOf(record);
        index.set(at);
        current.set(at < 0 ? null : records.get(at));
    }

    /** Makes the record at {@code position} current; positions outside the list change nothing. */
    public void moveTo(int position) {
        if (position < 0 || position >= records.size()) {
            return;
        }
        index.set(position);
        current.set(records.get(position));
    }

    /** "2 / 5", for the detail window's title and its screen-reader text; empty without a record. */
    public String positionText() {
        return index.get() < 0 ? "" : I18n.get("navigator.position", index.get() + 1, records.size());
    }
}
