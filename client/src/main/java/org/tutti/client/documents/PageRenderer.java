package org.tutti.client.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Turns an imported document (JPEG, PNG or PDF, as bytes) into pictures to show: one page for an
 * image (read by ImageIO), each page of a PDF (drawn by PDFBox's {@link PDFRenderer}). No JavaFX
 * here: a page comes out as ARGB pixels that the viewer copies into its image. Slow (a PDF page
 * takes tens of milliseconds to seconds): call it off the JavaFX thread. One renderer draws one
 * page at a time (PDFBox's document is not thread-safe); {@link #close()} frees the PDF.
 */
public final class PageRenderer implements AutoCloseable {

    /** A picture larger than this on a side is scaled down (a 40-megapixel photo would take 160 MB). */
    static final int MAX_SIDE = 4096;

    private final BufferedImage image;
    private final PDDocument pdf;
    private final PDFRenderer renderer;

    private PageRenderer(BufferedImage image, PDDocument pdf) {
        this.image = image;
        this.pdf = pdf;
        this.renderer = pdf == null ? null : new PDFRenderer(pdf);
    }

    /**
     * Reads {@code content}: a PDF when its content type says so or it starts with {@code %PDF-},
     * else an image.
     *
     * @param contentType {@code application/pdf}, {@code image/png}, {@code image/jpeg}, or null
     * @throws UnreadableDocumentException when the content cannot be read (broken, encrypted, empty)
     */
    public static PageRenderer open(byte[] content, String contentType) {
        Objects.requireNonNull(content);
        if (content.length == 0) {
            throw new UnreadableDocumentException("empty document", null);
        }
        if (DocumentInspector.PDF.equals(contentType) || DocumentInspector.PDF.equals(DocumentInspector.typeOf(content))) {
            try {
                PDDocument document = Loader.loadPDF(content);
                if (document.getNumberOfPages() == 0) {
                    document.close();
                    throw new UnreadableDocumentException("a PDF without pages", null);
                }
                return new PageRenderer(null, document);
            } catch (IOException e) {
                throw new UnreadableDocumentException("unreadable PDF", e);
            }
        }
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(content));
            if (read == null || read.getWidth() <= 0 || read.getHeight() <= 0) {
                throw new UnreadableDocumentException("not an image ImageIO reads", null);
            }
            return new PageRenderer(read, null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableDocumentException u) {
                throw u;
            }
            throw new UnreadableDocumentException("unreadable image", e);
        }
    }

    /** True for a PDF (pages drawn at a resolution), false for an image (its own pixels). */
    public boolean isPdf() {
        return pdf != null;
    }

    /** 1 for an image, the PDF's number of pages. */
    public synchronized int pageCount() {
        return pdf == null ? 1 : pdf.getNumberOfPages();
    }

    /**
     * Page {@code index} (from 0) as pixels: an image at its own size (scaled down past
     * {@link #MAX_SIDE}); a PDF page at {@code dpi} (96 is the screen's nominal resolution, times
     * the screen's scale on a high-density screen).
     *
     * @throws UnreadableDocumentException when the page cannot be drawn (a broken page)
     */
    public synchronized Page render(int index, float dpi) {
        if (index < 0 || index >= pageCount()) {
            throw new IndexOutOfBoundsException("page " + index + " of " + pageCount());
        }
        if (pdf == null) {
            return Page.of(fitted(image));
        }
        try {
            return Page.of(renderer.renderImageWithDPI(index, dpi, ImageType.RGB));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("page " + (index + 1) + " cannot be drawn", e);
        }
    }

    private static BufferedImage fitted(BufferedImage source) {
        int longest = Math.max(source.getWidth(), source.getHeight());
        if (longest <= MAX_SIDE) {
            return source;
        }
        double scale = (double) MAX_SIDE / longest;
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    @Override
    public synchronized void close() {
        if (pdf != null) {
            try {
                pdf.close();
            } catch (IOException e) {
                // nothing was written: the memory is freed all the same
            }
        }
    }

    /**
     * One page as pixels: {@code argb} holds {@code width * height} non-premultiplied ARGB values,
     * row after row.
     */
    public record Page(int width, int height, int[] argb) {

        static Page of(BufferedImage image) {
            int w = image.getWidth();
            int h = image.getHeight();
            return new Page(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        }
    }

    /** A document that cannot be shown: broken, truncated, encrypted, not an image. */
    public static final class UnreadableDocumentException extends RuntimeException {
        public UnreadableDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
