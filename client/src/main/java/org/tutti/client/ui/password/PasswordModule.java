package org.tutti.client.ui.password;

import javafx.scene.Node;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.AppModule;

/**
 * Mot de passe, as a navigation module. A half-typed form is an unsaved edit (leaving asks);
 * leaving empties it, so that no password stays in the form.
 */
public final class PasswordModule implements AppModule {

    private final PasswordViewModel model;
    private PasswordView view;

    public PasswordModule(UserSession session, AccountService accounts, BackgroundTasks tasks) {
        this.model = new PasswordViewModel(session, accounts, tasks);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new PasswordView(model);
        }
        return view.root();
    }

    @Override
    public void activate() {
        if (view != null) {
            view.focusFirstField();
        }
    }

    @Override
    public void deactivate() {
        model.clear();
    }

    @Override
    public boolean hasUnsavedEdits() {
        return model.hasInputProperty().get();
    }
}
