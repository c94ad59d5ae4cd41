package org.tutti.client.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.tutti.client.domain.AccountLetter;
import org.tutti.client.domain.Letterhead;

/**
 * A family's access letter (Comptes › Imprimer la lettre): an A4 page for a window envelope, with
 * embedded DejaVu fonts (French accents), no JavaFX.
 *
 * <p>Layout, in millimetres from the page's top-left corner:
 * <ul>
 *   <li>the site's letterhead at the top left (its logo first when it has one, at most 45 × 18);</li>
 *   <li>the family's address block in {@link #WINDOW}: 110 from the left, 50 from the top, 90 wide and
 *       45 high. A DL envelope (110 × 220) with a right window of 100 × 45 at 20 from its right and
 *       15 from its bottom (La Poste's standard window) shows this block once the A4 is folded in
 *       three, with 5 mm of play on each side;</li>
 *   <li>place and date, the object, the identifier and the first password in a frame, large and
 *       bold (the password's alphabet has no l, 1, I, O, 0 or o), how to install Tutti and log in, a
 *       signature line.</li>
 * </ul>
 */
public final class AccountLetters {

    /** One millimetre in PDF points. */
    static final float MM = 72f / 25.4f;

    /** Where the address block is printed: left, top, width, height in millimetres from the top-left corner. */
    public static final float[] WINDOW = {110, 50, 90, 45};

    private static final Properties TEXTS = texts();
    private static final float BODY = 10.5f;
    private static final float LEADING = 14;
    private static final float SMALL = 9;

    private AccountLetters() {
    }

    /** The letter's PDF bytes. */
    public static byte[] letter(AccountLetter letter) {
        String title = text("letter.title");
        try (PdfPages pdf = new PdfPages()) {
            letterhead(pdf, letter.site(), letter.logo());

            // the address block, inside the envelope's window
            float left = WINDOW[0] * MM;
            float width = WINDOW[2] * MM;
            pdf.moveTo(PdfPages.HEIGHT - WINDOW[1] * MM - 4);
            pdf.paragraph(pdf.bold, BODY + 0.5f, LEADING, left, width, letter.family().name());
            for (String line : letter.family().addressLines()) {
                pdf.paragraph(pdf.regular, BODY, LEADING, left, width, line);
            }

            // place and date, under the window
            pdf.moveTo(PdfPages.HEIGHT - (WINDOW[1] + WINDOW[3]) * MM - 16);
            String date = DateTimeFormatter.ofPattern(text("letter.date"), Locale.FRENCH).format(letter.date());
            String placeAndDate = letter.place() == null || letter.place().isBlank()
                    ? text("letter.dateOnly", date) : text("letter.placeAndDate", letter.place().strip(), date);
            pdf.textRight(pdf.regular, BODY, PdfPages.RIGHT, pdf.y(), placeAndDate);
            pdf.down(28);
            float full = PdfPages.RIGHT - PdfPages.LEFT;
            pdf.paragraph(pdf.bold, BODY + 1, LEADING, PdfPages.LEFT, full, text("letter.object"));
            pdf.down(12);
            String civility = letter.civility() == null ? "" : letter.civility().strip().toUpperCase(Locale.ROOT);
            pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, full,
                    text(civility.equals("MME") || civility.equals("M") ? "letter.salutation." + civility
                            : "letter.salutation.other"));
            pdf.down(6);
            pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, full,
                    text("letter.opening", letter.site().siteName()));

            // identifier and password, set apart
            pdf.down(14);
            float boxTop = pdf.y();
            float labelX = PdfPages.LEFT + 20;
            float valueX = PdfPages.LEFT + 160;
            pdf.down(26);
            pdf.text(pdf.regular, 12, labelX, pdf.y(), text("letter.identifier"));
            pdf.text(pdf.bold, 17, valueX, pdf.y(), letter.identifier());
            pdf.down(28);
            pdf.text(pdf.regular, 12, labelX, pdf.y(), text("letter.password"));
            pdf.text(pdf.bold, 17, valueX, pdf.y(), letter.password() == null ? "" : letter.password());
            pdf.down(16);
            pdf.box(PdfPages.LEFT, pdf.y(), full, boxTop - pdf.y(), 1.2f);

            pdf.down(22);
            pdf.paragraph(pdf.bold, BODY, LEADING, PdfPages.LEFT, full, text("letter.howTo"));
            pdf.down(2);
            for (String step : List.of(text("letter.step1"), text("letter.step2", letter.site().siteName()),
                    text("letter.step3"), text("letter.step4"))) {
                pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT + 10, full - 10, step);
                pdf.down(2);
            }
            pdf.down(8);
            pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, full, text("letter.keep"));
            pdf.down(8);
            pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, full, text("letter.closing"));

            // the signature line
            pdf.down(36);
            float signatureLeft = PdfPages.RIGHT - 200;
            pdf.line(signatureLeft, pdf.y(), PdfPages.RIGHT, pdf.y(), 0.5f);
            pdf.down(4);
            pdf.paragraph(pdf.regular, SMALL, 12, signatureLeft, 200, text("letter.signature", letter.site().siteName()));

            return pdf.finish(title, letter.site().siteName(), text("letter.creator"), letter.date(),
                    text("letter.footer", letter.site().siteName()), text("letter.page"),
                    "letter\n" + letter.identifier() + "\n" + letter.date() + "\n" + letter.password());
        }
    }

    /** The site's logo (when any), name, address, phone and e-mail at the top left. */
    private static void letterhead(PdfPages pdf, Letterhead site, byte[] logo) {
        float width = 250;
        pdf.moveTo(PdfPages.TOP + 4);
        if (logo != null && logo.length > 0) {
            float height = pdf.image(logo, PdfPages.LEFT, PdfPages.TOP + 4, 45 * MM, 18 * MM);
            pdf.down(height + (height > 0 ? 4 : 0));
        }
        pdf.paragraph(pdf.bold, 13, 16, PdfPages.LEFT, width, site.siteName());
        for (String line : site.addressLines()) {
            pdf.paragraph(pdf.regular, SMALL, 11.5f, PdfPages.LEFT, width, line);
        }
        if (site.phone() != null && !site.phone().isBlank()) {
            pdf.paragraph(pdf.regular, SMALL, 11.5f, PdfPages.LEFT, width, text("letter.phone", site.phone()));
        }
        if (site.email() != null && !site.email().isBlank()) {
            pdf.paragraph(pdf.regular, SMALL, 11.5f, PdfPages.LEFT, width, text("letter.email", site.email()));
        }
    }

    /** "lettre-compte-F0006.pdf": the name the viewer's Enregistrer proposes. */
    public static String fileName(String identifier) {
        return "lettre-compte-" + identifier.replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf";
    }

    static String text(String key, Object... arguments) {
        String pattern = TEXTS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("No text " + key + " in letters.properties");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRENCH).format(arguments);
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (InputStream in = AccountLetters.class.getResourceAsStream("letters.properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing documents/letters.properties");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
