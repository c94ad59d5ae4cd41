package org.tutti.client.ui.billing;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.ui.common.BackgroundTasks;

/**
 * The two Facturation tabs (cotisations, locations) of one family: invoices, payments, balance due,
 * the PDF of a row on Enter or double-click, online payment where offered. Used by the family's
 * Facturation screen and by the front desk's. (Placeholder until the family UI part of issue 14 lands.)
 */
public final class BillingTabs {

    private final Label root = new Label();
    // issue 14 — staff UI: the front desk's Avoir… acts on the invoice selected here
    private final ReadOnlyObjectWrapper<InvoiceSummary> selectedInvoice = new ReadOnlyObjectWrapper<>(this,
            "selectedInvoice");

    public BillingTabs(UserSession session, BillingService billing, BackgroundTasks tasks) {
    }

    public Parent root() {
        return root;
    }

    /** Shows {@code familyId}'s billing (read in the background). */
    public void showFamily(long familyId) {
    }

    /** Reads the family shown again (after staff issued or recorded something). */
    public void refresh() {
    }

    /**
     * The invoice (or credit note) selected in the tab shown, null when none is (or a payment is):
     * the front desk's Avoir… applies to it.
     */
    public ReadOnlyObjectProperty<InvoiceSummary> selectedInvoiceProperty() {
        return selectedInvoice.getReadOnlyProperty();
    }
}
