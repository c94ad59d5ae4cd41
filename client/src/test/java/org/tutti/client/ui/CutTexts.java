package org.tutti.client.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Finds the texts a user cannot read whole: every shown label, button, tab, column title and
 * table cell whose skin displays less than its text (JavaFX cuts it and ends it with "…" or
 * "...", on one line or on the last line of a wrapped text), and every table that hides columns
 * behind a horizontal scroll bar (unless asked to allow that: at 200 % text a data table may
 * scroll sideways, WCAG 1.4.10 exempts two-dimensional tables; its cells must still be whole).
 */
public final class CutTexts {

    private CutTexts() {
    }

    /** Cut texts in every showing window, as "window title: Class#id 'full' shown as 'displayed'". Call on the FX thread. */
    public static List<String> inShowingWindows() {
        return inShowingWindows(false);
    }

    /**
     * Cut texts in every showing window; {@code tablesMayScroll}: a table whose columns are wider
     * than it (a horizontal scroll bar) is not counted. Call on the FX thread.
     */
    public static List<String> inShowingWindows(boolean tablesMayScroll) {
        List<String> cut = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                String name = window instanceof javafx.stage.Stage stage ? stage.getTitle() : window.getClass().getSimpleName();
                for (String c : in(window.getScene().getRoot(), tablesMayScroll)) {
                    cut.add(name + ": " + c);
                }
            }
        }
        return cut;
    }

    /** Cut texts under {@code root}. Call on the FX thread, after layout. */
    public static List<String> in(Parent root) {
        return in(root, false);
    }

    /** Cut texts under {@code root}; {@code tablesMayScroll} as {@link #inShowingWindows(boolean)}. */
    public static List<String> in(Parent root, boolean tablesMayScroll) {
        root.applyCss();
        root.layout();
        List<String> cut = new ArrayList<>();
        collect(root, tablesMayScroll, cut);
        return cut;
    }

    private static void collect(Node node, boolean tablesMayScroll, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, cut);
        }
        if (node instanceof javafx.scene.control.TableView<?> table && !tablesMayScroll) {
            for (Node bar : table.lookupAll(".scroll-bar")) {
                if (bar instanceof javafx.scene.control.ScrollBar scroll && scroll.isVisible()
                        && scroll.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                    cut.add("TableView#" + table.getId() + " scrolls sideways: its columns are wider than the table");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, tablesMayScroll, cut);
            }
        }
    }

    private static void check(Labeled labeled, List<String> cut) {
        String full = labeled.getText();
        if (full == null || full.isBlank() || labeled.getSkin() == null) {
            return;
        }
        if (labeled.getGraphic() instanceof Text drawn && drawn.getWrappingWidth() > 0) {
            // a text drawn as the graphic (table cells): whole when its lines fit in the cell
            javafx.geometry.Bounds lines = drawn.getBoundsInParent();
            // (its width may count a line's trailing space, which nobody sees)
            if (!full.equals(drawn.getText()) || lines.getMaxY() > labeled.getHeight() + 0.5) {
                cut.add(labeled.getClass().getSimpleName() + " '" + full + "' drawn in " + lines.getWidth() + "x"
                        + lines.getHeight() + ", cell " + labeled.getWidth() + "x" + labeled.getHeight());
            }
            return;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.isVisible()) {
                String displayed = shown.getText() == null ? "" : shown.getText();
                String expected = labeled.isMnemonicParsing() ? full.replaceFirst("_(?=.)", "") : full;
                if (!displayed.equals(expected) && !displayed.replace("\n", " ").equals(expected.replace("\n", " "))) {
                    cut.add(labeled.getClass().getSimpleName() + (labeled.getId() == null ? "" : "#" + labeled.getId())
                            + " '" + expected + "' shown as '" + displayed + "'");
                }
                return;
            }
        }
    }
}
