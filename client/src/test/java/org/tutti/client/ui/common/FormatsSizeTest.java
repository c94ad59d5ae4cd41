package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.French;

/** File sizes as a French reader writes them: 2 Mo, 1,4 Mo, 350 Ko. */
class FormatsSizeTest {

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void sizesReadTheFrenchWay() {
        assertThat(Formats.size(2L * 1024 * 1024)).isEqualTo("2 Mo");
        assertThat(Formats.size(1_468_006)).isEqualTo("1,4 Mo");
        assertThat(Formats.size(350 * 1024)).isEqualTo("350 Ko");
        assertThat(Formats.size(1)).isEqualTo("1 octet");
        assertThat(Formats.size(512)).isEqualTo("512 octets");
        assertThat(Formats.size(1023 * 1024 + 1000)).isEqualTo("1 Mo");
    }

    @Test
    void aSizeOverALimitNeverReadsAsTheLimit() {
        assertThat(Formats.sizeRoundedUp(2L * 1024 * 1024 + 1)).isEqualTo("2,1 Mo");
        assertThat(Formats.size(2L * 1024 * 1024 + 1)).isEqualTo("2 Mo");
    }
}
