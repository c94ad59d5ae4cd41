package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the duplicate of an invoice (or of a credit note) prints, read from the database.
 *
 * @param correctedNumber   for a credit note, the invoice it corrects; null otherwise
 * @param settled           total of {@code settlements}
 * @param paymentInstructions the site's instructions ("Règlement par chèque à l'ordre de…"), or null
 */
public record InvoiceDocument(Letterhead site, Addressee family, String number, BillingKind kind,
        String correctedNumber, String schoolYear, LocalDate issueDate, LocalDate dueDate,
        List<InvoiceDocumentLine> lines, BigDecimal total, List<Settlement> settlements, BigDecimal settled,
        BigDecimal balance, String paymentInstructions) {

    public InvoiceDocument {
        lines = List.copyOf(lines);
        settlements = List.copyOf(settlements);
    }

    public boolean isCreditNote() {
        return correctedNumber != null;
    }
}
