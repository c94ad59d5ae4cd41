package org.tutti.client.data;

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
import org.tutti.client.service.StaffBillingService;

/** Facturation at the front desk (placeholder until the data part of issue 14 lands). */
final class SqlStaffBillingService implements StaffBillingService {

    private final Transactions transactions;

    SqlStaffBillingService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<FamilyOption> families(UserSession session, String text) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public List<StudentOption> students(UserSession session, long familyId) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public List<RentalItemOption> rentalItems(UserSession session) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public List<RentalLine> rentals(UserSession session, long familyId) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public String issueInvoice(UserSession session, long familyId, BillingKind kind, LocalDate dueDate,
            List<NewInvoiceLine> lines) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public String recordPayment(UserSession session, long familyId, LocalDate date, PaymentMethod method,
            BigDecimal amount, String reference, Map<Long, BigDecimal> allocations) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public String issueCreditNote(UserSession session, long invoiceId, BigDecimal amount, String reason) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public String createRental(UserSession session, long rentalItemId, long familyId, Long studentId,
            LocalDate startDate, LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public void endRental(UserSession session, long rentalId, LocalDate endDate) {
        throw new UnsupportedOperationException("issue 14: data part");
    }
}
