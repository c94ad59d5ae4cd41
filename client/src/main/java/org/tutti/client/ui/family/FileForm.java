package org.tutti.client.ui.family;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.common.I18n;

/**
 * The editable fields of one file (Famille, or a student's Identité), keyed by column name:
 * each field's text, its message, whether a change of it waits for validation (and which
 * value). Checks what can be checked before sending (required, e-mail, postal code, phones,
 * birth date) and gives the changed fields, normalised as the database stores them.
 * JavaFX properties only; no nodes.
 */
public final class FileForm {

    static final Set<String> REQUIRED = Set.of("civility", "last_name", "first_name", "address1", "postal_code",
            "city", "country", "sex", "birth_date");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{5}$");
    private static final Pattern PHONE = Pattern.compile("^0\\d{9}$");

    /** One field: the text shown, its message, and its pending state. */
    public static final class Field {
        private final String name;
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty error = new SimpleStringProperty("");
        private final BooleanProperty pending = new SimpleBooleanProperty();
        private final StringProperty pendingValue = new SimpleStringProperty("");
        private String baseline = "";

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

        boolean changed() {
            return !text(value.get()).equals(baseline);
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final BooleanBinding changed;

    public FileForm(List<String> names) {
        for (String name : names) {
            fields.put(name, new Field(name));
        }
        ObservableValue<?>[] values = fields.values().stream().map(Field::valueProperty).toArray(ObservableValue[]::new);
        changed = Bindings.createBooleanBinding(() -> fields.values().stream().anyMatch(Field::changed), values);
    }

    public Field field(String name) {
        return Objects.requireNonNull(fields.get(name), name);
    }

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
            String shown = display(f.name, values.shown(f.name));
            f.baseline = shown;
            f.pending.set(values.isPending(f.name));
            f.pendingValue.set(values.isPending(f.name) ? shown : "");
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

    /** Checks every changed or required field; returns the first field with a message, or null. */
    public String validate() {
        String first = null;
        for (Field f : fields.values()) {
            String message = check(f.name, text(f.value.get()).strip());
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
                String v = text(f.value.get()).strip();
                changes.put(f.name, v.isEmpty() ? null : normalise(f.name, v));
            }
        }
        return changes;
    }

    /** A message from the database about a field. */
    public void refuse(String name, String message) {
        Field f = fields.get(name);
        if (f != null) {
            f.error.set(message);
        }
    }

    /** The message for a failed load or submit; a refused field gets its message under it. */
    public String failureMessage(Throwable failure, Consumer<String> onFocus, Logger log) {
        if (failure instanceof FamilyFileService.FieldRefusedException refused) {
            log.info("Change refused by the database: {}", refused.getMessage());
            refuse(refused.field(), I18n.get("family.error.refused"));
            onFocus.accept(refused.field());
            return "";
        }
        if (failure instanceof ServiceException se && se.reason() == ServiceException.Reason.SESSION_EXPIRED) {
            log.info("Family file: the session has expired");
            return I18n.get("error.sessionExpired");
        }
        if (failure instanceof ServiceException se && se.reason() == ServiceException.Reason.DATABASE_UNAVAILABLE) {
            log.warn("Family file: the database cannot be reached");
            return I18n.get("error.unavailable");
        }
        log.error("Family file: unexpected failure", failure);
        return I18n.get("family.error.unexpected");
    }

    /** The message for {@code value} of {@code name}, or "" when it is acceptable. */
    static String check(String name, String value) {
        if (value.isEmpty()) {
            return REQUIRED.contains(name) ? I18n.get("family.error.required") : "";
        }
        switch (name) {
            case "email":
                return EMAIL.matcher(value).matches() ? "" : I18n.get("family.error.email");
            case "postal_code":
                return POSTAL_CODE.matcher(value).matches() ? "" : I18n.get("family.error.postalCode");
            case "phone_home":
            case "phone_mobile":
            case "phone_work":
                return PHONE.matcher(digits(value)).matches() ? "" : I18n.get("family.error.phone");
            case "birth_date":
                return checkBirthDate(value);
            default:
                return "";
        }
    }

    private static String checkBirthDate(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return I18n.get("students.error.birthDate");
        }
        LocalDate latest = LocalDate.now().minusYears(2);
        if (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(latest)) {
            return I18n.get("students.error.birthDatePlausible");
        }
        return "";
    }

    /** How a stored value is shown: phones as "06 12 34 56 78". */
    static String display(String name, String value) {
        if (value == null) {
            return "";
        }
        return name.startsWith("phone_") ? formatPhone(value) : value;
    }

    private static String normalise(String name, String value) {
        return name.startsWith("phone_") ? formatPhone(value) : value;
    }

    /** Ten digits starting with 0 as "06 12 34 56 78"; anything else unchanged. */
    public static String formatPhone(String value) {
        String digits = digits(value);
        if (!PHONE.matcher(digits).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(digits, i, i + 2);
        }
        return out.toString();
    }

    private static String digits(String value) {
        return value.replaceAll("[\\s.\\-]", "");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
