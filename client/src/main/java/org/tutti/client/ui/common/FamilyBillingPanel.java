package org.tutti.client.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.tutti.client.domain.InvoiceSummary;

/**
 * One family's billing as a piece of another screen (issue 14: the front desk's Facturation shows
 * the family's Facturation tabs, {@code ui.billing.BillingTabs}; {@code ui.main} hands them over
 * through this interface, since one screen does not use another's classes).
 */
public interface FamilyBillingPanel {

    Node root();

    /** Shows {@code familyId}'s billing (read in the background). */
    void showFamily(long familyId);

    /** Reads the family shown again (after an invoice, a payment, a credit note or a rental). */
    void refresh();

    /** The invoice selected in the tabs (null for none, or a payment selected). */
    ObservableValue<InvoiceSummary> selectedInvoice();

    /**
     * Adds a tab after the billing tabs (the front desk's rented items): one row of tabs, and the
     * invoice and payment lists keep the height.
     */
    void addTab(Tab tab);

    /** Closes the windows opened from the tabs (the PDF of an invoice or a receipt): the screen is left. */
    void closeWindows();
}
