package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.client.ui.French;

class AmountsTest {

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void frenchInputIsReadToTheCent() {
        assertThat(Amounts.parse("1 234,5")).contains(new BigDecimal("1234.50"));
        assertThat(Amounts.parse("12.50")).contains(new BigDecimal("12.50"));
        assertThat(Amounts.parse("12,50 €")).contains(new BigDecimal("12.50"));
        assertThat(Amounts.parse(" 420 ")).contains(new BigDecimal("420.00"));
        assertThat(Amounts.parse("1\u202f234,56\u00a0€")).as("as the app writes it").contains(new BigDecimal("1234.56"));
        assertThat(Amounts.parse("0")).contains(new BigDecimal("0.00"));
        assertThat(Amounts.parse("12,5").orElseThrow().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "12,345", "1.234,50", "-5", "12,50 $", "1 23", "12,", "€", "1e3", "0x10"})
    void anythingElseIsRefused(String text) {
        assertThat(Amounts.parse(text)).isEqualTo(Optional.empty());
    }

    @Test
    void amountsAreWrittenTheFrenchWay() {
        assertThat(org.tutti.client.ui.common.Formats.money(new BigDecimal("1234.5"))).isEqualTo("1\u202f234,50\u00a0€");
        assertThat(Amounts.input(new BigDecimal("1234.5"))).isEqualTo("1234,50");
        assertThat(Amounts.parse(org.tutti.client.ui.common.Formats.money(new BigDecimal("98765.43")))).contains(new BigDecimal("98765.43"));
    }
}
