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

/**
 * The main window's state: who is logged in, logging out, and the end of the session by expiry.
 * Screens run their work through {@link #tasks()}: when any of it fails because the database
 * says the session ended or expired, this model (once, whatever the screen) tells the
 * application to return to the login window.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final UserSession session;
    private final AuthService auth;
    private final BackgroundTasks tasks;
    private final BooleanProperty loggingOut = new SimpleBooleanProperty(this, "loggingOut");
    private Runnable onLoggedOut = () -> { };
    private Runnable onSessionExpired = () -> { };
    private boolean ended;

    public MainViewModel(UserSession session, AuthService auth, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.auth = Objects.requireNonNull(auth);
        this.tasks = Objects.requireNonNull(tasks).withOnSessionExpired(this::sessionExpired);
    }

    /** The tasks every screen of this session runs its work with (session expiry is watched). */
    public BackgroundTasks tasks() {
        return tasks;
    }

    public UserSession session() {
        return session;
    }

    /** "Tutti — Conservatoire de Bellerive". */
    public String windowTitle() {
        return I18n.get("main.title", session.siteName());
    }

    /**
     * Who is logged in, for the header: the name once ("Mme Apolline Ferrari", the database's
     * display name), then the identifier only when the name does not already say it
     * ("Mme Apolline Ferrari (F0001)", but "Accueil — Nathalie Roux" for ACCUEIL).
     */
    public String userText() {
        String name = session.displayName() == null ? "" : session.displayName().strip();
        String identifier = session.identifier() == null ? "" : session.identifier().strip();
        if (name.isEmpty()) {
            return identifier;
        }
        if (identifier.isEmpty() || I18n.folded(name).contains(I18n.folded(identifier))) {
            return I18n.get("main.user.nameOnly", name);
        }
        return I18n.get("main.user", name, identifier);
    }


    public void setOnLoggedOut(Runnable onLoggedOut) {
        this.onLoggedOut = Objects.requireNonNull(onLoggedOut);
    }

    /**
     * Called (once, on the UI thread) when the session has expired at the database: the
     * application leaves the main window without saving anything and shows the login window
     * with a message.
     */
    public void setOnSessionExpired(Runnable onSessionExpired) {
        this.onSessionExpired = Objects.requireNonNull(onSessionExpired);
    }

    private void sessionExpired() {
        if (ended) {
            return; // already logged out or expired: a late answer of this session's work
        }
        ended = true;
        LOG.info("Session expired at the database: {}", session);
        onSessionExpired.run();
    }

    /**
     * Ends the session at the database in the background, then returns to the login window;
     * the login window comes back even if the database cannot be reached (the session expires
     * on its own).
     */
    public void logout() {
        if (loggingOut.get() || ended) {
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
        if (ended) {
            return;
        }
        ended = true;
        onLoggedOut.run();
    }

    public ReadOnlyBooleanProperty loggingOutProperty() {
        return loggingOut;
    }
}
