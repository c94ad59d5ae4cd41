package org.tutti.client.service;

import java.util.Optional;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.UserSession;

/**
 * Facturation, read side: a family's invoices and payments, and what their PDF duplicates and
 * receipts print. A family session sees only its own family (row-level security on PostgreSQL,
 * the same filter on H2); a staff session any family of its site. Asking for a row the session
 * may not see is {@link ServiceException.Reason#NOT_FOUND}.
 */
public interface BillingService {

    /** One tab of Facturation for {@code familyId} (a family passes its own {@code session.familyId()}). */
    BillingOverview overview(UserSession session, long familyId, BillingKind kind);

    /** What the duplicate of an invoice or credit note prints. */
    InvoiceDocument invoiceDocument(UserSession session, long invoiceId);

    /** What a payment's receipt prints. */
    ReceiptDocument receiptDocument(UserSession session, long paymentId);

    /**
     * The provider's page that pays what is left of this invoice, built from the site's URL
     * template ({@code tutti.site.online_payment_url}); empty when the site does not offer online
     * payment or nothing is left to pay. Nothing is marked paid.
     */
    Optional<String> onlinePaymentUrl(UserSession session, long invoiceId);
}
