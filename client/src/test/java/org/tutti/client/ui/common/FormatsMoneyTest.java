package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.French;

/** Amounts as a French reader writes them ("1 234,56 €", "−50,00 €"), and with the English bundle. */
class FormatsMoneyTest {

    @AfterEach
    void french() {
        French.use();
    }

    @Test
    void amountsReadTheFrenchWay() {
        French.use();
        // a narrow no-break space between thousands (the locale's), a no-break space before €
        assertThat(Formats.money(new BigDecimal("1234.56"))).isEqualTo("1\u202f234,56\u00a0€");
        assertThat(Formats.money(new BigDecimal("420"))).isEqualTo("420,00\u00a0€");
        assertThat(Formats.money(new BigDecimal("0.00"))).isEqualTo("0,00\u00a0€");
        assertThat(Formats.money(new BigDecimal("1234567.5"))).isEqualTo("1\u202f234\u202f567,50\u00a0€");
        // a minus sign, not a hyphen; and no "−0,00 €"
        assertThat(Formats.money(new BigDecimal("-50"))).isEqualTo("\u221250,00\u00a0€");
        assertThat(Formats.money(new BigDecimal("-0.001"))).isEqualTo("0,00\u00a0€");
    }

    @Test
    void theEnglishBundleWritesItsOwnWay() {
        System.setProperty(I18n.LOCALE_PROPERTY, "en");
        I18n.reload();
        assertThat(Formats.money(new BigDecimal("1234.56"))).isEqualTo("€1,234.56");
        assertThat(Formats.money(new BigDecimal("-50"))).isEqualTo("\u2212€50.00");
    }
}
