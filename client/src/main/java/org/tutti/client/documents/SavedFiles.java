package org.tutti.client.documents;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a document the user saves: into a temporary file beside the target, then moved onto the
 * target in one step, so the target is either the whole document or untouched (never half
 * written, even when the disk fills up or the program stops). No JavaFX here: call it off the
 * JavaFX thread.
 */
public final class SavedFiles {

    private SavedFiles() {
    }

    /** {@code chosen} ending with {@code extension} (".pdf"): added when the name lacks it, whatever its case. */
    public static Path withExtension(Path chosen, String extension) {
        String name = chosen.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT))) {
            return chosen;
        }
        return chosen.resolveSibling(name + extension);
    }

    /**
     * Writes {@code content} to {@code target} (replacing it) through a temporary file in the same
     * folder; on failure the temporary file is removed and the target left as it was.
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        // not Files.createTempFile: its file is readable by its owner only, and the move would keep
        // that; a saved invoice gets the permissions any new file of that folder gets
        Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** True when {@code failure} says the disk (or the user's quota) is full. */
    public static boolean isDiskFull(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("not enough space")
                    || message.contains("disk full") || message.contains("quota exceeded")) {
                return true;
            }
        }
        return false;
    }
}
