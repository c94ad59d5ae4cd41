package org.tutti.client.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Real files for the import checks, written in a test's folder: images by ImageIO, PDFs by
 * PDFBox, and the bad ones a family might pick (text named .png, empty, cut short, too large).
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A 120 × 80 PNG written by ImageIO. */
    public static Path png(Path folder, String name) {
        return image(folder.resolve(name), "png");
    }

    /** A 120 × 80 JPEG written by ImageIO. */
    public static Path jpeg(Path folder, String name) {
        return image(folder.resolve(name), "jpg");
    }

    private static Path image(Path file, String format) {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.BLUE);
        g.drawString("Tutti", 20, 40);
        g.dispose();
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF written by PDFBox. */
    public static Path pdf(Path folder, String name) {
        return pdf(folder.resolve(name), (StandardProtectionPolicy) null);
    }

    /** A one-page PDF protected by a user password (PDFBox's StandardProtectionPolicy). */
    public static Path encryptedPdf(Path folder, String name) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", "secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        return pdf(folder.resolve(name), policy);
    }

    private static Path pdf(Path file, StandardProtectionPolicy policy) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 700);
                text.showText("Justificatif de domicile");
                text.endText();
            }
            if (policy != null) {
                document.protect(policy);
            }
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF cut after its first half (a download that stopped). */
    public static Path truncatedPdf(Path folder, String name) {
        Path whole = pdf(folder, "whole-" + name);
        try {
            byte[] bytes = Files.readAllBytes(whole);
            return Files.write(folder.resolve(name), Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file whose name says PNG. */
    public static Path textNamedPng(Path folder, String name) {
        return write(folder.resolve(name), "Ceci n’est pas une image.\n".repeat(20).getBytes(StandardCharsets.UTF_8));
    }

    /** An empty file. */
    public static Path empty(Path folder, String name) {
        return write(folder.resolve(name), new byte[0]);
    }

    /** A file of {@code bytes} bytes starting like a PNG (sparse where the file system allows). */
    public static Path large(Path folder, String name, long bytes) {
        Path file = folder.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            out.setLength(bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
