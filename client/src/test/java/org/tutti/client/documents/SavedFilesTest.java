package org.tutti.client.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedFilesTest {

    @TempDir
    Path folder;

    @Test
    void theExtensionIsAddedOnlyWhenMissing() {
        assertThat(SavedFiles.withExtension(Path.of("/tmp/facture"), ".pdf")).isEqualTo(Path.of("/tmp/facture.pdf"));
        assertThat(SavedFiles.withExtension(Path.of("/tmp/Facture.PDF"), ".pdf")).isEqualTo(Path.of("/tmp/Facture.PDF"));
        assertThat(SavedFiles.withExtension(Path.of("scan.pdf"), ".png")).isEqualTo(Path.of("scan.pdf.png"));
    }

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path target = Files.writeString(folder.resolve("facture.pdf"), "ancienne version");
        SavedFiles.write(target, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aSavedFileGetsThePermissionsOfAnyNewFileOfItsFolder() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.createFile(folder.resolve("ordinaire.txt"));

        Path saved = folder.resolve("facture.pdf");
        SavedFiles.write(saved, new byte[] {1});

        // readable by the family's other programs and accounts as the system's settings say, not owner-only
        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void aFolderThatCannotTakeTheFileLeavesNothing() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "pas un dossier");
        assertThatThrownBy(() -> SavedFiles.write(file.resolve("facture.pdf"), new byte[] {1}))
                .isInstanceOf(FileSystemException.class);
        // the target is a folder: the move fails, the temporary file goes, the folder stays as it was
        Path occupied = Files.createDirectory(folder.resolve("occupied.pdf"));
        Files.writeString(occupied.resolve("inside.txt"), "x");
        assertThatThrownBy(() -> SavedFiles.write(occupied, new byte[] {1})).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(file, occupied);
        }
        assertThat(SavedFiles.isDiskFull(new IOException("No space left on device"))).isTrue();
        assertThat(SavedFiles.isDiskFull(new IOException("Permission denied"))).isFalse();
    }
}
