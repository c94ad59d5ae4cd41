package org.tutti.client.domain.model;

/** Where an invoice stands. Constants match the CHECK constraint of the column. */
public enum InvoiceStatus {
    ISSUED,
    PARTIAL,
    PAID,
    CANCELLED
}
