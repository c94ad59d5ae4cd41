package org.tutti.client.ui.staff;

import java.time.Clock;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.StaffBillingService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FamilyBillingPanel;
import org.tutti.client.ui.common.FamilyFileOpener;

/**
 * Facturation at the front desk, as a navigation module: the family search takes the focus each
 * time it is shown, and the family open is read again (another desk may have billed it).
 */
public final class BillingDeskModule implements AppModule {

    private final BillingDeskViewModel model;
    private final Supplier<FamilyBillingPanel> panel;
    private final FamilyFileOpener opener;
    private BillingDeskView view;

    /** {@code panel} builds the family's Facturation tabs (once, with the view). */
    public BillingDeskModule(UserSession session, StaffBillingService desk, BillingService billing,
            BackgroundTasks tasks, Supplier<FamilyBillingPanel> panel) {
        this(session, desk, billing, tasks, panel, FamilyFileOpener.NONE);
    }

    /** {@code opener} opens the family's file from its billing (issue 16). */
    public BillingDeskModule(UserSession session, StaffBillingService desk, BillingService billing,
            BackgroundTasks tasks, Supplier<FamilyBillingPanel> panel, FamilyFileOpener opener) {
        this.model = new BillingDeskViewModel(session, desk, billing, tasks, Clock.systemDefaultZone());
        this.panel = panel;
        this.opener = opener;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new BillingDeskView(model, panel.get(), opener);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.search();
        if (view != null) {
            view.activated();
        }
    }

    @Override
    public void deactivate() {
        if (view != null) {
            view.closeWindows();
        }
    }

    BillingDeskViewModel model() {
        return model;
    }
}
