package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a Facturation tab's invoices.
 *
 * @param label           "Cotisations 2026-2027", "Locations 2026-2027", "Avoir sur la facture BEL-2026-000123"
 * @param amount          the invoice's total; a credit note's amount is negative
 * @param settled         what payments and credit notes have settled (0 for a credit note)
 * @param balance         what is left to pay (0 for a credit note)
 * @param correctedNumber for a credit note, the number of the invoice it corrects; otherwise null
 */
public record InvoiceSummary(long id, String number, BillingKind kind, LocalDate issueDate, LocalDate dueDate,
        String label, BigDecimal amount, BigDecimal settled, BigDecimal balance, InvoiceState state,
        String correctedNumber) {

    public boolean isCreditNote() {
        return correctedNumber != null;
    }

    public boolean hasBalanceDue() {
        return balance.signum() > 0;
    }
}
