package org.tutti.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.login.LostPasswordViewModel.Field;
import org.tutti.client.ui.login.LostPasswordViewModel.Kind;
import org.tutti.client.ui.login.LostPasswordViewModel.Notice;

class LostPasswordViewModelTest {

    private static final String CHECK = "Veuillez vérifier les renseignements saisis.";
    private static final String SENT = "Un nouveau mot de passe vous a été envoyé par e-mail.";

    private final FakeBackend backend = new FakeBackend();
    private final List<Notice> notices = new ArrayList<>();
    private LostPasswordViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        model = new LostPasswordViewModel(backend, BackgroundTasks.sameThread(), " F0001 ");
        model.setOnNotice(notices::add);
    }

    @Test
    void theIdentifierTypedInTheLoginWindowPreFillsTheDialog() {
        assertThat(model.identifierProperty().get()).isEqualTo("F0001");
        assertThat(model.emailProperty().get()).isEmpty();
        assertThat(new LostPasswordViewModel(backend, BackgroundTasks.sameThread(), null).identifierProperty().get())
                .isEmpty();
    }

    @Test
    void anEmptyEMailAsksToCheckWhatWasTypedKeepsItAndSendsNothing() {
        model.submit();

        assertThat(notices).containsExactly(new Notice(Kind.WARNING, CHECK, Field.EMAIL, false));
        assertThat(model.identifierProperty().get()).isEqualTo("F0001");
        assertThat(backend.passwordRequests).isEmpty();
    }

    @Test
    void anEmptyIdentifierPutsTheFocusThereAndKeepsTheEMail() {
        model.identifierProperty().set("   ");
        model.emailProperty().set("f0001@example.org");

        model.submit();

        assertThat(notices).containsExactly(new Notice(Kind.WARNING, CHECK, Field.IDENTIFIER, false));
        assertThat(model.emailProperty().get()).isEqualTo("f0001@example.org");
        assertThat(backend.passwordRequests).isEmpty();
    }

    @Test
    void aFilledPairIsSentTrimmedAndAlwaysAnsweredSentThenTheDialogCloses() {
        model.emailProperty().set(" f0001@example.org ");

        model.submit();

        assertThat(backend.passwordRequests).containsExactly("F0001/f0001@example.org");
        assertThat(notices).containsExactly(new Notice(Kind.INFORMATION, SENT, null, true));
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void tooManyRequestsSaysSoAndKeepsTheDialogOpen() {
        model.emailProperty().set("f0001@example.org");
        backend.requestFailure = new ServiceException(ServiceException.Reason.RATE_LIMITED, "TU429");

        model.submit();

        assertThat(notices).containsExactly(new Notice(Kind.ERROR,
                "Trop de demandes pour cet identifiant. Réessayez dans une heure.", null, false));
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void anUnreachableDatabaseAndOtherFailuresAreExplainedWithoutTechnicalDetails() {
        model.emailProperty().set("f0001@example.org");
        backend.requestFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "connection refused");
        model.submit();
        backend.requestFailure = new IllegalStateException("boom");
        model.submit();

        assertThat(notices).extracting(Notice::text).containsExactly(
                "La base de données est injoignable pour le moment. Vérifiez votre connexion à Internet, puis réessayez.",
                "La demande n’a pas pu aboutir à cause d’une erreur inattendue. Réessayez ; si le problème persiste,"
                        + " contactez l’accueil de votre établissement.");
        assertThat(notices).extracting(Notice::kind).containsOnly(Kind.ERROR);
        assertThat(notices).extracting(Notice::close).containsOnly(false);
    }

    /** While the request runs (on a real background thread), Valider sends nothing more. */
    @Test
    void whileTheRequestRunsASecondValiderSendsNothing() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        FakeBackend slow = new FakeBackend() {
            @Override
            public void requestPassword(String identifier, String email) {
                super.requestPassword(identifier, email);
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        BackgroundTasks tasks = BackgroundTasks.withUiExecutor(ui::add);
        LostPasswordViewModel busyModel = new LostPasswordViewModel(slow, tasks, "F0001");
        busyModel.setOnNotice(notices::add);
        busyModel.emailProperty().set("f0001@example.org");
        try {
            busyModel.submit();
            assertThat(busyModel.busyProperty().get()).isTrue();
            busyModel.submit();
            release.countDown();
            Runnable handler = ui.poll(30, TimeUnit.SECONDS);
            assertThat(handler).as("the answer is handed to the UI thread").isNotNull();
            handler.run();
        } finally {
            tasks.shutdown();
        }

        assertThat(slow.passwordRequests).hasSize(1);
        assertThat(busyModel.busyProperty().get()).isFalse();
        assertThat(notices).extracting(Notice::text).containsExactly(SENT);
    }

    @Test
    void theLoginWindowGivesTheDialogItsIdentifierOnceTheDatabaseIsOpen() {
        LoginViewModel login = new LoginViewModel(BackgroundTasks.sameThread(), listener -> {
            listener.onProgress(StartupStep.CONNECTING, -1);
            return backend;
        });
        login.identifierProperty().set("F0002 ");
        assertThat(login.lostPasswordModel()).as("before the database is open").isNull();

        login.start();

        assertThat(login.lostPasswordModel().identifierProperty().get()).isEqualTo("F0002");
    }
}
