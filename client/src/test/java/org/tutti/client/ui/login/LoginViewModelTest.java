package org.tutti.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.InvalidSettingException;
import org.tutti.client.service.ServerProblemException;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

class LoginViewModelTest {

    private FakeBackend backend;
    private LoginViewModel model;
    private final AtomicReference<UserSession> loggedIn = new AtomicReference<>();

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        model = new LoginViewModel(BackgroundTasks.sameThread(), listener -> {
            listener.onProgress(StartupStep.SEEDING, 0.42);
            return backend;
        });
        model.setOnLoggedIn(loggedIn::set);
    }

    @Test
    void startingFillsTheSitesAndPreselectsTheFirst() {
        assertThat(model.canSubmitProperty().get()).isFalse();

        model.start();

        assertThat(model.phaseProperty().get()).isEqualTo(LoginViewModel.Phase.READY);
        assertThat(model.sites()).containsExactly(FakeBackend.BELLERIVE, FakeBackend.MONTFLEURY);
        assertThat(model.siteProperty().get()).isEqualTo(FakeBackend.BELLERIVE);
        assertThat(model.demoProperty().get()).isTrue();
        assertThat(model.canSubmitProperty().get()).isTrue();
    }

    @Test
    void startupFailureIsExplainedInFrenchAndRetryWorks() {
        boolean[] fail = {true};
        LoginViewModel failing = new LoginViewModel(BackgroundTasks.sameThread(), listener -> {
            if (fail[0]) {
                throw new ServiceException(ServiceException.Reason.DEMO_DATABASE_FAILED, "locked");
            }
            return backend;
        });

        failing.start();

        assertThat(failing.phaseProperty().get()).isEqualTo(LoginViewModel.Phase.FAILED);
        assertThat(failing.statusProperty().get()).startsWith("La base de démonstration n’a pas pu être créée")
                .doesNotContain("locked");
        assertThat(failing.canSubmitProperty().get()).isFalse();

        fail[0] = false;
        failing.start();
        assertThat(failing.phaseProperty().get()).isEqualTo(LoginViewModel.Phase.READY);
    }

    @Test
    void stepTextsAreFrench() {
        assertThat(LoginViewModel.stepText(StartupStep.SEEDING, 0.42))
                .isEqualTo("Ajout des familles et des cours de démonstration… 42 %");
        assertThat(LoginViewModel.stepText(StartupStep.MIGRATING, -1))
                .isEqualTo("Préparation de la base de démonstration…");
        assertThat(LoginViewModel.stepText(StartupStep.CREATING_DEMO, -1))
                .isEqualTo("Création de la base de démonstration…");
        assertThat(LoginViewModel.stepText(StartupStep.CONNECTING, -1)).isEqualTo("Connexion à la base de données…");
        // plain French: no technical word on the login window
        for (StartupStep step : StartupStep.values()) {
            assertThat(LoginViewModel.stepText(step, -1)).doesNotContainIgnoringCase("schéma")
                    .doesNotContainIgnoringCase("migration");
        }
    }

    @Test
    void emptyFieldsGiveAMessageWithoutCallingTheService() {
        model.start();
        model.identifierProperty().set("  ");
        model.passwordProperty().set("secret");

        model.login();

        assertThat(model.errorProperty().get())
                .isEqualTo("Saisissez votre identifiant et votre mot de passe, puis cliquez sur Se connecter.");
        assertThat(backend.loginCalls).isEmpty();

        model.identifierProperty().set("F0001");
        model.passwordProperty().set("");
        model.login();
        assertThat(model.errorProperty().get()).isNotEmpty();
        assertThat(backend.loginCalls).isEmpty();
    }

    @Test
    void refusalShowsOneGenericMessageClearsThePasswordAndKeepsTheIdentifier() {
        model.start();
        model.siteProperty().set(FakeBackend.MONTFLEURY);
        model.identifierProperty().set(" F0001 ");
        model.passwordProperty().set("wrong");

        model.login();

        assertThat(backend.loginCalls).containsExactly("MONTFLEURY/F0001/wrong");
        assertThat(model.errorProperty().get()).isEqualTo(
                "Identifiant ou mot de passe incorrect, ou compte momentanément bloqué. Vérifiez les renseignements saisis.");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.identifierProperty().get()).isEqualTo(" F0001 ");
        assertThat(model.refusalsProperty().get()).isEqualTo(1);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(loggedIn.get()).isNull();
    }

    @Test
    void successHandsTheSessionOverAndClearsThePassword() {
        UserSession session = FakeBackend.family("F0001");
        backend.loginAnswer = id -> Optional.of(session);
        model.start();
        model.identifierProperty().set("F0001");
        model.passwordProperty().set("bellerive");

        model.login();

        assertThat(loggedIn.get()).isSameAs(session);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(backend.loginCalls).containsExactly("BELLERIVE/F0001/bellerive");
    }

    @Test
    void unreachableDatabaseGivesADifferentMessage() {
        backend.loginAnswer = id -> {
            throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "connection refused");
        };
        model.start();
        model.identifierProperty().set("F0001");
        model.passwordProperty().set("bellerive");

        model.login();

        assertThat(model.errorProperty().get())
                .startsWith("La base de données est injoignable")
                .isNotEqualTo(org.tutti.client.ui.common.I18n.get("login.error.refused"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(loggedIn.get()).isNull();
    }

    /** Each start-up failure a configured server can cause has its own French message. */
    @Test
    void serverStartupFailuresSayWhatToDo() {
        assertThat(LoginViewModel.startupMessage(new ServiceException(ServiceException.Reason.BAD_CONFIGURATION, "x")))
                .isEqualTo("Le fichier de configuration de Tutti (tutti.json) est illisible, incomplet ou incorrect."
                        + " Contactez la personne qui a installé Tutti.");
        assertThat(LoginViewModel.startupMessage(new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "x")))
                .startsWith("Impossible de joindre la base de données de l’établissement.");
        assertThat(LoginViewModel.startupMessage(new ServiceException(ServiceException.Reason.OUTDATED_DATABASE, "x")))
                .isEqualTo("La base de données de l’établissement n’est pas à jour pour cette version de Tutti."
                        + " Contactez la personne qui a installé Tutti.");
    }

    /** IT reads this one on the screen of whoever calls: it names the file and both settings. */
    @Test
    void aRefusedUnverifiedConnectionNamesTheFileAndTheSettingsInFrench() {
        Path file = Path.of("/etc/tutti/tutti.json");
        LoginViewModel refused = new LoginViewModel(BackgroundTasks.sameThread(), listener -> {
            throw new UnverifiedTlsException(file, "database.url", "database.allowUnverifiedTls", "refused");
        });

        refused.start();

        assertThat(refused.phaseProperty().get()).isEqualTo(LoginViewModel.Phase.FAILED);
        assertThat(refused.statusProperty().get()).isEqualTo("La configuration " + file + " est refusée : database.url"
                + " doit demander sslmode=verify-full (ou verify-ca) pour un serveur distant ; sans cela, une personne"
                + " placée sur le réseau pourrait lire les mots de passe. Pour accepter ce risque malgré tout,"
                + " database.allowUnverifiedTls doit valoir true dans ce fichier. Contactez la personne qui a installé"
                + " Tutti.");
        assertThat(refused.tlsWarningProperty().get()).isEmpty();
    }

    @Test
    void anUnverifiedConnectionAllowedByTheConfigurationIsAWarningInWords() {
        backend.demo = false;
        backend.unverifiedServer = "db.school.example";

        model.start();

        assertThat(model.phaseProperty().get()).isEqualTo(LoginViewModel.Phase.READY);
        assertThat(model.tlsWarningProperty().get()).startsWith("Connexion non vérifiée au serveur db.school.example :")
                .contains("certificat");
        assertThat(model.canSubmitProperty().get()).as("a warning, not a refusal").isTrue();
    }

    @Test
    void aVerifiedOrLocalConnectionHasNoWarning() {
        model.start();

        assertThat(model.tlsWarningProperty().get()).isEmpty();
    }

    @Test
    void aSessionThatExpiredIsExplainedAfterTheReturnToLogin() {
        model.start();
        model.identifierProperty().set("F0001");

        model.reset();
        model.showSessionExpired();

        assertThat(model.errorProperty().get()).isEqualTo("Votre session a expiré. Reconnectez-vous.");
        assertThat(model.canSubmitProperty().get()).isTrue();
    }

    @Test
    void resetKeepsTheSiteAndClearsTheFields() {
        model.start();
        model.siteProperty().set(FakeBackend.MONTFLEURY);
        model.identifierProperty().set("M0001");
        model.passwordProperty().set("x");

        model.reset();

        assertThat(model.siteProperty().get()).isEqualTo(FakeBackend.MONTFLEURY);
        assertThat(model.identifierProperty().get()).isEmpty();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void closingBeforeTheBackendIsReadyClosesItWhenItArrives() {
        model.closeBackend();
        model.start();
        assertThat(backend.closed).isTrue();
        assertThat(model.backendProperty().get()).isNull();
    }

    // issue 12 — faults

    /** Each cause of a failed start has its own words: never "check your Internet" for IT's problems. */
    @Test
    void eachServerProblemHasItsOwnFrenchMessage() {
        java.util.Map<ServerProblemException.Problem, String> texts = new java.util.EnumMap<>(
                ServerProblemException.Problem.class);
        for (ServerProblemException.Problem problem : ServerProblemException.Problem.values()) {
            texts.put(problem, LoginViewModel.startupMessage(
                    new ServerProblemException(problem, "tutti.decide_change(bigint,boolean,text,boolean)", "x", null)));
        }

        assertThat(texts.get(ServerProblemException.Problem.CLIENT_TOO_OLD)).isEqualTo(
                "Cette version de Tutti est trop ancienne pour la base de votre école : mettez Tutti à jour.");
        assertThat(texts.get(ServerProblemException.Problem.DATABASE_TOO_OLD))
                .isEqualTo("La base de données doit être mise à jour par votre service informatique.");
        assertThat(texts.get(ServerProblemException.Problem.MISSING_FUNCTION))
                .contains("tutti.decide_change(bigint,boolean,text,boolean)").contains("service informatique");
        assertThat(texts.get(ServerProblemException.Problem.NO_DATABASE))
                .contains("n’existe pas").doesNotContain("Internet").doesNotContain("pas à jour");
        assertThat(texts.get(ServerProblemException.Problem.WRONG_LOGIN))
                .contains("refuse le compte de connexion de Tutti").doesNotContain("Internet");
        assertThat(texts.get(ServerProblemException.Problem.TIMEOUT)).startsWith("Le serveur de l’établissement ne répond pas.")
                .contains("Réessayer");
        assertThat(texts.get(ServerProblemException.Problem.REFUSED)).contains("refuse la connexion");
        assertThat(texts.get(ServerProblemException.Problem.UNKNOWN_HOST)).contains("introuvable");
        assertThat(texts.get(ServerProblemException.Problem.TLS)).contains("connexion sécurisée");
        assertThat(new java.util.HashSet<>(texts.values())).as("one text per problem").hasSize(texts.size());
        assertThat(texts.values()).noneMatch(text -> text.equals(LoginViewModel.startupMessage(
                new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "x"))));
    }

    @Test
    void anInvalidTimeoutInTheFileIsExplainedWithTheFileTheSettingAndItsRange() {
        String text = LoginViewModel.startupMessage(new InvalidSettingException(Path.of("/etc/tutti/tutti.json"),
                "database.loginTimeoutSeconds", 1, 3600, "0", null));

        assertThat(text).isEqualTo("La configuration /etc/tutti/tutti.json est refusée : database.loginTimeoutSeconds"
                + " doit être un nombre entier de secondes entre 1 et 3600 (valeur trouvée : 0). Contactez la personne"
                + " qui a installé Tutti.");
    }

    // issue 17 — config: what is wrong with tutti.json, said in plain French with the file read

    /** The file as the loader reads it from {@code folder}, and what the login window then says. */
    private static String startupMessageFor(Path folder, String json) throws java.io.IOException {
        java.nio.file.Files.writeString(folder.resolve("tutti.json"), json);
        try {
            new org.tutti.client.config.ClientConfigLoader(java.util.List.of(folder)).load();
        } catch (ServiceException e) {
            return LoginViewModel.startupMessage(e);
        }
        throw new AssertionError("the file was accepted: " + json);
    }

    @Test
    void eachProblemOfTheFileIsSaidInFrenchWithTheFileRead(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("tutti.json");
        String contact = " Contactez la personne qui a installé Tutti.";

        assertThat(startupMessageFor(folder, "{\"mode\": \"family\",\n \"database\": {\"url\" \"x\"}}"))
                .isEqualTo("Le fichier de configuration " + file + " est mal écrit : ce n’est pas du JSON valide"
                        + " (erreur à la ligne 2, colonne 21)." + contact);
        assertThat(startupMessageFor(folder, "{\"mode\": \"family\"}"))
                .isEqualTo("Le fichier de configuration " + file + " est incomplet : la section database manque." + contact);
        assertThat(startupMessageFor(folder, "{\"database\": {\"url\": \"jdbc:postgresql://db/t?sslmode=verify-full\"}}"))
                .isEqualTo("Le fichier de configuration " + file + " est incomplet : le réglage database.user manque."
                        + contact);
        assertThat(startupMessageFor(folder, "{\"mode\": \"admin\", \"database\": {\"url\":"
                + " \"jdbc:postgresql://db/t?sslmode=verify-full\", \"user\": \"tutti_family\"}}"))
                .isEqualTo("Le fichier de configuration " + file + " est incorrect : mode doit valoir family ou staff"
                        + " (valeur trouvée : admin)." + contact);
        assertThat(startupMessageFor(folder, "{\"database\": {\"url\": \"jdbc:mysql://db/t\", \"user\": \"tutti_family\"}}"))
                .isEqualTo("Le fichier de configuration " + file + " est incorrect : database.url doit commencer par"
                        + " jdbc:postgresql:." + contact);
        assertThat(startupMessageFor(folder, "{\"database\": {\"url\": \"jdbc:postgresql://db/t?sslmode=verify-full"
                + "&sslrootcert=ecole.crt\", \"user\": \"tutti_family\"}}"))
                .isEqualTo("Le fichier de configuration " + file + " désigne, dans database.url, le certificat de"
                        + " l’autorité de l’établissement " + folder.resolve("ecole.crt") + ", mais ce fichier est"
                        + " introuvable." + contact);
        assertThat(startupMessageFor(folder, "{\"database\": {\"url\": \"jdbc:postgresql://db/t?sslmode=verify-full\","
                + " \"user\": \"tutti_family\", \"loginTimeoutSeconds\": 0}}"))
                .startsWith("La configuration " + file + " est refusée : database.loginTimeoutSeconds doit être");
        assertThat(startupMessageFor(folder, "{\"database\": {\"url\": \"jdbc:postgresql://db/t?sslmode=require\","
                + " \"user\": \"tutti_family\"}}"))
                .startsWith("La configuration " + file + " est refusée : database.url doit demander sslmode=verify-full");
    }

    @Test
    void aRequiredFileFoundNowhereNamesThePathsSearched(@org.junit.jupiter.api.io.TempDir Path folder) {
        Path user = folder.resolve("user");
        Path app = folder.resolve("app");
        ServiceException missing = org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
                () -> new org.tutti.client.config.ClientConfigLoader(java.util.List.of(user, app), true).load());

        assertThat(LoginViewModel.startupMessage(missing)).isEqualTo("Tutti ne trouve pas son fichier de configuration"
                + " (tutti.json), dont cette installation a besoin. Fichiers cherchés : " + user.resolve("tutti.json")
                + ", " + app.resolve("tutti.json") + ". Contactez la personne qui a installé Tutti.");
    }

    /** Enter while the demo is being prepared: said, then the login happens once the database is ready. */
    @Test
    void loggingInWhileTheDatabaseIsBeingOpenedWaitsForItThenLogsIn() throws Exception {
        java.util.concurrent.CountDownLatch prepared = new java.util.concurrent.CountDownLatch(1);
        UserSession session = FakeBackend.family("F0001");
        backend.loginAnswer = id -> Optional.of(session);
        BackgroundTasks tasks = BackgroundTasks.withUiExecutor(Runnable::run);
        LoginViewModel starting = new LoginViewModel(tasks, listener -> {
            listener.onProgress(StartupStep.SEEDING, 0.1);
            try {
                prepared.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return backend;
        });
        starting.setOnLoggedIn(loggedIn::set);
        try {
            starting.start();
            starting.identifierProperty().set("F0001");
            starting.passwordProperty().set("bellerive");

            starting.login();

            assertThat(starting.phaseProperty().get()).isEqualTo(LoginViewModel.Phase.STARTING);
            assertThat(starting.noticeProperty().get()).isEqualTo(
                    "La base de démonstration est en cours de préparation : la connexion se fera dès qu’elle sera prête.");
            assertThat(starting.errorProperty().get()).isEmpty();
            assertThat(backend.loginCalls).isEmpty();

            prepared.countDown();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (loggedIn.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(loggedIn.get()).isSameAs(session);
            assertThat(backend.loginCalls).containsExactly("BELLERIVE/F0001/bellerive");
            assertThat(starting.noticeProperty().get()).isEmpty();
        } finally {
            prepared.countDown();
            tasks.shutdown();
        }
    }

    @Test
    void loggingInWithEmptyFieldsWhileStartingSaysSoAndDoesNotWait() {
        LoginViewModel starting = new LoginViewModel(BackgroundTasks.sameThread(), listener -> backend);
        starting.identifierProperty().set("F0001");

        starting.login();

        assertThat(starting.errorProperty().get()).isNotEmpty();
        assertThat(starting.noticeProperty().get()).isEmpty();
        starting.start();
        assertThat(backend.loginCalls).isEmpty();
    }
}
