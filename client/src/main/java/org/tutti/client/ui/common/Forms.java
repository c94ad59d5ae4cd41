package org.tutti.client.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The pieces every form is made of, so that all forms look and behave alike: a two-column grid
 * (labels right-aligned, fields growing), labels with a mnemonic bound to their field, texts that
 * wrap instead of being cut short, and error messages shown as text under a field.
 */
public final class Forms {

    private Forms() {
    }

    /**
     * Gives {@code node} the keyboard focus (a screen was opened). The first time, a node inside
     * a scroll pane or a tab joins the scene only when that skin is built (next pulse): it takes
     * the focus then.
     */
    public static void focusWhenShown(Node node) {
        if (node.getScene() != null) {
            node.requestFocus();
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    node.requestFocus();
                }
            }
        });
    }

    /**
     * Gives the focus to the first control under {@code parent} that the keyboard can reach
     * (visible, enabled, focus-traversable), in the order Tab would follow; false when none.
     */
    public static boolean focusFirstIn(Parent parent) {
        Node first = firstFocusable(parent);
        if (first == null) {
            return false;
        }
        first.requestFocus();
        return true;
    }

    private static Node firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        // a scroll pane takes the focus only to scroll: its first control is what the user wants
        if (node.isFocusTraversable() && !(node instanceof javafx.scene.control.ScrollPane)) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A grid with a label column and a field column that takes the remaining width. */
    public static GridPane grid(String... styleClasses) {
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.getStyleClass().addAll(styleClasses);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /** The label of {@code field}, from the bundle; its {@code _} marks the mnemonic (Alt+letter). */
    public static Label label(String key, Node field) {
        Label label = new Label(I18n.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        // at 200 % text the field beside it gives way, never the label
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A section title from the bundle. */
    public static Label heading(String key) {
        Label heading = new Label(I18n.get(key));
        heading.getStyleClass().add("h2");
        return heading;
    }

    /** A text that wraps and is never shrunk to one truncated line. */
    public static Label wrapped(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A message under a field: text, not colour alone; hidden (and taking no room) when empty. */
    public static Label error(String id, ObservableStringValue text) {
        return message(id, text, "error-text");
    }

    /** A wrapped text bound to {@code text}, hidden (and taking no room) when empty. */
    public static Label message(String id, ObservableStringValue text, String... styleClasses) {
        Label message = wrapped("", styleClasses);
        message.setId(id);
        message.textProperty().bind(text);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /**
     * Makes a status message readable where a screen reader (Narrator, NVDA, JAWS on Windows,
     * VoiceOver on macOS) reads it: while shown, it is a read-only stop of the keyboard (style
     * class {@code announce}, the stylesheet draws its focus ring) whose accessible text is the
     * message. One rule for every screen (issue 15, WCAG 4.1.3):
     * <ul>
     * <li>an error about one field: the focus goes to that field, whose accessible help is the
     * message ({@link #describeErrors}), read with the field's name;</li>
     * <li>an error or a notice about the whole form or screen (the send failed, nothing was
     * changed, the payment page opened): {@code focusWhenShown}, the message takes the focus
     * when it appears, and Tab goes on from there;</li>
     * <li>a lasting state (the file awaits validation): the message is reached with Tab and read
     * then ({@code focusWhenShown} false);</li>
     * <li>a success that ends an action (sent, saved, password changed): a dialog
     * ({@link Dialogs#showMessage}), which readers read.</li>
     * </ul>
     *
     * @return {@code message}
     */
    public static <T extends Label> T announce(T message, boolean focusWhenShown) {
        message.getStyleClass().add("announce");
        message.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        message.accessibleTextProperty().bind(message.textProperty());
        message.focusTraversableProperty().bind(message.visibleProperty().and(message.textProperty().isNotEmpty()));
        if (focusWhenShown) {
            message.textProperty().addListener((obs, old, text) -> {
                if (text != null && !text.isEmpty() && !text.equals(old)) {
                    // after the handlers that put the focus in a field (a field's error wins: it is read with it)
                    javafx.application.Platform.runLater(() -> {
                        if (message.getScene() != null && message.isVisible() && !fieldHasError(message.getScene())) {
                            message.requestFocus();
                        }
                    });
                }
            });
        }
        return message;
    }

    /** True when the focus is in a field that shows an error (its accessible help is set by {@link #describeErrors}). */
    private static boolean fieldHasError(Scene scene) {
        Node owner = scene.getFocusOwner();
        return owner != null && Boolean.TRUE.equals(owner.getProperties().get(FIELD_ERROR_KEY));
    }

    private static final Object FIELD_ERROR_KEY = new Object();

    /**
     * The field's accessible help is its error while there is one (a reader says it with the
     * field's name when the focus goes there), else {@code otherwise} (may be null).
     */
    public static void describeErrors(Control field, ObservableStringValue error, ObservableStringValue otherwise) {
        InvalidationListener update = obs -> {
            String text = error.get();
            boolean failing = text != null && !text.isEmpty();
            field.getProperties().put(FIELD_ERROR_KEY, failing);
            field.setAccessibleHelp(failing ? text : otherwise == null ? null : otherwise.get());
        };
        error.addListener(update);
        if (otherwise != null) {
            otherwise.addListener(update);
        }
        update.invalidated(error);
    }

    /**
     * One row of an editable file (Famille, Identité): the label, the field with its pending
     * marker beside it, and its message under it. While {@code pending} is true the field has
     * the style class {@code pending} and the marker shows a symbol and the text "en attente de
     * validation" (not colour alone), with the waiting value in its tooltip and accessible help.
     * The marker's id is the field's id + {@code Pending}, the message's id + {@code Error}.
     *
     * @return the next free row of {@code form}
     */
    public static int fieldRow(GridPane form, int row, String labelKey, Control field,
            ObservableBooleanValue pending, ObservableStringValue pendingValue, ObservableStringValue error) {
        Label marker = new Label(I18n.get("form.pending"));
        marker.setId(field.getId() + "Pending");
        marker.getStyleClass().add("pending-marker");
        marker.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.get("form.pendingValue", pendingValue.get() == null ? "" : pendingValue.get()), pendingValue));
        marker.setTooltip(tip);
        marker.visibleProperty().bind(pending);
        marker.managedProperty().bind(marker.visibleProperty());
        InvalidationListener mark = obs -> {
            boolean on = pending.get();
            if (on && !field.getStyleClass().contains("pending")) {
                field.getStyleClass().add("pending");
            } else if (!on) {
                field.getStyleClass().remove("pending");
            }
        };
        pending.addListener(mark);
        pendingValue.addListener(mark);
        mark.invalidated(pending);
        describeErrors(field, error, Bindings.createStringBinding(() -> pending.get() ? tip.getText() : null,
                pending, tip.textProperty()));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        HBox cell = new HBox(field, marker);
        cell.getStyleClass().add("field-cell");
        cell.setAlignment(Pos.CENTER_LEFT);
        form.addRow(row, label(labelKey, field), cell);
        form.add(error(field.getId() + "Error", error), 1, row + 1);
        return row + 2;
    }

    /** A small spinner shown (and taking room) only while {@code busy}; its accessible text from the bundle. */
    public static ProgressIndicator busyIndicator(String id, String accessibleTextKey, ObservableBooleanValue busy) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setId(id);
        indicator.getStyleClass().add("small-progress");
        indicator.setAccessibleText(I18n.get(accessibleTextKey));
        indicator.visibleProperty().bind(busy);
        indicator.managedProperty().bind(indicator.visibleProperty());
        return indicator;
    }

    /** The button of {@code action}: its id, its text with the mnemonic, never narrower than its text. */
    public static javafx.scene.control.Button button(Actions action) {
        javafx.scene.control.Button button = new javafx.scene.control.Button(action.text());
        button.setId(action.id());
        button.setMnemonicParsing(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /**
     * The button of {@code action} doing {@code onAction}, its shortcut in its tooltip
     * ("Valider (Ctrl+Entrée)") and its text without the mnemonic for screen readers.
     */
    public static javafx.scene.control.Button button(Actions action, Runnable onAction) {
        javafx.scene.control.Button button = button(action);
        button.setAccessibleText(action.plainText());
        button.setTooltip(new javafx.scene.control.Tooltip(
                action.plainText() + " (" + action.keyCombination().getDisplayText() + ")"));
        button.setOnAction(e -> onAction.run());
        return button;
    }

    /** The row of a form's action buttons, left-aligned. */
    public static HBox buttonRow(Node... buttons) {
        HBox row = new HBox(buttons);
        row.getStyleClass().add("button-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * The message at the bottom right of Modifier saying that the file awaits the staff's
     * validation (seed manual), shown only while {@code anyPending}.
     */
    public static HBox pendingMessageRow(String id, String textKey, ObservableBooleanValue anyPending) {
        Label pending = wrapped(I18n.get(textKey), "pending-message");
        pending.setId(id);
        pending.visibleProperty().bind(anyPending);
        pending.managedProperty().bind(pending.visibleProperty());
        announce(pending, false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(spacer, pending);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    /**
     * One row of a read-only sheet (a course, an evaluation): the label and the value in a
     * read-only field, which the keyboard reaches, a screen reader reads with its label, and
     * whose text can be selected and copied. An empty value shows a dash.
     *
     * @return the next free row of {@code form}
     */
    public static int valueRow(GridPane form, int row, String labelKey, String id, ObservableStringValue value) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("read-only-value");
        field.textProperty().bind(Bindings.createStringBinding(() -> orDash(value.get()), value));
        field.setMaxWidth(Double.MAX_VALUE);
        form.addRow(row, label(labelKey, field), field);
        return row + 1;
    }

    /**
     * Tab and Shift+Tab leave {@code area} as they leave any field (a text area would insert a
     * tab character: a keyboard trap for who does not know Ctrl+Tab, WCAG 2.1.2). The text is
     * typed without tab characters; Ctrl+Tab still moves on too.
     */
    public static void tabLeaves(TextArea area) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown() && !e.isAltDown()
                    && !e.isMetaDown()) {
                e.consume();
                // the text area's own Ctrl+Tab: to the next (Shift: previous) control
                area.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
    }

    /** Like {@link #valueRow}, for a long text (an appreciation) shown in full, wrapped. */
    public static int longValueRow(GridPane form, int row, String labelKey, String id, ObservableStringValue value) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.getStyleClass().add("read-only-value");
        area.textProperty().bind(Bindings.createStringBinding(() -> orDash(value.get()), value));
        tabLeaves(area);
        GridPane.setVgrow(area, Priority.ALWAYS);
        Label label = label(labelKey, area);
        GridPane.setValignment(label, VPos.TOP);
        form.addRow(row, label, area);
        return row + 1;
    }

    /**
     * Stops input in {@code field} at {@code max} characters (a paste is cut to what fits) and
     * drops the invisible format characters the database strips, as the files' fields do.
     */
    public static void limitLength(javafx.scene.control.TextInputControl field, int max) {
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                change -> ValidationFormView.limit(change, max)));
    }

    /** A tab that cannot be closed, with its id (src-docs/ui-contract.md) and its title from the bundle. */
    public static Tab tab(String id, String textKey, Node content) {
        Tab tab = new Tab(I18n.get(textKey), content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /**
     * A converter that shows {@code text} of a value (nothing for null) in a combo box; read-only
     * lists only (it reads no typed text back).
     */
    public static <T> javafx.util.StringConverter<T> displayConverter(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
