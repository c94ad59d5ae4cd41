package org.tutti.client.ui.family;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;

/**
 * The controls of a {@link FileForm}, one row each ({@link Forms#fieldRow}): a combo box for
 * civility and sex, a date picker for the birth date (dd/MM/yyyy), text fields otherwise. Node
 * ids are {@code idPrefix} + the column in CamelCase ({@code familyPostalCode}); label keys are
 * {@code keyPrefix} + the same ({@code family.field.postalCode}).
 */
public final class FileFormView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final GridPane grid = Forms.grid("file-form");
    private final Map<String, Control> controls = new LinkedHashMap<>();

    public FileFormView(FileForm form, String idPrefix, String keyPrefix, List<String> names) {
        int row = 0;
        for (String name : names) {
            FileForm.Field field = form.field(name);
            Control control = control(name, field.valueProperty());
            String camel = camel(name);
            control.setId(idPrefix + Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
            controls.put(name, control);
            row = Forms.fieldRow(grid, row, keyPrefix + camel, control, field.pendingProperty(),
                    field.pendingValueProperty(), field.errorProperty());
        }
    }

    public GridPane grid() {
        return grid;
    }

    public Control control(String name) {
        return controls.get(name);
    }

    /** Disables every control (nothing loaded, or sending). */
    public void setDisable(boolean disabled) {
        controls.values().forEach(c -> c.setDisable(disabled));
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Control control(String name, StringProperty value) {
        switch (name) {
            case "civility":
                return combo(value, "family.civility.", "MME", "M");
            case "sex":
                return combo(value, "students.sex.", "F", "M");
            case "birth_date":
                return datePicker(value);
            default:
                TextField text = new TextField();
                text.textProperty().bindBidirectional(value);
                return text;
        }
    }

    private static ComboBox<String> combo(StringProperty value, String keyPrefix, String... codes) {
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().addAll(codes);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isEmpty() ? "" : I18n.get(keyPrefix + code.toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        combo.valueProperty().bindBidirectional(value);
        return combo;
    }

    /** The picker shows dd/MM/yyyy; the model holds ISO text; typed text counts as soon as it parses. */
    private static DatePicker datePicker(StringProperty value) {
        DatePicker picker = new DatePicker();
        picker.setPromptText("jj/mm/aaaa");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return parse(text);
            }
        });
        boolean[] updating = {false};
        picker.valueProperty().addListener((obs, old, date) -> {
            if (!updating[0]) {
                updating[0] = true;
                value.set(date == null ? "" : date.toString());
                updating[0] = false;
            }
        });
        picker.getEditor().textProperty().addListener((obs, old, text) -> {
            if (updating[0]) {
                return;
            }
            updating[0] = true;
            LocalDate date = parse(text);
            // unparsable text is kept as typed, so that the check can name it
            value.set(date != null ? date.toString() : (text == null ? "" : text.strip()));
            updating[0] = false;
        });
        Runnable fromModel = () -> {
            if (updating[0]) {
                return;
            }
            updating[0] = true;
            LocalDate date = isoOrNull(value.get());
            picker.setValue(date);
            picker.getEditor().setText(date == null ? "" : DATE.format(date));
            updating[0] = false;
        };
        value.addListener((obs, old, text) -> fromModel.run());
        fromModel.run();
        return picker;
    }

    private static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            return isoOrNull(text.strip());
        }
    }

    private static LocalDate isoOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
