package org.tutti.client.ui.audit;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * An accessibility audit of live JavaFX scenes (API first; the rules are being filled in).
 * Call on the FX thread after {@code root.applyCss(); root.layout();}.
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

    private AccessibilityAudit() {
    }

    /** Findings in every showing window (stages and dialogs; popups are skipped). */
    public static List<String> inShowingWindows(Level level) {
        List<String> findings = new ArrayList<>();
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null && window instanceof Stage) {
                findings.addAll(check(window.getScene(), level));
            }
        }
        return findings;
    }

    /** Findings in one scene, each "window title: rule — node — figures". */
    public static List<String> check(Scene scene, Level level) {
        return new ArrayList<>();
    }

    /** Keyboard traps and controls never reached with Tab and Shift+Tab. */
    public static List<String> keyboardReach(Scene scene) {
        return new ArrayList<>();
    }
}
