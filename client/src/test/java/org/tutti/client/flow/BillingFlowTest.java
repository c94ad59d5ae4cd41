package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.ui.common.ExternalBrowser;
import org.tutti.client.ui.common.FileChoosers;
import org.tutti.client.ui.common.Formats;

/**
 * Facturation on the seeded embedded demo as F0001 (Bellerive): both tabs list exactly the
 * database's invoices and payments with the balance due the amounts give; Enter on an invoice shows
 * its duplicate in the PDF viewer, saved through the chooser hook and read back (number, family,
 * lines, total, balance, accents and € intact); the receipt likewise; Payer en ligne opens the
 * site's payment address for an invoice issued at the front desk (captured, no browser).
 */
class BillingFlowTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @TempDir
    Path files;

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty(FileChoosers.ANSWER_PROPERTY);
        System.clearProperty(ExternalBrowser.CAPTURE_PROPERTY);
        stopApp();
    }

    @Test
    void f0001ReadsItsBillingOpensSavesThePdfsAndPaysOnline() throws Exception {
        DemoData.copyInto(dataFolder);
        long family = sql().longValue("select f.id from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and f.identifier = 'F0001'");
        // an invoice issued at the front desk, with a balance due (what Payer en ligne pays)
        String issued = issueAsFrontDesk(family, "Piano — stage d’été « Découverte »", "135.50");
        Path capture = files.resolve("urls.txt");
        System.setProperty(ExternalBrowser.CAPTURE_PROPERTY, capture.toString());

        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("the navigation", () -> exists("#navBilling"));
        clickOn("#navBilling");
        await("the lists", () -> exists("#feeInvoicesTable") && !lookup("#billingLoading").query().isVisible()
                && !invoices("fee").getItems().isEmpty());

        // both tabs: exactly the database's rows, and the balance due they give
        for (String kind : List.of("COTISATION", "LOCATION")) {
            String prefix = kind.equals("COTISATION") ? "fee" : "rental";
            clickOn(kind.equals("COTISATION") ? "#tabFees" : "#tabRentals");
            assertThat(invoices(prefix).getItems()).extracting(InvoiceSummary::number)
                    .as(kind + " invoices").containsExactlyInAnyOrderElementsOf(sql().strings(
                            "select number from tutti.invoice where family_id = " + family + " and kind = '" + kind + "'"));
            assertThat(payments(prefix).getItems()).extracting(PaymentSummary::receiptNumber)
                    .as(kind + " payments").containsExactlyInAnyOrderElementsOf(sql().strings(
                            "select distinct p.receipt_number from tutti.payment p join tutti.payment_allocation a"
                                    + " on a.payment_id = p.id join tutti.invoice i on i.id = a.invoice_id"
                                    + " where p.family_id = " + family + " and i.kind = '" + kind + "'"));
            BigDecimal due = new BigDecimal(sql().string("select coalesce(sum(i.total_amount"
                    + " - coalesce((select sum(a.amount) from tutti.payment_allocation a where a.invoice_id = i.id), 0)"
                    + " - coalesce((select sum(c.total_amount) from tutti.invoice c where c.credit_note_for = i.id), 0)), 0)"
                    + " from tutti.invoice i where i.family_id = " + family + " and i.kind = '" + kind + "'"
                    + " and i.credit_note_for is null"));
            assertThat(label("#" + prefix + "Balance")).isEqualTo(due.signum() > 0
                    ? "Reste à payer : " + Formats.money(due) : "Rien à payer");
        }
        clickOn("#tabFees");
        assertThat(invoices("fee").getItems()).filteredOn(i -> i.number().equals(issued)).singleElement()
                .satisfies(i -> assertThat(i.balance()).isEqualByComparingTo("135.50"));

        // an invoice with a payment: its duplicate, rendered, saved and read back
        long invoiceId = sql().longValue("select i.id from tutti.invoice i where i.family_id = " + family
                + " and i.kind = 'COTISATION' and i.credit_note_for is null and exists (select 1 from"
                + " tutti.payment_allocation a where a.invoice_id = i.id) order by i.id fetch first 1 rows only");
        InvoiceSummary invoice = invoices("fee").getItems().stream().filter(i -> i.id() == invoiceId).findFirst()
                .orElseThrow();
        String pdfText = openAndSave(invoices("fee"), invoice, files.resolve("facture.pdf"));
        assertThat(pdfText).contains(invoice.number(), "DUPLICATA",
                sql().string("select last_name from tutti.family where id = " + family).toUpperCase(java.util.Locale.ROOT),
                Formats.money(invoice.amount()), Formats.money(invoice.balance()));
        for (String line : sql().strings("select label from tutti.invoice_line where invoice_id = " + invoiceId)) {
            assertThat(pdfText).as("each line").contains(line);
        }

        // a payment: its receipt
        PaymentSummary payment = payments("fee").getItems().get(0);
        String receiptText = openAndSave(payments("fee"), payment, files.resolve("recu.pdf"));
        assertThat(receiptText).contains(payment.receiptNumber(), Formats.money(payment.amount()));
        for (String number : payment.invoiceNumbers()) {
            assertThat(receiptText).as("each invoice settled").contains(number);
        }

        // Payer en ligne: the site's address for the invoice issued above, nothing marked paid
        InvoiceSummary due = invoices("fee").getItems().stream().filter(i -> i.number().equals(issued)).findFirst()
                .orElseThrow();
        interact(() -> {
            invoices("fee").requestFocus();
            invoices("fee").getSelectionModel().select(due);
        });
        assertThat(lookup("#onlinePayment").query().isVisible()).isTrue();
        await("Payer en ligne enabled", () -> !lookup("#onlinePayment").query().isDisabled());
        clickOn("#onlinePayment");
        await("the address captured", () -> Files.exists(capture) && !ExternalBrowser.captured().isEmpty());
        String url = ExternalBrowser.captured().get(0);
        String email = sql().string("select email from tutti.family where id = " + family);
        assertThat(url).startsWith("https://www.payfip.gouv.fr/tpa/paiement.web?numcli=012345&exer="
                + LocalDate.now().getYear()).contains("&refdet=" + issued + "&", "&montant=13550&",
                        "&mel=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).endsWith("&saisie=T");
        await("the notice", () -> label("#billingNotice").equals("La page de paiement s’est ouverte dans votre navigateur."));
        assertThat(sql().string("select status from tutti.invoice where number = '" + issued + "'")).isEqualTo("ISSUED");
    }

    // ------------------------------------------------------------------------------ helpers

    /** Enter on the row: the PDF viewer with a page drawn; Enregistrer to {@code target}; its text. */
    private <T> String openAndSave(TableView<T> table, T row, Path target) throws Exception {
        Set<Window> before = showingWindows();
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(row);
        });
        press(table, KeyCode.ENTER);
        Stage viewer = awaitWindow("pdfViewer", before);
        await("a page drawn", () -> {
            Node page = viewer.getScene().lookup("#pdfPage");
            return page instanceof ImageView image && image.getImage() != null;
        });
        System.setProperty(FileChoosers.ANSWER_PROPERTY, target.toString());
        interact(() -> ((javafx.scene.control.Button) viewer.getScene().lookup("#pdfSave")).fire());
        await("the PDF saved", () -> Files.exists(target) && Files.size(target) > 1000);
        System.clearProperty(FileChoosers.ANSWER_PROPERTY);
        press(viewer.getScene().getRoot(), KeyCode.ESCAPE);
        await("the viewer closed", () -> !viewer.isShowing());
        await("the row has the focus again", () -> stage.getScene().getFocusOwner() == table
                && table.getSelectionModel().getSelectedItem() == row);
        try (PDDocument document = Loader.loadPDF(target.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t\\r\\n]+", " ");
        }
    }

    private TableView<InvoiceSummary> invoices(String prefix) {
        return lookup("#" + prefix + "InvoicesTable").query();
    }

    private TableView<PaymentSummary> payments(String prefix) {
        return lookup("#" + prefix + "PaymentsTable").query();
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** A key pressed on {@code target} (headless Monocle routes the robot's keys unreliably). */
    private void press(Node target, KeyCode key) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false)));
    }

    /** Issues a fee invoice for {@code family} as ACCUEIL through {@code tutti.issue_invoice}; its number. */
    private String issueAsFrontDesk(long family, String label, String price) throws Exception {
        try (Connection c = sql().loggedIn("BELLERIVE", "ACCUEIL", "bellerive");
                PreparedStatement issue = c.prepareStatement("select tutti.issue_invoice(?, 'COTISATION', ?, ?)")) {
            issue.setLong(1, family);
            issue.setObject(2, LocalDate.now().plusDays(30));
            issue.setString(3, "[{\"label\":\"" + label + "\",\"student\":null,\"quantity\":\"1.00\",\"unit_price\":\""
                    + price + "\"}]");
            String number;
            try (ResultSet rs = issue.executeQuery()) {
                rs.next();
                number = rs.getString(1);
            }
            c.commit();
            return number;
        }
    }

    private DemoSql sql() {
        return new DemoSql(dataFolder);
    }
}
