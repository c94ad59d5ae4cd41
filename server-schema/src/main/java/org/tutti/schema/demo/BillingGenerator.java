package org.tutti.schema.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tutti.schema.demo.DemoSite.SchoolYear;

/**
 * Writes a family's invoices of one year (yearly fees, rentals), its rentals, payments and their
 * allocations. Past years are paid; in the current year some families have paid, some in part,
 * some not yet. Amounts are computed in cents, written as euros with two decimals.
 */
final class BillingGenerator {

    private static final BigDecimal RENTAL_MONTHS = new BigDecimal("10.00");
    private static final BigDecimal ONE = new BigDecimal("1.00");

    private final DemoTables tables;
    private final DemoRandom random;

    BillingGenerator(DemoTables tables, DemoRandom random) {
        this.tables = tables;
        this.random = random;
    }

    private enum PaymentOutcome { PAID_AT_ONCE, PAID_IN_THREE, FIRST_INSTALMENT_ONLY, UNPAID }

    private record Payment(LocalDate date, long cents) {
    }

    /** An invoice to write; {@code dueCents} decreases as payments are allocated to it. */
    private static final class PlannedInvoice {
        final long id;
        final long totalCents;
        long dueCents;
        final List<long[]> allocations = new ArrayList<>(); // {payment index, cents}

        PlannedInvoice(long id, long totalCents) {
            this.id = id;
            this.totalCents = totalCents;
            this.dueCents = totalCents;
        }

        String status() {
            return dueCents == 0 ? "PAID" : dueCents < totalCents ? "PARTIAL" : "ISSUED";
        }
    }

