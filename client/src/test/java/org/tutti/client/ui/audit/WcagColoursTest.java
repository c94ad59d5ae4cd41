package org.tutti.client.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.junit.jupiter.api.Test;

/** The colour arithmetic against WCAG's published figures. */
class WcagColoursTest {

    @Test
    void blackOnWhiteIs21To1AndAColourAgainstItselfIs1To1() {
        assertThat(WcagColours.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(1e-9));
        assertThat(WcagColours.ratio(Color.WHITE, Color.BLACK)).isCloseTo(21.0, within(1e-9));
        assertThat(WcagColours.ratio(Color.web("#777777"), Color.web("#777777"))).isCloseTo(1.0, within(1e-9));
        assertThat(WcagColours.luminance(Color.WHITE)).isCloseTo(1.0, within(1e-9));
        assertThat(WcagColours.luminance(Color.BLACK)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void theGreysWcagQuotesAtTheThresholds() {
        // #767676 is the lightest grey that passes 4.5:1 on white; #949494 passes 3:1
        assertThat(WcagColours.ratio(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.01));
        assertThat(WcagColours.ratio(Color.web("#777777"), Color.WHITE)).isLessThan(4.5);
        assertThat(WcagColours.ratio(Color.web("#949494"), Color.WHITE)).isCloseTo(3.03, within(0.01));
        assertThat(WcagColours.ratio(Color.web("#959595"), Color.WHITE)).isLessThan(3.0);
        // a primary colour: pure red on white is 4.0:1
        assertThat(WcagColours.ratio(Color.RED, Color.WHITE)).isCloseTo(4.0, within(0.01));
    }

    @Test
    void halfTransparentBlackOverWhiteIsMidGreyAndAnOpaqueTopHidesWhatIsBelow() {
        Color grey = WcagColours.composite(Color.color(0, 0, 0, 0.5), Color.WHITE);
        assertThat(grey.getRed()).isCloseTo(0.5, within(1e-9));
        assertThat(grey.getOpacity()).isCloseTo(1.0, within(1e-9));
        assertThat(WcagColours.composite(Color.NAVY, Color.WHITE)).isEqualTo(Color.NAVY);
        assertThat(WcagColours.composite(Color.TRANSPARENT, Color.WHITE)).isEqualTo(Color.WHITE);
        assertThat(WcagColours.fade(Color.BLACK, 0.25).getOpacity()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void aGradientShowsEachOfItsStopsAndAnImageNothing() {
        LinearGradient gradient = new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.WHITE), new Stop(1, Color.web("#333333")));
        assertThat(WcagColours.colours(gradient)).containsExactly(Color.WHITE, Color.web("#333333"));
        assertThat(WcagColours.colours(null)).isEmpty();
        assertThat(WcagColours.transparent(Color.TRANSPARENT)).isTrue();
        assertThat(WcagColours.transparent(null)).isTrue();
        assertThat(WcagColours.transparent(Color.color(0, 0, 0, 0.1))).isFalse();
        assertThat(WcagColours.colours(Color.RED)).isEqualTo(List.of(Color.RED));
    }

    @Test
    void figuresReadAsAUserWouldQuoteThem() {
        assertThat(WcagColours.hex(Color.web("#0B5CAD"))).isEqualTo("#0b5cad");
        assertThat(WcagColours.hex(Color.color(1, 1, 1, 0.5))).isEqualTo("#ffffff80");
        assertThat(WcagColours.ratioText(21)).isEqualTo("21:1");
        assertThat(WcagColours.ratioText(3.1)).isEqualTo("3.1:1");
        assertThat(WcagColours.ratioText(4.4999)).as("never rounded up to the threshold").isEqualTo("4.49:1");
    }
}
