package org.tutti.client.ui.common;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Applies the stylesheets, the accessibility mode and the text size to every window as it opens
 * (including dialogs), like JabRef's ThemeManager, and again to every open window when one of
 * them changes: nothing needs a restart. Sizes in the stylesheets are in em, so the root font
 * size scales the whole interface.
 *
 * <p>While the accessibility mode is on, every scene also has {@code accessible.css} (the
 * high-contrast theme), its root carries the style classes {@code accessible} and
 * {@code contrast-light} or {@code contrast-dark}, and mnemonics stay underlined. The text size
 * works in both modes; switching the mode on raises it to 125 % if it was at 100 %. F1 in any
 * window opens the shortcuts window.
 */
public final class ThemeManager {

    /** The high-contrast variant used while the accessibility mode is on. */
    public enum Contrast {
        LIGHT("contrast-light"), DARK("contrast-dark");

        private final String styleClass;

        Contrast(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    /** The text sizes offered, in percent of the normal size. */
    public static final List<Integer> TEXT_SIZES = List.of(100, 125, 150, 175, 200);
    public static final String ACCESSIBLE_CLASS = "accessible";
    /** The normal size: 11 pt, everything else in em. */
    private static final double BASE_FONT_PT = 11;
    private static final int MODE_MINIMUM_SIZE = 125;
    private static final String STANDARD_SHEET = "/org/tutti/client/ui/tutti.css";
    private static final String ACCESSIBLE_SHEET = "/org/tutti/client/ui/accessible.css";
    private static final KeyCombination HELP_KEY = Actions.SHORTCUTS_HELP.keyCombination();

    private static final ThemeManager INSTANCE = new ThemeManager();

    private final BooleanProperty accessible = new SimpleBooleanProperty(this, "accessible");
    private final ObjectProperty<Contrast> contrast = new SimpleObjectProperty<>(this, "contrast", Contrast.LIGHT);
    private final IntegerProperty textSize = new SimpleIntegerProperty(this, "textSize", 100);
    private final String standardSheet = resource(STANDARD_SHEET);
    private final String accessibleSheet = resource(ACCESSIBLE_SHEET);
    private ListChangeListener<Window> windowWatcher;
    private final java.util.Map<Window, javafx.beans.value.ChangeListener<Scene>> sceneWatchers = new java.util.WeakHashMap<>();

    private ThemeManager() {
        accessible.addListener((obs, was, on) -> {
            if (on && textSize.get() < MODE_MINIMUM_SIZE) {
                textSize.set(MODE_MINIMUM_SIZE);
            }
            reapply();
        });
        contrast.addListener((obs, old, now) -> {
            if (now == null) {
                contrast.set(Contrast.LIGHT);
            } else {
                reapply();
            }
        });
        textSize.addListener((obs, old, now) -> reapply());
    }

    public static ThemeManager get() {
        return INSTANCE;
    }

    private static String resource(String name) {
        URL url = Objects.requireNonNull(ThemeManager.class.getResource(name), name);
        return url.toExternalForm();
    }

    /** Starts watching windows; call once on the JavaFX thread before the first window is shown. */
    public void install() {
        if (windowWatcher != null) {
            return;
        }
        windowWatcher = change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    watch(window);
                }
            }
        };
        Window.getWindows().addListener(windowWatcher);
        Window.getWindows().forEach(this::watch);
    }

    /** Stops styling windows as they open (the application stopped; tests start others in the same JVM). */
    public void uninstall() {
        if (windowWatcher != null) {
            Window.getWindows().removeListener(windowWatcher);
            windowWatcher = null;
        }
        sceneWatchers.forEach((window, watcher) -> window.sceneProperty().removeListener(watcher));
        sceneWatchers.clear();
    }

    private void watch(Window window) {
        apply(window.getScene());
        if (!sceneWatchers.containsKey(window)) {
            javafx.beans.value.ChangeListener<Scene> watcher = (obs, old, scene) -> apply(scene);
            sceneWatchers.put(window, watcher);
            window.sceneProperty().addListener(watcher);
        }
    }

    /** The accessibility mode (high contrast, larger text, underlined mnemonics). */
    public BooleanProperty accessibleProperty() {
        return accessible;
    }

    /** The high-contrast variant, light or dark, used while the mode is on. */
    public ObjectProperty<Contrast> contrastProperty() {
        return contrast;
    }

    /** The text size in percent of the normal size (one of {@link #TEXT_SIZES}); both modes. */
    public IntegerProperty textSizeProperty() {
        return textSize;
    }

    /**
     * Runs {@code action} now and again whenever the text size or the mode changes, for sizes a
     * view computes in code from {@link #emInPixels()}; the theme holds it weakly, for as long
     * as {@code owner} lives.
     */
    public void whileShown(javafx.scene.Node owner, Runnable action) {
        javafx.beans.value.ChangeListener<Object> listener = (obs, old, now) -> action.run();
        owner.getProperties().put(new Object(), listener);
        textSize.addListener(new javafx.beans.value.WeakChangeListener<>(listener));
        accessible.addListener(new javafx.beans.value.WeakChangeListener<>(listener));
        action.run();
    }

    /** Styles one scene now (also used for scenes built before their window opens). */
    public void apply(Scene scene) {
        if (scene == null) {
            return;
        }
        if (scene.getProperties().putIfAbsent(ThemeManager.class, Boolean.TRUE) == null) {
            // a dialog may replace its root (DialogPane) after the window has opened
            scene.rootProperty().addListener((obs, old, root) -> apply(scene));
            if (!(scene.getWindow() instanceof PopupWindow)) {
                scene.getAccelerators().putIfAbsent(HELP_KEY, () -> ShortcutsHelp.show(scene.getWindow()));
            }
        }
        List<String> sheets = new ArrayList<>(List.of(standardSheet));
        if (accessible.get()) {
            sheets.add(accessibleSheet);
        }
        scene.getStylesheets().removeIf(s -> (s.equals(standardSheet) || s.equals(accessibleSheet)) && !sheets.contains(s));
        for (String sheet : sheets) {
            if (!scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            }
        }
        Parent root = scene.getRoot();
        if (root != null) {
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpt;", fontSizePt()));
            javafx.collections.ObservableList<String> classes = root.getStyleClass();
            List<String> wanted = accessible.get() ? List.of(ACCESSIBLE_CLASS, contrast.get().styleClass()) : List.of();
            for (String themeClass : List.of(ACCESSIBLE_CLASS, Contrast.LIGHT.styleClass(), Contrast.DARK.styleClass())) {
                if (wanted.contains(themeClass) && !classes.contains(themeClass)) {
                    classes.add(themeClass);
                } else if (!wanted.contains(themeClass)) {
                    classes.remove(themeClass);
                }
            }
        }
        MnemonicUnderlines.keepShown(scene, accessible.get());
    }

    private double fontSizePt() {
        return BASE_FONT_PT * textSize.get() / 100.0;
    }

    /** One em of the root font in pixels, for sizes set in code (column widths). */
    public double emInPixels() {
        return fontSizePt() * 96 / 72;
    }

    private void reapply() {
        List.copyOf(Window.getWindows()).forEach(w -> apply(w.getScene()));
    }
}
