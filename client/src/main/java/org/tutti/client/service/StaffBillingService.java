package org.tutti.client.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.NewInvoiceLine;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.RentalItemOption;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.domain.UserSession;

/**
 * Facturation at the front desk (staff session, limited to its site): find a family, issue
 * invoices and credit notes, record payments, rent items. Every write goes through one SQL
 * function of the database (see server-schema/SQL-API.md, "Billing"), which numbers invoices and
 * receipts per site and year without gaps; an issued invoice is never edited.
 */
public interface StaffBillingService {

    /**
     * The site's families by name, at most 50: all of them while {@code text} is blank, else those
     * Familles finds ({@link FamilySearchService}: every word starts a word of the identifier, the
     * names, an e-mail, a phone or a student's name, case and accents ignored), the best matches kept.
     */
    List<FamilyOption> families(UserSession session, String text);

    /** The family's students, by name. */
    List<StudentOption> students(UserSession session, long familyId);

    /** The site's rental items, by kind and label. */
    List<RentalItemOption> rentalItems(UserSession session);

    /** The family's rentals, newest first. */
    List<RentalLine> rentals(UserSession session, long familyId);

    /**
     * Issues an invoice dated today (the database's date) in the current school year.
     *
     * @return its number ("BEL-2026-000124")
     * @throws BillingRefusedException INVALID (no line, a bad quantity/price/date, a student not of
     *         the family), TOO_LONG (label over 200), BUSY
     */
    String issueInvoice(UserSession session, long familyId, BillingKind kind, LocalDate dueDate,
            List<NewInvoiceLine> lines);

    /**
     * Records a payment and allocates it to the family's invoices ({@code allocations}: invoice id
     * → amount; their sum must equal {@code amount}).
     *
     * @return the receipt number ("BEL-R-2026-000043")
     * @throws BillingRefusedException OVER_ALLOCATION (more than an invoice's balance; detail: the
     *         invoice number), AMOUNT_MISMATCH, INVALID (a date in the future, an amount ≤ 0, an
     *         invoice not of the family), TOO_LONG (reference over 80), BUSY
     */
    String recordPayment(UserSession session, long familyId, LocalDate date, PaymentMethod method, BigDecimal amount,
            String reference, Map<Long, BigDecimal> allocations);

    /**
     * Issues a credit note (avoir) that cancels {@code amount} of an invoice's balance.
     *
     * @return the credit note's number (in the invoices' series)
     * @throws BillingRefusedException CREDIT_TOO_LARGE (more than the balance), INVALID, TOO_LONG (reason over 200), BUSY
     */
    String issueCreditNote(UserSession session, long invoiceId, BigDecimal amount, String reason);

    /**
     * Rents an item to the family (for a student, or null) and issues its rental invoice (one line:
     * months started × monthly fee).
     *
     * @return the rental invoice's number
     * @throws BillingRefusedException ITEM_RENTED (another rental covers part of the dates), INVALID, BUSY
     */
    String createRental(UserSession session, long rentalItemId, long familyId, Long studentId, LocalDate startDate,
            LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit);

    /**
     * Ends a rental on {@code endDate} (after its start, before its planned end).
     *
     * @throws BillingRefusedException ALREADY_ENDED, INVALID, BUSY
     */
    void endRental(UserSession session, long rentalId, LocalDate endDate);
}
