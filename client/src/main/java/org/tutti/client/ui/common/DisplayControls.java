package org.tutti.client.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The controls that change how Tutti is shown, on the login window and in the main window: the
 * accessibility mode ({@code accessibilityToggle}, {@code navAccessibility}), the text size
 * ({@code textSize}) and the high-contrast variant ({@code contrastVariant}, shown while the
 * mode is on). Each follows {@link ThemeManager}, so a change made in one window shows in the
 * others.
 */
public final class DisplayControls {

    public static final String TEXT_SIZE_ID = "textSize";
    public static final String CONTRAST_ID = "contrastVariant";

    private DisplayControls() {
    }

    /** The login window's switch: a check box "Mode accessibilité". */
    public static CheckBox modeCheckBox() {
        CheckBox box = new CheckBox(Actions.ACCESSIBILITY_TOGGLE.text());
        box.setId(Actions.ACCESSIBILITY_TOGGLE.id());
        box.setMnemonicParsing(true);
        box.setAccessibleHelp(I18n.get("accessibility.help"));
        box.setTooltip(new Tooltip(I18n.get("nav.tooltip", Actions.ACCESSIBILITY_TOGGLE.plainText(),
                Actions.ACCESSIBILITY_TOGGLE.keyCombination().getDisplayText())));
        box.selectedProperty().bindBidirectional(ThemeManager.get().accessibleProperty());
        return box;
    }

    /** The main window's entry "Accessibilité": a toggle in the navigation bar, selected while the mode is on. */
    public static ToggleButton modeToggle() {
        ToggleButton toggle = new ToggleButton(Actions.NAV_ACCESSIBILITY.text());
        toggle.setId(Actions.NAV_ACCESSIBILITY.id());
        toggle.setMnemonicParsing(true);
        toggle.getStyleClass().addAll("nav-button", "nav-accessibility");
        toggle.setAccessibleText(Actions.NAV_ACCESSIBILITY.plainText());
        toggle.setAccessibleHelp(I18n.get("accessibility.help"));
        toggle.setTooltip(new Tooltip(I18n.get("nav.tooltip", Actions.NAV_ACCESSIBILITY.plainText(),
                Actions.NAV_ACCESSIBILITY.keyCombination().getDisplayText())));
        toggle.selectedProperty().bindBidirectional(ThemeManager.get().accessibleProperty());
        return toggle;
    }

    /** Switches the mode (the Ctrl+5 of both windows). */
    public static void toggleMode() {
        ThemeManager.get().accessibleProperty().set(!ThemeManager.get().accessibleProperty().get());
    }

    /** "Taille du texte [150 %]" and, while the mode is on, "Contraste élevé [clair]", wrapping when narrow. */
    public static Node sizeAndContrast() {
        HBox pane = new HBox(textSizeRow(), contrastRow());
        pane.getStyleClass().add("display-controls");
        return pane;
    }

    /** "Taille du texte [150 %]": the label and its combo box. */
    public static HBox textSizeRow() {
        ThemeManager theme = ThemeManager.get();
        ComboBox<Integer> size = new ComboBox<>();
        size.setId(TEXT_SIZE_ID);
        size.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        size.getItems().setAll(ThemeManager.TEXT_SIZES);
        size.setConverter(Forms.displayConverter(percent -> I18n.get("display.textSize.value", percent)));
        size.setValue(theme.textSizeProperty().get());
        size.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                theme.textSizeProperty().set(value);
            }
        });
        ChangeListener<Number> sizeFollows = (obs, old, value) -> size.setValue(value.intValue());
        keep(size, sizeFollows);
        theme.textSizeProperty().addListener(new WeakChangeListener<>(sizeFollows));

        return row(caption("display.textSize", size), size);
    }

    /** "Contraste élevé [clair]", shown while the mode is on. */
    public static HBox contrastRow() {
        ThemeManager theme = ThemeManager.get();
        ComboBox<ThemeManager.Contrast> contrast = new ComboBox<>();
        contrast.setId(CONTRAST_ID);
        contrast.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        contrast.getItems().setAll(ThemeManager.Contrast.values());
        contrast.setConverter(Forms.displayConverter(c -> I18n.get("display.contrast." + c.name().toLowerCase(java.util.Locale.ROOT))));
        contrast.setValue(theme.contrastProperty().get());
        contrast.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                theme.contrastProperty().set(value);
            }
        });
        ChangeListener<ThemeManager.Contrast> contrastFollows = (obs, old, value) -> contrast.setValue(value);
        keep(contrast, contrastFollows);
        theme.contrastProperty().addListener(new WeakChangeListener<>(contrastFollows));

        HBox contrastRow = row(caption("display.contrast", contrast), contrast);
        contrastRow.visibleProperty().bind(theme.accessibleProperty());
        contrastRow.managedProperty().bind(contrastRow.visibleProperty());
        return contrastRow;
    }

    /**
     * The caption of a display setting. No Alt+letter: these two lists sit beside every screen's
     * own fields and buttons, whose letters come first; they are the second and third Tab stops
     * of the main window (after "Aller au contenu") and are named for screen readers by their
     * accessible text.
     */
    private static Label caption(String key, javafx.scene.control.Control control) {
        Label label = new Label(I18n.get(key).replace("_", ""));
        label.getStyleClass().add("field-label");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        control.setAccessibleText(label.getText());
        return label;
    }

    private static HBox row(Label label, Node control) {
        HBox row = new HBox(label, control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("display-control");
        return row;
    }

    /** The listener lives as long as the control (the theme manager holds it weakly). */
    private static void keep(Node node, Object listener) {
        node.getProperties().put(listener, listener);
    }
}
