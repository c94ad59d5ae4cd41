package org.tutti.client.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.tutti.client.documents.DocumentRefusedException.Reason;

/**
 * Checks a file a family imports, by its content and never by its name: it must exist, be a
 * file, not be empty, be at most the site's limit (checked from the file system before
 * anything is read, so a 2 GB file is never loaded), start with the magic bytes of a JPEG
 * ({@code FF D8 FF}), a PNG ({@code 89 50 4E 47 0D 0A 1A 0A}) or a PDF ({@code %PDF-}) — the
 * same test as {@code tutti.submit_reenrolment} — and parse: images through ImageIO, PDFs
 * through PDFBox, which must open them without a password and find a page. Slow (reads and
 * parses the file): call it off the JavaFX thread.
 */
public final class DocumentInspector {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    /** The longest file name the database keeps ({@code uploaded_document.file_name}). */
    public static final int MAX_NAME_LENGTH = 255;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** Where a PDF's end marker must be found (readers look for it in the last kilobyte). */
    private static final int PDF_END_WINDOW = 1024;

    private DocumentInspector() {
    }

    /** The file at {@code path} as typed (surrounding blanks and quotes removed); NOT_FOUND when it is no path. */
    public static CheckedDocument inspect(String typedPath, long maxBytes) throws DocumentRefusedException {
        String text = typedPath == null ? "" : typedPath.strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new DocumentRefusedException(Reason.NOT_FOUND, null, 0, maxBytes, e);
        }
        if (text.isEmpty()) {
            throw new DocumentRefusedException(Reason.NOT_FOUND, path, 0, maxBytes, null);
        }
        return inspect(path, maxBytes);
    }

    /** Checks the file at {@code path} against {@code maxBytes}; returns what to send. */
    public static CheckedDocument inspect(Path path, long maxBytes) throws DocumentRefusedException {
        if (!Files.exists(path)) {
            throw new DocumentRefusedException(Reason.NOT_FOUND, path, 0, maxBytes, null);
        }
        if (Files.isDirectory(path)) {
            throw new DocumentRefusedException(Reason.DIRECTORY, path, 0, maxBytes, null);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw unreadable(path, maxBytes, e);
        }
        if (size == 0) {
            throw new DocumentRefusedException(Reason.EMPTY, path, 0, maxBytes, null);
        }
        if (size > maxBytes) {
            throw new DocumentRefusedException(Reason.TOO_LARGE, path, size, maxBytes, null);
        }
        byte[] content = read(path, maxBytes);
        if (content.length == 0) {
            throw new DocumentRefusedException(Reason.EMPTY, path, 0, maxBytes, null);
        }
        String type = typeOf(content);
        if (type == null) {
            throw new DocumentRefusedException(Reason.UNSUPPORTED, path, content.length, maxBytes, null);
        }
        if (PDF.equals(type)) {
            checkPdf(path, content, maxBytes);
        } else {
            checkImage(path, content, maxBytes);
        }
        return new CheckedDocument(fileName(path), type, content);
    }

    /** The content type by the first bytes (JPEG, PNG, PDF), or null for anything else. */
    public static String typeOf(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        return null;
    }

    /** The name kept for the file: no folder, at most {@value #MAX_NAME_LENGTH} characters, its extension kept. */
    static String fileName(Path path) {
        Path name = path.getFileName();
        String text = name == null ? "document" : name.toString();
        if (text.length() <= MAX_NAME_LENGTH) {
            return text;
        }
        int dot = text.lastIndexOf('.');
        String extension = dot > 0 && text.length() - dot <= 10 ? text.substring(dot) : "";
        return text.substring(0, MAX_NAME_LENGTH - extension.length()) + extension;
    }

    /** Reads at most {@code maxBytes + 1} bytes: a file that grew since its size was read is still refused. */
    private static byte[] read(Path path, long maxBytes) throws DocumentRefusedException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new DocumentRefusedException(Reason.TOO_LARGE, path, content.length, maxBytes, null);
            }
            return content;
        } catch (IOException e) {
            throw unreadable(path, maxBytes, e);
        }
    }

    private static DocumentRefusedException unreadable(Path path, long maxBytes, IOException e) {
        Reason reason = e instanceof NoSuchFileException ? Reason.NOT_FOUND : Reason.UNREADABLE;
        return new DocumentRefusedException(reason, path, 0, maxBytes, e);
    }

    private static void checkImage(Path path, byte[] content, long maxBytes) throws DocumentRefusedException {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                throw new DocumentRefusedException(Reason.BROKEN_IMAGE, path, content.length, maxBytes, null);
            }
        } catch (IOException | RuntimeException e) {
            throw new DocumentRefusedException(Reason.BROKEN_IMAGE, path, content.length, maxBytes, e);
        }
    }

    private static void checkPdf(Path path, byte[] content, long maxBytes) throws DocumentRefusedException {
        // PDFBox repairs what it can; a file cut short loses its end marker, which it would not miss
        if (!endsWithEofMarker(content)) {
            throw new DocumentRefusedException(Reason.BROKEN_PDF, path, content.length, maxBytes, null);
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            if (document.isEncrypted()) {
                throw new DocumentRefusedException(Reason.ENCRYPTED_PDF, path, content.length, maxBytes, null);
            }
            if (document.getNumberOfPages() < 1) {
                throw new DocumentRefusedException(Reason.BROKEN_PDF, path, content.length, maxBytes, null);
            }
        } catch (InvalidPasswordException e) {
            throw new DocumentRefusedException(Reason.ENCRYPTED_PDF, path, content.length, maxBytes, e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRefusedException(Reason.BROKEN_PDF, path, content.length, maxBytes, e);
        }
    }

    private static boolean endsWithEofMarker(byte[] content) {
        int from = Math.max(0, content.length - PDF_END_WINDOW);
        for (int i = content.length - PDF_END.length; i >= from; i--) {
            if (Arrays.equals(content, i, i + PDF_END.length, PDF_END, 0, PDF_END.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
