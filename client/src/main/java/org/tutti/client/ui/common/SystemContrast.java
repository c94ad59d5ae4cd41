package org.tutti.client.ui.common;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's high-contrast setting, for the first start: on Windows, JavaFX's
 * toolkit knows the high-contrast theme in use (the one it gives Modena); elsewhere, and where
 * that internal call is not reachable, nothing is detected and Tutti starts in its normal theme.
 */
public final class SystemContrast {

    private static final Logger LOG = LoggerFactory.getLogger(SystemContrast.class);

    private SystemContrast() {
    }

    /** The variant matching the system's high-contrast theme, or empty when it is off or unknown. Call on the FX thread. */
    public static Optional<ThemeManager.Contrast> detect() {
        try {
            Class<?> toolkit = Class.forName("com.sun.javafx.tk.Toolkit");
            Object instance = toolkit.getMethod("getToolkit").invoke(null);
            Object name = toolkit.getMethod("getThemeName").invoke(instance);
            return fromThemeName(name == null ? null : name.toString());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("System high-contrast setting not readable", e);
            return Optional.empty();
        }
    }

    /**
     * Windows' high-contrast theme names: "High Contrast Black", "High Contrast #1" and "#2",
     * and Windows 11's "Aquatic", "Dusk" and "Night sky" are dark; "High Contrast White" and
     * "Desert" are light; none (null or blank) means the setting is off.
     */
    static Optional<ThemeManager.Contrast> fromThemeName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String theme = name.toLowerCase(Locale.ROOT);
        boolean light = theme.contains("white") || theme.contains("desert");
        return Optional.of(light ? ThemeManager.Contrast.LIGHT : ThemeManager.Contrast.DARK);
    }
}
