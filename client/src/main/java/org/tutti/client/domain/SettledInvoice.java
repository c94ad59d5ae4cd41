package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice a payment settles, on the receipt: its number, issue date, and the part of the payment allocated to it. */
public record SettledInvoice(String number, LocalDate issueDate, BigDecimal amount) {
}
