package org.tutti.client.ui.common;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tutti.client.domain.RefusedChange;

/**
 * The nodes of a {@link ValidationEditor}, in the order a screen stacks them ({@link #nodes()}):
 * the fields, one row each ({@link Forms#fieldRow}: label with mnemonic, field, pending marker,
 * message); the form's message; the submit button (Modifier, enabled only when something
 * changed) with the busy indicator; and, at its bottom right, the message that the file awaits
 * validation while anything is pending. Fields are a combo box for civility and sex, a date
 * picker for the birth date (dd/MM/yyyy), text fields otherwise. Node ids derive from
 * {@code idPrefix}: the column in CamelCase for a field ({@code familyPostalCode}), then
 * {@code Error}, {@code Busy}, {@code PendingMessage} ({@code familyPendingMessage}),
 * {@code ModifyReason} (why Modifier is disabled, also its accessible help), {@code Notice} (a
 * pending value replaced from another computer), {@code Refused} (the refused changes, each with
 * its "OK, vu" button {@code RefusedSeen0}, {@code RefusedSeen1}…); labels come
 * from the {@link FieldCatalogue} (the same on every form and in the staff queue). Text fields stop
 * input at their column's length and drop invisible format characters; the birth date is parsed
 * strictly with the bundle's pattern (31/02/2015 stays as typed, and the check says it is
 * invalid). The focus goes where the editor says; the message after sending is shown through
 * {@link Dialogs}, after which the focus returns to where the user was in the form. A screen that
 * keeps the buttons in view stacks {@link #body()} in a scroll pane and {@link #footer()} under it.
 */
public final class ValidationFormView {

    private final GridPane grid = Forms.grid("file-form");
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final VBox refusedBox = new VBox();
    private final Label notice;
    private final Label formError;
    private final HBox buttons;
    private final HBox pendingRow;
    /** Where the user last was in the form (a field or Modifier), and the last field. */
    private Node lastFocused;
    private Control lastField;

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
            control.focusedProperty().addListener((obs, was, focused) -> {
                if (focused) {
                    lastFocused = control;
                    lastField = control;
                }
            });
            row = Forms.fieldRow(grid, row, FieldCatalogue.formLabelKey(name), control, field.pendingProperty(),
                    field.pendingValueProperty(), field.errorProperty());
        }
        grid.disableProperty().bind(editor.readyProperty().not().or(editor.busyProperty()));

        refusedBox.setId(idPrefix + "Refused");
        refusedBox.getStyleClass().add("refused-changes");
        refusedBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(editor.refused()));
        refusedBox.managedProperty().bind(refusedBox.visibleProperty());
        editor.refused().addListener((ListChangeListener<RefusedChange>) change -> showRefused(editor, idPrefix));
        showRefused(editor, idPrefix);

        notice = Forms.announce(Forms.message(idPrefix + "Notice", editor.noticeProperty(), "notice-text"), true);
        formError = Forms.announce(Forms.error(idPrefix + "Error", editor.formErrorProperty()), true);
        Button button = new Button(submit.text());
        button.setId(submit.id());
        button.setMnemonicParsing(true);
        button.getStyleClass().add("accent");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(editor.busyProperty().or(editor.form().changedProperty().not()));
        button.setOnAction(e -> onSubmit.run());
        button.accessibleHelpProperty().bind(editor.disabledReasonProperty());
        button.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                lastFocused = button;
            }
        });
        Label reason = Forms.message(idPrefix + "ModifyReason", editor.disabledReasonProperty(), "muted");
        HBox.setHgrow(reason, Priority.ALWAYS);
        buttons = Forms.buttonRow(button, Forms.busyIndicator(idPrefix + "Busy", "form.busy", editor.busyProperty()),
                reason);
        pendingRow = Forms.pendingMessageRow(idPrefix + "PendingMessage", pendingMessageKey, editor.anyPendingProperty());

        editor.setOnFocus(this::focus);
        // the action's key (Ctrl+S) sends from any field or button of the form, as the button would
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> submitKey = e -> {
            if (submit.keyCombination().match(e)) {
                e.consume();
                if (!button.isDisabled()) {
                    button.fire();
                }
            }
        };
        grid.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, submitKey);
        buttons.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, submitKey);
        editor.setOnSubmitted(message -> Dialogs.showMessage(grid.getScene().getWindow(), message));
        editor.setOnFocusReturn(this::returnFocus);
    }

    /** The refused changes, the fields, the notice, the form's message, the buttons and the pending message. */
    public Node[] nodes() {
        return Stream.concat(Arrays.stream(body()), Arrays.stream(footer())).toArray(Node[]::new);
    }

    /** What scrolls: the refused changes and the fields. */
    public Node[] body() {
        return new Node[] {refusedBox, grid};
    }

    /** What stays in view under the fields: the notice, the form's message, Modifier and the pending message. */
    public Node[] footer() {
        return new Node[] {notice, formError, buttons, pendingRow};
    }

    /** One line per refused change: the field, the refused value, the staff's comment, and "OK, vu". */
    private void showRefused(ValidationEditor editor, String idPrefix) {
        refusedBox.getChildren().clear();
        int i = 0;
        for (RefusedChange change : editor.refused()) {
            String value = change.refusedValue() == null ? I18n.get("form.refused.empty")
                    : FieldCatalogue.valueText(change.fieldName(), change.refusedValue());
            String comment = change.comment() == null ? I18n.get("form.refused.noComment") : change.comment();
            Label text = Forms.wrapped(I18n.get("form.refused", FieldCatalogue.label(change.fieldName()),
                    value, comment), "refused-text");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button seen = new Button(I18n.get("form.refused.seen"));
            seen.setId(idPrefix + "RefusedSeen" + i++);
            seen.setMnemonicParsing(true);
            seen.setMinWidth(Button.USE_PREF_SIZE);
            seen.setAccessibleHelp(text.getText());
            seen.disableProperty().bind(editor.busyProperty());
            seen.setOnAction(e -> editor.acknowledge(change));
            HBox row = new HBox(text, seen);
            row.getStyleClass().addAll("refused-change", "button-row");
            row.setAlignment(Pos.CENTER_LEFT);
            refusedBox.getChildren().add(row);
        }
    }

    /** After the message that follows sending: back to Modifier if it can take the focus, else the last field. */
    private void returnFocus() {
        Node target = lastFocused != null && !lastFocused.isDisabled() ? lastFocused : lastField;
        if (target == null && !controls.isEmpty()) {
            target = controls.values().iterator().next();
        }
        if (target != null) {
            target.requestFocus();
        }
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
                return DatePickers.strict(value);
            default:
                TextField text = new TextField();
                text.setTextFormatter(new TextFormatter<String>(change -> limit(change, FieldRules.maxLength(name))));
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

    /**
     * Drops the invisible format characters the database strips, and stops input at {@code max}
     * characters (a paste is cut to what fits).
     */
    static TextFormatter.Change limit(TextFormatter.Change change, int max) {
        if (!change.isContentChange()) {
            return change;
        }
        String added = change.getText();
        String kept = FieldRules.stripFormatCharacters(added);
        int room = max - (change.getControlText().length() - (change.getRangeEnd() - change.getRangeStart()));
        if (kept.length() > room) {
            if (room <= 0 && !kept.isEmpty()) {
                return null;
            }
            kept = kept.substring(0, Math.max(0, room));
        }
        if (!kept.equals(added)) {
            change.setText(kept);
            int caret = change.getRangeStart() + kept.length();
            change.selectRange(caret, caret);
        }
        return change;
    }
}
