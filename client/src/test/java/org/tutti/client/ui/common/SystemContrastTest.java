package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Windows' high-contrast theme names, read as the variant the first start uses. */
class SystemContrastTest {

    @Test
    void offWhenNoThemeIsNamed() {
        assertThat(SystemContrast.fromThemeName(null)).isEmpty();
        assertThat(SystemContrast.fromThemeName(" ")).isEmpty();
    }

    @Test
    void whiteThemesAreLightAndTheOthersDark() {
        assertThat(SystemContrast.fromThemeName("High Contrast White")).contains(ThemeManager.Contrast.LIGHT);
        assertThat(SystemContrast.fromThemeName("Desert")).contains(ThemeManager.Contrast.LIGHT);
        assertThat(SystemContrast.fromThemeName("High Contrast Black")).contains(ThemeManager.Contrast.DARK);
        assertThat(SystemContrast.fromThemeName("High Contrast #1")).contains(ThemeManager.Contrast.DARK);
        assertThat(SystemContrast.fromThemeName("Night sky")).contains(ThemeManager.Contrast.DARK);
    }
}
