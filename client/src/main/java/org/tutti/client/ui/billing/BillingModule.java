package org.tutti.client.ui.billing;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Forms;

/**
 * Facturation (family), as a navigation module: the family's two tabs, read again each time the
 * screen is shown (and with F5); leaving it closes the PDF viewers it opened.
 */
public final class BillingModule implements AppModule {

    private final UserSession session;
    private final BillingTabs tabs;
    private VBox view;

    public BillingModule(UserSession session, BillingService billing, BackgroundTasks tasks) {
        this.session = session;
        this.tabs = new BillingTabs(session, billing, tasks);
    }

    @Override
    public Node view() {
        if (view == null) {
            Label heading = Forms.heading("billing.heading");
            Node content = tabs.root();
            VBox.setVgrow(content, Priority.ALWAYS);
            VBox card = new VBox(heading, content);
            card.getStyleClass().addAll("card", "billing-card");
            VBox.setVgrow(card, Priority.ALWAYS);
            view = new VBox(card);
            view.getStyleClass().add("page");
            view.setId("billingPage");
        }
        return view;
    }

    @Override
    public void activate() {
        tabs.showFamily(session.familyId());
        tabs.focus();
    }

    @Override
    public void deactivate() {
        tabs.closeWindows();
    }

    BillingTabs tabs() {
        return tabs;
    }
}
