package org.tutti.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
}
