package org.tutti.client.ui.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.ExternalBrowser;

/**
 * Facturation on a fake service, as a family reads it: each tab's invoices and payments in words
 * and French amounts, the balance due, the placeholders, Payer en ligne shown, hidden and enabled
 * by the site's setting and the selected invoice's balance (the address captured instead of a
 * browser), a lost database said in words with Réessayer, F5, Ctrl+Tab, and Enter asking for the
 * row's document.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class BillingTabsTest extends FxRobot {

    @TempDir
    Path folder;

    private final FakeBillingService service = new FakeBillingService();
    private BillingTabs tabs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        French.use();
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(ExternalBrowser.CAPTURE_PROPERTY);
        interact(() -> {
            if (tabs != null) {
                tabs.closeWindows();
            }
        });
    }

    private void show() throws Exception {
        interact(() -> {
            tabs = new BillingTabs(FakeBackend.family("F0001"), service,
                    BackgroundTasks.withUiExecutor(Platform::runLater));
            stage.setScene(new Scene(tabs.root(), 1100, 700));
            stage.sizeToScene(); // an earlier test may have sized the shared stage
            stage.show();
            tabs.showFamily(10);
            tabs.focus();
        });
        await("the lists", () -> !lookup("#billingLoading").query().isVisible());
    }

    @Test
    void theTablesShowTheRowsWithStatesInWordsAndTheBalanceDue() throws Exception {
        show();

        assertThat(service.calls()).containsExactly("overview 10 FEES", "overview 10 RENTALS");
        assertThat(label("#feeBalance")).isEqualTo("Reste à payer : 1\u202f314,56\u00a0€");
        TableView<?> invoices = lookup("#feeInvoicesTable").queryTableView();
        assertThat(headers(invoices)).containsExactly("N°", "Date", "Échéance", "Libellé", "Montant", "Réglé",
                "Reste à payer", "État");
        assertThat(rowTexts(invoices, 0)).containsExactly("BEL-2026-000104", "20/11/2026", "20/12/2026",
                "Avoir sur la facture BEL-2026-000103", "\u221250,00\u00a0€", "0,00\u00a0€", "0,00\u00a0€", "avoir");
        assertThat(rowTexts(invoices, 1)).endsWith("80,00\u00a0€", "en retard");
        assertThat(rowTexts(invoices, 2)).containsExactly("BEL-2026-000102", "15/10/2026", "14/11/2026",
                "Cotisations 2026-2027", "1\u202f500,00\u00a0€", "265,44\u00a0€", "1\u202f234,56\u00a0€",
                "partiellement payée");
        assertThat(rowTexts(invoices, 3)).endsWith("payée");
        // the state is also a style class (colour may add to the words, never replace them)
        assertThat(row(invoices, 1).getStyleClass()).contains("invoice-overdue");

        TableView<?> payments = lookup("#feePaymentsTable").queryTableView();
        assertThat(headers(payments)).containsExactly("Date", "N° de reçu", "Mode", "Montant", "Référence",
                "Factures réglées");
        assertThat(rowTexts(payments, 0)).containsExactly("20/09/2026", "BEL-R-2026-000043", "Chèque",
                "685,44\u00a0€", "Chèque n° 1234567", "BEL-2026-000101, BEL-2026-000102");

        clickOn("#tabRentals");
        assertThat(label("#rentalBalance")).isEqualTo("Rien à payer");
        assertThat(placeholder("#rentalInvoicesTable")).isEqualTo("Aucune facture");
        assertThat(placeholder("#rentalPaymentsTable")).isEqualTo("Aucun règlement");
    }

    @Test
    void payerEnLigneFollowsTheSettingAndTheBalanceAndOpensTheAddress() throws Exception {
        Path capture = folder.resolve("urls.txt");
        System.setProperty(ExternalBrowser.CAPTURE_PROPERTY, capture.toString());
        show();
        Button online = lookup("#onlinePayment").queryButton();
        TableView<InvoiceSummary> invoices = lookup("#feeInvoicesTable").queryTableView();

        assertThat(online.isVisible()).isTrue();
        assertThat(online.isDisabled()).as("no invoice selected").isTrue();
        assertThat(label("#onlinePaymentNote"))
                .isEqualTo("Le paiement sera enregistré par l’établissement dès sa confirmation.");
        select(invoices, FakeBillingService.PAID);
        assertThat(online.isDisabled()).as("nothing left to pay").isTrue();
        select(invoices, FakeBillingService.CREDIT);
        assertThat(online.isDisabled()).as("a credit note").isTrue();
        select(invoices, FakeBillingService.PARTIAL);
        assertThat(online.isDisabled()).isFalse();

        clickOn(online);
        await("the address captured", () -> Files.exists(capture) && !ExternalBrowser.captured().isEmpty());
        assertThat(ExternalBrowser.captured()).containsExactly(service.url.orElseThrow());
        assertThat(service.calls()).contains("url 2");
        assertThat(label("#billingNotice")).isEqualTo("La page de paiement s’est ouverte dans votre navigateur.");

        // a site without online payment: no button at all
        service.overviews.put(BillingKind.FEES, withoutOnlinePayment(service.overviews.get(BillingKind.FEES)));
        press(invoices, KeyCode.F5);
        await("the lists read again", () -> !lookup("#onlinePayment").query().isVisible());
        assertThat(lookup("#onlinePaymentNote").query().isVisible()).isFalse();
        assertThat(service.calls().stream().filter(c -> c.startsWith("overview")).count()).as("F5 read again")
                .isEqualTo(4);
    }

    @Test
    void aLostDatabaseIsSaidInWordsAndRéessayerReadsAgain() throws Exception {
        service.failure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "gone");
        show();

        assertThat(label("#billingError")).isNotBlank().doesNotContain("Exception");
        assertThat(lookup("#billingRetry").query().isVisible()).isTrue();
        assertThat(placeholder("#feeInvoicesTable")).as("not \"Aucune facture\": the list was not read").isEmpty();

        service.failure = null;
        clickOn("#billingRetry");
        await("the rows", () -> lookup("#feeInvoicesTable").queryTableView().getItems().size() == 4);
        assertThat(lookup("#billingError").query().isVisible()).isFalse();
        assertThat(lookup("#billingRetry").query().isVisible()).isFalse();
    }

    @Test
    void ctrlTabGoesToTheOtherTabAndEnterAsksForTheRowsDocument() throws Exception {
        show();
        TabPane pane = lookup("#billingTabs").queryAs(TabPane.class);
        TableView<InvoiceSummary> invoices = lookup("#feeInvoicesTable").queryTableView();
        await("the invoices have the focus", () -> stage.getScene().getFocusOwner() == invoices);

        pressCtrlTab(invoices);
        assertThat(pane.getSelectionModel().getSelectedItem().getId()).isEqualTo("tabRentals");
        await("the rentals' invoices have the focus",
                () -> stage.getScene().getFocusOwner() == lookup("#rentalInvoicesTable").query());
        pressCtrlTab(lookup("#rentalInvoicesTable").query());
        assertThat(pane.getSelectionModel().getSelectedItem().getId()).isEqualTo("tabFees");

        java.util.Set<Window> before = new java.util.HashSet<>(Window.getWindows());
        select(invoices, FakeBillingService.PARTIAL);
        press(invoices, KeyCode.ENTER);
        await("the viewer", () -> Window.getWindows().stream().anyMatch(w -> !before.contains(w) && w.isShowing()));
        assertThat(service.calls()).contains("invoice 2");
        Stage viewer = (Stage) Window.getWindows().stream().filter(w -> !before.contains(w)).findFirst().orElseThrow();
        assertThat(viewer.getTitle()).contains("Facture BEL-2026-000102");

        // Escape closes it and the row has the focus again
        press(viewer.getScene().getRoot(), KeyCode.ESCAPE);
        await("the viewer closed", () -> !viewer.isShowing());
        await("the row has the focus", () -> stage.getScene().getFocusOwner() == invoices
                && invoices.getSelectionModel().getSelectedItem() == FakeBillingService.PARTIAL);
    }

    @Test
    void tabGoesFromTheTabsToTheInvoicesThePaymentsThenPayerEnLigne() throws Exception {
        show();
        TableView<InvoiceSummary> invoices = lookup("#feeInvoicesTable").queryTableView();
        select(invoices, FakeBillingService.PARTIAL);
        interact(() -> lookup("#billingTabs").query().requestFocus());

        press(lookup("#billingTabs").query(), KeyCode.TAB);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(invoices);
        press(invoices, KeyCode.TAB);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(lookup("#feePaymentsTable").query());
        press(lookup("#feePaymentsTable").query(), KeyCode.TAB);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(lookup("#onlinePayment").query());
    }

    @Test
    void aTabAddedByTheFrontDeskComesThirdAndCtrlTabGoesThroughIt() throws Exception {
        show();
        interact(() -> tabs.addTab(new Tab("Objets loués", new Label("objets"))));
        TabPane pane = lookup("#billingTabs").queryAs(TabPane.class);
        TableView<InvoiceSummary> rentalInvoices = lookup("#rentalInvoicesTable").queryTableView();
        interact(() -> pane.getSelectionModel().select(1));

        pressCtrlTab(rentalInvoices);
        assertThat(pane.getSelectionModel().getSelectedItem().getText()).isEqualTo("Objets loués");
        assertThat(tabs.model().shownKindProperty().get()).as("the last kind shown stays").isEqualTo(BillingKind.RENTALS);

        pressCtrlTab(pane);
        assertThat(pane.getSelectionModel().getSelectedItem().getId()).isEqualTo("tabFees");
        await("the fee invoices have the focus",
                () -> stage.getScene().getFocusOwner() == lookup("#feeInvoicesTable").query());
    }

    @Test
    void theInvoiceSelectedStaysSelectedAndHighlightedWhenTheListsAreReadAgain() throws Exception {
        show();
        TableView<InvoiceSummary> invoices = lookup("#feeInvoicesTable").queryTableView();
        select(invoices, FakeBillingService.PARTIAL);
        long overviews = service.calls().stream().filter(c -> c.startsWith("overview")).count();
        // meanwhile the front desk recorded 234,56 € on it: the same invoice, read with its new balance
        InvoiceSummary was = FakeBillingService.PARTIAL;
        InvoiceSummary now = new InvoiceSummary(was.id(), was.number(), was.kind(), was.issueDate(), was.dueDate(),
                was.label(), was.amount(), new java.math.BigDecimal("500.00"), new java.math.BigDecimal("1000.00"),
                was.state(), null);
        BillingOverview fees = service.overviews.get(BillingKind.FEES);
        service.overviews.put(BillingKind.FEES, new BillingOverview(BillingKind.FEES,
                fees.invoices().stream().map(i -> i.id() == was.id() ? now : i).toList(), fees.payments(),
                fees.balanceDue(), fees.onlinePaymentOffered()));

        press(invoices, KeyCode.F5);
        await("read again", () -> service.calls().stream().filter(c -> c.startsWith("overview")).count() > overviews
                && !lookup("#billingLoading").query().isVisible());

        assertThat(tabs.selectedInvoiceProperty().get()).isEqualTo(now);
        assertThat(invoices.getSelectionModel().getSelectedItem()).as("the row the front desk acts on, highlighted")
                .isEqualTo(now);
    }

    @Test
    void theInvoicesReachedByTheKeyboardSelectTheRowTheyShowFocused() throws Exception {
        show();
        TableView<InvoiceSummary> invoices = lookup("#feeInvoicesTable").queryTableView();
        assertThat(invoices.getSelectionModel().isEmpty()).isTrue();
        interact(() -> lookup("#billingTabs").query().requestFocus());

        press(lookup("#billingTabs").query(), KeyCode.TAB);

        assertThat(stage.getScene().getFocusOwner()).isSameAs(invoices);
        assertThat(invoices.getSelectionModel().getSelectedIndex()).as("the first row, highlighted").isZero();
    }

    // ------------------------------------------------------------------------------ helpers

    private static BillingOverview withoutOnlinePayment(BillingOverview overview) {
        return new BillingOverview(overview.kind(), overview.invoices(), overview.payments(), overview.balanceDue(),
                false);
    }

    private void select(TableView<InvoiceSummary> table, InvoiceSummary invoice) {
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(invoice);
        });
    }

    private void press(Node target, KeyCode key) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false,
                false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pressCtrlTab(Node target) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, true,
                false, false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private String placeholder(String query) {
        return ((Label) lookup(query).queryTableView().getPlaceholder()).getText();
    }

    private static List<String> headers(TableView<?> table) {
        return table.getColumns().stream().map(c -> c.getText()).toList();
    }

    private static TableRow<?> row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index && r.getItem() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + index));
    }

    /** The texts the cells of a row show, left to right. */
    private static List<String> rowTexts(TableView<?> table, int index) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node n : row(table, index).lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                cells.add(cell);
            }
        }
        cells.sort(Comparator.comparingInt(c -> table.getVisibleLeafIndex((javafx.scene.control.TableColumn) c
                .getTableColumn())));
        return cells.stream().map(c -> Optional.ofNullable(c.getText()).orElse("")).toList();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
