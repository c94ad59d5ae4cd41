package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Issue 15 — docs: src-docs/accessibility.md lists every line of the F1 window
 * ({@link ShortcutsHelp#all()}) under the heading of its group, as "| action | keys |", in the
 * French part with the French texts and in the English part with the English ones, so that the
 * page cannot drift from the keys. The page writes the keys as Windows and Linux show them
 * (macOS shows ⌘ for Ctrl).
 */
@EnabledOnOs({OS.LINUX, OS.WINDOWS})
class ShortcutsDocumentedTest {

    private static final String PAGE = "src-docs/accessibility.md";
    private static final String ENGLISH = "## English";

    private final String locale = System.getProperty(I18n.LOCALE_PROPERTY);

    @AfterEach
    void restoreTheLanguage() {
        if (locale == null) {
            System.clearProperty(I18n.LOCALE_PROPERTY);
        } else {
            System.setProperty(I18n.LOCALE_PROPERTY, locale);
        }
        I18n.reload();
    }

    @Test
    void theFrenchPartListsEveryShortcutOfTheF1Window() throws IOException {
        String page = page();
        assertThat(page).contains(ENGLISH);
        assertListed(page.substring(0, page.indexOf(ENGLISH)), "fr");
    }

    @Test
    void theEnglishPartListsEveryShortcutOfTheF1Window() throws IOException {
        String page = page();
        assertThat(page).contains(ENGLISH);
        assertListed(page.substring(page.indexOf(ENGLISH)), "en");
    }

    private static void assertListed(String part, String language) {
        System.setProperty(I18n.LOCALE_PROPERTY, language);
        I18n.reload();
        List<String> missing = new ArrayList<>();
        for (ShortcutsHelp.Shortcut line : ShortcutsHelp.all()) {
            String row = "| " + line.action() + " | " + line.keys() + " |";
            if (!group(part, line.group()).contains(row)) {
                missing.add("#### " + line.group() + ": " + row);
            }
        }
        assertThat(missing).as("shortcuts of the F1 window (" + language + ") missing from " + PAGE).isEmpty();
    }

    /** The lines under the heading "#### group", up to the next heading; empty when there is none. */
    private static List<String> group(String part, String group) {
        List<String> lines = part.lines().toList();
        int start = lines.indexOf("#### " + group);
        if (start < 0) {
            return List.of();
        }
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            section.add(line.strip());
        }
        return section;
    }

    private static String page() throws IOException {
        // the client module's folder when Maven runs the test; the repository's root from an IDE
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path page = folder.resolve(PAGE);
            if (Files.isRegularFile(page)) {
                return Files.readString(page, StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(PAGE + " not found above " + Path.of("").toAbsolutePath());
    }
}
