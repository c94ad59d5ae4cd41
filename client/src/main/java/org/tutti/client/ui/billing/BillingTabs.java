package org.tutti.client.ui.billing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.ui.billing.BillingViewModel.KindTab;
import org.tutti.client.ui.billing.BillingViewModel.OpenDocument;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.DocumentViewer;
import org.tutti.client.ui.common.ExternalBrowser;
import org.tutti.client.ui.common.FamilyBillingPanel;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.common.ThemeManager;

/**
 * The two Facturation tabs (cotisations, locations) of one family: invoices, payments, balance due,
 * the PDF of a row on Enter or double-click, online payment where offered. Used by the family's
 * Facturation screen and by the front desk's.
 *
 * <p>Keyboard: the tabs, then the invoices, the payments, then Payer en ligne (the one button acts
 * on the tab shown); Ctrl+Tab goes to the other tab; Enter opens the row's PDF and the focus comes
 * back to the row when the viewer closes; F5 reads everything again. Ids: tabs {@code tabFees},
 * {@code tabRentals}; tables {@code feeInvoicesTable}, {@code feePaymentsTable},
 * {@code rentalInvoicesTable}, {@code rentalPaymentsTable}; {@code feeBalance}, {@code rentalBalance};
 * {@code onlinePayment}, {@code onlinePaymentNote}; {@code billingError} with {@code billingRetry};
 * {@code billingMessage}, {@code billingNotice}; {@code billingLoading}, {@code billingOpening}.
 */
public final class BillingTabs implements FamilyBillingPanel {

    private final BillingViewModel model;
    private final BackgroundTasks tasks;
    private final VBox root;
    private final TabPane tabs;
    private final Map<BillingKind, TableView<InvoiceSummary>> invoiceTables = new EnumMap<>(BillingKind.class);
    private final Map<BillingKind, TableView<PaymentSummary>> paymentTables = new EnumMap<>(BillingKind.class);
    private final DetailWindows viewers = new DetailWindows();

    public BillingTabs(UserSession session, BillingService billing, BackgroundTasks tasks) {
        this(new BillingViewModel(session, billing, tasks, ExternalBrowser::open), tasks);
    }

