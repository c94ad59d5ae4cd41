package org.tutti.client.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.tutti.client.documents.PdfPages.Column;
import org.tutti.client.domain.Addressee;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceDocumentLine;
import org.tutti.client.domain.Letterhead;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.Settlement;

/**
 * The PDF documents of Facturation, drawn with PDFBox from what the database says: the duplicate
 * of an invoice or credit note and a payment's receipt. A4, French (texts in
 * {@code documents/billing.properties}: an official document stays French whatever the
 * application's language), with an embedded Unicode font (DejaVu Sans); the same data gives the
 * same bytes (creation date = the document's date at noon UTC, document id = a hash of the data).
 * A table too long for a page continues on the next, its header repeated, "Page 1 / 2" at the
 * bottom. No JavaFX here; slow enough (tens of milliseconds) to run off the JavaFX thread.
 */
public final class BillingDocuments {

    private static final Properties TEXTS = texts();
    private static final float BODY = 10;
    private static final float LEADING = 13.5f;
    private static final float SMALL = 9;
    private static final float TABLE_LEADING = 12;
    private static final float MIDDLE = 320;

    private BillingDocuments() {
    }

    /** The duplicate ("DUPLICATA") of an invoice or credit note. */
    public static byte[] invoice(InvoiceDocument document) {
        String title = document.isCreditNote()
                ? text("invoice.creditNoteTitle", document.number(), document.correctedNumber())
                : text("invoice.title", document.number());
        try (PdfPages pdf = new PdfPages()) {
            float top = letterhead(pdf, document.site());
            // DUPLICATA, framed, at the top right
            String duplicate = text("invoice.duplicate");
            float width = pdf.width(pdf.bold, 18, duplicate);
            pdf.box(PdfPages.RIGHT - width - 16, PdfPages.TOP - 28, width + 16, 28, 1.2f);
            pdf.text(pdf.bold, 18, PdfPages.RIGHT - width - 8, PdfPages.TOP - 20, duplicate);

            pdf.moveTo(Math.min(top, PdfPages.TOP - 40) - 18);
            pdf.paragraph(pdf.bold, 15, 19, PdfPages.LEFT, PdfPages.RIGHT - PdfPages.LEFT, title);
            pdf.down(8);

            List<String> facts = new ArrayList<>();
            facts.add(text("invoice.object", text("invoice.kind." + document.kind().name())));
            facts.add(text("invoice.issueDate", date(document.issueDate())));
            if (!document.isCreditNote() && document.dueDate() != null) {
                facts.add(text("invoice.dueDate", date(document.dueDate())));
            }
            if (document.schoolYear() != null && !document.schoolYear().isBlank()) {
                facts.add(text("invoice.schoolYear", document.schoolYear()));
            }
            twoBlocks(pdf, facts, document.family());

            PdfPages.Table table = pdf.table(SMALL, TABLE_LEADING, List.of(
                    new Column(text("invoice.column.label"), PdfPages.LEFT, 200, false),
                    new Column(text("invoice.column.student"), 254, 96, false),
                    new Column(text("invoice.column.quantity"), 352, 52, true),
                    new Column(text("invoice.column.unitPrice"), 406, 67, true),
                    new Column(text("invoice.column.amount"), 475, PdfPages.RIGHT - 475, true)));
            for (InvoiceDocumentLine line : document.lines()) {
                table.row(line.label(), line.studentName() == null ? "" : line.studentName(),
                        quantity(line.quantity()), money(line.unitPrice()), money(line.amount()));
            }
            table.end();
            pdf.down(6);
            amountLine(pdf, pdf.bold, text(document.isCreditNote() ? "invoice.creditNoteTotal" : "invoice.total"),
                    document.total());

            if (!document.isCreditNote()) {
                if (!document.settlements().isEmpty()) {
                    heading(pdf, text("invoice.settlements"));
                    for (Settlement settlement : document.settlements()) {
                        String line = settlement.isCreditNote()
                                ? text("invoice.settlement.creditNote", settlement.number(), date(settlement.date()),
                                        money(settlement.amount()))
                                : text("invoice.settlement.payment", settlement.number(), date(settlement.date()),
                                        text("method.by." + settlement.method().name()), money(settlement.amount()));
                        pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, PdfPages.RIGHT - PdfPages.LEFT, line);
                    }
                    pdf.down(4);
                }
                amountLine(pdf, pdf.regular, text("invoice.settled"), document.settled());
                amountLine(pdf, pdf.bold, text("invoice.balance"), document.balance());
                String instructions = document.paymentInstructions();
                if (instructions != null && !instructions.isBlank()) {
                    heading(pdf, text("invoice.instructions"));
                    pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, PdfPages.RIGHT - PdfPages.LEFT,
                            instructions);
                }
            }
            return pdf.finish(title, document.site().siteName(), text("document.creator"), document.issueDate(),
                    document.site().siteName() + " — " + title, text("document.page"), "invoice\n" + document);
        }
    }

    /** A payment's receipt. */
    public static byte[] receipt(ReceiptDocument document) {
        String title = text("receipt.title", document.receiptNumber());
        try (PdfPages pdf = new PdfPages()) {
            float top = letterhead(pdf, document.site());
            pdf.moveTo(Math.min(top, PdfPages.TOP - 40) - 18);
            pdf.paragraph(pdf.bold, 15, 19, PdfPages.LEFT, PdfPages.RIGHT - PdfPages.LEFT, title);
            pdf.down(8);

            List<String> facts = new ArrayList<>();
            facts.add(text("receipt.date", date(document.date())));
            facts.add(text("receipt.method", text("method." + document.method().name())));
            if (document.reference() != null && !document.reference().isBlank()) {
                facts.add(text("receipt.reference", document.reference().strip()));
            }
            facts.add(text("receipt.amount", money(document.amount())));
            twoBlocks(pdf, facts, document.family());

            pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, PdfPages.RIGHT - PdfPages.LEFT,
                    text("receipt.acknowledgement", document.site().siteName(), document.family().name(),
                            money(document.amount())));
            heading(pdf, text("receipt.invoices"));
            PdfPages.Table table = pdf.table(SMALL, TABLE_LEADING, List.of(
                    new Column(text("receipt.column.number"), PdfPages.LEFT, 200, false),
                    new Column(text("receipt.column.date"), 260, 120, false),
                    new Column(text("receipt.column.part"), 390, PdfPages.RIGHT - 390, true)));
            BigDecimal allocated = BigDecimal.ZERO;
            for (SettledInvoice invoice : document.invoices()) {
                table.row(invoice.number(), date(invoice.issueDate()), money(invoice.amount()));
                allocated = allocated.add(invoice.amount());
            }
            table.end();
            pdf.down(6);
            amountLine(pdf, pdf.bold, text("receipt.total"), allocated);
            return pdf.finish(title, document.site().siteName(), text("document.creator"), document.date(),
                    document.site().siteName() + " — " + title, text("document.page"), "receipt\n" + document);
        }
    }

    /** "facture-BEL-2026-000123.pdf", "avoir-BEL-2026-000130.pdf". */
    public static String fileName(InvoiceDocument document) {
        return (document.isCreditNote() ? "avoir-" : "facture-") + safe(document.number()) + ".pdf";
    }

    /** "recu-BEL-R-2026-000043.pdf". */
    public static String fileName(ReceiptDocument document) {
        return "recu-" + safe(document.receiptNumber()) + ".pdf";
    }

    private static String safe(String number) {
        return number.replaceAll("[^A-Za-z0-9-]", "_");
    }

    /**
     * "1 234,56 €" as printed: French grouping (narrow no-break space), two decimals, a no-break
     * space before the euro sign.
     */
    public static String money(BigDecimal amount) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(Locale.FRENCH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount) + "\u00A0€";
    }

    /** "1", "2,5": a quantity without its useless decimals. */
    static String quantity(BigDecimal quantity) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(Locale.FRENCH);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(quantity);
    }

    static String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(text("document.date"), Locale.FRENCH).format(date);
    }

    /** The site's name, address, phone and e-mail at the top left; returns the cursor under them. */
    private static float letterhead(PdfPages pdf, Letterhead site) {
        float width = 250;
        pdf.moveTo(PdfPages.TOP + 4);
        pdf.paragraph(pdf.bold, 13, 16, PdfPages.LEFT, width, site.siteName());
        for (String line : site.addressLines()) {
            pdf.paragraph(pdf.regular, SMALL, 11.5f, PdfPages.LEFT, width, line);
        }
        if (site.phone() != null && !site.phone().isBlank()) {
            pdf.paragraph(pdf.regular, SMALL, 11.5f, PdfPages.LEFT, width, text("document.phone", site.phone()));
        }
        if (site.email() != null && !site.email().isBlank()) {
            pdf.paragraph(pdf.regular, SMALL, 11.5f, PdfPages.LEFT, width, text("document.email", site.email()));
        }
        return pdf.y();
    }

    /** The document's facts at the left, the family's address block at the right; the cursor under both. */
    private static void twoBlocks(PdfPages pdf, List<String> facts, Addressee family) {
        float start = pdf.y();
        for (String fact : facts) {
            pdf.paragraph(pdf.regular, BODY, LEADING, PdfPages.LEFT, MIDDLE - PdfPages.LEFT - 10, fact);
        }
        float left = pdf.y();
        pdf.moveTo(start);
        float width = PdfPages.RIGHT - MIDDLE;
        pdf.paragraph(pdf.bold, BODY + 1, LEADING + 1, MIDDLE, width, family.name());
        for (String line : family.addressLines()) {
            pdf.paragraph(pdf.regular, BODY, LEADING, MIDDLE, width, line);
        }
        if (family.identifier() != null && !family.identifier().isBlank()) {
            pdf.paragraph(pdf.regular, SMALL, LEADING, MIDDLE, width, text("document.identifier", family.identifier()));
        }
        pdf.moveTo(Math.min(left, pdf.y()) - 22);
    }

    private static void heading(PdfPages pdf, String heading) {
        pdf.down(8);
        pdf.ensure(3 * LEADING);
        pdf.paragraph(pdf.bold, BODY + 1, LEADING + 2, PdfPages.LEFT, PdfPages.RIGHT - PdfPages.LEFT, heading);
    }

    /** "Total … 1 234,56 €": the label left of the amount column, the amount at the right. */
    private static void amountLine(PdfPages pdf, PDFont font, String label, BigDecimal amount) {
        pdf.ensure(LEADING + 2);
        pdf.down(LEADING + 2);
        pdf.textRight(font, BODY, 470, pdf.y(), label);
        pdf.textRight(font, BODY, PdfPages.RIGHT, pdf.y(), money(amount));
    }

    static String text(String key, Object... arguments) {
        String pattern = TEXTS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("No text " + key + " in billing.properties");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRENCH).format(arguments);
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (InputStream in = BillingDocuments.class.getResourceAsStream("billing.properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing documents/billing.properties");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
