package org.tutti.client.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.tutti.client.domain.FieldValues;

/**
 * The editable fields of a file whose changes go to the staff's validation (Famille, a
 * student's Identité), keyed by column name: each field's text, its message, whether a change
 * of it waits for validation (and which value). Checks what can be checked before sending
 * ({@link FieldRules}) and gives the changed fields, normalised as the database stores them.
 * JavaFX properties only; no nodes. {@link ValidationEditor} loads and sends it.
 */
public final class ValidationForm {

    /** One field: the text shown, its message, and its pending state. */
    public static final class Field {
        private final String name;
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty error = new SimpleStringProperty("");
        private final BooleanProperty pending = new SimpleBooleanProperty();
        private final StringProperty pendingValue = new SimpleStringProperty("");
        private String baseline = "";
        private Long pendingId;

        private Field(String name) {
            this.name = name;
            value.addListener((obs, old, text) -> error.set(""));
        }

        public String name() {
            return name;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public StringProperty errorProperty() {
            return error;
        }

        public BooleanProperty pendingProperty() {
            return pending;
        }

        /** The value waiting for validation, as displayed (for the marker's tooltip). */
        public StringProperty pendingValueProperty() {
            return pendingValue;
        }

        /** The id of the pending request shown when loaded, or null. */
        Long pendingId() {
            return pendingId;
        }

        /** True when the text would store something else than what was loaded (not a mere respelling). */
        boolean changed() {
            return !FieldRules.comparable(name, value.get()).equals(FieldRules.comparable(name, baseline));
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final BooleanBinding changed;

    public ValidationForm(List<String> names) {
        for (String name : names) {
            fields.put(name, new Field(name));
        }
        ObservableValue<?>[] values = fields.values().stream().map(Field::valueProperty).toArray(ObservableValue[]::new);
        changed = Bindings.createBooleanBinding(() -> fields.values().stream().anyMatch(Field::changed), values);
    }

    public Field field(String name) {
        return Objects.requireNonNull(fields.get(name), name);
    }

    /** The fields, in the order given. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** True when any field differs from what was loaded. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    /** Shows a loaded file: the pending value where there is one, else the current value. */
    public void load(FieldValues values) {
        for (Field f : fields.values()) {
            String shown = FieldRules.display(f.name, values.shown(f.name));
            f.baseline = shown;
            f.pending.set(values.isPending(f.name));
            // read, not edited: as every surface shows the value (26/02/2018, Mme)
            f.pendingValue.set(values.isPending(f.name) ? FieldCatalogue.valueText(f.name, values.shown(f.name)) : "");
            f.pendingId = values.pendingId(f.name);
            f.value.set(shown);
            f.error.set("");
        }
        changed.invalidate();
    }

    /** Puts back what was loaded (the user left the screen without sending). */
    public void revert() {
        for (Field f : fields.values()) {
            f.value.set(f.baseline);
            f.error.set("");
        }
    }

    /** Checks every field; returns the first field with a message, or null. */
    public String validate() {
        String first = null;
        for (Field f : fields.values()) {
            String message = FieldRules.check(f.name, FieldRules.comparable(f.name, f.value.get()));
            f.error.set(message);
            if (first == null && !message.isEmpty()) {
                first = f.name;
            }
        }
        return first;
    }

    /** The changed fields, normalised as stored (null for an emptied field). Call after {@link #validate()}. */
    public Map<String, String> changes() {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            if (f.changed()) {
                String v = FieldRules.comparable(f.name, f.value.get());
                changes.put(f.name, v.isEmpty() ? null : v);
            }
        }
        return changes;
    }

    /**
     * For each of {@code fields}, the id of the pending request it showed when loaded (null: none),
     * for the database to tell when another session replaced it meanwhile.
     */
    public Map<String, Long> shownPending(Iterable<String> fields) {
        Map<String, Long> shown = new LinkedHashMap<>();
        for (String name : fields) {
            shown.put(name, field(name).pendingId);
        }
        return shown;
    }

    /** The texts of the changed fields as typed (to put them back after a reload). */
    Map<String, String> edits() {
        Map<String, String> edits = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            if (f.changed()) {
                edits.put(f.name, text(f.value.get()));
            }
        }
        return edits;
    }

    /** A message about one field (from the database); unknown fields are ignored. */
    public void refuse(String name, String message) {
        Field f = fields.get(name);
        if (f != null) {
            f.error.set(message);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
