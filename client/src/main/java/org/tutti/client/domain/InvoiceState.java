package org.tutti.client.domain;

/**
 * An invoice's state as the family reads it (in words, never colour alone), computed from its
 * amounts and the database's date: nothing left to pay (PAID), part paid (PARTIALLY_PAID), nothing
 * paid and not yet due (DUE), a balance past its due date (OVERDUE). A credit note (avoir) is
 * CREDIT_NOTE; an invoice cancelled in full by credit notes without any payment is CANCELLED.
 */
public enum InvoiceState {
    PAID,
    PARTIALLY_PAID,
    DUE,
    OVERDUE,
    CREDIT_NOTE,
    CANCELLED
}
