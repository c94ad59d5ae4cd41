package org.tutti.client.ui.main;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AuthService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.I18n;

/** The main window's state: who is logged in, and logging out. */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final UserSession session;
    private final AuthService auth;
    private final BackgroundTasks tasks;
    private final BooleanProperty loggingOut = new SimpleBooleanProperty(this, "loggingOut");
    private Runnable onLoggedOut = () -> { };

    public MainViewModel(UserSession session, AuthService auth, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.auth = Objects.requireNonNull(auth);
        this.tasks = Objects.requireNonNull(tasks);
    }

    public UserSession session() {
        return session;
    }

    /** "Tutti — Conservatoire de Bellerive". */
    public String windowTitle() {
        return I18n.get("main.title", session.siteName());
    }

    /** Who is logged in, for the header. */
    public String userText() {
        return I18n.get(session.isStaff() ? "main.user.staff" : "main.user.family",
                session.displayName(), session.identifier());
    }

    public void setOnLoggedOut(Runnable onLoggedOut) {
        this.onLoggedOut = Objects.requireNonNull(onLoggedOut);
    }

    /**
     * Ends the session at the database in the background, then returns to the login window;
     * the login window comes back even if the database cannot be reached (the session expires
     * on its own).
     */
    public void logout() {
        if (loggingOut.get()) {
            return;
        }
        loggingOut.set(true);
        tasks.run(() -> {
            auth.logout(session);
            return Boolean.TRUE;
        }).onSuccess(done -> {
            LOG.info("Logged out: {}", session);
            finish();
        }).onFailure(failure -> {
            LOG.warn("Logout at the database failed; leaving anyway", failure);
            finish();
        });
    }

    private void finish() {
        loggingOut.set(false);
        onLoggedOut.run();
    }

    public ReadOnlyBooleanProperty loggingOutProperty() {
        return loggingOut;
    }
}