    BillingTabs(BillingViewModel model, BackgroundTasks tasks) {
        this.model = model;
        this.tasks = tasks;

        Label error = Forms.announce(Forms.error("billingError", model.errorProperty()), true);
        Button retry = Forms.button(Actions.BILLING_RETRY, model::reload);
        retry.visibleProperty().bind(error.visibleProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        Node loading = Forms.busyIndicator("billingLoading", "billing.loading", model.loadingProperty());
        HBox errorRow = Forms.buttonRow(error, retry, loading);
        HBox.setHgrow(error, Priority.SOMETIMES);

        tabs = new TabPane(
                page(BillingKind.FEES, "tabFees", "billing.tab.fees", "fee"),
                page(BillingKind.RENTALS, "tabRentals", "billing.tab.rentals", "rental"));
        tabs.setId("billingTabs");
        tabs.setAccessibleText(I18n.get("tabs.billing"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            // a tab added by the screen using these ({@link #addTab}) is not a kind of invoice
            if (index.intValue() >= 0 && index.intValue() < BillingKind.values().length) {
                model.shownKindProperty().set(BillingKind.values()[index.intValue()]);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);

        // one Payer en ligne under the tabs, for the tab shown (its id stays unique)
        Button online = Forms.button(Actions.ONLINE_PAYMENT, model::payOnline);
        online.getStyleClass().add("accent");
        online.disableProperty().bind(model.onlineAllowedProperty().not());
        online.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.when(model.onlineAllowedProperty())
                .then(I18n.get("billing.onlinePayment.note")).otherwise(I18n.get("billing.onlinePayment.choose")));
        Node paying = Forms.busyIndicator("billingPaying", "billing.paying", model.payingProperty());
        Label note = Forms.wrapped(I18n.get("billing.onlinePayment.note"), "hint");
        note.setId("onlinePaymentNote");
        Label choose = Forms.wrapped(I18n.get("billing.onlinePayment.choose"), "muted");
        choose.setId("onlinePaymentReason");
        choose.visibleProperty().bind(model.onlineAllowedProperty().not().and(model.payingProperty().not()));
        choose.managedProperty().bind(choose.visibleProperty());
        HBox onlineRow = Forms.buttonRow(online, paying, choose);
        VBox onlineBox = new VBox(onlineRow, note);
        onlineBox.getStyleClass().add("online-payment");
        // hidden altogether where the site does not offer it (the button itself too: tests and
        // screen readers ask the button)
        for (Node node : List.of(onlineBox, online, note)) {
            node.visibleProperty().bind(model.onlineShownProperty());
        }
        onlineBox.managedProperty().bind(onlineBox.visibleProperty());

        Node opening = Forms.busyIndicator("billingOpening", "billing.opening", model.openingProperty());
        Label message = Forms.announce(Forms.error("billingMessage", model.messageProperty()), true);
        Label notice = Forms.announce(Forms.message("billingNotice", model.noticeProperty(), "notice-text"), true);
        HBox messages = Forms.buttonRow(opening, message, notice);

        root = new VBox(errorRow, tabs, onlineBox, messages);
        root.setId("billingRoot");
        root.getStyleClass().add("billing");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.BILLING_RETRY.keyCombination().match(e)) {
                e.consume();
                model.reload();
            } else if (Actions.ONLINE_PAYMENT.keyCombination().match(e) && !online.isDisabled()
                    && onlineBox.isVisible()) {
                e.consume();
                model.payOnline();
            }
        });
        // Ctrl+Tab / Ctrl+Maj+Tab: the other tab, from wherever the focus is in it (a table keeps Tab)
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean next = Actions.BILLING_NEXT_TAB.keyCombination().match(e);
            if (next || Actions.BILLING_PREVIOUS_TAB.keyCombination().match(e)) {
                e.consume();
                int count = tabs.getTabs().size();
                int at = tabs.getSelectionModel().getSelectedIndex();
                int shown = (at + (next ? 1 : count - 1)) % count;
                tabs.getSelectionModel().select(shown);
                if (shown < BillingKind.values().length) {
                    focus();
                } else {
                    tabs.requestFocus();
                }
            }
        });
    }

    private Tab page(BillingKind kind, String tabId, String titleKey, String prefix) {
        KindTab tab = model.tab(kind);
        Label balance = new Label();
        balance.setId(prefix + "Balance");
        balance.getStyleClass().add("billing-balance");
        balance.setWrapText(true);
        balance.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        balance.textProperty().bind(tab.balanceProperty());
        balance.visibleProperty().bind(balance.textProperty().isNotEmpty());
        balance.managedProperty().bind(balance.visibleProperty());

        TableView<InvoiceSummary> invoices = Tables.table(prefix + "InvoicesTable", "billing.invoices.empty");
        invoices.getColumns().setAll(List.of(
                Tables.text("billing.column.number", InvoiceSummary::number),
                Tables.formatted("billing.column.date", InvoiceSummary::issueDate, Formats::date),
                Tables.formatted("billing.column.dueDate", InvoiceSummary::dueDate, Formats::date),
                Tables.text("billing.column.label", InvoiceSummary::label),
                Tables.formatted("billing.column.amount", InvoiceSummary::amount, Formats::money),
                Tables.formatted("billing.column.settled", InvoiceSummary::settled, Formats::money),
                emphasised(Tables.formatted("billing.column.balance", InvoiceSummary::balance, Formats::money)),
                emphasised(Tables.formatted("billing.column.state", InvoiceSummary::state, BillingViewModel::stateText))));
        invoices.setItems(tab.invoices());
        invoices.setRowFactory(t -> new StateRow());
        Tables.placeholderWhileLoading(invoices, model.loadingProperty(), model.errorProperty());
        invoices.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                tab.selectedProperty().set(item));
        // and back: the lists read again keep the invoice selected (as read now), highlighted
        tab.selectedProperty().addListener((obs, old, item) -> {
            if (invoices.getSelectionModel().getSelectedItem() != item) {
                if (item == null) {
                    invoices.getSelectionModel().clearSelection();
                } else {
                    invoices.getSelectionModel().select(item);
                }
            }
        });
        RowOpening.install(invoices, invoice -> {
            String key = BillingViewModel.invoiceKey(invoice);
            if (!viewers.toFront(key)) {
                model.openInvoice(invoice, document -> show(document, invoices, invoice));
            }
        });
        invoiceTables.put(kind, invoices);

        TableView<PaymentSummary> payments = Tables.table(prefix + "PaymentsTable", "billing.payments.empty");
        payments.getColumns().setAll(List.of(
                Tables.formatted("billing.column.date", PaymentSummary::date, Formats::date),
                Tables.text("billing.column.receipt", PaymentSummary::receiptNumber),
                Tables.formatted("billing.column.method", PaymentSummary::method, BillingViewModel::methodText),
                Tables.formatted("billing.column.amount", PaymentSummary::amount, Formats::money),
                Tables.text("billing.column.reference", PaymentSummary::reference),
                Tables.text("billing.column.invoices", BillingViewModel::invoicesText)));
        payments.setItems(tab.payments());
        Tables.placeholderWhileLoading(payments, model.loadingProperty(), model.errorProperty());
        RowOpening.install(payments, payment -> {
            String key = BillingViewModel.receiptKey(payment);
            if (!viewers.toFront(key)) {
                model.openReceipt(payment, document -> show(document, payments, payment));
            }
        });
        paymentTables.put(kind, payments);

        Label invoicesLabel = Forms.label("billing.invoices", invoices);
        Label paymentsLabel = Forms.label("billing.payments", payments);
        Label hint = Forms.wrapped(I18n.get("billing.hint"), "hint");
        fitRows(invoices);
        fitRows(payments);
        selectWhenFocused(invoices);
        selectWhenFocused(payments);
        VBox content = new VBox(balance, invoicesLabel, invoices, paymentsLabel, payments, hint);
        content.getStyleClass().add("billing-tab");
        // larger text (125 % in the mode, up to 200 %): the tab scrolls rather than hiding its payments
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("page-scroll");
        return Forms.tab(tabId, titleKey, scroller);
    }

    /**
     * A table as high as its rows ask (two at least), growing with the room left: a family with
     * many payments and few invoices sees its payments without scrolling.
     */
    private static void fitRows(TableView<?> table) {
        Runnable fit = () -> {
            double em = ThemeManager.get().emInPixels();
            table.setPrefHeight((Math.max(2, table.getItems().size()) * 1.8 + 2.6) * em);
            table.setMinHeight(5 * em);
        };
        table.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> fit.run());
        ThemeManager.get().whileShown(table, fit);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /**
     * A column whose cells turn bold on an overdue row (the state says it in words too); only
     * these, so that the other columns, sized to their text, are not wrapped by a bolder font.
     */
    private static <T extends TableColumn<?, ?>> T emphasised(T column) {
        column.getStyleClass().add("billing-emphasis");
        return column;
    }

    /**
     * A table reached by the keyboard selects the row it shows focused (the first one), so that
     * Payer en ligne and the first arrow key act on the row the family sees highlighted.
     */
    private static void selectWhenFocused(TableView<?> table) {
        table.focusedProperty().addListener((obs, was, focused) -> {
            if (focused && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(Math.max(0, table.getFocusModel().getFocusedIndex()));
            }
        });
    }

    /** Opens the PDF in the shared viewer; the focus comes back to its row when the viewer closes. */
    private <T> void show(OpenDocument document, TableView<T> table, T row) {
        DocumentViewer.open(viewers, document.key(), owner(), document.title(), "application/pdf", document.content(),
                document.fileName(), tasks, () -> RowOpening.focusRow(table, row));
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void showFamily(long familyId) {
        model.showFamily(familyId);
    }

    @Override
    public void refresh() {
        model.reload();
    }

    /**
     * The invoice (or credit note) selected in the tab shown, null when none is: the front desk's
     * Avoir… applies to it.
     */
    public ReadOnlyObjectProperty<InvoiceSummary> selectedInvoiceProperty() {
        return model.selectedInvoiceProperty();
    }

    @Override
    public ReadOnlyObjectProperty<InvoiceSummary> selectedInvoice() {
        return selectedInvoiceProperty();
    }

    /** Puts the keyboard focus on the invoices of the tab shown. */
    public void focus() {
        Forms.focusWhenShown(invoiceTables.get(model.shownKindProperty().get()));
    }

    @Override
    public void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    @Override
    public void closeWindows() {
        viewers.closeAll();
    }

    BillingViewModel model() {
        return model;
    }

    /** A row of invoices with its state as a style class too (the state is also in words in its column). */
    private static final class StateRow extends TableRow<InvoiceSummary> {
        private static final List<String> CLASSES = java.util.Arrays.stream(InvoiceState.values())
                .map(StateRow::styleClass).toList();

        static String styleClass(InvoiceState state) {
            return "invoice-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @Override
        protected void updateItem(InvoiceSummary item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(CLASSES);
            if (!empty && item != null) {
                getStyleClass().add(styleClass(item.state()));
            }
        }
    }
}
