package org.tutti.client.ui.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tutti.client.domain.Addressee;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceDocumentLine;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.Letterhead;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;

/** Facturation in memory: the overviews and URLs are set by the test, the calls recorded. */
final class FakeBillingService implements BillingService {

    static final InvoiceSummary PAID = invoice(1, "BEL-2026-000101", LocalDate.of(2026, 9, 15), "Cotisations 2026-2027",
            "420.00", "420.00", "0.00", InvoiceState.PAID, null);
    static final InvoiceSummary PARTIAL = invoice(2, "BEL-2026-000102", LocalDate.of(2026, 10, 15),
            "Cotisations 2026-2027", "1500.00", "265.44", "1234.56", InvoiceState.PARTIALLY_PAID, null);
    static final InvoiceSummary OVERDUE = invoice(3, "BEL-2026-000103", LocalDate.of(2026, 11, 1),
            "Cotisations 2026-2027", "80.00", "0.00", "80.00", InvoiceState.OVERDUE, null);
    static final InvoiceSummary CREDIT = invoice(4, "BEL-2026-000104", LocalDate.of(2026, 11, 20),
            "Avoir sur la facture BEL-2026-000103", "-50.00", "0.00", "0.00", InvoiceState.CREDIT_NOTE,
            "BEL-2026-000103");
    static final PaymentSummary CHEQUE = new PaymentSummary(7, "BEL-R-2026-000043", LocalDate.of(2026, 9, 20),
            PaymentMethod.CHEQUE, new BigDecimal("685.44"), "Chèque n° 1234567",
            List.of("BEL-2026-000101", "BEL-2026-000102"));

    final Map<BillingKind, BillingOverview> overviews = new EnumMap<>(BillingKind.class);
    final List<String> calls = new ArrayList<>();
    RuntimeException failure;
    Optional<String> url = Optional.of("https://paiement.example.org/?ref=BEL-2026-000102&montant=123456");

    FakeBillingService() {
        overviews.put(BillingKind.FEES, new BillingOverview(BillingKind.FEES, List.of(CREDIT, OVERDUE, PARTIAL, PAID),
                List.of(CHEQUE), new BigDecimal("1314.56"), true));
        overviews.put(BillingKind.RENTALS, new BillingOverview(BillingKind.RENTALS, List.of(), List.of(),
                new BigDecimal("0.00"), true));
    }

    static InvoiceSummary invoice(long id, String number, LocalDate issued, String label, String amount,
            String settled, String balance, InvoiceState state, String corrected) {
        return new InvoiceSummary(id, number, BillingKind.FEES, issued, issued.plusDays(30), label,
                new BigDecimal(amount), new BigDecimal(settled), new BigDecimal(balance), state, corrected);
    }

    @Override
    public synchronized BillingOverview overview(UserSession session, long familyId, BillingKind kind) {
        calls.add("overview " + familyId + " " + kind);
        if (failure != null) {
            throw failure;
        }
        return overviews.get(kind);
    }

    @Override
    public synchronized InvoiceDocument invoiceDocument(UserSession session, long invoiceId) {
        calls.add("invoice " + invoiceId);
        if (failure != null) {
            throw failure;
        }
        return new InvoiceDocument(letterhead(), addressee(), "BEL-2026-000102", BillingKind.FEES, null, "2026-2027",
                LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14),
                List.of(new InvoiceDocumentLine("Piano — cotisation annuelle", "Léa MARTIN", BigDecimal.ONE,
                        new BigDecimal("1500.00"), new BigDecimal("1500.00"))),
                new BigDecimal("1500.00"), List.of(), new BigDecimal("265.44"), new BigDecimal("1234.56"), null);
    }

    @Override
    public synchronized ReceiptDocument receiptDocument(UserSession session, long paymentId) {
        calls.add("receipt " + paymentId);
        return new ReceiptDocument(letterhead(), addressee(), "BEL-R-2026-000043", LocalDate.of(2026, 9, 20),
                PaymentMethod.CHEQUE, new BigDecimal("685.44"), "Chèque n° 1234567",
                List.of(new SettledInvoice("BEL-2026-000101", LocalDate.of(2026, 9, 15), new BigDecimal("420.00"))));
    }

    @Override
    public synchronized Optional<String> onlinePaymentUrl(UserSession session, long invoiceId) {
        calls.add("url " + invoiceId);
        return url;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private static Letterhead letterhead() {
        return new Letterhead("Conservatoire de Bellerive", List.of("1 place de la Musique", "12345 Bellerive"), null,
                null);
    }

    private static Addressee addressee() {
        return new Addressee("Mme Claire MARTIN", List.of("3 rue des Lilas", "12345 Bellerive"), "F0001");
    }
}
