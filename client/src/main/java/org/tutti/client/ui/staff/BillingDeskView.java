package org.tutti.client.ui.staff;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.FamilyBillingPanel;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.SearchFields;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.common.ThemeManager;

/**
 * Facturation at the front desk, built in code: on the left the family search (as one types, a
 * moment after the last key) and its results (Enter or a double-click opens a family); on the
 * right the family open: its Facturation tabs (invoices, payments, balance due), Nouvelle
 * facture…, Enregistrer un règlement…, Avoir… (on the invoice selected in the tabs), its rentals
 * with Nouvelle location… and Terminer la location…. Each operation opens its dialog
 * ({@link BillingDialogs}); the number issued is said above.
 */
public final class BillingDeskView {

    /** How long after the last key the search runs. */
    static final Duration SEARCH_DELAY = Duration.millis(250);

    private final BillingDeskViewModel model;
    private final FamilyBillingPanel panel;
    private final VBox root;
    private final TextField search = new TextField();
    private final TableView<FamilyOption> results = Tables.table("billingFamilyResults", "billingDesk.results.empty");
    private final TableView<RentalLine> rentals = Tables.table("rentalsTable", "billingDesk.rentals.empty");

    public BillingDeskView(BillingDeskViewModel model, FamilyBillingPanel panel) {
        this.model = model;
        this.panel = panel;
        Label title = new Label(I18n.get("billingDesk.title"));
        title.getStyleClass().add("h1");
        Label status = Forms.announce(Forms.message("billingStatus", model.statusProperty(), "notice-text"), true);
        Label error = Forms.announce(Forms.error("billingError", model.errorProperty()), true);

        SplitPane split = new SplitPane(searchPane(), familyPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.19);
        VBox.setVgrow(split, Priority.ALWAYS);

        root = new VBox(title, status, error, split);
        root.setId("billingDeskRoot");
        root.getStyleClass().addAll("page", "billing-desk-page");
        model.familyProperty().addListener((obs, old, family) -> {
            if (family != null) {
                panel.showFamily(family.id());
            }
        });
        model.changesProperty().addListener((obs, old, count) -> panel.refresh());
        installShortcuts();
    }

