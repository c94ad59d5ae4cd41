package org.tutti.client.ui.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.NewInvoiceLine;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.RentalItemKind;
import org.tutti.client.domain.RentalItemOption;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.StaffBillingService;

/**
 * Facturation at the front desk on a few families of Bellerive: every call is recorded as a line
 * of text (amounts with their scale, so a double would show), the numbers issued follow one
 * another, and {@link #refusals} (one per call, in order) make the next writes fail.
 */
final class FakeStaffBilling implements StaffBillingService, BillingService {

    final List<FamilyOption> allFamilies = List.of(
            new FamilyOption(10, "F0001", "MARTIN Claire"),
            new FamilyOption(11, "F0002", "MARTIN Paul"),
            new FamilyOption(12, "F0003", "DURAND Élise"),
            new FamilyOption(13, "F0004", "BERNARD Jules"));
    final List<StudentOption> students = List.of(new StudentOption(21, "Léa MARTIN"), new StudentOption(22, "Hugo MARTIN"));
    final List<RentalItemOption> items = List.of(
            new RentalItemOption(31, RentalItemKind.INSTRUMENT, "Violon 1/2", "INV-0012", new BigDecimal("18.00"), false),
            new RentalItemOption(32, RentalItemKind.INSTRUMENT, "Violoncelle 3/4", "INV-0020", new BigDecimal("25.00"), true));
    final List<RentalLine> rentalLines = new ArrayList<>(List.of(
            new RentalLine(41, RentalItemKind.INSTRUMENT, "Violoncelle 3/4", "INV-0020", "Hugo MARTIN",
                    LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 30), new BigDecimal("25.00"), new BigDecimal("150.00"),
                    "BEL-2026-000090", true)));
    /** The open invoices of family 10, oldest first by issue date. */
    final List<InvoiceSummary> invoices = new ArrayList<>(List.of(
            invoice(51, "BEL-2026-000101", BillingKind.FEES, LocalDate.of(2026, 9, 15), "420.00", "100.00"),
            invoice(52, "BEL-2026-000090", BillingKind.RENTALS, LocalDate.of(2026, 9, 1), "250.00", "0.00"),
            invoice(53, "BEL-2026-000120", BillingKind.FEES, LocalDate.of(2026, 11, 2), "80.00", "0.00")));

    final List<String> calls = new CopyOnWriteArrayList<>();
    final LinkedList<RuntimeException> refusals = new LinkedList<>();
    private int invoiceNumber = 124;
    private int receiptNumber = 43;

    static InvoiceSummary invoice(long id, String number, BillingKind kind, LocalDate issued, String total, String settled) {
        BigDecimal amount = new BigDecimal(total);
        BigDecimal paid = new BigDecimal(settled);
        BigDecimal balance = amount.subtract(paid);
        return new InvoiceSummary(id, number, kind, issued, issued.plusDays(30),
                (kind == BillingKind.FEES ? "Cotisations" : "Locations") + " 2026-2027", amount, paid, balance,
                paid.signum() == 0 ? InvoiceState.DUE : InvoiceState.PARTIALLY_PAID, null);
    }

    private void refuseIfAsked() {
        RuntimeException refusal = refusals.poll();
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public List<FamilyOption> families(UserSession session, String text) {
        calls.add("families " + text);
        refuseIfAsked();
        String wanted = text.toLowerCase(Locale.ROOT);
        return allFamilies.stream().filter(f -> (f.identifier() + " " + f.name()).toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
    }

    @Override
    public List<StudentOption> students(UserSession session, long familyId) {
        return students;
    }

    @Override
    public List<RentalItemOption> rentalItems(UserSession session) {
        return items;
    }

    @Override
    public List<RentalLine> rentals(UserSession session, long familyId) {
        return familyId == 10 ? List.copyOf(rentalLines) : List.of();
    }

    @Override
    public String issueInvoice(UserSession session, long familyId, BillingKind kind, LocalDate dueDate,
            List<NewInvoiceLine> lines) {
        StringBuilder line = new StringBuilder("invoice " + familyId + " " + kind + " " + dueDate);
        for (NewInvoiceLine l : lines) {
            line.append(" [").append(l.label()).append(" | ").append(l.studentId()).append(" | ").append(l.quantity())
                    .append(" x ").append(l.unitPrice()).append(']');
        }
        calls.add(line.toString());
        refuseIfAsked();
        return String.format("BEL-2026-%06d", invoiceNumber++);
    }

    @Override
    public String recordPayment(UserSession session, long familyId, LocalDate date, PaymentMethod method,
            BigDecimal amount, String reference, Map<Long, BigDecimal> allocations) {
        calls.add("payment " + familyId + " " + date + " " + method + " " + amount + " " + reference + " "
                + new TreeMap<>(allocations));
        refuseIfAsked();
        return String.format("BEL-R-2026-%06d", receiptNumber++);
    }

    @Override
    public String issueCreditNote(UserSession session, long invoiceId, BigDecimal amount, String reason) {
        calls.add("credit " + invoiceId + " " + amount + " " + reason);
        refuseIfAsked();
        return String.format("BEL-2026-%06d", invoiceNumber++);
    }

    @Override
    public String createRental(UserSession session, long rentalItemId, long familyId, Long studentId,
            LocalDate startDate, LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit) {
        calls.add("rental " + rentalItemId + " " + familyId + " " + studentId + " " + startDate + " " + endDate + " "
                + monthlyFee + " " + deposit);
        refuseIfAsked();
        return String.format("BEL-2026-%06d", invoiceNumber++);
    }

    @Override
    public void endRental(UserSession session, long rentalId, LocalDate endDate) {
        calls.add("end " + rentalId + " " + endDate);
        refuseIfAsked();
    }

    // the read side: family 10's open invoices (the payment form reads them)

    @Override
    public BillingOverview overview(UserSession session, long familyId, BillingKind kind) {
        List<InvoiceSummary> mine = familyId == 10 ? invoices.stream().filter(i -> i.kind() == kind).toList() : List.of();
        BigDecimal due = mine.stream().map(InvoiceSummary::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BillingOverview(kind, mine, List.of(), due, false);
    }

    @Override
    public InvoiceDocument invoiceDocument(UserSession session, long invoiceId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ReceiptDocument receiptDocument(UserSession session, long paymentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> onlinePaymentUrl(UserSession session, long invoiceId) {
        return Optional.empty();
    }
}
