package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.ui.common.Formats;
import org.tutti.schema.H2Urls;

/**
 * Facturation at the front desk on the seeded embedded demo: ACCUEIL finds F0001, issues an
 * invoice (its number said, the row in the database, the family's tab read again) and records a
 * payment on it (the receipt number, the allocation); then F0001 logs in and sees the invoice with
 * its new balance and the payment on its Facturation cotisations tab.
 */
class StaffBillingFlowTest extends AppHarness {

    private static final String LABEL = "Stage d’été — « Découverte »";

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void theFrontDeskBillsAndCollectsAndTheFamilySeesIt() throws Exception {
        DemoData.copyInto(dataFolder);
        long family = longValue("select f.id from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and f.identifier = 'F0001'");
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navBilling"));
        clickOn("#navBilling");
        await("the search", () -> exists("#billingFamilySearch"));
        await("the search has the focus", () -> stage.getScene().getFocusOwner() == lookup("#billingFamilySearch").query());

        // F0001, found as one types, opened by Enter
        interact(() -> lookup("#billingFamilySearch").queryAs(TextField.class).setText("f0001"));
        TableView<FamilyOption> results = lookup("#billingFamilyResults").query();
        await("F0001 found", () -> results.getItems().size() == 1 && results.getItems().get(0).identifier().equals("F0001"));
        interact(() -> {
            results.requestFocus();
            results.getSelectionModel().select(0);
        });
        press(results, KeyCode.ENTER);
        await("F0001 open", () -> label("#billingFamilyTitle").startsWith("F0001 — ")
                && exists("#feeInvoicesTable") && !invoices().getItems().isEmpty());
        int before = invoices().getItems().size();

        // a new invoice: one line, 120,00 €
        clickOn("#invoiceCreate");
        await("the invoice dialog", () -> exists("#invoiceDialog"));
        interact(() -> {
            lookup("#invoiceLineLabel1").queryAs(TextField.class).setText(LABEL);
            lookup("#invoiceLinePrice1").queryAs(TextField.class).setText("120");
        });
        assertThat(label("#invoiceTotal")).isEqualTo("Total : " + Formats.money(new BigDecimal("120.00")));
        clickOn("#invoiceConfirm");
        await("issued", () -> !exists("#invoiceDialog") && label("#billingStatus").startsWith("Facture "));
        String number = string("select number from tutti.invoice where family_id = " + family
                + " order by id desc fetch first 1 rows only");
        assertThat(number).matches("BEL-\\d{4}-\\d{6}");
        assertThat(label("#billingStatus")).isEqualTo("Facture " + number + " émise.");
        assertThat(string("select label || ' ' || cast(amount as varchar) from tutti.invoice_line l join tutti.invoice i"
                + " on i.id = l.invoice_id where i.number = '" + number + "'")).isEqualTo(LABEL + " 120.00");
        await("the tab read again", () -> invoices().getItems().size() == before + 1);

        // a payment of 50,00 € on it alone
        clickOn("#paymentRecord");
        await("the open invoices", () -> exists("#paymentAllocation1"));
        interact(() -> lookup("#paymentAmount").queryAs(TextField.class).setText("50,00"));
        interact(() -> {
            for (Node n : lookup(n -> n instanceof TextField t && t.getId() != null
                    && t.getId().startsWith("paymentAllocation")).queryAll()) {
                TextField field = (TextField) n;
                field.setText(field.getAccessibleText().startsWith(number + " ") ? "50,00" : "");
            }
        });
        assertThat(label("#paymentRest")).isEqualTo("Tout le montant est affecté.");
        interact(() -> lookup("#paymentReference").queryAs(TextField.class).setText("Chèque 1234567"));
        clickOn("#paymentConfirm");
        await("recorded", () -> !exists("#paymentDialog") && label("#billingStatus").startsWith("Reçu "));
        String receipt = string("select p.receipt_number from tutti.payment p join tutti.payment_allocation a"
                + " on a.payment_id = p.id join tutti.invoice i on i.id = a.invoice_id where i.number = '" + number + "'");
        assertThat(receipt).matches("BEL-R-\\d{4}-\\d{6}");
        assertThat(label("#billingStatus")).isEqualTo("Reçu " + receipt + " émis.");
        await("the new balance at the desk", () -> invoices().getItems().stream()
                .anyMatch(i -> i.number().equals(number) && i.balance().compareTo(new BigDecimal("70.00")) == 0));

        // F0001 sees both, and the new balance
        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("Accueil", () -> exists("#navBilling"));
        clickOn("#navBilling");
        await("F0001's fees", () -> exists("#feeInvoicesTable") && invoices().getItems().stream()
                .anyMatch(i -> i.number().equals(number)));
        InvoiceSummary seen = invoices().getItems().stream().filter(i -> i.number().equals(number)).findFirst()
                .orElseThrow();
        assertThat(seen.label()).startsWith("Cotisations ");
        assertThat(seen.amount()).isEqualByComparingTo("120.00");
        assertThat(seen.settled()).isEqualByComparingTo("50.00");
        assertThat(seen.balance()).isEqualByComparingTo("70.00");
        TableView<PaymentSummary> payments = lookup("#feePaymentsTable").query();
        assertThat(payments.getItems()).filteredOn(p -> p.receiptNumber().equals(receipt)).singleElement()
                .satisfies(p -> {
                    assertThat(p.amount()).isEqualByComparingTo("50.00");
                    assertThat(p.invoiceNumbers()).containsExactly(number);
                    assertThat(p.reference()).isEqualTo("Chèque 1234567");
                });
        BigDecimal due = new BigDecimal(string("select coalesce(sum(i.total_amount"
                + " - coalesce((select sum(a.amount) from tutti.payment_allocation a where a.invoice_id = i.id), 0)"
                + " - coalesce((select sum(c.total_amount) from tutti.invoice c where c.credit_note_for = i.id), 0)), 0)"
                + " from tutti.invoice i where i.family_id = " + family + " and i.kind = 'COTISATION'"
                + " and i.credit_note_for is null"));
        assertThat(label("#feeBalance")).isEqualTo("Reste à payer : " + Formats.money(due));
    }

    private TableView<InvoiceSummary> invoices() {
        return lookup("#feeInvoicesTable").query();
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** A key pressed on {@code target} (headless Monocle routes the robot's keys unreliably). */
    private void press(Node target, KeyCode key) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false)));
    }

    private String string(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
                PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        assertThat(out).as(sql).isNotEmpty();
        return out.get(0);
    }

    private long longValue(String sql) throws Exception {
        return Long.parseLong(string(sql));
    }
}
