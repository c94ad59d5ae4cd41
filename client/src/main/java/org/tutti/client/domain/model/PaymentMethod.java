package org.tutti.client.domain.model;

/** How a payment was made. Constants match the CHECK constraint of the column. */
public enum PaymentMethod {
    CHEQUE,
    TRANSFER,
    CASH,
    CARD,
    DIRECT_DEBIT,
    ONLINE
}
