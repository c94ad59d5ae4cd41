package org.tutti.client.domain;

import java.math.BigDecimal;

/** One item of an invoice: its label, the student it is for (null for none), quantity × unit price = amount. */
public record InvoiceDocumentLine(String label, String studentName, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal amount) {
}
