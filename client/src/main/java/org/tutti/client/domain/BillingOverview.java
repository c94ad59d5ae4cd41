package org.tutti.client.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Facturation tab for one family: its invoices (newest first, credit notes included), its
 * payments (newest first), the balance due over the tab's invoices, and whether the site offers
 * online payment (the button shows only then, and only for an invoice with a balance due).
 */
public record BillingOverview(BillingKind kind, List<InvoiceSummary> invoices, List<PaymentSummary> payments,
        BigDecimal balanceDue, boolean onlinePaymentOffered) {

    public BillingOverview {
        invoices = List.copyOf(invoices);
        payments = List.copyOf(payments);
    }
}
