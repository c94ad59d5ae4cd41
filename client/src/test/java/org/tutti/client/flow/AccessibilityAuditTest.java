package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.audit.AccessibilityAudit;
import org.tutti.client.ui.audit.AccessibilityAudit.Level;
import org.tutti.client.ui.common.ThemeManager;

/**
 * The accessibility audit of every screen, tab, window and dialog of the demo ({@link ScreenTour}),
 * as a family (F0001) and as the front desk (ACCUEIL), in three settings switched in place at
 * each stop: the mode off (WCAG AA), the mode on with its light and its dark high contrast (text
 * 7:1). In each: {@link AccessibilityAudit#inShowingWindows} (accessible names, contrasts, focus
 * ring) and {@link AccessibilityAudit#keyboardReach} of the window that has the focus. One failure
 * lists every finding, with its stop and its setting.
 */
class AccessibilityAuditTest extends FamilyScreens {

    private final TourFindings findings = new TourFindings();

    /** The level of the setting applied now. */
    private Level level = Level.AA;

    /** The display settings are the application's, for the whole JVM: back to the default. */
    @AfterEach
    void modeOff() {
        interact(() -> {
            ThemeManager.get().accessibleProperty().set(false);
            ThemeManager.get().contrastProperty().set(ThemeManager.Contrast.LIGHT);
            ThemeManager.get().textSizeProperty().set(100);
        });
    }

    @Test
    void everyScreenOfTheFamilyPassesTheAuditInBothModes() throws Exception {
        ScreenTour tour = new ScreenTour(this, settings(), this::audit);
        tour.family();
        System.out.println("AccessibilityAuditTest: family tour, " + tour.summary());
        assertThat(findings.distinct()).as("accessibility findings").isEmpty();
    }

    @Test
    void everyScreenOfTheFrontDeskPassesTheAuditInBothModes() throws Exception {
        ScreenTour tour = new ScreenTour(this, settings(), this::audit);
        tour.frontDesk();
        System.out.println("AccessibilityAuditTest: front desk tour, " + tour.summary());
        assertThat(findings.distinct()).as("accessibility findings").isEmpty();
    }

    /** Mode off (AA, 100 %), then on (7:1, the mode's 125 %) in its light and dark variants. */
    private List<ScreenTour.Setting> settings() {
        return List.of(
                new ScreenTour.Setting("mode normal (AA)", () -> display(false, ThemeManager.Contrast.LIGHT)),
                new ScreenTour.Setting("contraste élevé clair", () -> display(true, ThemeManager.Contrast.LIGHT)),
                new ScreenTour.Setting("contraste élevé sombre", () -> display(true, ThemeManager.Contrast.DARK)));
    }

    private void display(boolean accessible, ThemeManager.Contrast contrast) {
        ThemeManager theme = ThemeManager.get();
        theme.contrastProperty().set(contrast);
        theme.accessibleProperty().set(accessible);
        theme.textSizeProperty().set(accessible ? 125 : 100);
        level = accessible ? Level.AAA_HIGH_CONTRAST : Level.AA;
    }

    /** Audits the windows shown now; the keyboard in the one that has the focus. */
    private void audit(String where) throws Exception {
        Level now = level;
        List<String> found = WaitForAsyncUtils.asyncFx(() -> {
            List<String> all = new ArrayList<>(AccessibilityAudit.inShowingWindows(now));
            Scene focused = focusedScene();
            if (focused != null) {
                all.addAll(AccessibilityAudit.keyboardReach(focused));
            }
            return all;
        }).get();
        findings.addAll(where, found);
    }

    /**
     * The scene of the window that has the focus; if none says so (headless), the window opened
     * last (a dialog above its owner). Call on the FX thread.
     */
    private static Scene focusedScene() {
        Window last = null;
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null && window instanceof Stage) {
                if (window.isFocused()) {
                    return window.getScene();
                }
                last = window;
            }
        }
        return last == null ? null : last.getScene();
    }
}
