package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tutti.client.documents.BillingDocuments;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 14's "done when": every demo family's billing reads, and every one of its invoices, credit
 * notes and receipts draws as a PDF that says its number, the family, its amounts and balance, on
 * both sites (read by the front desk of each site, on the seeded demo database, H2).
 */
class DemoBillingDocumentsTest {

    @Test
    void everyInvoiceAndReceiptOfEveryDemoFamilyDrawsAPdfThatSaysItsNumbersAndAmounts() throws IOException {
        SeededDatabases.Seeded seeded = SeededDatabases.get(DatabaseVendor.H2);
        Sql sql = new Sql(seeded.db().dataSource());
        Backend desk = seeded.staffBackend();
        int invoices = 0;
        int receipts = 0;
        for (String[] staff : new String[][] {{"BELLERIVE", "ACCUEIL", "bellerive"},
                {"MONTFLEURY", "SECRETARIAT", "montfleury"}}) {
            UserSession session = desk.auth().login(staff[0], staff[1], staff[2].toCharArray()).orElseThrow();
            for (Object family : sql.column("select f.id from tutti.family f join tutti.site s on s.id = f.site_id"
                    + " where s.code = ? order by f.id", staff[0])) {
                long familyId = ((Number) family).longValue();
                List<Long> paymentsSeen = new ArrayList<>();
                for (BillingKind kind : BillingKind.values()) {
                    var overview = desk.billing().overview(session, familyId, kind);
                    for (InvoiceSummary invoice : overview.invoices()) {
                        InvoiceDocument document = desk.billing().invoiceDocument(session, invoice.id());
                        String text = text(BillingDocuments.invoice(document));
                        assertThat(text).as(invoice.number()).contains("DUPLICATA", document.number(),
                                document.family().identifier(), BillingDocuments.money(document.total()));
                        if (!document.isCreditNote()) {
                            assertThat(text).as(invoice.number()).contains(BillingDocuments.money(document.balance()));
                        }
                        invoices++;
                    }
                    for (PaymentSummary payment : overview.payments()) {
                        if (paymentsSeen.contains(payment.id())) {
                            continue;
                        }
                        paymentsSeen.add(payment.id());
                        ReceiptDocument document = desk.billing().receiptDocument(session, payment.id());
                        String text = text(BillingDocuments.receipt(document));
                        assertThat(text).as(payment.receiptNumber()).contains(document.receiptNumber(),
                                document.family().identifier(), BillingDocuments.money(document.amount()));
                        for (SettledInvoice settled : document.invoices()) {
                            assertThat(text).as(payment.receiptNumber()).contains(settled.number());
                        }
                        receipts++;
                    }
                }
            }
        }
        assertThat(invoices).as("the demo's invoices, every family of both sites")
                .isEqualTo(sql.count("select count(*) from tutti.invoice"));
        assertThat(receipts).isEqualTo(sql.count("select count(*) from tutti.payment"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
