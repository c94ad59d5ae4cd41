package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What settled part of an invoice: a payment (its receipt number, date, method) or a credit note
 * (its number and date, {@code method} null); {@code amount} is the part of this invoice it settles.
 */
public record Settlement(String number, LocalDate date, PaymentMethod method, BigDecimal amount) {

    public boolean isCreditNote() {
        return method == null;
    }
}
