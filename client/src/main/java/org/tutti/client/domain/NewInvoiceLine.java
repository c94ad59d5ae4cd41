package org.tutti.client.domain;

import java.math.BigDecimal;

/** A line of an invoice staff are issuing: label, student (null: none), quantity (> 0), unit price (≥ 0). */
public record NewInvoiceLine(String label, Long studentId, BigDecimal quantity, BigDecimal unitPrice) {
}
