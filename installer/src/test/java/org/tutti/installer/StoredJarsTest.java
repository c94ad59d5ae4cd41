package org.tutti.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarsTest {

    @Test
    void jarsAreCopiedUncompressedWithTheSameContent(@TempDir Path folder) throws IOException {
        Path from = Files.createDirectory(folder.resolve("from"));
        String text = "org/tutti/client/Launcher ".repeat(200);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(from.resolve("lib.jar")))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("a/B.class"));
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(from.resolve("notes.txt"), "not a jar");

        int jars = StoredJars.copyStored(from, folder.resolve("to"));

        assertThat(jars).isEqualTo(1);
        assertThat(folder.resolve("to/notes.txt")).hasContent("not a jar");
        try (ZipFile stored = new ZipFile(folder.resolve("to/lib.jar").toFile())) {
            assertThat(Collections.list(stored.entries())).extracting(ZipEntry::getName)
                    .containsExactly("META-INF/MANIFEST.MF", "a/B.class");
            assertThat(Collections.list(stored.entries())).allMatch(e -> e.getMethod() == ZipEntry.STORED);
            assertThat(new String(stored.getInputStream(stored.getEntry("a/B.class")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(text);
        }
    }
}
