package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a Facturation tab's payments: a payment is listed on each tab where it settles an
 * invoice, with the numbers of every invoice it settles.
 */
public record PaymentSummary(long id, String receiptNumber, LocalDate date, PaymentMethod method, BigDecimal amount,
        String reference, List<String> invoiceNumbers) {

    public PaymentSummary {
        invoiceNumbers = List.copyOf(invoiceNumbers);
    }
}
