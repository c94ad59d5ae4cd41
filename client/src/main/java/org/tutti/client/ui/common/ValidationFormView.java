package org.tutti.client.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The nodes of a {@link ValidationEditor}, in the order a screen stacks them ({@link #nodes()}):
 * the fields, one row each ({@link Forms#fieldRow}: label with mnemonic, field, pending marker,
 * message); the form's message; the submit button (Modifier, enabled only when something
 * changed) with the busy indicator; and, at its bottom right, the message that the file awaits
 * validation while anything is pending. Fields are a combo box for civility and sex, a date
 * picker for the birth date (dd/MM/yyyy), text fields otherwise. Node ids derive from
 * {@code idPrefix}: the column in CamelCase for a field ({@code familyPostalCode}), then
 * {@code Error}, {@code Busy}, {@code PendingMessage} ({@code familyPendingMessage}); labels
 * come from the {@link FieldCatalogue} (the same on every form and in the staff queue). The focus
 * goes where the editor says; the message after sending is shown through {@link Dialogs}.
 */
public final class ValidationFormView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final GridPane grid = Forms.grid("file-form");
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Label formError;
    private final HBox buttons;
    private final HBox pendingRow;

    /**
     * @param submit the button's action (its id, text with mnemonic); {@code onSubmit} runs on it
     * @param pendingMessageKey the text saying that the file awaits validation
     */
    public ValidationFormView(ValidationEditor editor, String idPrefix, Actions submit,
            Runnable onSubmit, String pendingMessageKey) {
        int row = 0;
        for (ValidationForm.Field field : editor.form().fields()) {
            String name = field.name();
            Control control = control(name, field.valueProperty());
            String camel = camel(name);
            control.setId(idPrefix + Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
            controls.put(name, control);
            row = Forms.fieldRow(grid, row, FieldCatalogue.formLabelKey(name), control, field.pendingProperty(),
                    field.pendingValueProperty(), field.errorProperty());
        }
        grid.disableProperty().bind(editor.readyProperty().not().or(editor.busyProperty()));

        formError = Forms.error(idPrefix + "Error", editor.formErrorProperty());
        Button button = new Button(submit.text());
        button.setId(submit.id());
        button.setMnemonicParsing(true);
        button.getStyleClass().add("accent");
        button.disableProperty().bind(editor.busyProperty().or(editor.form().changedProperty().not()));
        button.setOnAction(e -> onSubmit.run());
        buttons = Forms.buttonRow(button, Forms.busyIndicator(idPrefix + "Busy", "form.busy", editor.busyProperty()));
        pendingRow = Forms.pendingMessageRow(idPrefix + "PendingMessage", pendingMessageKey, editor.anyPendingProperty());

        editor.setOnFocus(this::focus);
        editor.setOnSubmitted(message -> Dialogs.showMessage(grid.getScene().getWindow(), message));
    }

    /** The fields, the form's message, the buttons and the pending message, top to bottom. */
    public Node[] nodes() {
        return new Node[] {grid, formError, buttons, pendingRow};
    }

    public GridPane grid() {
        return grid;
    }

    /** The control of column {@code name}, or null. */
    public Control control(String name) {
        return controls.get(name);
    }

    private void focus(String name) {
        Control control = controls.get(name);
        if (control != null) {
            control.requestFocus();
        }
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
                return combo(value, name, "MME", "M");
            case "sex":
                return combo(value, name, "F", "M");
            case "birth_date":
                return datePicker(value);
            default:
                TextField text = new TextField();
                text.textProperty().bindBidirectional(value);
                return text;
        }
    }

    /** The codes of {@code column}, shown in words as everywhere else ({@link FieldCatalogue#valueText}). */
    private static ComboBox<String> combo(StringProperty value, String column, String... codes) {
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().addAll(codes);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return FieldCatalogue.valueText(column, code);
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
