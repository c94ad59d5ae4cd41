package org.tutti.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

class MainViewModelTest {

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void titleNamesTheSite() {
        MainViewModel model = new MainViewModel(FakeBackend.family("F0001"), new FakeBackend(),
                BackgroundTasks.sameThread());
        assertThat(model.windowTitle()).isEqualTo("Tutti — Conservatoire de Bellerive");
    }

    /** The header names the user once; the identifier follows only when the name does not already say it. */
    @Test
    void theHeaderNamesTheUserOnce() {
        UserSession family = new UserSession(1, Role.FAMILY, "BELLERIVE", "Conservatoire de Bellerive", "F0001",
                "Mme Apolline Ferrari", 10L, "token");
        assertThat(new MainViewModel(family, new FakeBackend(), BackgroundTasks.sameThread()).userText())
                .isEqualTo("Mme Apolline Ferrari (F0001)");
        // the demo's front desk: its display name already says ACCUEIL
        UserSession desk = new UserSession(2, Role.STAFF, "BELLERIVE", "Conservatoire de Bellerive", "ACCUEIL",
                "Accueil — Nathalie Roux", null, "token");
        assertThat(new MainViewModel(desk, new FakeBackend(), BackgroundTasks.sameThread()).userText())
                .isEqualTo("Accueil — Nathalie Roux");
        UserSession secretary = new UserSession(3, Role.STAFF, "MONTFLEURY", "École de Montfleury", "SECRETARIAT",
                "Secrétariat — Julie Perrin", null, "token");
        assertThat(new MainViewModel(secretary, new FakeBackend(), BackgroundTasks.sameThread()).userText())
                .isEqualTo("Secrétariat — Julie Perrin");
        assertThat(new MainViewModel(FakeBackend.staff(), new FakeBackend(), BackgroundTasks.sameThread()).userText())
                .isEqualTo("Sophie Bernard (ACCUEIL)");
    }

    @Test
    void logoutEndsTheSessionThenReturnsToLogin() {
        FakeBackend backend = new FakeBackend();
        UserSession session = FakeBackend.family("F0001");
        MainViewModel model = new MainViewModel(session, backend, BackgroundTasks.sameThread());
        int[] returned = {0};
        model.setOnLoggedOut(() -> returned[0]++);

        model.logout();

        assertThat(backend.logoutCalls).containsExactly(session);
        assertThat(returned[0]).isEqualTo(1);
        assertThat(model.loggingOutProperty().get()).isFalse();
    }

    @Test
    void logoutReturnsToLoginEvenWhenTheDatabaseIsDown() {
        FakeBackend backend = new FakeBackend() {
            @Override
            public void logout(UserSession s) {
                throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
            }
        };
        MainViewModel model = new MainViewModel(FakeBackend.family("F0001"), backend, BackgroundTasks.sameThread());
        int[] returned = {0};
        model.setOnLoggedOut(() -> returned[0]++);

        model.logout();

        assertThat(returned[0]).isEqualTo(1);
    }

    /** Any screen's work that meets an expired session brings the application back to login, once. */
    @Test
    void anExpiredSessionSeenByAnyScreenEndsTheMainWindowOnce() {
        FakeBackend backend = new FakeBackend();
        MainViewModel model = new MainViewModel(FakeBackend.family("F0001"), backend, BackgroundTasks.sameThread());
        int[] expired = {0};
        int[] loggedOut = {0};
        model.setOnSessionExpired(() -> expired[0]++);
        model.setOnLoggedOut(() -> loggedOut[0]++);
        List<String> screenSaw = new ArrayList<>();
        ServiceException expiry = new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "expired");

        model.tasks().run(() -> {
            throw expiry;
        }).onFailure(e -> screenSaw.add("screen A"));
        model.tasks().run(() -> {
            throw expiry;
        });
        model.tasks().run(() -> {
            throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        }).onFailure(e -> screenSaw.add("screen B"));
        model.logout();

        assertThat(expired[0]).isEqualTo(1);
        assertThat(screenSaw).containsExactly("screen A", "screen B");
        assertThat(loggedOut[0]).as("already back at login").isZero();
        assertThat(backend.logoutCalls).isEmpty();
    }

    @Test
    void otherFailuresDoNotEndTheSession() {
        MainViewModel model = new MainViewModel(FakeBackend.family("F0001"), new FakeBackend(),
                BackgroundTasks.sameThread());
        int[] expired = {0};
        model.setOnSessionExpired(() -> expired[0]++);

        model.tasks().run(() -> {
            throw new ServiceException(ServiceException.Reason.UNEXPECTED, "bug");
        });
        model.tasks().run(() -> "fine");

        assertThat(expired[0]).isZero();
    }
}
