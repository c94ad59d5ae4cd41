package org.tutti.client.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.Addressee;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceDocumentLine;
import org.tutti.client.domain.Letterhead;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.Settlement;

class BillingDocumentsTest {

    static final Letterhead SITE = new Letterhead("Conservatoire de Bellerive",
            List.of("12 rue de l’Église", "74000 Bellerive-sur-Lac"), "04 50 00 00 00", "accueil@bellerive.example");
    static final Addressee FAMILY = new Addressee("Mme Hélène FRANÇOIS-LEFÈVRE",
            List.of("3 allée des Peupliers", "74000 Bellerive-sur-Lac"), "F0001");

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    static InvoiceDocument invoice(int lineCount) {
        List<InvoiceDocumentLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        lines.add(new InvoiceDocumentLine("Piano — cotisation annuelle", "Zoé FRANÇOIS", amount("1.00"),
                amount("1234.56"), amount("1234.56")));
        total = total.add(amount("1234.56"));
        for (int i = 2; i <= lineCount; i++) {
            lines.add(new InvoiceDocumentLine("Solfège l’après-midi, séance " + i, "Léo FRANÇOIS",
                    amount("2.50"), amount("10.00"), amount("25.00")));
            total = total.add(amount("25.00"));
        }
        BigDecimal settled = amount("170.00");
        return new InvoiceDocument(SITE, FAMILY, "BEL-2026-000124", BillingKind.FEES, null, "2026-2027",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), lines, total,
                List.of(new Settlement("BEL-R-2026-000043", LocalDate.of(2026, 9, 15), PaymentMethod.CHEQUE,
                        amount("120.00")), new Settlement("BEL-2026-000130", LocalDate.of(2026, 9, 20), null,
                                amount("50.00"))),
                settled, total.subtract(settled),
                "Règlement par chèque à l’ordre du Trésor public, par virement (IBAN FR76 3000 1007 9412 3456 7890 185) "
                        + "ou en ligne sur le portail Tutti.");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void theInvoiceDuplicateReadsBackWithItsNumberFamilyLinesTotalsAndBalance() throws IOException {
        String text = text(BillingDocuments.invoice(invoice(2)));

        assertThat(text).contains("DUPLICATA", "Facture n° BEL-2026-000124", "Conservatoire de Bellerive",
                "12 rue de l’Église", "Tél. : 04 50 00 00 00", "Courriel : accueil@bellerive.example",
                "Mme Hélène FRANÇOIS-LEFÈVRE", "3 allée des Peupliers", "Identifiant : F0001",
                "Date d’émission : 01/09/2026", "Date d’échéance : 30/09/2026", "Année scolaire : 2026-2027",
                "Objet : Cotisations",
                "Désignation", "Élève", "Quantité", "Prix unitaire", "Montant",
                "Piano — cotisation annuelle", "Zoé FRANÇOIS", "Solfège l’après-midi, séance 2",
                "Léo FRANÇOIS", "2,5", "10,00\u00A0€", "25,00\u00A0€",
                "Règlement n° BEL-R-2026-000043 du 15/09/2026 par chèque : 120,00\u00A0€",
                "Avoir n° BEL-2026-000130 du 20/09/2026 : 50,00\u00A0€",
                "Règlement par chèque à l’ordre du Trésor public", "Page 1 / 1");
        // the French amounts: a narrow no-break space between thousands, a no-break space before €
        assertThat(text).contains("Total 1\u202F259,56\u00A0€", "Montant réglé 170,00\u00A0€",
                "Reste à payer 1\u202F089,56\u00A0€", "1\u202F234,56\u00A0€");
        assertThat(BillingDocuments.money(amount("1234.56"))).isEqualTo("1\u202F234,56\u00A0€");
    }

    @Test
    void theSameDataGivesTheSameBytesAndAFixedDate() throws Exception {
        byte[] first = BillingDocuments.invoice(invoice(3));
        byte[] second = BillingDocuments.invoice(invoice(3));
        // compared by their SHA-256 (a failure prints two hashes, not two PDFs)
        assertThat(sha256(second)).isEqualTo(sha256(first));
        assertThat(sha256(BillingDocuments.receipt(receipt(2)))).isEqualTo(sha256(BillingDocuments.receipt(receipt(2))));
        assertThat(sha256(BillingDocuments.invoice(invoice(4)))).isNotEqualTo(sha256(first));

        try (PDDocument document = Loader.loadPDF(first)) {
            Calendar created = document.getDocumentInformation().getCreationDate();
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            assertThat(created.get(Calendar.YEAR)).isEqualTo(2026);
            assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(1);
            assertThat(created.get(Calendar.HOUR_OF_DAY)).isEqualTo(12);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Facture n° BEL-2026-000124");
            assertThat(document.getDocumentInformation().getProducer()).isNull();
            assertThat(document.getDocument().getDocumentID()).isNotNull();
        }
    }

