package org.tutti.client.domain;

/** How a payment was made: the values of {@code tutti.payment.method}. */
public enum PaymentMethod {
    CHEQUE,
    TRANSFER,
    CASH,
    CARD,
    DIRECT_DEBIT,
    ONLINE
}
