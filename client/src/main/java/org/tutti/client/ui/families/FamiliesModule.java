package org.tutti.client.ui.families;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilySearchService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FamilyFileOpener;

/**
 * Familles at the front desk, as a navigation module: the search field takes the focus each time
 * it is shown, and the families found are read again (another desk may have changed them).
 */
public final class FamiliesModule implements AppModule {

    private final FamilySearchViewModel model;
    private final FamilyFileOpener opener;
    private FamilySearchView view;

    /** {@code opener} opens a family's file (Enter or a double-click on a family found). */
    public FamiliesModule(UserSession session, FamilySearchService service, BackgroundTasks tasks,
            FamilyFileOpener opener) {
        this.model = new FamilySearchViewModel(session, service, tasks);
        this.opener = opener;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new FamilySearchView(model, opener);
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
        // nothing to release: the list stays as it was for the next visit
    }

    FamilySearchViewModel model() {
        return model;
    }
}
