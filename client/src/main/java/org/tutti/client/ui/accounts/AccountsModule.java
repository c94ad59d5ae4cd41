package org.tutti.client.ui.accounts;

import java.time.Clock;
import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FamilyFileOpener;

/**
 * Comptes at the front desk, as a navigation module: the list is read again each time it is
 * shown; {@code show("locked")} and {@code show("never-used")} (Accueil's links) pick that list.
 */
public final class AccountsModule implements AppModule {

    private final AccountsViewModel model;
    private final FamilyFileOpener files;
    private final BackgroundTasks tasks;
    private AccountsView view;

    /** {@code files} opens a family's file (Enter on a row). */
    public AccountsModule(UserSession session, FamilyAccountsService service, BackgroundTasks tasks,
            FamilyFileOpener files) {
        this.model = new AccountsViewModel(session, service, tasks, Clock.systemDefaultZone());
        this.files = files;
        this.tasks = tasks;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new AccountsView(model, files, tasks);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.refresh();
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

    @Override
    public void show(String detail) {
        model.show(detail);
    }

    AccountsViewModel model() {
        return model;
    }
}
