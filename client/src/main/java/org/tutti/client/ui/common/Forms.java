package org.tutti.client.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
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
        Label error = wrapped("", "error-text");
        error.setId(id);
        error.textProperty().bind(text);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
