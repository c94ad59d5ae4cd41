package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.CutTexts;
import org.tutti.client.ui.common.ThemeManager;

/**
 * Every screen, table, window and dialog of the demo ({@link ScreenTour}), as a family (F0001)
 * and as the front desk (ACCUEIL), at the window's default size (and, for the family's courses
 * and Accueil, at full width): no label, title, column title, cell or button shows less than its
 * text ("Formation m…", "Quitter la ..."). At 100 % text, and at 200 % with the accessibility
 * mode off and on (WCAG 1.4.4, 1.4.10), where a data table may scroll sideways (1.4.10 exempts
 * two-dimensional tables) but its cells must still be whole.
 */
class TextFitTest extends FamilyScreens {

    private static final int LARGEST = 200;

    private final TourFindings cut = new TourFindings();

    /** At 200 % text a table may scroll sideways. */
    private boolean tablesMayScroll;

    /**
     * The primary stage is shared by the tests of this JVM and keeps the size the last one left;
     * the application only grows it to its default. Smaller than that first, so that the main
     * window opens at its default size.
     */
    @BeforeEach
    void defaultSize() throws Exception {
        Stage shared = FxToolkit.registerPrimaryStage();
        interact(() -> {
            shared.setWidth(640);
            shared.setHeight(600);
        });
    }

    /** The display settings are the application's, for the whole JVM: back to the default. */
    @AfterEach
    void defaultDisplay() {
        interact(() -> {
            ThemeManager.get().accessibleProperty().set(false);
            ThemeManager.get().textSizeProperty().set(100);
        });
    }

    @Test
    void theFamilysScreensShowTheirWholeTexts() throws Exception {
        ScreenTour tour = new ScreenTour(this, settings(), this::check).alsoAtFullWidth();
        tour.family();
        System.out.println("TextFitTest: family tour, " + tour.summary());
        assertThat(cut.distinct()).as("texts shown cut short").isEmpty();
    }

    @Test
    void theFrontDesksScreensShowTheirWholeTexts() throws Exception {
        ScreenTour tour = new ScreenTour(this, settings(), this::check);
        tour.frontDesk();
        System.out.println("TextFitTest: front desk tour, " + tour.summary());
        assertThat(cut.distinct()).as("texts shown cut short").isEmpty();
    }

    /** 100 %, then 200 % with the mode off, then on (its light high contrast). */
    private List<ScreenTour.Setting> settings() {
        return List.of(
                new ScreenTour.Setting("100 %", () -> display(false, 100)),
                new ScreenTour.Setting(LARGEST + " %", () -> display(false, LARGEST)),
                new ScreenTour.Setting(LARGEST + " %, mode accessibilité", () -> display(true, LARGEST)));
    }

    private void display(boolean accessible, int textSize) {
        ThemeManager theme = ThemeManager.get();
        theme.accessibleProperty().set(accessible);
        theme.contrastProperty().set(ThemeManager.Contrast.LIGHT);
        theme.textSizeProperty().set(textSize);
        tablesMayScroll = textSize > 100;
    }

    /** Notes every cut text in the windows shown now. */
    private void check(String where) throws Exception {
        boolean scrolling = tablesMayScroll;
        List<String> found = WaitForAsyncUtils.asyncFx(() -> CutTexts.inShowingWindows(scrolling)).get();
        cut.addAll(where, found);
    }
}