    void writeYear(DemoSite site, long familyId, String familyIdentifier, String familyLastName, BillingPlan plan)
            throws SQLException {
        SchoolYear year = plan.year;
        LocalDate issueDate = LocalDate.of(year.start().getYear(), 10, 1);
        LocalDate dueDate = LocalDate.of(year.start().getYear(), 10, 31);

        long feeTotal = plan.fees.stream().mapToLong(BillingPlan.Fee::unitPriceCents).sum();
        long rentalTotal = plan.rentals.stream().mapToLong(r -> r.monthlyFeeCents() * 10L).sum();
        // Ids are assigned in insertion order: the fee invoice is written first, then the rental one.
        List<PlannedInvoice> invoices = new ArrayList<>();
        invoices.add(new PlannedInvoice(tables.invoice.nextId(), feeTotal));
        if (!plan.rentals.isEmpty()) {
            invoices.add(new PlannedInvoice(tables.invoice.nextId() + 1, rentalTotal));
        }
        PaymentOutcome outcome = outcome(year);
        List<Payment> payments = planPayments(year, outcome, feeTotal + rentalTotal);
        allocate(payments, invoices);

        PlannedInvoice feeInvoice = invoices.get(0);
        tables.invoice.insert(site.id, familyId, year.id(), site.nextInvoiceNumber(issueDate), "COTISATION", issueDate,
                dueDate, euros(feeTotal), feeInvoice.status());
        int lineNo = 1;
        for (BillingPlan.Fee fee : plan.fees) {
            BigDecimal amount = euros(fee.unitPriceCents());
            tables.invoiceLine.insert(feeInvoice.id, lineNo++, fee.label(), fee.studentId(), ONE, amount, amount);
        }
        if (!plan.rentals.isEmpty()) {
            writeRentalInvoice(site, familyId, plan, invoices.get(1), issueDate, dueDate);
        }

        boolean instalments = outcome == PaymentOutcome.PAID_IN_THREE || outcome == PaymentOutcome.FIRST_INSTALMENT_ONLY;
        String method = paymentMethod(site, instalments);
        long[] paymentIds = new long[payments.size()];
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            paymentIds[i] = tables.payment.insert(site.id, familyId, site.nextReceiptNumber(payment.date()),
                    payment.date(), euros(payment.cents()), method,
                    reference(method, familyIdentifier, familyLastName, site));
        }
        for (PlannedInvoice invoice : invoices) {
            for (long[] allocation : invoice.allocations) {
                tables.paymentAllocation.insert(paymentIds[(int) allocation[0]], invoice.id, euros(allocation[1]));
            }
        }
    }

    private PaymentOutcome outcome(SchoolYear year) {
        if (!year.current()) {
            return random.chance(0.35) ? PaymentOutcome.PAID_IN_THREE : PaymentOutcome.PAID_AT_ONCE;
        }
        return switch (random.weighted(55, 20, 25)) {
            case 0 -> PaymentOutcome.PAID_AT_ONCE;
            case 1 -> PaymentOutcome.FIRST_INSTALMENT_ONLY;
            default -> PaymentOutcome.UNPAID;
        };
    }

    private List<Payment> planPayments(SchoolYear year, PaymentOutcome outcome, long totalCents) {
        int firstYear = year.start().getYear();
        List<Payment> payments = new ArrayList<>();
        switch (outcome) {
            case PAID_AT_ONCE -> {
                LocalDate last = year.current() ? DemoCalendar.TODAY.minusDays(1) : LocalDate.of(firstYear, 11, 30);
                payments.add(new Payment(random.dateBetween(LocalDate.of(firstYear, 10, 2), last), totalCents));
            }
            case PAID_IN_THREE, FIRST_INSTALMENT_ONLY -> {
                long instalment = totalCents / 3;
                payments.add(new Payment(LocalDate.of(firstYear, 10, 15), instalment));
                if (outcome == PaymentOutcome.PAID_IN_THREE) {
                    payments.add(new Payment(LocalDate.of(firstYear + 1, 1, 15), instalment));
                    payments.add(new Payment(LocalDate.of(firstYear + 1, 4, 15), totalCents - 2 * instalment));
                }
            }
            case UNPAID -> {
                // nothing received yet: the invoices stay ISSUED
            }
        }
        return payments;
    }

    /** Each payment settles the invoices in order: fees first, then rentals. */
    private static void allocate(List<Payment> payments, List<PlannedInvoice> invoices) {
        for (int p = 0; p < payments.size(); p++) {
            long left = payments.get(p).cents();
            for (PlannedInvoice invoice : invoices) {
                long allocated = Math.min(left, invoice.dueCents);
                if (allocated > 0) {
                    invoice.allocations.add(new long[] {p, allocated});
                    invoice.dueCents -= allocated;
                    left -= allocated;
                }
            }
        }
    }

    private void writeRentalInvoice(DemoSite site, long familyId, BillingPlan plan, PlannedInvoice invoice,
                                    LocalDate issueDate, LocalDate dueDate) throws SQLException {
        SchoolYear year = plan.year;
        LocalDate start = LocalDate.of(year.start().getYear(), 9, 10);
        LocalDate end = year.lastLessonDay();
        String period = month(start) + " " + start.getYear() + " à " + month(end) + " " + end.getYear();
        long invoiceId = tables.invoice.insert(site.id, familyId, year.id(), site.nextInvoiceNumber(issueDate), "LOCATION",
                issueDate, dueDate, euros(invoice.totalCents), invoice.status());
        if (invoiceId != invoice.id) {
            throw new IllegalStateException("Rental invoice id " + invoiceId + " differs from the planned " + invoice.id);
        }
        int lineNo = 1;
        for (BillingPlan.Rental rental : plan.rentals) {
            BigDecimal monthlyFee = euros(rental.monthlyFeeCents());
            long itemId;
            String label;
            if (rental.roomLabel() != null) {
                itemId = site.roomRentalItemIds.get(rental.roomLabel());
                label = rental.roomLabel();
            } else {
                label = site.nextRentalLabel(rental.model());
                itemId = tables.rentalItem.insert(site.id, rental.kind(), label, site.nextInventoryCode(), monthlyFee);
            }
            tables.invoiceLine.insert(invoiceId, lineNo++, "Location " + label + " — " + period, rental.studentId(),
                    RENTAL_MONTHS, monthlyFee, euros(rental.monthlyFeeCents() * 10L));
            tables.rental.insert(itemId, familyId, rental.studentId(), invoiceId, start, end, monthlyFee,
                    euros(rental.depositCents()));
        }
    }

    private String paymentMethod(DemoSite site, boolean instalments) {
        if (instalments) {
            return random.chance(0.6) ? "DIRECT_DEBIT" : "CHEQUE";
        }
        return site.onlinePayment
                ? random.pickOf("CHEQUE", "CHEQUE", "TRANSFER", "CARD", "ONLINE", "ONLINE", "CASH")
                : random.pickOf("CHEQUE", "CHEQUE", "CHEQUE", "TRANSFER", "CARD", "CASH");
    }

    private String reference(String method, String familyIdentifier, String lastName, DemoSite site) {
        return switch (method) {
            case "CHEQUE" -> "Chèque n° " + random.digits(7);
            case "TRANSFER" -> "Virement " + lastName.toUpperCase(Locale.FRENCH) + " " + familyIdentifier;
            case "CARD" -> "Carte **** " + random.digits(4);
            case "ONLINE" -> "Paiement en ligne " + random.digits(12);
            case "DIRECT_DEBIT" -> "Prélèvement SEPA RUM " + site.prefix + "-" + familyIdentifier;
            default -> null;
        };
    }

    private static String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
