package org.tutti.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rental of a family: the item, the student (null: the family), the dates, the fee and deposit,
 * the invoice issued for it (null for none), and whether it is running at the database's date.
 */
public record RentalLine(long id, RentalItemKind kind, String itemLabel, String inventoryCode, String studentName,
        LocalDate startDate, LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit, String invoiceNumber,
        boolean active) {
}
