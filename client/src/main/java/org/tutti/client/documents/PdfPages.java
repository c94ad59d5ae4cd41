package org.tutti.client.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document being drawn from top to bottom: two embedded DejaVu fonts (regular and bold,
 * subsets: accents, €, typographic apostrophes and the narrow no-break space of French amounts),
 * a cursor that moves down and opens a new page when the next block does not fit, tables whose
 * header is drawn again on each page, "Page 1 / 2" at the bottom of every page. The bytes are
 * the same for the same content: fixed dates, a document id derived from the content, no
 * producer timestamp. Not thread-safe: one document per call.
 */
final class PdfPages implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float LEFT = MARGIN;
    static final float RIGHT = WIDTH - MARGIN;
    static final float TOP = HEIGHT - MARGIN;
    /** Nothing is written below this line but the footer. */
    static final float BOTTOM = 70;

    private static final String FONT_FOLDER = "/org/tutti/client/documents/fonts/";
    private static final byte[] REGULAR = fontBytes("DejaVuSans.ttf");
    private static final byte[] BOLD = fontBytes("DejaVuSans-Bold.ttf");

    private final PDDocument document = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final Map<PDFont, Map<Integer, Float>> advances = new HashMap<>();
    private PDPageContentStream content;
    private float y;
    /** Drawn at the top of a page opened inside a table (its header). */
    private Runnable continuation;

    PdfPages() {
        try {
            regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true);
            bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD), true);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("The embedded DejaVu fonts cannot be read", e);
        }
        newPage();
    }

    private static byte[] fontBytes(String name) {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONT_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + FONT_FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cursor: the baseline area still free starts here (points from the bottom). */
    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void down(float points) {
        y -= points;
    }

    /** Opens a new page when {@code height} points do not fit below the cursor. */
    void ensure(float height) {
        if (y - height < BOTTOM) {
            newPage();
            if (continuation != null) {
                continuation.run();
            }
        }
    }

    private void newPage() {
        closeContent();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    /** {@code text} with its left end at {@code x}, baseline {@code baseline}. */
    void text(PDFont font, float size, float x, float baseline, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(printable(font, text));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with its right end at {@code x}. */
    void textRight(PDFont font, float size, float x, float baseline, String text) {
        text(font, size, x - width(font, size, text), baseline, text);
    }

    /**
     * A PNG or JPEG image scaled to fit {@code maxWidth} × {@code maxHeight} points, its top-left
     * corner at ({@code x}, {@code top}); returns its height drawn (0 when the bytes are not an
     * image PDFBox reads: the document goes on without it).
     */
    float image(byte[] bytes, float x, float top, float maxWidth, float maxHeight) {
        try {
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image =
                    org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(document, bytes, "logo");
            float scale = Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight());
            float width = image.getWidth() * scale;
            float height = image.getHeight() * scale;
            content.drawImage(image, x, top - height, width, height);
            return height;
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    void line(float x1, float y1, float x2, float y2, float thickness) {
        try {
            content.setLineWidth(thickness);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void box(float x, float bottom, float width, float height, float thickness) {
        try {
            content.setLineWidth(thickness);
            content.addRect(x, bottom, width, height);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width of {@code text} in points: the sum of its characters' advances (PDFBox does no kerning either). */
    float width(PDFont font, float size, String text) {
        Map<Integer, Float> known = advances.computeIfAbsent(font, f -> new HashMap<>());
        float thousandths = 0;
        for (int cp : printable(font, text).codePoints().toArray()) {
            thousandths += known.computeIfAbsent(cp, c -> advance(font, c));
        }
        return thousandths / 1000 * size;
    }

    private static float advance(PDFont font, int codePoint) {
        try {
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code text} cut into lines at most {@code maxWidth} wide, at spaces (a word longer than
     * the width is cut where it must); one empty line for an empty text.
     */
    List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * A paragraph from the cursor down, {@code leading} points per line, cut at {@code maxWidth};
     * lines that do not fit go on the next page.
     */
    void paragraph(PDFont font, float size, float leading, float x, float maxWidth, String text) {
        for (String line : wrap(font, size, text, maxWidth)) {
            ensure(leading);
            y -= leading;
            text(font, size, x, y, line);
        }
    }

    /** A table: its header now and again on each page the rows continue on. */
    Table table(float size, float leading, List<Column> columns) {
        return new Table(size, leading, columns);
    }

    /** A column of a table: its heading, left edge, width, and whether it is right-aligned (numbers). */
    record Column(String heading, float x, float width, boolean right) {
    }

    final class Table {
        private final float size;
        private final float leading;
        private final List<Column> columns;

        private Table(float size, float leading, List<Column> columns) {
            this.size = size;
            this.leading = leading;
            this.columns = List.copyOf(columns);
            ensure(2 * leading + 6);
            header();
        }

        private void header() {
            List<String> headings = columns.stream().map(Column::heading).toList();
            cells(bold, headings);
            line(LEFT, y - 3, RIGHT, y - 3, 0.8f);
            y -= 4;
        }

        /** One row: each cell cut to its column's width; the row moves whole to the next page when needed. */
        void row(String... cells) {
            row(regular, Arrays.asList(cells));
        }

        void row(PDFont font, List<String> cells) {
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                lines = Math.max(lines, wrap(font, size, cells.get(i), columns.get(i).width()).size());
            }
            continuation = this::header;
            try {
                ensure(lines * leading + 3);
            } finally {
                continuation = null;
            }
            cells(font, cells);
        }

        private void cells(PDFont font, List<String> cells) {
            int height = 1;
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                List<String> lines = wrap(font, size, cells.get(i), column.width());
                height = Math.max(height, lines.size());
                float baseline = y - leading;
                for (String line : lines) {
                    if (column.right()) {
                        textRight(font, size, column.x() + column.width(), baseline, line);
                    } else {
                        text(font, size, column.x(), baseline, line);
                    }
                    baseline -= leading;
                }
            }
            y -= height * leading + 3;
        }

        /** Closes the table with a rule under its last row. */
        void end() {
            line(LEFT, y - 1, RIGHT, y - 1, 0.5f);
            y -= 2;
        }
    }

    /**
     * Draws each page's footer ({@code left} at the left, "Page n / N" at the right), dates the
     * document {@code date} at noon UTC, gives it an id derived from {@code identity} and
     * returns its bytes.
     *
     * @param pageText "Page {0} / {1}"
     */
    byte[] finish(String title, String author, String creator, LocalDate date, String left, String pageText,
            String identity) {
        closeContent();
        int count = document.getNumberOfPages();
        try {
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        AppendMode.APPEND, true, false)) {
                    content = footer;
                    line(LEFT, 52, RIGHT, 52, 0.4f);
                    text(regular, 8, LEFT, 40, left);
                    textRight(regular, 8, RIGHT, 40, java.text.MessageFormat.format(pageText, i + 1, count));
                } finally {
                    content = null;
                }
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreator(creator);
            Calendar noon = noonUtc(date);
            info.setCreationDate(noon);
            info.setModificationDate(noon);
            document.setDocumentInformation(info);
            document.getDocumentCatalog().setLanguage("fr-FR");
            byte[] id = Arrays.copyOf(sha256(identity), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Calendar noonUtc(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.setTimeInMillis(date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toEpochMilli());
        return calendar;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text} with line breaks and tabs as spaces and a character the font lacks as "?". */
    String printable(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) && cp != 0x00A0 && cp != 0x202F) {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> hasGlyph(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            closeContent();
        } catch (UncheckedIOException e) {
            // the document is dropped all the same
        }
        try {
            document.close();
        } catch (IOException e) {
            // nothing was written: the memory is freed all the same
        }
    }
}
