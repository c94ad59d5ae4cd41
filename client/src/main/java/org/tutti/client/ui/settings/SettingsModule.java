package org.tutti.client.ui.settings;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.SiteSettingsService;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;

/** Paramètres (staff), as a navigation module: reads the settings each time it is shown; vetoes leaving unsaved edits. */
public final class SettingsModule implements AppModule {

    private final SettingsViewModel model;
    private SettingsView view;

    public SettingsModule(UserSession session, SiteSettingsService service, BackgroundTasks tasks) {
        this.model = new SettingsViewModel(session, service, tasks);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new SettingsView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        model.load();
        if (view != null) {
            view.focusFirst();
        }
    }

    @Override
    public void deactivate() {
        // edits not saved are dropped (the user agreed to leave them); the next visit reads the settings again
    }

    @Override
    public boolean hasUnsavedEdits() {
        return model.dirtyProperty().get();
    }
}
