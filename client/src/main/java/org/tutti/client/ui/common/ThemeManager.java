package org.tutti.client.ui.common;

import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Applies the application stylesheet and root font size to every window as it opens (including
 * dialogs), like JabRef's ThemeManager. Sizes in the stylesheet are in em, so the font size
 * scales the whole interface.
 *
 * <p>{@link #setTheme(Theme)} switches every open window at once; the high-contrast theme of
 * the accessibility mode will be a second stylesheet.
 */
public final class ThemeManager {

    /** The stylesheets; each is a resource next to the bundle. */
    public enum Theme {
        STANDARD("/org/tutti/client/ui/tutti.css");

        private final String resource;

        Theme(String resource) {
            this.resource = resource;
        }

        public String stylesheet() {
            URL url = Objects.requireNonNull(ThemeManager.class.getResource(resource), resource);
            return url.toExternalForm();
        }
    }

    private static final ThemeManager INSTANCE = new ThemeManager();

    private Theme theme = Theme.STANDARD;
    private double fontSizePt = 11;
    private boolean installed;

    private ThemeManager() {
    }

    public static ThemeManager get() {
        return INSTANCE;
    }

    /** Starts watching windows; call once on the JavaFX thread before the first window is shown. */
    public void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    watch(window);
                }
            }
        });
        Window.getWindows().forEach(this::watch);
    }

    private void watch(Window window) {
        apply(window.getScene());
        window.sceneProperty().addListener((obs, old, scene) -> apply(scene));
    }

    /** Styles one scene now (also used for scenes built before their window opens). */
    public void apply(Scene scene) {
        if (scene == null) {
            return;
        }
        String sheet = theme.stylesheet();
        scene.getStylesheets().removeIf(s -> isOurs(s) && !s.equals(sheet));
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
        Parent root = scene.getRoot();
        if (root != null) {
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpt;", fontSizePt));
        }
    }

    private static boolean isOurs(String stylesheet) {
        for (Theme t : Theme.values()) {
            if (t.stylesheet().equals(stylesheet)) {
                return true;
            }
        }
        return false;
    }

    public Theme theme() {
        return theme;
    }

    /** Switches the stylesheet of every open window. */
    public void setTheme(Theme theme) {
        this.theme = Objects.requireNonNull(theme);
        reapply();
    }

    /** Sets the root font size (points) of every open window; everything else follows in em. */
    public void setFontSize(double points) {
        this.fontSizePt = points;
        reapply();
    }

    /** One em of the root font in pixels, for sizes set in code (column widths). */
    public double emInPixels() {
        return fontSizePt * 96 / 72;
    }

    private void reapply() {
        Window.getWindows().forEach(w -> apply(w.getScene()));
    }
}
