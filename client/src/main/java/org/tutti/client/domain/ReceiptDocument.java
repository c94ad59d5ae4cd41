package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Everything a payment receipt prints, read from the database. */
public record ReceiptDocument(Letterhead site, Addressee family, String receiptNumber, LocalDate date,
        PaymentMethod method, BigDecimal amount, String reference, List<SettledInvoice> invoices) {

    public ReceiptDocument {
        invoices = List.copyOf(invoices);
    }
}
