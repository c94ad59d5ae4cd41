package org.tutti.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The display choice of this computer's user: kept, read back, and never a reason not to start. */
class DisplayPreferencesTest {

    @TempDir
    Path folder;

    @Test
    void nothingSavedIsAFirstStart() {
        assertThat(DisplayPreferences.load(folder)).isEmpty();
    }

    @Test
    void aSavedChoiceIsReadBackAndLeavesNoTemporaryFile() throws Exception {
        new DisplayPreferences(true, DisplayPreferences.Contrast.DARK, 175).save(folder);
        assertThat(DisplayPreferences.load(folder)).contains(new DisplayPreferences(true, DisplayPreferences.Contrast.DARK, 175));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("display.properties");
        }
    }

    /**
     * Issue 17, upgrades: a file exactly as this version writes it (Properties.store's comment and
     * date lines included) is what the next version finds after an upgrade, and reads as the same
     * choice. A change of the format must keep reading this.
     */
    @Test
    void aFileWrittenByThisVersionIsReadBackUnchangedByALaterOne() throws Exception {
        Files.writeString(folder.resolve("display.properties"), """
                #Tutti: display preferences of this computer's user
                #Sun Dec 06 18:30:00 UTC 2026
                accessible=true
                contrast=dark
                textSize=150
                """, StandardCharsets.UTF_8);

        assertThat(DisplayPreferences.load(folder)).contains(new DisplayPreferences(true, DisplayPreferences.Contrast.DARK, 150));

        new DisplayPreferences(true, DisplayPreferences.Contrast.DARK, 150).save(folder);
        assertThat(Files.readAllLines(folder.resolve("display.properties")).stream().filter(l -> !l.startsWith("#")))
                .as("what this version writes").containsExactlyInAnyOrder("accessible=true", "contrast=dark", "textSize=150");
    }

    @Test
    void aDamagedOrHandEditedFileGivesSensibleValues() throws Exception {
        Files.writeString(folder.resolve("display.properties"), "accessible=yes\ncontrast=purple\ntextSize=big\n",
                StandardCharsets.UTF_8);
        assertThat(DisplayPreferences.load(folder)).contains(DisplayPreferences.DEFAULTS);
        Files.writeString(folder.resolve("display.properties"), "accessible=true\ntextSize=180\n", StandardCharsets.UTF_8);
        assertThat(DisplayPreferences.load(folder)).contains(new DisplayPreferences(true, DisplayPreferences.Contrast.LIGHT, 175));
        Files.writeString(folder.resolve("display.properties"), "textSize=900\n", StandardCharsets.UTF_8);
        assertThat(DisplayPreferences.load(folder).orElseThrow().textSizePercent()).isEqualTo(200);
        Files.write(folder.resolve("display.properties"), new byte[] {'a', '=', '\\', 'u', '1'});
        assertThat(DisplayPreferences.load(folder)).contains(DisplayPreferences.DEFAULTS);
    }

    @Test
    void anUnwritableFolderIsNotAnError() throws Exception {
        Path file = folder.resolve("not-a-folder");
        Files.writeString(file, "x");
        new DisplayPreferences(true, DisplayPreferences.Contrast.DARK, 150).save(file);
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