    private Parent searchPane() {
        search.setId(Actions.BILLING_SEARCH.id());
        search.setPromptText(I18n.get("billingDesk.search.prompt"));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setAccessibleHelp(I18n.get("billingDesk.search.help"));
        // ↓ goes to the results; Enter opens the only result, or goes to the results
        SearchFields.install(search, results, SEARCH_DELAY, model::search, model::open);
        Label searchLabel = Forms.label(Actions.BILLING_SEARCH.textKey(), search);
        ProgressIndicator busy = Forms.busyIndicator("billingSearchBusy", "billingDesk.search.busy",
                model.searchingProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(search, busy);
        searchRow.getStyleClass().add("field-cell");
        searchRow.setAlignment(Pos.CENTER_LEFT);
        Label searchError = Forms.announce(Forms.error("billingSearchError", model.searchErrorProperty()), false);

        // one column ("F0001 — FERRARI Apolline"): the family's billing keeps the width
        results.getColumns().setAll(Tables.text("billingDesk.results.family", FamilyOption::toString));
        results.setItems(model.families());
        Tables.placeholderWhileLoading(results, model.searchingProperty(), model.searchErrorProperty());
        RowOpening.install(results, model::open);
        Label resultsLabel = Forms.label("billingDesk.results", results);
        Label hint = Forms.wrapped(I18n.get("billingDesk.results.hint"), "hint");
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox pane = new VBox(searchLabel, searchRow, searchError, resultsLabel, results, hint);
        pane.getStyleClass().add("billing-search");
        return pane;
    }

    private Parent familyPane() {
        Label familyTitle = new Label();
        familyTitle.setId("billingFamilyTitle");
        familyTitle.getStyleClass().add("h2");
        familyTitle.textProperty().bind(model.familyTitleProperty());
        familyTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label none = Forms.wrapped(I18n.get("billingDesk.noFamily"), "muted");
        none.setId("billingNoFamily");
        none.visibleProperty().bind(model.familyProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());

        BooleanBinding noFamily = model.familyProperty().isNull();
        Button invoice = Forms.button(Actions.INVOICE_CREATE, this::newInvoice);
        Button payment = Forms.button(Actions.PAYMENT_RECORD, this::newPayment);
        Button credit = Forms.button(Actions.CREDIT_NOTE_CREATE, this::newCreditNote);
        invoice.disableProperty().bind(noFamily);
        payment.disableProperty().bind(noFamily);
        credit.disableProperty().bind(noFamily.or(Bindings.createBooleanBinding(
                () -> !BillingDeskViewModel.creditable(panel.selectedInvoice().getValue()), panel.selectedInvoice())));
        credit.setAccessibleHelp(I18n.get("billingDesk.creditNote.help"));
        HBox billingButtons = Forms.buttonRow(invoice, payment, credit);

        Node tabs = panel.root();
        VBox.setVgrow(tabs, Priority.ALWAYS);

        rentals.getColumns().setAll(
                Tables.text("billingDesk.rentals.item", RentalLine::itemLabel),
                Tables.text("billingDesk.rentals.inventory", RentalLine::inventoryCode),
                Tables.text("billingDesk.rentals.student", RentalLine::studentName),
                Tables.formatted("billingDesk.rentals.start", RentalLine::startDate, Formats::date),
                Tables.formatted("billingDesk.rentals.end", RentalLine::endDate, Formats::date),
                Tables.formatted("billingDesk.rentals.fee", RentalLine::monthlyFee, Formats::money),
                Tables.formatted("billingDesk.rentals.deposit", RentalLine::deposit, Formats::money),
                Tables.text("billingDesk.rentals.invoice", RentalLine::invoiceNumber),
                Tables.formatted("billingDesk.rentals.active", RentalLine::active, BillingDeskViewModel::yesNo));
        rentals.setItems(model.rentals());
        Tables.placeholderWhileLoading(rentals, model.loadingRentalsProperty(), model.errorProperty());
        double em = ThemeManager.get().emInPixels();
        rentals.setPrefHeight(7 * em);
        rentals.setMinHeight(Region.USE_PREF_SIZE);
        rentals.getSelectionModel().selectedItemProperty().addListener((obs, old, rental) ->
                model.selectedRentalProperty().set(rental));
        model.selectedRentalProperty().addListener((obs, old, rental) -> {
            if (rentals.getSelectionModel().getSelectedItem() != rental) {
                if (rental == null) {
                    rentals.getSelectionModel().clearSelection();
                } else {
                    rentals.getSelectionModel().select(rental);
                }
            }
        });
        Label rentalsLabel = Forms.label("billingDesk.rentals", rentals);
        rentalsLabel.getStyleClass().add("h3");
        Button rent = Forms.button(Actions.RENTAL_CREATE, this::newRental);
        Button end = Forms.button(Actions.RENTAL_END, this::endRental);
        rent.disableProperty().bind(noFamily);
        end.disableProperty().bind(noFamily.or(model.rentalEndableProperty().not()));
        HBox rentalButtons = Forms.buttonRow(rent, end);
        VBox rentedItems = new VBox(rentalsLabel, rentals, rentalButtons);
        rentedItems.getStyleClass().add("billing-tab");
        VBox.setVgrow(rentals, Priority.ALWAYS);
        panel.addTab(Forms.tab("tabRentedItems", "billingDesk.rentals.tab", rentedItems));

        VBox familyParts = new VBox(billingButtons, tabs);
        familyParts.getStyleClass().add("billing-family");
        familyParts.visibleProperty().bind(noFamily.not());
        familyParts.managedProperty().bind(familyParts.visibleProperty());
        VBox.setVgrow(familyParts, Priority.ALWAYS);
        VBox pane = new VBox(familyTitle, none, familyParts);
        pane.getStyleClass().add("billing-family-pane");

        return pane;
    }

    /** Ctrl+F: the search; the operations' shortcuts fire their buttons when enabled. */
    private void installShortcuts() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.BILLING_SEARCH.keyCombination().match(e)) {
                e.consume();
                search.requestFocus();
                search.selectAll();
                return;
            }
            for (Actions action : OPERATIONS) {
                if (action.keyCombination().match(e)) {
                    e.consume();
                    Node button = root.lookup("#" + action.id());
                    if (button instanceof Button b && !b.isDisabled() && b.isVisible()) {
                        b.fire();
                    }
                    return;
                }
            }
        });
    }

    private static final Actions[] OPERATIONS = {Actions.INVOICE_CREATE, Actions.PAYMENT_RECORD,
        Actions.CREDIT_NOTE_CREATE, Actions.RENTAL_CREATE, Actions.RENTAL_END};

    private void newInvoice() {
        if (model.familyProperty().get() != null) {
            BillingDialogs.invoice(model.newInvoice(), owner()).show();
        }
    }

    private void newPayment() {
        if (model.familyProperty().get() != null) {
            BillingDialogs.payment(model.newPayment(), owner()).show();
        }
    }

    private void newCreditNote() {
        InvoiceSummary invoice = panel.selectedInvoice().getValue();
        if (BillingDeskViewModel.creditable(invoice)) {
            BillingDialogs.creditNote(model.newCreditNote(invoice), owner()).show();
        }
    }

    private void newRental() {
        if (model.familyProperty().get() != null) {
            BillingDialogs.rental(model.newRental(), owner()).show();
        }
    }

    private void endRental() {
        RentalLine rental = model.selectedRentalProperty().get();
        if (rental != null && rental.active()) {
            BillingDialogs.endRental(model.endRental(rental), owner()).show();
        }
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** The screen is left: the PDFs opened from the tabs close. */
    void closeWindows() {
        panel.closeWindows();
    }

    /** The screen is shown: the focus goes to the family search. */
    void activated() {
        Forms.focusWhenShown(search);
        model.reload();
        if (model.familyProperty().get() != null) {
            panel.refresh();
        }
    }
}
