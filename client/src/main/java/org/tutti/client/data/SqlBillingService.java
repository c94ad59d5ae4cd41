package org.tutti.client.data;

import java.util.Optional;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;

/** Facturation, read side (placeholder until the data part of issue 14 lands). */
final class SqlBillingService implements BillingService {

    private final Transactions transactions;

    SqlBillingService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public BillingOverview overview(UserSession session, long familyId, BillingKind kind) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public InvoiceDocument invoiceDocument(UserSession session, long invoiceId) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public ReceiptDocument receiptDocument(UserSession session, long paymentId) {
        throw new UnsupportedOperationException("issue 14: data part");
    }

    @Override
    public Optional<String> onlinePaymentUrl(UserSession session, long invoiceId) {
        throw new UnsupportedOperationException("issue 14: data part");
    }
}
