package org.tutti.client.ui.staff;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.FamilyBillingPanel;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.common.ThemeManager;

/**
 * One family's billing at the front desk, without the search (issue 16: shown by Facturation beside
 * its search, and by a family's file window): the family's title, its Facturation tabs (invoices,
 * payments, balance due), Nouvelle facture…, Enregistrer un règlement…, Avoir… (on the invoice
 * selected in the tabs), its rentals with Nouvelle location… and Terminer la location…, each
 * opening its dialog ({@link BillingDialogs}), their shortcuts; the number issued is said in
 * {@link #status()}, a failure in {@link #error()} (placed by the host).
 */
public final class FamilyBillingDesk {

    private final BillingDeskViewModel model;
    private final FamilyBillingPanel panel;
    private final TableView<RentalLine> rentals = Tables.table("rentalsTable", "billingDesk.rentals.empty");
    private final Label status;
    private final Label error;
    private final Parent root;

    private final FamilyFileOpener opener;

    /** Without the button that opens the family's file (the file window itself). */
    public FamilyBillingDesk(BillingDeskViewModel model, FamilyBillingPanel panel) {
        this(model, panel, FamilyFileOpener.NONE);
    }

    /** @param opener opens the family's file ({@code familyFileOpen}); {@link FamilyFileOpener#NONE}: no button */
    public FamilyBillingDesk(BillingDeskViewModel model, FamilyBillingPanel panel, FamilyFileOpener opener) {
        this.model = model;
        this.panel = panel;
        this.opener = opener;
        status = Forms.announce(Forms.message("billingStatus", model.statusProperty(), "notice-text"), true);
        error = Forms.announce(Forms.error("billingError", model.errorProperty()), true);
        root = familyPane();
        model.familyProperty().addListener((obs, old, family) -> {
            if (family != null) {
                panel.showFamily(family.id());
            }
        });
        model.changesProperty().addListener((obs, old, count) -> panel.refresh());
    }

    /**
     * The operations' shortcuts fire their buttons (when enabled) while the focus is anywhere under
     * {@code scope} (the whole screen that shows this pane, not only the pane).
     */
    public void installShortcuts(Node scope) {
        scope.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
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

    /** Opens {@code family}'s billing (the file window's one family). */
    public void showFamily(FamilyOption family) {
        model.open(family);
    }

    /** The family's billing read again (the screen is shown again: another desk may have billed it). */
    public void refresh() {
        model.reload();
        if (model.familyProperty().get() != null) {
            panel.refresh();
        }
    }

    /** The number an operation issued ({@code billingStatus}). */
    public Label status() {
        return status;
    }

    /** What failed ({@code billingError}). */
    public Label error() {
        return error;
    }

    public Parent root() {
        return root;
    }

    /** The PDFs opened from the tabs close (the screen is left). */
    public void closeWindows() {
        panel.closeWindows();
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
        // its own row under the title: the operations' row keeps its width (a narrow window)
        HBox fileRow = new HBox();
        if (opener != FamilyFileOpener.NONE) {
            Button file = Forms.button(Actions.FAMILY_FILE_OPEN, this::openFile);
            file.disableProperty().bind(noFamily);
            fileRow = Forms.buttonRow(file);
        }
        fileRow.visibleProperty().bind(noFamily.not().and(Bindings.isNotEmpty(fileRow.getChildren())));
        fileRow.managedProperty().bind(fileRow.visibleProperty());

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
        VBox pane = new VBox(familyTitle, fileRow, none, familyParts);
        pane.getStyleClass().add("billing-family-pane");

        return pane;
    }

    private static final Actions[] OPERATIONS = {Actions.INVOICE_CREATE, Actions.PAYMENT_RECORD,
        Actions.CREDIT_NOTE_CREATE, Actions.RENTAL_CREATE, Actions.RENTAL_END, Actions.FAMILY_FILE_OPEN};

    private void openFile() {
        FamilyOption family = model.familyProperty().get();
        if (family != null) {
            opener.open(family.id(), family.toString(), owner());
        }
    }

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

}
