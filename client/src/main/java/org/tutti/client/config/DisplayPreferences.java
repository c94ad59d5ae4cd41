package org.tutti.client.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this person wants Tutti shown on this computer: the accessibility mode, its high-contrast
 * variant and the text size. Kept in {@code display.properties} in the user's data folder (one
 * per operating-system account), read at start before the login window, written on each change.
 *
 * <p>A missing file means a first start (the caller may follow the system's high-contrast
 * setting); an unreadable or damaged file is logged and read as the defaults: a display
 * preference never stops Tutti from starting.
 */
public record DisplayPreferences(boolean accessible, Contrast contrast, int textSizePercent) {

    /** The high-contrast variant used while the accessibility mode is on. */
    public enum Contrast {
        LIGHT, DARK
    }

    public static final String FILE_NAME = "display.properties";
    /** The text sizes offered, in percent of the normal size. */
    public static final List<Integer> TEXT_SIZES = List.of(100, 125, 150, 175, 200);
    public static final DisplayPreferences DEFAULTS = new DisplayPreferences(false, Contrast.LIGHT, 100);

    private static final Logger LOG = LoggerFactory.getLogger(DisplayPreferences.class);

    public DisplayPreferences {
        contrast = contrast == null ? Contrast.LIGHT : contrast;
        textSizePercent = nearestSize(textSizePercent);
    }

    /** The offered size closest to {@code percent} (a hand-edited 180 becomes 175). */
    public static int nearestSize(int percent) {
        int best = TEXT_SIZES.get(0);
        for (int size : TEXT_SIZES) {
            if (Math.abs(size - percent) < Math.abs(best - percent)) {
                best = size;
            }
        }
        return best;
    }

    /** The saved preferences, or empty when none were ever saved in {@code folder}. */
    public static Optional<DisplayPreferences> load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Display preferences {} unreadable; using the defaults", file, e);
            return Optional.of(DEFAULTS);
        }
        boolean accessible = Boolean.parseBoolean(properties.getProperty("accessible", "false").trim());
        Contrast contrast = "dark".equalsIgnoreCase(properties.getProperty("contrast", "light").trim())
                ? Contrast.DARK : Contrast.LIGHT;
        int size = DEFAULTS.textSizePercent();
        try {
            size = Integer.parseInt(properties.getProperty("textSize", "100").trim());
        } catch (NumberFormatException e) {
            LOG.warn("Display preferences {}: textSize is not a number; 100 %", file);
        }
        return Optional.of(new DisplayPreferences(accessible, contrast, size));
    }

    /**
     * Writes the preferences to {@code folder} (a temporary file moved into place: never half a
     * file). A failure is logged and otherwise ignored: the choice still applies until Tutti closes.
     */
    public void save(Path folder) {
        Properties properties = new Properties();
        properties.setProperty("accessible", Boolean.toString(accessible));
        properties.setProperty("contrast", contrast.name().toLowerCase(Locale.ROOT));
        properties.setProperty("textSize", Integer.toString(textSizePercent));
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "display", ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    properties.store(writer, "Tutti: display preferences of this computer's user");
                }
                try {
                    Files.move(temporary, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.warn("Display preferences not saved in {}", folder, e);
        }
    }
}
