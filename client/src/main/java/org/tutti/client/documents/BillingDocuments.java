package org.tutti.client.documents;

import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.ReceiptDocument;

/**
 * The PDF documents of Facturation, drawn with PDFBox from what the database says: the duplicate
 * of an invoice or credit note and a payment's receipt. A4, French, with an embedded Unicode font;
 * the same data gives the same bytes (fixed creation date and document id). No JavaFX here; slow
 * enough to run off the JavaFX thread. (Placeholder until the PDF part of issue 14 lands.)
 */
public final class BillingDocuments {

    private BillingDocuments() {
    }

    /** The duplicate ("DUPLICATA") of an invoice or credit note. */
    public static byte[] invoice(InvoiceDocument document) {
        throw new UnsupportedOperationException("issue 14: PDF part");
    }

    /** A payment's receipt. */
    public static byte[] receipt(ReceiptDocument document) {
        throw new UnsupportedOperationException("issue 14: PDF part");
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
}
