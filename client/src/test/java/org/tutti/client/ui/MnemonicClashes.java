package org.tutti.client.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Window;

/**
 * The Alt+letter keys of the windows shown now (issue 15, keyboard-first), as a user meets them:
 * a button, toggle, check box or link without a letter; a field's label without one; and a
 * letter shared by a button (or link, toggle…) and another node of the same window, with which
 * Alt+letter only moves the focus between them instead of pressing the button. A dialog's
 * default and cancel buttons (Enter, Escape) need no letter. Only what is shown counts (a hidden
 * Réessayer is not a clash). A control whose mnemonic parsing was switched off shows a text from
 * the data (a course's name, an invoice's line) and carries no letter; a label carries one when
 * it parses mnemonics (as {@code Forms.label} does) and its field is a keyboard stop.
 */
public final class MnemonicClashes {

    private MnemonicClashes() {
    }

    /** Problems in every showing window, as "window title: description". Call on the FX thread. */
    public static List<String> inShowingWindows() {
        List<String> problems = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                String name = window instanceof javafx.stage.Stage stage ? stage.getTitle() : window.getClass().getSimpleName();
                for (String p : in(window.getScene().getRoot())) {
                    problems.add(name + ": " + p);
                }
            }
        }
        return problems;
    }

    /** Problems under {@code root}. Call on the FX thread. */
    public static List<String> in(Parent root) {
        List<String> problems = new ArrayList<>();
        Map<Character, List<Labeled>> byLetter = new LinkedHashMap<>();
        collect(root, problems, byLetter);
        byLetter.forEach((letter, nodes) -> {
            if (nodes.size() > 1 && nodes.stream().anyMatch(n -> n instanceof ButtonBase)) {
                problems.add("Alt+" + letter + " shared by " + nodes.stream().map(MnemonicClashes::describe).toList());
            }
        });
        return problems;
    }

    /** Every letter shown now, for the report: letter → the nodes using it. Call on the FX thread. */
    public static Map<Character, List<String>> letters(Parent root) {
        Map<Character, List<Labeled>> byLetter = new LinkedHashMap<>();
        collect(root, new ArrayList<>(), byLetter);
        Map<Character, List<String>> described = new LinkedHashMap<>();
        byLetter.forEach((letter, nodes) -> described.put(letter, nodes.stream().map(MnemonicClashes::describe).toList()));
        return described;
    }

    private static void collect(Node node, List<String> problems, Map<Character, List<Labeled>> byLetter) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && needsLetter(labeled)) {
            Character letter = letter(labeled);
            if (letter == null) {
                problems.add("no Alt+letter on " + describe(labeled));
            } else {
                byLetter.computeIfAbsent(letter, l -> new ArrayList<>()).add(labeled);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, problems, byLetter);
            }
        }
    }

    private static boolean needsLetter(Labeled labeled) {
        if (labeled instanceof Label label) {
            // a label naming a read-only value the keyboard does not stop on has nothing to go to
            return label.isMnemonicParsing() && label.getLabelFor() != null && label.getLabelFor().isVisible()
                    && label.getLabelFor().isFocusTraversable();
        }
        if (!labeled.isMnemonicParsing()) {
            // buttons parse mnemonics unless told not to: a text from the data (a course's name)
            return false;
        }
        if (labeled instanceof javafx.scene.control.Button button && (button.isDefaultButton() || button.isCancelButton())) {
            return false;
        }
        return labeled instanceof ButtonBase && labeled.getText() != null && !labeled.getText().isBlank()
                && !labeled.isDisabled() && !isInsideSkinOnly(labeled);
    }

    /** Buttons a control's skin draws for itself (a date picker's arrow): not the view's. */
    private static boolean isInsideSkinOnly(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?> || n instanceof javafx.scene.control.ScrollBar
                    || n instanceof javafx.scene.control.TableView<?> || n instanceof javafx.scene.control.TreeView<?>
                    || n instanceof javafx.scene.control.ListView<?>) {
                return true;
            }
        }
        return false;
    }

    private static Character letter(Labeled labeled) {
        String text = labeled.getText();
        if (!labeled.isMnemonicParsing() || text == null) {
            return null;
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                    continue;
                }
                return Character.toUpperCase(stripAccent(text.charAt(i + 1)));
            }
        }
        return null;
    }

    private static char stripAccent(char c) {
        String plain = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        return plain.charAt(0);
    }

    private static String describe(Labeled node) {
        String kind = node.getClass().getSimpleName();
        return kind + (node.getId() == null ? "" : "#" + node.getId()) + " '" + node.getText().toLowerCase(Locale.ROOT).replace("_", "") + "'";
    }
}
