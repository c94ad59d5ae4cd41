package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice of the site with a balance past its due date ({@code tutti.overdue_invoices()}). */
public record OverdueInvoice(long invoiceId, String number, long familyId, String familyIdentifier,
        String familyName, LocalDate dueDate, BigDecimal balance) {
}
