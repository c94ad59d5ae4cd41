package org.tutti.client.ui.billing;

import javafx.scene.Parent;
import javafx.scene.control.Label;
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
}