    @Test
    void aFortyLineInvoiceContinuesOnASecondPageWithItsTableHeaderAgain() throws IOException {
        byte[] pdf = BillingDocuments.invoice(invoice(40));
        assertThat(pages(pdf)).isEqualTo(2);
        String text = text(pdf);
        assertThat(text).contains("Page 1 / 2", "Page 2 / 2", "Solfège l’après-midi, séance 40",
                "Total 2\u202F209,56\u00A0€", "Reste à payer 2\u202F039,56\u00A0€");
        for (int i = 2; i <= 40; i++) {
            assertThat(text).contains("séance " + i + " Léo FRANÇOIS 2,5 10,00\u00A0€ 25,00\u00A0€");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(document)).contains("Désignation", "Prix unitaire", "séance 40");
        }
    }

    @Test
    void aCreditNoteNamesTheInvoiceItCorrectsWithoutDueDateNorBalance() throws IOException {
        InvoiceDocument credit = new InvoiceDocument(SITE, FAMILY, "BEL-2026-000130", BillingKind.RENTALS,
                "BEL-2026-000124", "2026-2027", LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 20),
                List.of(new InvoiceDocumentLine("Avoir sur la facture BEL-2026-000124 : erreur d’inscription", null,
                        amount("1.00"), amount("50.00"), amount("50.00"))),
                amount("50.00"), List.of(), amount("0.00"), amount("0.00"), "Par chèque");
        // the credit note's line is long: it goes on two lines of its cell
        String text = text(BillingDocuments.invoice(credit)).replace('\n', ' ');

        assertThat(text).contains("DUPLICATA", "Avoir n° BEL-2026-000130 — corrige la facture BEL-2026-000124",
                "Objet : Locations", "Avoir sur la facture BEL-2026-000124 : erreur d’inscription",
                "Total de l’avoir 50,00\u00A0€", "Mme Hélène FRANÇOIS-LEFÈVRE");
        assertThat(text).doesNotContain("Date d’échéance", "Reste à payer", "Par chèque");
        assertThat(BillingDocuments.fileName(credit)).isEqualTo("avoir-BEL-2026-000130.pdf");
    }

    static ReceiptDocument receipt(int invoices) {
        List<SettledInvoice> settled = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            settled.add(new SettledInvoice("BEL-2026-00012" + i, LocalDate.of(2026, 9, 1 + i), amount("60.00")));
        }
        return new ReceiptDocument(SITE, FAMILY, "BEL-R-2026-000043", LocalDate.of(2026, 9, 15),
                PaymentMethod.CHEQUE, amount("60.00").multiply(BigDecimal.valueOf(invoices)),
                "Chèque n° 1234567 — Crédit Agricole", settled);
    }

    @Test
    void theReceiptSaysItsNumberDateMethodReferenceAmountAndTheInvoicesSettled() throws IOException {
        String text = text(BillingDocuments.receipt(receipt(2)));

        assertThat(text).contains("Reçu de paiement n° BEL-R-2026-000043", "Conservatoire de Bellerive",
                "Date du paiement : 15/09/2026", "Mode de paiement : Chèque",
                "Référence : Chèque n° 1234567 — Crédit Agricole", "Montant reçu : 120,00\u00A0€",
                "Mme Hélène FRANÇOIS-LEFÈVRE", "Identifiant : F0001", "Factures réglées",
                "BEL-2026-000120 01/09/2026 60,00\u00A0€", "BEL-2026-000121 02/09/2026 60,00\u00A0€",
                "Total affecté 120,00\u00A0€", "Page 1 / 1");
        assertThat(BillingDocuments.fileName(receipt(1))).isEqualTo("recu-BEL-R-2026-000043.pdf");
    }

    @Test
    void everyPaymentMethodHasItsFrenchWords() throws IOException {
        for (PaymentMethod method : PaymentMethod.values()) {
            ReceiptDocument r = receipt(1);
            ReceiptDocument paid = new ReceiptDocument(r.site(), r.family(), r.receiptNumber(), r.date(), method,
                    r.amount(), null, r.invoices());
            assertThat(text(BillingDocuments.receipt(paid))).as(method.name()).contains("Mode de paiement : "
                    + BillingDocuments.text("method." + method.name())).doesNotContain("Référence");
        }
        assertThat(BillingDocuments.text("method.by.CASH")).isEqualTo("en espèces");
    }

    @Test
    void theFontHasTheFrenchCharactersAndACharacterItLacksBecomesAQuestionMark() throws IOException {
        try (PdfPages pdf = new PdfPages()) {
            for (PDFont font : List.of(pdf.regular, pdf.bold)) {
                assertThat(pdf.printable(font, "àâçéèêëîïôöùûüÿœæÀÉÈÇŒ€’«»\u202F\u00A0—"))
                        .isEqualTo("àâçéèêëîïôöùûüÿœæÀÉÈÇŒ€’«»\u202F\u00A0—");
            }
            assertThat(pdf.printable(pdf.regular, "Léa\t🎻\nMARTIN")).isEqualTo("Léa ? MARTIN");
        }
    }

    @Test
    void theDocumentsTextsAreFrenchPatternsMessageFormatKeepsWhole() throws IOException {
        java.util.Properties texts = new java.util.Properties();
        try (java.io.Reader in = new java.io.InputStreamReader(
                BillingDocuments.class.getResourceAsStream("billing.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        assertThat(texts).isNotEmpty();
        for (String key : texts.stringPropertyNames()) {
            assertThat(texts.getProperty(key)).as(key).isNotBlank()
                    .as(key + ": a typographic apostrophe (MessageFormat drops ')").doesNotContain("'");
        }
        for (PaymentMethod method : PaymentMethod.values()) {
            assertThat(texts).containsKeys("method." + method.name(), "method.by." + method.name());
        }
        for (BillingKind kind : BillingKind.values()) {
            assertThat(texts).containsKey("invoice.kind." + kind.name());
        }
    }
}
