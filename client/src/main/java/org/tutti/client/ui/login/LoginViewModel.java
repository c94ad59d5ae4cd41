package org.tutti.client.ui.login;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ConfigurationFileException;
import org.tutti.client.service.InvalidSettingException;
import org.tutti.client.service.ServerProblemException;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * The login window's state: opening the backend at start-up (progress, failure, retry) and
 * logging in. JavaFX properties only; no nodes.
 */
public final class LoginViewModel {

    /** Where start-up stands. */
    public enum Phase { STARTING, READY, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);
    /** Opening the database: the login window has a Réessayer button, its texts say to click it. */
    private static final Failures STARTUP_FAILURES = Failures.of("Opening the database", "startup.error.unexpected")
            .with(ServiceException.Reason.DATABASE_UNAVAILABLE, "startup.error.unavailable");
    private static final Failures LOGIN_FAILURES = Failures.of("Login", "login.error.unexpected");

    private final BackgroundTasks tasks;
    private final BackendOpener opener;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.STARTING);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status", I18n.get("startup.starting"));
    private final ObjectProperty<Backend> backend = new SimpleObjectProperty<>(this, "backend");
    private final BooleanProperty demo = new SimpleBooleanProperty(this, "demo");
    private final StringProperty tlsWarning = new SimpleStringProperty(this, "tlsWarning", "");

    private final ObservableList<SiteSummary> sites = FXCollections.observableArrayList();
    private final ObjectProperty<SiteSummary> site = new SimpleObjectProperty<>(this, "site");
    private final StringProperty identifier = new SimpleStringProperty(this, "identifier", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final IntegerProperty refusals = new SimpleIntegerProperty(this, "refusals");
    private final BooleanBinding canSubmit;

    private Consumer<UserSession> onLoggedIn = session -> { };
    /** Enter was pressed while the database was being opened: log in as soon as it is ready. */
    private boolean loginWhenReady;
    private volatile boolean closed;

    public LoginViewModel(BackgroundTasks tasks, BackendOpener opener) {
        this.tasks = Objects.requireNonNull(tasks);
        this.opener = Objects.requireNonNull(opener);
        this.canSubmit = Bindings.createBooleanBinding(() -> phase.get() == Phase.READY && !busy.get(), phase, busy);
    }

    /** Called with the session after a successful login (on the UI thread). */
    public void setOnLoggedIn(Consumer<UserSession> onLoggedIn) {
        this.onLoggedIn = Objects.requireNonNull(onLoggedIn);
    }

    /** Opens the backend in the background; progress and the outcome show in the properties. */
    public void start() {
        if (phase.get() == Phase.READY) {
            return;
        }
        phase.set(Phase.STARTING);
        progress.set(-1);
        status.set(I18n.get("startup.starting"));
        ProgressRelay relay = new ProgressRelay();
        tasks.run(() -> {
            Backend opened = opener.open(relay);
            try {
                return new Opened(opened, opened.sites().listSites());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }).onSuccess(this::ready).onFailure(this::startupFailed);
    }

    private record Opened(Backend backend, List<SiteSummary> sites) {
    }

    private void ready(Opened opened) {
        if (closed) {
            LOG.info("Backend opened after exit was requested: closing it");
            opened.backend().close();
            return;
        }
        backend.set(opened.backend());
        demo.set(opened.backend().isEmbeddedDemo());
        tlsWarning.set(opened.backend().unverifiedServer()
                .map(server -> I18n.get("login.warning.unverifiedTls", server))
                .orElse(""));
        SiteSummary previous = site.get();
        sites.setAll(opened.sites());
        if (previous != null && sites.contains(previous)) {
            site.set(previous);
        } else {
            site.set(sites.isEmpty() ? null : sites.get(0));
        }
        progress.set(1);
        status.set(I18n.get("startup.ready"));
        phase.set(Phase.READY);
        LOG.info("Backend ready ({} sites, demo={})", sites.size(), demo.get());
        if (loginWhenReady) {
            loginWhenReady = false;
            notice.set("");
            LOG.info("Logging in as asked while the database was being opened");
            login();
        }
    }

    private void startupFailed(Throwable failure) {
        loginWhenReady = false;
        notice.set("");
        progress.set(0);
        tlsWarning.set("");
        status.set(startupMessage(failure));
        phase.set(Phase.FAILED);
    }

    static String startupMessage(Throwable failure) {
        if (failure instanceof UnverifiedTlsException refused) {
            LOG.error("Opening the database refused: unverified TLS", refused);
            // for IT, who reads it on the screen of whoever calls: which file, which setting
            return I18n.get("startup.error.unverifiedTls", refused.file(), refused.urlSetting(),
                    refused.optOutSetting());
        }
        if (failure instanceof InvalidSettingException invalid) {
            LOG.error("Opening the database refused: {}", invalid.getMessage());
            // numbers as text: "3600", not "3 600" (the setting is written without a separator)
            return I18n.get("startup.error.invalidSetting", invalid.file(), invalid.setting(),
                    String.valueOf(invalid.min()), String.valueOf(invalid.max()), invalid.found());
        }
        if (failure instanceof ConfigurationFileException bad) {
            LOG.error("Opening the database refused: {}", bad.getMessage());
            return configurationMessage(bad);
        }
        if (failure instanceof ServerProblemException problem) {
            // BackendFactory has named the cause in the log
            return problemMessage(problem);
        }
        return STARTUP_FAILURES.message(failure);
    }

    /** What is wrong with {@code tutti.json}, in plain words, naming the file read (or the files searched). */
    private static String configurationMessage(ConfigurationFileException bad) {
        List<String> details = bad.details();
        String file = bad.file().map(Object::toString).orElse("");
        return switch (bad.problem()) {
            case NOT_FOUND -> I18n.get("startup.error.config.notFound", String.join(", ", details));
            case UNREADABLE -> I18n.get("startup.error.config.unreadable", file);
            case NOT_JSON -> I18n.get("startup.error.config.notJson", file, details.get(0), details.get(1));
            case MISSING_SECTION -> I18n.get("startup.error.config.missingSection", file, details.get(0));
            case MISSING_SETTING -> I18n.get("startup.error.config.missingSetting", file, details.get(0));
            case BAD_MODE -> I18n.get("startup.error.config.badMode", file, details.get(0));
            case NOT_POSTGRES_URL -> I18n.get("startup.error.config.notPostgresUrl", file, details.get(0));
            case CA_CERTIFICATE_MISSING -> I18n.get("startup.error.config.caCertificateMissing", file,
                    details.get(0), details.get(1));
        };
    }

    /** What the login window says for each problem: what to do, and who does it. */
    private static String problemMessage(ServerProblemException problem) {
        return switch (problem.problem()) {
            case TIMEOUT -> I18n.get("startup.error.timeout");
            case REFUSED -> I18n.get("startup.error.refused");
            case UNKNOWN_HOST -> I18n.get("startup.error.unknownHost");
            case TLS -> I18n.get("startup.error.tls");
            case NO_DATABASE -> I18n.get("startup.error.noDatabase");
            case WRONG_LOGIN -> I18n.get("startup.error.wrongLogin");
            case CLIENT_TOO_OLD -> I18n.get("startup.error.clientTooOld");
            case DATABASE_TOO_OLD -> I18n.get("startup.error.databaseTooOld");
            case MISSING_FUNCTION -> I18n.get("startup.error.missingFunction", problem.detail());
        };
    }

    /** The text for one step of start-up. */
    public static String stepText(StartupStep step, double fraction) {
        switch (step) {
            case CONFIGURING:
                return I18n.get("startup.step.configuring");
            case CREATING_DEMO:
                return I18n.get("startup.step.creatingDemo");
            case MIGRATING:
                return I18n.get("startup.step.migrating");
            case SEEDING:
                return fraction >= 0
                        ? I18n.get("startup.step.seedingPercent", (int) Math.round(fraction * 100))
                        : I18n.get("startup.step.seeding");
            case CONNECTING:
                return I18n.get("startup.step.connecting");
            case READY:
            default:
                return I18n.get("startup.ready");
        }
    }

    /**
     * Receives progress on the background thread and hands the latest value to the UI thread,
     * at most one hand-over pending at a time (seeding may report thousands of times).
     */
    private final class ProgressRelay implements org.tutti.client.service.StartupListener {
        private final AtomicReference<double[]> latest = new AtomicReference<>();
        private final AtomicReference<StartupStep> latestStep = new AtomicReference<>();
        private final AtomicBoolean pending = new AtomicBoolean();

        @Override
        public void onProgress(StartupStep step, double fraction) {
            latestStep.set(step);
            latest.set(new double[] {fraction});
            if (pending.compareAndSet(false, true)) {
                tasks.onUi(() -> {
                    pending.set(false);
                    StartupStep s = latestStep.get();
                    double f = latest.get()[0];
                    if (phase.get() == Phase.STARTING) {
                        status.set(stepText(s, f));
                        progress.set(f >= 0 ? Math.min(f, 1) : -1);
                    }
                });
            }
        }
    }

    /**
     * Logs in with the fields' values, in the background. While the database is being opened
     * (the demo's first start takes a while), the request is kept, said, and carried out when it
     * is ready, with the fields' values of that moment.
     */
    public void login() {
        String id = identifier.get() == null ? "" : identifier.get().trim();
        String pw = password.get() == null ? "" : password.get();
        if (phase.get() == Phase.STARTING && !closed) {
            if (id.isEmpty() || pw.isEmpty()) {
                error.set(I18n.get("login.error.empty"));
                return;
            }
            error.set("");
            loginWhenReady = true;
            notice.set(I18n.get("startup.loginWhenReady"));
            return;
        }
        if (!canSubmit.get()) {
            return;
        }
        SiteSummary chosen = site.get();
        if (chosen == null) {
            error.set(I18n.get("login.error.noSite"));
            return;
        }
        if (id.isEmpty() || pw.isEmpty()) {
            error.set(I18n.get("login.error.empty"));
            return;
        }
        error.set("");
        busy.set(true);
        char[] secret = pw.toCharArray();
        Backend b = backend.get();
        tasks.run(() -> b.auth().login(chosen.code(), id, secret))
                .onSuccess(this::loginAnswered)
                .onFailure(this::loginFailed);
    }

    private void loginAnswered(Optional<UserSession> session) {
        busy.set(false);
        if (session.isPresent()) {
            LOG.info("Logged in: {}", session.get());
            password.set("");
            error.set("");
            onLoggedIn.accept(session.get());
        } else {
            LOG.info("Login refused");
            error.set(I18n.get("login.error.refused"));
            password.set("");
            refusals.set(refusals.get() + 1);
        }
    }

    private void loginFailed(Throwable failure) {
        busy.set(false);
        error.set(LOGIN_FAILURES.message(failure));
    }

    /**
     * The state of a new lost-password dialog, pre-filled with the identifier typed here; null
     * while the database is not open.
     */
    public LostPasswordViewModel lostPasswordModel() {
        Backend b = backend.get();
        if (b == null || phase.get() != Phase.READY) {
            return null;
        }
        return new LostPasswordViewModel(b.accounts(), tasks, identifier.get());
    }

    /** After logout: same site, empty fields, no message. */
    public void reset() {
        identifier.set("");
        password.set("");
        error.set("");
        busy.set(false);
    }

    /** Back from the main window because the session expired at the database: says so. */
    public void showSessionExpired() {
        error.set(Failures.text(ServiceException.Reason.SESSION_EXPIRED));
    }

    /** Closes the backend (application exit). */
    public void closeBackend() {
        closed = true;
        Backend b = backend.get();
        if (b != null) {
            backend.set(null);
            b.close();
        }
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Backend> backendProperty() {
        return backend;
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo;
    }

    /**
     * A warning in words when the database is reached without verifying its certificate (allowed
     * explicitly by {@code tutti.json}); empty otherwise.
     */
    public ReadOnlyStringProperty tlsWarningProperty() {
        return tlsWarning;
    }

    public ObservableList<SiteSummary> sites() {
        return sites;
    }

    public ObjectProperty<SiteSummary> siteProperty() {
        return site;
    }

    public StringProperty identifierProperty() {
        return identifier;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Not an error: what happens next (the login waits for the database); empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Counts refusals, so that the view can put the focus back in the password field. */
    public ReadOnlyIntegerProperty refusalsProperty() {
        return refusals;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
