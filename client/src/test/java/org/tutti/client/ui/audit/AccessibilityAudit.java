package org.tutti.client.ui.audit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * An accessibility audit of live JavaFX scenes: it reads what is actually rendered (the resolved
 * CSS of every node: text fills, background fills and borders, insets, opacity, clips, focus
 * state), never a snapshot, so it is fast enough to run at every stop of a screen tour.
 *
 * <p>Call on the FX thread after {@code root.applyCss(); root.layout();}. Each finding is one
 * line: {@code "<window title>: <rule> — <Class#id or text> — <figures>"}. The rules and the
 * WCAG 2.2 success criteria they check:
 * <ol>
 * <li><b>Accessible name</b> (1.3.1 Info and Relationships, 4.1.2 Name, Role, Value, 2.5.3 Label
 * in Name): every shown control that takes the focus, and every table, list, tree, combo box,
 * date picker, spinner, text field, check box, radio button, button, slider and tab pane even if
 * it does not, has a name: a non-blank {@code accessibleText}, its own text (a {@link Labeled}),
 * or a {@link Label} whose {@code labelFor} is it or one of its ancestors (a date picker's editor).
 * Every shown column of a table has a header text. The editors inside combo boxes, date pickers
 * and spinners are named by their owner; the other inner nodes of skins (scroll bars, arrow
 * buttons) are not controls or do not take the focus.</li>
 * <li><b>Text contrast</b> (1.4.3 Contrast (Minimum) at {@link Level#AA}, 1.4.6 Contrast
 * (Enhanced) at {@link Level#AAA_HIGH_CONTRAST}): every shown, non-blank {@link Text} (labels,
 * buttons, cells, tab titles, the content and prompt of text fields) that is enabled, has an
 * opacity above zero, lies in the scene and inside the clip of its clipping ancestors (scroll
 * pane viewports). Its fill (every stop of a gradient, the worst counts), faded by the opacity of
 * it and its ancestors, against the nearest painted background at its centre: the topmost
 * {@link BackgroundFill} (or a shape or region drawn beneath it) whose rectangle contains the
 * centre, a translucent one composited over what lies beneath, else the scene's fill. Selected
 * text (a field's selection) is read in its selection fill over the highlight drawn beneath it.
 * Text of 24 px, or 18.66 px in bold, is large text.</li>
 * <li><b>Component boundaries</b> (1.4.11 Non-text Contrast): every shown, enabled text field,
 * combo box, date picker, spinner, check box (its box), radio button (its circle), painted button
 * (a button drawn as a link, with transparent fills, is identified by its text) and table, list or
 * tree: the best contrast among its edge fills (the painted fills reaching within 1 px of its
 * outermost painted edge and not hidden under an opaque fill) and border colours, against what
 * lies behind the control, must be at least 3:1.</li>
 * <li><b>Focus indicator</b> (2.4.7 Focus Visible, 1.4.11, 2.4.11 Focus Not Obscured (Minimum),
 * 2.4.13 Focus Appearance): every shown, enabled control that takes the focus is focused in turn;
 * it (a check box's box, a radio button's circle, a tab pane's selected tab) must then draw
 * something new, at least 2 px thick on every side (a fill: the band up to the next opaque layer
 * drawn over it; a border: its width), with at least 3:1 against what lies behind the control.
 * A focused control outside any scroll pane must lie inside the window and not be hidden by a
 * clip (inside a scroll pane, {@link #keyboardReach} checks this after each Tab, which scrolls).
 * The focus goes back where it was.</li>
 * <li><b>Mnemonics</b> (2.1.1 Keyboard; the issue's Alt+letter on every button): every shown
 * button, toggle button, check box, radio button, hyperlink and menu button with a text, and every
 * label with {@code labelFor}, has mnemonic parsing on and a "_" before a letter; not needed by
 * the default and cancel buttons of a dialog or an owned window (Enter and Escape reach them) nor
 * by buttons in table cells, nor by a node marked {@code data-named} (a choice or label named by
 * the data it stands for: a course to re-enrol in, an invoice to settle; there are many and they
 * change) or {@code row-action} (the same button on every line of a list, reached by Tab within
 * its line). No letter is used twice among the shown nodes of a scene (the scene's registered
 * mnemonics and the texts), except by field labels only: Alt+letter then moves the focus from
 * one field to the next in turn, activating nothing.</li>
 * </ol>
 * {@link #keyboardReach} (2.1.1 Keyboard, 2.1.2 No Keyboard Trap, 2.4.3 Focus Order, 2.4.11):
 * Tab, then Shift+Tab, from the first control round the scene must come back to it, reach every
 * shown, enabled control that takes the focus, and never leave the focus on a control that is
 * entirely outside the window or its clip.
 *
 * <p>Limits (what is not read): corner radii, background images, effects, and nodes painted
 * beneath a text other than its ancestors and the siblings painted before them (list order and
 * viewOrder).
 *
 * <p>Side effects: the focus rule and the keyboard walk move the focus as a keyboard user would
 * (a screen's focus listeners run: a table reached by the keyboard may select its first row);
 * the focus owner, the scroll positions and any text a Tab typed are put back afterwards.
 */
public final class AccessibilityAudit {

    /** The contrast thresholds a scene must meet. */
    public enum Level {
        /** WCAG 2.2 AA: text 4.5:1, large text 3:1, UI components and focus indicator 3:1 (1.4.3, 1.4.11). */
        AA(4.5, 3.0, 3.0),
        /** The high-contrast mode: text 7:1, large text 4.5:1 (1.4.6), UI components and focus 3:1. */
        AAA_HIGH_CONTRAST(7.0, 4.5, 3.0);

        private final double text;
        private final double largeText;
        private final double nonText;

        Level(double text, double largeText, double nonText) {
            this.text = text;
            this.largeText = largeText;
            this.nonText = nonText;
        }

        public double text() {
            return text;
        }

        public double largeText() {
            return largeText;
        }

        public double nonText() {
            return nonText;
        }
    }

    /** A focus ring or border thinner than this (px) does not count (2.4.13). */
    static final double MIN_FOCUS_THICKNESS = 2.0;
    private static final double EPSILON = 1e-6;
    private static final int MAX_STEPS = 400;
    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused");
    private static final PseudoClass FOCUS_VISIBLE = PseudoClass.getPseudoClass("focus-visible");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private AccessibilityAudit() {
    }

    /** Findings in every showing window (stages and dialogs; popups are skipped). */
    public static List<String> inShowingWindows(Level level) {
        return inShowingWindows(scene -> check(scene, level));
    }

    /** {@link #keyboardReach} in every showing window (stages and dialogs). */
    public static List<String> keyboardReachInShowingWindows() {
        return inShowingWindows(AccessibilityAudit::keyboardReach);
    }

    private static List<String> inShowingWindows(java.util.function.Function<Scene, List<String>> audit) {
        List<String> findings = new ArrayList<>();
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null && window instanceof Stage
                    && window.getScene().getRoot() != null) {
                findings.addAll(audit.apply(window.getScene()));
            }
        }
        return findings;
    }

    /** Findings in one scene, each "window title: rule — node — figures". */
    public static List<String> check(Scene scene, Level level) {
        if (scene.getRoot() == null) {
            return new ArrayList<>();
        }
        Scan scan = new Scan(scene);
        Set<String> findings = new LinkedHashSet<>();
        names(scan, findings);
        textContrast(scan, level, findings);
        boundaries(scan, level, findings);
        focusIndicators(scan, level, findings);
        mnemonics(scan, findings);
        return titled(scene, findings);
    }

    /** Each finding as "window title: finding". */
    private static List<String> titled(Scene scene, Set<String> findings) {
        String window = windowName(scene);
        List<String> lines = new ArrayList<>();
        findings.forEach(f -> lines.add(window + ": " + f));
        return lines;
    }

    // ---------------------------------------------------------------- the scene as it is shown

    /** The shown nodes of a scene (every node whose ancestors are all visible), in paint order. */
    private static final class Scan {
        final Scene scene;
        final List<Node> nodes = new ArrayList<>();
        final Set<Node> shown = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** Each node named by a shown label's labelFor, with that label. */
        final Map<Node, Label> labelled = new IdentityHashMap<>();

        /** Styles and lays the scene out, then reads it. */
        Scan(Scene scene) {
            this.scene = scene;
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            collect(scene.getRoot());
            for (Node node : nodes) {
                if (node instanceof Label label && label.getLabelFor() != null && !blank(label.getText())) {
                    labelled.putIfAbsent(label.getLabelFor(), label);
                }
            }
        }

        private void collect(Node node) {
            if (!node.isVisible()) {
                return;
            }
            nodes.add(node);
            shown.add(node);
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    collect(child);
                }
            }
        }
    }

    // ---------------------------------------------------------------- 1. accessible names

    private static void names(Scan scan, Set<String> findings) {
        for (Node node : scan.nodes) {
            if (!(node instanceof Control control) || insideComposite(control)) {
                continue;
            }
            if (needsName(control) && !named(control, scan)) {
                findings.add("no accessible name — " + describe(control)
                        + " — no text, no accessibleText, no Label with labelFor");
            }
            if (control instanceof TableView<?> table) {
                headers(control, table.getVisibleLeafColumns(), findings);
            } else if (control instanceof TreeTableView<?> table) {
                headers(control, table.getVisibleLeafColumns(), findings);
            }
        }
    }

    private static boolean needsName(Control control) {
        return control.isFocusTraversable() || control instanceof TableView || control instanceof TreeTableView
                || control instanceof ListView || control instanceof TreeView || control instanceof ComboBoxBase
                || control instanceof Spinner || control instanceof TextInputControl || control instanceof CheckBox
                || control instanceof RadioButton || control instanceof ButtonBase || control instanceof Slider
                || control instanceof TabPane;
    }

    private static boolean named(Control control, Scan scan) {
        if (!blank(control.getAccessibleText())) {
            return true;
        }
        if (control instanceof Labeled labeled && !blank(withoutMnemonic(labeled))) {
            return true;
        }
        for (Node n = control; n != null; n = n.getParent()) {
            if (scan.labelled.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    private static void headers(Control table, List<? extends TableColumnBase<?, ?>> leaves, Set<String> findings) {
        // every shown column and the nested columns above it
        Set<TableColumnBase<?, ?>> columns = new LinkedHashSet<>();
        for (TableColumnBase<?, ?> leaf : leaves) {
            List<TableColumnBase<?, ?>> chain = new ArrayList<>();
            for (TableColumnBase<?, ?> c = leaf; c != null; c = c.getParentColumn()) {
                chain.add(0, c);
            }
            columns.addAll(chain);
        }
        int index = 0;
        for (TableColumnBase<?, ?> column : columns) {
            index++;
            boolean graphicNamed = column.getGraphic() != null && (!blank(column.getGraphic().getAccessibleText())
                    || column.getGraphic() instanceof Labeled l && !blank(l.getText()));
            if (blank(column.getText()) && !graphicNamed) {
                findings.add("column without a header text — " + describe(table) + " — column " + index + " of "
                        + columns.size() + (column.getId() != null ? " (#" + column.getId() + ")" : ""));
            }
        }
    }

    // ---------------------------------------------------------------- 2. text contrast

    private static void textContrast(Scan scan, Level level, Set<String> findings) {
        for (Node node : scan.nodes) {
            if (!(node instanceof Text text) || blank(text.getText()) || text.isDisabled()) {
                continue;
            }
            double opacity = cumulativeOpacity(text);
            if (opacity <= 0) {
                continue;
            }
            Bounds bounds = text.localToScene(text.getBoundsInLocal());
            if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
                continue;
            }
            Point2D centre = centre(bounds);
            if (!inScene(scan.scene, centre) || clippedAway(text, centre)) {
                continue;
            }
            double needed = large(text) ? level.largeText() : level.text();
            Shape highlight = selectionHighlight(text, bounds);
            if (highlight == null) {
                pair(text, text.getFill(), centre, true, opacity, needed, "", scan, findings);
                continue;
            }
            // selected text (a field's selection): its selection fill over the highlight, and the rest as usual
            Bounds marked = intersection(bounds, highlight.localToScene(highlight.getBoundsInLocal()));
            pair(text, text.getSelectionFill(), centre(marked), true, opacity, needed, " selected", scan, findings);
            if (text.getSelectionStart() > 0 || text.getSelectionEnd() < text.getText().length()) {
                pair(text, text.getFill(), centre, false, opacity, needed, "", scan, findings);
            }
        }
    }

    /** Checks one text colour at one point against what lies behind it there. */
    private static void pair(Text text, Paint fill, Point2D point, boolean shapes, double opacity, double needed,
            String what, Scan scan, Set<String> findings) {
        List<Color> fills = WcagColours.colours(fill);
        if (fills.isEmpty()) {
            return;
        }
        Worst worst = worst(fills, opacity, behind(text, point, scan.scene, shapes));
        if (worst.ratio < needed - EPSILON) {
            findings.add("contrast " + WcagColours.ratioText(worst.ratio) + " < " + WcagColours.ratioText(needed)
                    + " — " + describeText(text) + what + " (" + WcagColours.hex(worst.fore) + " on "
                    + WcagColours.hex(worst.back) + ")");
        }
    }

    /** The shown selection highlight drawn beneath a text with a selection (a text field's), or null. */
    private static Shape selectionHighlight(Text text, Bounds bounds) {
        if (text.getSelectionStart() < 0 || text.getSelectionEnd() <= text.getSelectionStart()
                || text.getParent() == null) {
            return null;
        }
        List<Node> siblings = text.getParent().getChildrenUnmodifiable();
        for (int i = siblings.indexOf(text) - 1; i >= 0; i--) {
            if (siblings.get(i) instanceof Shape shape && !(shape instanceof Text) && shape.isVisible()
                    && !WcagColours.transparent(shape.getFill())) {
                Bounds drawn = shape.localToScene(shape.getBoundsInLocal());
                if (drawn.getWidth() > 0 && drawn.getHeight() > 0 && drawn.intersects(bounds)) {
                    return shape;
                }
            }
        }
        return null;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    /** WCAG's large text: at least 18 pt (24 px), or 14 pt (18.66 px) in bold. */
    private static boolean large(Text text) {
        double px = text.getFont().getSize();
        String style = text.getFont().getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold") && !style.contains("semi") && !style.contains("demi")
                || style.contains("black") || style.contains("heavy");
        return px >= 24 - EPSILON || bold && px >= 18.66 - EPSILON;
    }

    private record Worst(double ratio, Color fore, Color back) {
    }

    /** The lowest contrast of any of {@code fores} (faded by {@code opacity}) over any of {@code backs}. */
    private static Worst worst(List<Color> fores, double opacity, List<Color> backs) {
        Worst worst = null;
        for (Color fore : fores) {
            for (Color back : backs) {
                Color seen = WcagColours.composite(WcagColours.fade(fore, opacity), back);
                double ratio = WcagColours.ratio(seen, back);
                if (worst == null || ratio < worst.ratio) {
                    worst = new Worst(ratio, seen, back);
                }
            }
        }
        return worst;
    }

    /**
     * The colours that can lie behind {@code node} at {@code point} (scene coordinates): the
     * layers painted beneath it there (its ancestors' background fills and the regions or shapes
     * drawn before it), topmost first, down to the first opaque one or else the scene's fill,
     * composited. Several colours when a gradient is involved.
     */
    private static List<Color> behind(Node node, Point2D point, Scene scene) {
        return behind(node, point, scene, true);
    }

    /** As {@link #behind(Node, Point2D, Scene)}; without the shapes drawn beneath it when {@code shapes} is false. */
    private static List<Color> behind(Node node, Point2D point, Scene scene, boolean shapes) {
        List<List<Color>> layers = new ArrayList<>();
        Node child = node;
        for (Parent parent = node.getParent(); parent != null; child = parent, parent = parent.getParent()) {
            boolean opaque = false;
            for (Node sibling : beneath(parent, child)) {
                if (opaque) {
                    break;
                }
                if (sibling.isVisible() && (shapes || !(sibling instanceof Shape))) {
                    opaque = paintedAt(sibling, point, layers);
                }
            }
            if (opaque || paintedAt(parent, clampedInto(parent, point), layers)) {
                return composite(layers, List.of());
            }
        }
        List<Color> sceneFill = WcagColours.colours(scene.getFill());
        return composite(layers, sceneFill.isEmpty() ? List.of(Color.WHITE) : sceneFill);
    }

    /**
     * {@code point} (scene) moved into an ancestor's bounds: a node scrolled out of a scroll pane's
     * viewport, or laid out beyond its container, is judged against the background it shows when
     * scrolled into view.
     */
    private static Point2D clampedInto(Parent ancestor, Point2D point) {
        if (!(ancestor instanceof Region region)) {
            return point;
        }
        Point2D local = region.sceneToLocal(point);
        double x = Math.max(0, Math.min(region.getWidth(), local.getX()));
        double y = Math.max(0, Math.min(region.getHeight(), local.getY()));
        return x == local.getX() && y == local.getY() ? point : region.localToScene(x, y);
    }

    /**
     * The siblings painted before {@code child}, topmost first: JavaFX paints children by
     * decreasing viewOrder, then in list order (a header drawn beneath a link given viewOrder -1).
     */
    private static List<Node> beneath(Parent parent, Node child) {
        List<Node> siblings = parent.getChildrenUnmodifiable();
        int index = siblings.indexOf(child);
        List<Node> below = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            Node sibling = siblings.get(i);
            if (sibling.getViewOrder() > child.getViewOrder()
                    || sibling.getViewOrder() == child.getViewOrder() && i < index) {
                below.add(sibling);
            }
        }
        below.sort(java.util.Comparator.comparingDouble(Node::getViewOrder).reversed().thenComparing(siblings::indexOf));
        java.util.Collections.reverse(below);
        return below;
    }

    /** Adds the layers {@code node} paints at {@code point}, topmost first; true once one is opaque. */
    private static boolean paintedAt(Node node, Point2D point, List<List<Color>> layers) {
        if (node instanceof Region region) {
            Background background = region.getBackground();
            if (background == null || background.getFills().isEmpty()) {
                return false;
            }
            Point2D local = region.sceneToLocal(point);
            double opacity = cumulativeOpacity(region);
            List<BackgroundFill> fills = background.getFills();
            for (int i = fills.size() - 1; i >= 0; i--) {
                BackgroundFill fill = fills.get(i);
                if (WcagColours.transparent(fill.getFill()) || !inside(region, fill.getInsets(), local)) {
                    continue;
                }
                if (addLayer(fill.getFill(), opacity, layers)) {
                    return true;
                }
            }
        } else if (node instanceof Shape shape && !(node instanceof Text) && !WcagColours.transparent(shape.getFill())
                && shape.localToScene(shape.getBoundsInLocal()).contains(point)) {
            return addLayer(shape.getFill(), cumulativeOpacity(shape), layers);
        }
        return false;
    }

    private static boolean addLayer(Paint paint, double opacity, List<List<Color>> layers) {
        List<Color> colours = WcagColours.colours(paint).stream().map(c -> WcagColours.fade(c, opacity)).toList();
        if (colours.isEmpty()) {
            return false;
        }
        layers.add(colours);
        return colours.stream().allMatch(c -> c.getOpacity() >= 1 - EPSILON);
    }

    private static List<Color> composite(List<List<Color>> layers, List<Color> bottom) {
        List<Color> result = bottom;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Set<Color> next = new LinkedHashSet<>();
            for (Color top : layers.get(i)) {
                if (result.isEmpty()) {
                    next.add(top);
                }
                for (Color below : result) {
                    if (next.size() < 64) {
                        next.add(WcagColours.composite(top, below));
                    }
                }
            }
            result = new ArrayList<>(next);
        }
        return result;
    }

    /** Whether {@code local} lies inside a region's rectangle shrunk by {@code insets}. */
    private static boolean inside(Region region, Insets insets, Point2D local) {
        return local.getX() >= insets.getLeft() - EPSILON && local.getX() <= region.getWidth() - insets.getRight() + EPSILON
                && local.getY() >= insets.getTop() - EPSILON
                && local.getY() <= region.getHeight() - insets.getBottom() + EPSILON;
    }

    // ---------------------------------------------------------------- 3. component boundaries

    private static void boundaries(Scan scan, Level level, Set<String> findings) {
        for (Node node : scan.nodes) {
            if (!(node instanceof Control control) || control.isDisabled() || insideComposite(control)) {
                continue;
            }
            Region target = boundaryTarget(control);
            if (target == null) {
                continue;
            }
            // judged as it looks without the focus (a focus ring is no boundary)
            boolean focused = control.getPseudoClassStates().contains(FOCUSED);
            boolean focusVisible = control.getPseudoClassStates().contains(FOCUS_VISIBLE);
            if (focused || focusVisible) {
                control.pseudoClassStateChanged(FOCUSED, false);
                control.pseudoClassStateChanged(FOCUS_VISIBLE, false);
                control.applyCss();
            }
            try {
                boundary(control, target, scan, level, findings);
            } finally {
                if (focused || focusVisible) {
                    control.pseudoClassStateChanged(FOCUSED, focused);
                    control.pseudoClassStateChanged(FOCUS_VISIBLE, focusVisible);
                    control.applyCss();
                }
            }
        }
    }

    private static void boundary(Control control, Region target, Scan scan, Level level, Set<String> findings) {
        List<Paint> edges = edgePaints(target);
        if (edges.isEmpty()) {
            if (!(control instanceof ButtonBase)) {
                findings.add("no visible boundary — " + describe(control) + " — no painted fill or border");
            }
            return;
        }
        Point2D centre = centre(target.localToScene(target.getLayoutBounds()));
        List<Color> behind = behind(target, centre, scan.scene);
        double opacity = cumulativeOpacity(target);
        Worst best = null;
        for (Paint edge : edges) {
            Worst worst = worst(WcagColours.colours(edge), opacity, behind);
            if (best == null || worst.ratio > best.ratio) {
                best = worst;
            }
        }
        if (best.ratio < level.nonText() - EPSILON) {
            findings.add("boundary contrast " + WcagColours.ratioText(best.ratio) + " < "
                    + WcagColours.ratioText(level.nonText()) + " — " + describe(control) + " ("
                    + WcagColours.hex(best.fore) + " on " + WcagColours.hex(best.back) + ")");
        }
    }

    /** A check box's box or a radio button's circle: what draws its boundary and its focus. */
    private static Region mark(Control control) {
        return control.lookup(control instanceof CheckBox ? ".box" : ".radio") instanceof Region mark ? mark : null;
    }

    /** The region that draws a control's boundary, or null when the rule does not apply. */
    private static Region boundaryTarget(Control control) {
        if (control instanceof CheckBox || control instanceof RadioButton) {
            return mark(control);
        }
        if (control instanceof Hyperlink) {
            return null;
        }
        if (control instanceof Spinner || control instanceof ComboBoxBase) {
            if (edgePaints(control).isEmpty() && control.lookup(".text-field") instanceof Region editor) {
                return editor;
            }
            return control;
        }
        if (control instanceof TextInputControl || control instanceof Button || control instanceof ToggleButton
                || control instanceof MenuButton || control instanceof TableView || control instanceof TreeTableView
                || control instanceof ListView || control instanceof TreeView) {
            return control;
        }
        return null;
    }

    /**
     * The paints of a region's edge: its painted fills that reach within 1 px of the outermost
     * painted fill on every side and are not hidden under a later opaque fill, and its border
     * strokes' colours.
     */
    private static List<Paint> edgePaints(Region region) {
        List<Paint> paints = new ArrayList<>();
        List<BackgroundFill> fills = painted(region.getBackground());
        if (!fills.isEmpty()) {
            double[] outer = outer(fills);
            for (int i = 0; i < fills.size(); i++) {
                double[] sides = sides(fills.get(i).getInsets());
                boolean atEdge = true;
                for (int s = 0; s < 4; s++) {
                    atEdge &= sides[s] <= outer[s] + 1 + EPSILON && band(fills, i, s, region) > EPSILON;
                }
                if (atEdge) {
                    paints.add(fills.get(i).getFill());
                }
            }
        }
        paints.addAll(strokePaints(region.getBorder()));
        return paints;
    }

    private static List<Paint> strokePaints(Border border) {
        List<Paint> paints = new ArrayList<>();
        if (border != null) {
            for (BorderStroke stroke : border.getStrokes()) {
                double[] widths = {stroke.getWidths().getTop(), stroke.getWidths().getRight(),
                        stroke.getWidths().getBottom(), stroke.getWidths().getLeft()};
                Paint[] sides = {stroke.getTopStroke(), stroke.getRightStroke(), stroke.getBottomStroke(),
                        stroke.getLeftStroke()};
                for (int s = 0; s < 4; s++) {
                    if (widths[s] > 0 && !WcagColours.transparent(sides[s]) && !paints.contains(sides[s])) {
                        paints.add(sides[s]);
                    }
                }
            }
        }
        return paints;
    }

    private static List<BackgroundFill> painted(Background background) {
        return background == null ? List.of() : painted(background.getFills());
    }

    private static List<BackgroundFill> painted(List<BackgroundFill> fills) {
        return fills.stream().filter(f -> !WcagColours.transparent(f.getFill())).toList();
    }

    /** The outermost painted edge of some fills, as insets {top, right, bottom, left} (0 when none). */
    private static double[] outer(List<BackgroundFill> fills) {
        if (fills.isEmpty()) {
            return new double[4];
        }
        double[] outer = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (BackgroundFill fill : fills) {
            double[] sides = sides(fill.getInsets());
            for (int s = 0; s < 4; s++) {
                outer[s] = Math.min(outer[s], sides[s]);
            }
        }
        return outer;
    }

    /** Insets as {top, right, bottom, left}. */
    private static double[] sides(Insets insets) {
        return new double[] {insets.getTop(), insets.getRight(), insets.getBottom(), insets.getLeft()};
    }

    /**
     * How much of fill {@code i} shows on side {@code s}: from its own inset to the inset of the
     * next opaque fill drawn over it (0 when one covers it there; to the middle when none does).
     */
    private static double band(List<BackgroundFill> fills, int i, int s, Region region) {
        double own = sides(fills.get(i).getInsets())[s];
        double half = (s % 2 == 0 ? region.getHeight() : region.getWidth()) / 2;
        double next = half;
        for (int j = i + 1; j < fills.size(); j++) {
            boolean opaque = WcagColours.colours(fills.get(j).getFill()).stream().allMatch(c -> c.getOpacity() >= 1 - EPSILON);
            if (opaque) {
                next = Math.min(next, sides(fills.get(j).getInsets())[s]);
            }
        }
        return Math.max(0, next - own);
    }

    // ---------------------------------------------------------------- 4. focus indicator

    private static void focusIndicators(Scan scan, Level level, Set<String> findings) {
        Scene scene = scan.scene;
        Node original = scene.getFocusOwner();
        List<Control> controls = new ArrayList<>();
        for (Node node : scan.nodes) {
            if (node instanceof Control control && control.isFocusTraversable() && !control.isDisabled()
                    && !insideComposite(control)) {
                controls.add(control);
            }
        }
        for (Control control : controls) {
            String finding = focusIndicator(control, scan, level);
            if (finding != null) {
                findings.add(finding);
            }
        }
        if (original != null && original.getScene() == scene) {
            original.requestFocus();
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    private record Look(List<BackgroundFill> fills, List<BorderStroke> strokes) {
        static Look of(Region region) {
            return new Look(region.getBackground() == null ? List.of() : List.copyOf(region.getBackground().getFills()),
                    region.getBorder() == null ? List.of() : List.copyOf(region.getBorder().getStrokes()));
        }
    }

    private static String focusIndicator(Control control, Scan scan, Level level) {
        Scene scene = scan.scene;
        if (scene.getFocusOwner() == control) {
            scene.getRoot().requestFocus();
        }
        control.applyCss();
        Region target = focusTarget(control);
        if (target == null) {
            return null;
        }
        Look unfocused = Look.of(target);

        control.requestFocus();
        boolean forceFocused = !control.isFocused();
        boolean forceVisible = !control.isFocusVisible();
        if (forceFocused) {
            control.pseudoClassStateChanged(FOCUSED, true);
        }
        if (forceVisible) {
            control.pseudoClassStateChanged(FOCUS_VISIBLE, true);
        }
        try {
            control.applyCss();
            scene.getRoot().layout();
            target = focusTarget(control);
            if (target == null) {
                return null;
            }
            String hidden = focusHidden(control, scene);
            if (hidden != null) {
                return hidden;
            }
            return ring(control, target, unfocused, Look.of(target), scan, level);
        } finally {
            if (forceFocused) {
                control.pseudoClassStateChanged(FOCUSED, control.isFocused());
            }
            if (forceVisible) {
                control.pseudoClassStateChanged(FOCUS_VISIBLE, control.isFocusVisible());
            }
            control.applyCss();
        }
    }

    /** The region that draws a control's focus indicator. */
    private static Region focusTarget(Control control) {
        if (control instanceof CheckBox || control instanceof RadioButton) {
            return mark(control);
        }
        if (control instanceof TabPane) {
            // (lookup ignores pseudo-classes: find the selected tab's header by its state)
            // its own tabs, not those of a tab pane inside one of its tabs (a family's file holds Élèves' tabs)
            for (Node tab : control.lookupAll(".tab")) {
                if (ancestor(tab, TabPane.class) == control && tab.getPseudoClassStates().contains(SELECTED)
                        && tab.lookup(".focus-indicator") instanceof Region indicator) {
                    return indicator;
                }
            }
            return null;
        }
        return control;
    }

    /** Off-window or clipped away: only outside scroll panes (inside, Tab scrolls; see keyboardReach). */
    private static String focusHidden(Control control, Scene scene) {
        for (Node n = control.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane) {
                return null;
            }
        }
        Bounds bounds = control.localToScene(control.getLayoutBounds());
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        if (!contains(window, bounds, 1)) {
            return "focus outside the window — " + describe(control) + " (" + box(bounds) + " in a "
                    + (int) scene.getWidth() + "×" + (int) scene.getHeight() + " scene)";
        }
        String clip = clippedBy(control, bounds);
        return clip == null ? null : "focus hidden by a clip — " + describe(control) + " (" + box(bounds) + " outside "
                + clip + ")";
    }

    /** Something drawn differently when a control has the focus: how thick, and its worst contrast. */
    private record Change(double thickness, Worst worst) {
    }

    private static String ring(Control control, Region target, Look unfocused, Look focused, Scan scan, Level level) {
        Point2D centre = centre(target.localToScene(target.getLayoutBounds()));
        List<Color> behind = behind(target, centre, scan.scene);
        double opacity = cumulativeOpacity(target);
        List<Change> changes = new ArrayList<>();
        List<BackgroundFill> fills = focused.fills().stream().filter(f -> !WcagColours.transparent(f.getFill())).toList();
        double[] unfocusedOuter = outer(painted(unfocused.fills()));
        for (int i = 0; i < fills.size(); i++) {
            BackgroundFill fill = fills.get(i);
            if (unfocused.fills().contains(fill)) {
                continue;
            }
            // what changes: a new colour (its visible band), or an old colour painted beyond the
            // old edge (only the part outside the old edge is new)
            boolean newColour = unfocused.fills().stream().noneMatch(f -> f.getFill().equals(fill.getFill()));
            double[] sides = sides(fill.getInsets());
            double thickness = Double.MAX_VALUE;
            for (int s = 0; s < 4; s++) {
                double band = band(fills, i, s, target);
                thickness = Math.min(thickness, newColour ? band : Math.min(band, unfocusedOuter[s] - sides[s]));
            }
            if (thickness > EPSILON) {
                changes.add(new Change(thickness, worst(WcagColours.colours(fill.getFill()), opacity, behind)));
            }
        }
        List<Paint> unfocusedStrokes = strokePaints(new Border(unfocused.strokes().toArray(BorderStroke[]::new)));
        for (BorderStroke stroke : focused.strokes()) {
            List<Paint> paints = strokePaints(new Border(stroke));
            if (paints.isEmpty() || unfocusedStrokes.containsAll(paints)) {
                continue;
            }
            double thickness = strokePaintsBySide(stroke) < 4 ? 0
                    : Math.min(Math.min(stroke.getWidths().getTop(), stroke.getWidths().getRight()),
                            Math.min(stroke.getWidths().getBottom(), stroke.getWidths().getLeft()));
            List<Color> colours = new ArrayList<>();
            paints.forEach(p -> colours.addAll(WcagColours.colours(p)));
            changes.add(new Change(thickness, worst(colours, opacity, behind)));
        }
        Change best = null;
        double bestScore = -1;
        for (Change change : changes) {
            if (change.thickness() >= MIN_FOCUS_THICKNESS - EPSILON && change.worst().ratio >= level.nonText() - EPSILON) {
                return null;
            }
            double score = Math.min(change.thickness() / MIN_FOCUS_THICKNESS, 1)
                    + Math.min(change.worst().ratio / level.nonText(), 1);
            if (score > bestScore) {
                bestScore = score;
                best = change;
            }
        }
        return best != null ? weakRing(control, best.thickness(), best.worst(), level)
                : "no focus indicator — " + describe(control) + " (nothing is drawn differently when it has the focus)";
    }

    /** How many sides of a stroke are drawn (a width and a visible colour). */
    private static int strokePaintsBySide(BorderStroke stroke) {
        double[] widths = {stroke.getWidths().getTop(), stroke.getWidths().getRight(), stroke.getWidths().getBottom(),
                stroke.getWidths().getLeft()};
        Paint[] sides = {stroke.getTopStroke(), stroke.getRightStroke(), stroke.getBottomStroke(), stroke.getLeftStroke()};
        int drawn = 0;
        for (int s = 0; s < 4; s++) {
            if (widths[s] > 0 && !WcagColours.transparent(sides[s])) {
                drawn++;
            }
        }
        return drawn;
    }

    private static String weakRing(Control control, double thickness, Worst worst, Level level) {
        String px = String.format(Locale.ROOT, "%.1f px", Math.floor(thickness * 10) / 10);
        String rule = thickness < MIN_FOCUS_THICKNESS - EPSILON
                ? "focus indicator " + px + " < " + (int) MIN_FOCUS_THICKNESS + " px"
                : "focus indicator " + WcagColours.ratioText(worst.ratio) + " < " + WcagColours.ratioText(level.nonText());
        return rule + " — " + describe(control) + " (" + WcagColours.hex(worst.fore) + " on " + WcagColours.hex(worst.back)
                + ", " + WcagColours.ratioText(worst.ratio) + ", " + px + ")";
    }

    // ---------------------------------------------------------------- 5. mnemonics

    private static void mnemonics(Scan scan, Set<String> findings) {
        Map<String, Set<Node>> byLetter = new TreeMap<>();
        for (Node node : scan.nodes) {
            if (!(node instanceof Labeled labeled) || blank(labeled.getText())) {
                continue;
            }
            Character letter = labeled.isMnemonicParsing() ? mnemonic(labeled.getText()) : null;
            if (letter != null) {
                byLetter.computeIfAbsent(key(letter), k -> new LinkedHashSet<>()).add(labeled);
            } else if (needsMnemonic(labeled)) {
                findings.add("no mnemonic — " + describeRaw(labeled) + " ("
                        + (labeled.isMnemonicParsing() ? "no '_' before a letter" : "mnemonicParsing is off") + ")");
            }
        }
        for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> entry : scan.scene.getMnemonics().entrySet()) {
            String letter = letterOf(entry.getKey());
            if (letter == null) {
                continue;
            }
            for (Mnemonic mnemonic : List.copyOf(entry.getValue())) {
                Node node = mnemonic.getNode();
                if (node != null && scan.shown.contains(node) && !node.isDisabled()) {
                    Node named = node instanceof Labeled ? node : scan.labelled.getOrDefault(node, null);
                    byLetter.computeIfAbsent(letter, k -> new LinkedHashSet<>()).add(named != null ? named : node);
                }
            }
        }
        for (Map.Entry<String, Set<Node>> entry : byLetter.entrySet()) {
            boolean onlyFieldLabels = entry.getValue().stream()
                    .allMatch(n -> n instanceof Label label && label.getLabelFor() != null);
            if (entry.getValue().size() > 1 && !onlyFieldLabels) {
                List<String> who = entry.getValue().stream().map(AccessibilityAudit::describeRaw).toList();
                findings.add("mnemonic Alt+" + entry.getKey() + " used " + (who.size() == 2 ? "twice" : who.size() + " times")
                        + " — " + String.join(" and ", who));
            }
        }
    }

    private static boolean needsMnemonic(Labeled labeled) {
        if (labeled.getStyleClass().contains("data-named") || labeled.getStyleClass().contains("row-action")) {
            return false;
        }
        if (labeled.getStyleClass().contains("nav-shortcut") && labeled.getTooltip() != null
                && labeled.getTooltip().getText().contains("+")) {
            // a navigation entry reached by its own Ctrl key, which its tooltip names (ADR 15)
            return false;
        }
        if (labeled instanceof Label label) {
            return label.getLabelFor() != null;
        }
        if (!(labeled instanceof Button || labeled instanceof ToggleButton || labeled instanceof CheckBox
                || labeled instanceof Hyperlink || labeled instanceof MenuButton)) {
            return false;
        }
        if (ancestor(labeled, IndexedCell.class) != null) {
            return false;
        }
        if (labeled instanceof Button button && (button.isDefaultButton() || button.isCancelButton())) {
            boolean dialog = ancestor(button, DialogPane.class) != null
                    || button.getScene() != null && button.getScene().getWindow() instanceof Stage stage && stage.getOwner() != null;
            return !dialog;
        }
        return true;
    }

    /** The mnemonic letter of a text as JavaFX parses it ("__" is a literal underscore), or null. */
    static Character mnemonic(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                char next = text.charAt(i + 1);
                if (next == '_') {
                    i++;
                } else {
                    return Character.isLetterOrDigit(next) ? next : null;
                }
            }
        }
        return null;
    }

    private static String key(char letter) {
        return String.valueOf(letter).toUpperCase(Locale.ROOT);
    }

    private static String letterOf(KeyCombination combination) {
        if (combination instanceof KeyCharacterCombination character) {
            return character.getCharacter().toUpperCase(Locale.ROOT);
        }
        if (combination instanceof KeyCodeCombination code) {
            return code.getCode().getChar().toUpperCase(Locale.ROOT);
        }
        return null;
    }

    // ---------------------------------------------------------------- keyboard reach

    /**
     * Keyboard traps and controls never reached (2.1.1, 2.1.2, 2.4.3, 2.4.11): from the first
     * control that takes the focus, Tab (then Shift+Tab) must go round and come back to it,
     * reaching every shown, enabled control that takes the focus; a focus left entirely outside
     * the window or its clip is reported. A text typed into a field by a Tab (a text area) is
     * taken back; scroll positions and the focus are restored at the end.
     */
    public static List<String> keyboardReach(Scene scene) {
        Parent root = scene.getRoot();
        if (root == null) {
            return new ArrayList<>();
        }
        Scan scan = new Scan(scene);
        List<Node> targets = new ArrayList<>();
        for (Node node : scan.nodes) {
            if (node.isFocusTraversable() && !node.isDisabled() && !insideComposite(node)) {
                targets.add(node);
            }
        }
        Set<String> findings = new LinkedHashSet<>();
        if (!targets.isEmpty()) {
            Node original = scene.getFocusOwner();
            Map<ScrollPane, double[]> scrolls = new LinkedHashMap<>();
            for (Node node : scan.nodes) {
                if (node instanceof ScrollPane pane) {
                    scrolls.put(pane, new double[] {pane.getHvalue(), pane.getVvalue()});
                }
            }
            walk(scene, targets, false, findings);
            walk(scene, targets, true, findings);
            scrolls.forEach((pane, values) -> {
                pane.setHvalue(values[0]);
                pane.setVvalue(values[1]);
            });
            if (original != null && original.getScene() == scene) {
                original.requestFocus();
            }
            root.applyCss();
            root.layout();
        }
        return titled(scene, findings);
    }

    private static void walk(Scene scene, List<Node> targets, boolean backwards, Set<String> findings) {
        String key = backwards ? "Shift+Tab" : "Tab";
        targets.get(0).requestFocus();
        scene.getRoot().layout();
        Node start = scene.getFocusOwner() != null ? scene.getFocusOwner() : targets.get(0);
        Set<Node> reached = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> order = new ArrayList<>();
        reach(scene.getFocusOwner(), reached);
        order.add(scene.getFocusOwner());
        boolean round = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            Node before = scene.getFocusOwner();
            if (before == null) {
                findings.add("keyboard trap — " + key + " lost the focus after " + describe(order.get(order.size() - 1)));
                return;
            }
            press(scene, before, KeyCode.TAB, backwards, false);
            Node after = scene.getFocusOwner();
            if (after == before && before instanceof TextArea) {
                // JavaFX's text areas take Tab as a character; Ctrl+Tab leaves them
                findings.add("keyboard trap — " + key + " stays in " + describe(before) + " (only Ctrl+" + key
                        + " leaves it)");
                press(scene, before, KeyCode.TAB, backwards, true);
                after = scene.getFocusOwner();
            }
            if (after == start) {
                round = true;
                break;
            }
            if (after == null || after == before) {
                findings.add("keyboard trap — " + key + " stays on " + describe(before));
                return;
            }
            int seen = order.indexOf(after);
            if (seen >= 0) {
                List<String> loop = order.subList(seen, order.size()).stream().map(AccessibilityAudit::describe).toList();
                findings.add("keyboard trap — " + key + " cycles among " + String.join(", ", loop)
                        + " without coming back to " + describe(start));
                return;
            }
            order.add(after);
            reach(after, reached);
            scene.getRoot().layout();
            String hidden = hiddenFocus(after, scene);
            if (hidden != null) {
                findings.add("focus hidden after " + key + " — " + describe(after) + " (" + hidden + ")");
            }
        }
        if (!round) {
            findings.add("keyboard trap — " + key + " did not come back to " + describe(start) + " after " + MAX_STEPS
                    + " steps");
            return;
        }
        for (Node target : targets) {
            if (!reached.contains(target)) {
                findings.add("not reachable with " + key + " — " + describe(target));
            }
        }
    }

    private static void reach(Node node, Set<Node> reached) {
        for (Node n = node; n != null; n = n.getParent()) {
            reached.add(n);
        }
    }

    private static void press(Scene scene, Node target, KeyCode code, boolean shift, boolean control) {
        String text = target instanceof TextInputControl field ? field.getText() : null;
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, false, false));
        Node now = scene.getFocusOwner() != null ? scene.getFocusOwner() : target;
        Event.fireEvent(now, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, shift, control, false, false));
        if (text != null && !text.equals(((TextInputControl) target).getText())) {
            ((TextInputControl) target).setText(text);
        }
    }

    /** Why a focused node cannot be seen at all, or null when some of it can. */
    private static String hiddenFocus(Node node, Scene scene) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        if (!window.intersects(bounds)) {
            return "at " + box(bounds) + ", outside the " + (int) scene.getWidth() + "×" + (int) scene.getHeight() + " window";
        }
        String clip = clippedBy(node, bounds);
        return clip == null ? null : "at " + box(bounds) + ", outside " + clip;
    }

    // ---------------------------------------------------------------- helpers

    /** The first clipping ancestor whose clip leaves nothing of {@code bounds} (scene), described; else null. */
    private static String clippedBy(Node node, Bounds bounds) {
        for (Node n = node; n != null; n = n.getParent()) {
            Node clip = n.getClip();
            if (clip != null && !n.localToScene(clip.getBoundsInParent()).intersects(bounds)) {
                return "the clip of " + describe(n);
            }
        }
        return null;
    }

    /** Whether {@code point} (scene) lies outside the clip of {@code node} or of an ancestor. */
    private static boolean clippedAway(Node node, Point2D point) {
        for (Node n = node; n != null; n = n.getParent()) {
            Node clip = n.getClip();
            if (clip != null && !n.localToScene(clip.getBoundsInParent()).contains(point)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inScene(Scene scene, Point2D point) {
        return point.getX() >= 0 && point.getY() >= 0 && point.getX() <= scene.getWidth() && point.getY() <= scene.getHeight();
    }

    private static boolean contains(Bounds outer, Bounds inner, double tolerance) {
        return inner.getMinX() >= outer.getMinX() - tolerance && inner.getMinY() >= outer.getMinY() - tolerance
                && inner.getMaxX() <= outer.getMaxX() + tolerance && inner.getMaxY() <= outer.getMaxY() + tolerance;
    }

    private static Point2D centre(Bounds bounds) {
        return new Point2D(bounds.getMinX() + bounds.getWidth() / 2, bounds.getMinY() + bounds.getHeight() / 2);
    }

    private static String box(Bounds bounds) {
        return String.format(Locale.ROOT, "%.0f,%.0f %.0f×%.0f", bounds.getMinX(), bounds.getMinY(), bounds.getWidth(),
                bounds.getHeight());
    }

    private static double cumulativeOpacity(Node node) {
        double opacity = 1;
        for (Node n = node; n != null; n = n.getParent()) {
            opacity *= n.getOpacity();
        }
        return opacity;
    }

    /** Inside a combo box, date picker or spinner: its editor and buttons, named and focused through it. */
    private static boolean insideComposite(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase || n instanceof Spinner) {
                return true;
            }
        }
        return false;
    }

    private static <T> T ancestor(Node node, Class<T> type) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return type.cast(n);
            }
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String withoutMnemonic(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || !labeled.isMnemonicParsing()) {
            return text;
        }
        return text.replace("__", "\u0000").replace("_", "").replace("\u0000", "_");
    }

    private static String windowName(Scene scene) {
        Window window = scene.getWindow();
        if (window instanceof Stage stage && !blank(stage.getTitle())) {
            return stage.getTitle();
        }
        Parent root = scene.getRoot();
        return root != null && root.getId() != null ? "#" + root.getId() : typeName(root);
    }

    /** "Class#id 'text'" (text without mnemonic marker), with "in Parent#id" when the node has no id. */
    static String describe(Node node) {
        return describe(node, false);
    }

    private static String describeRaw(Node node) {
        return describe(node, true);
    }

    private static String describe(Node node, boolean raw) {
        if (node == null) {
            return "nothing";
        }
        IndexedCell<?> cell = node instanceof IndexedCell<?> c ? c : ancestor(node, IndexedCell.class);
        if (cell != null && node != cell.getGraphic()) {
            return cellName(cell);
        }
        StringBuilder name = new StringBuilder(typeName(node));
        if (node.getId() != null) {
            name.append('#').append(node.getId());
        }
        if (node instanceof Labeled labeled && !blank(labeled.getText())) {
            name.append(" '").append(shorten(raw ? labeled.getText() : withoutMnemonic(labeled))).append('\'');
        } else if (!blank(node.getAccessibleText())) {
            name.append(" [").append(shorten(node.getAccessibleText())).append(']');
        }
        if (node.getId() == null) {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n.getId() != null) {
                    name.append(" in ").append(typeName(n)).append('#').append(n.getId());
                    break;
                }
            }
        }
        return name.toString();
    }

    /** A cell by its column and table (the same line for every row, so a table reports once). */
    private static String cellName(IndexedCell<?> cell) {
        String column = null;
        if (cell instanceof TableCell<?, ?> tableCell && tableCell.getTableColumn() != null) {
            column = tableCell.getTableColumn().getText();
        } else if (cell instanceof TreeTableCell<?, ?> treeCell && treeCell.getTableColumn() != null) {
            column = treeCell.getTableColumn().getText();
        }
        Node owner = ancestor(cell, Control.class);
        while (owner instanceof IndexedCell<?>) {
            owner = ancestor(owner, Control.class);
        }
        return typeName(cell) + (column != null ? " (column '" + column + "')" : "")
                + (owner != null ? " in " + describe(owner) : "");
    }

    private static String describeText(Text text) {
        Control owner = text.getParent() == null ? null : ancestor(text, Control.class);
        if (owner == null) {
            return "Text '" + shorten(text.getText()) + "'";
        }
        if (owner instanceof IndexedCell<?> || ancestor(owner, IndexedCell.class) != null) {
            return describe(owner);
        }
        if (owner instanceof Labeled) {
            return describe(owner);
        }
        String what = owner instanceof TextInputControl field && blank(field.getText())
                && text.getText().equals(field.getPromptText()) ? "prompt" : "text";
        return describe(owner) + " " + what + " '" + shorten(text.getText()) + "'";
    }

    private static String typeName(Node node) {
        if (node == null) {
            return "null";
        }
        Class<?> type = node.getClass();
        while (type.getSimpleName().isEmpty()) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 60 ? line : line.substring(0, 57) + "…";
    }
}
