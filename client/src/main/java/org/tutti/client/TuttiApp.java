package org.tutti.client;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.DataFolder;
import org.tutti.client.config.DisplayPreferences;
import org.tutti.client.data.BackendFactory;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.ExternalBrowser;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.SystemContrast;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.login.LoginView;
import org.tutti.client.ui.login.LoginViewModel;
import org.tutti.client.ui.mailbox.DemoMailboxWindows;
import org.tutti.client.ui.main.MainView;
import org.tutti.client.ui.main.MainViewModel;
import org.tutti.client.ui.main.Modules;

/**
 * The application. Start-up order matters (start-up time is a feature): the login window is
 * built and shown first, and only once its first frame is on screen is the database opened, on
 * a background thread, with its progress shown in that window (ADR 0017).
 *
 * <p>One stage for the whole session: the login scene, then the main scene after login, then
 * the login scene again after Déconnexion. One window means one entry in the task bar, keyboard
 * focus that does not jump to another window, and a window position the user keeps; the login
 * scene is kept, so the chosen site stays selected after Déconnexion.
 *
 * <p>The data folder is {@link DataFolder#resolve()} (system property {@code tutti.home}, which
 * tests set to a temporary folder). With {@code -Dtutti.benchmark=true} the application prints
 * {@code TUTTI_FIRST_FRAME_MS=<ms since JVM start>} at the first frame of the login window and
 * exits (see {@code StartupBenchmark}). With {@code -Dtutti.training=exit} it exits once the
 * database is open or has failed (the installer's class-list run, see {@link TrainingRun}).
 */
public class TuttiApp extends Application {

    public static final String BENCHMARK_PROPERTY = "tutti.benchmark";
    public static final String FIRST_FRAME_MARKER = "TUTTI_FIRST_FRAME_MS=";
    /**
     * {@code -Dtutti.benchmark=login}: once the database is open, logs in with the environment's
     * {@code TUTTI_BENCHMARK_SITE}, {@code TUTTI_BENCHMARK_USER} and {@code TUTTI_BENCHMARK_PASSWORD},
     * prints {@link #ACCUEIL_FRAME_MARKER} and {@link #ACCUEIL_LOADED_MARKER} and exits.
     */
    public static final String BENCHMARK_LOGIN = "login";
    /** Milliseconds from the login being submitted to the first frame of the Accueil screen. */
    public static final String ACCUEIL_FRAME_MARKER = "TUTTI_ACCUEIL_FRAME_MS=";
    /** Milliseconds from the login being submitted to the first frame showing Accueil's data. */
    public static final String ACCUEIL_LOADED_MARKER = "TUTTI_ACCUEIL_LOADED_MS=";

    /** Room for the login card with its longest content (an error and the demo hint) at 100 %. */
    private static final double LOGIN_WIDTH = 720;
    private static final double LOGIN_HEIGHT = 700;
    private static final double MAIN_WIDTH = 1180;
    private static final double MAIN_HEIGHT = 760;

    private static final Logger LOG = LoggerFactory.getLogger(TuttiApp.class);

    private static final java.util.concurrent.ExecutorService PREFERENCES_WRITER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "tutti-preferences");
                thread.setDaemon(true);
                return thread;
            });

    private final AtomicBoolean errorDialogShowing = new AtomicBoolean();
    private javafx.beans.InvalidationListener displayListener;
    private Stage stage;
    private BackgroundTasks tasks;
    private LoginViewModel loginModel;
    private LoginView loginView;
    private Scene loginScene;
    private DemoMailboxWindows demoMailboxes;
    private MainView mainView;
    private UserSession session;

    public TuttiApp() {
        // public no-arg constructor: Application.launch and FxToolkit.setupApplication need it
    }

    /** Before any control is built: also when the application is started without the launcher (tests). */
    @Override
    public void init() {
        I18n.applyToJvm();
    }

    @Override
    public void start(Stage primaryStage) {
        long startEntered = System.currentTimeMillis();
        this.stage = primaryStage;
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        Thread.currentThread().setUncaughtExceptionHandler(this::uncaught);
        Path dataFolder = DataFolder.resolve();
        applyDisplayPreferences(dataFolder);
        ThemeManager.get().install();
        // online payment opens the provider's page in the system browser (or the capture file in tests)
        ExternalBrowser.install(getHostServices());

        tasks = BackgroundTasks.withUiExecutor(Platform::runLater);
        loginModel = new LoginViewModel(tasks, listener -> openBackend(dataFolder, listener));
        loginModel.setOnLoggedIn(this::showMain);
        demoMailboxes = new DemoMailboxWindows(tasks);
        loginView = new LoginView(loginModel, this::openDemoMailbox);
        loginScene = new Scene(loginView.root(), LOGIN_WIDTH, LOGIN_HEIGHT);
        loginView.installAccelerators(loginScene);
        ThemeManager.get().apply(loginScene);

        long sceneBuilt = System.currentTimeMillis();
        stage.setTitle(I18n.get("login.title"));
        stage.setScene(loginScene);
        stage.setMinWidth(480);
        stage.setMinHeight(420);
        // a module with unsaved edits (a half-typed password) asks before the window closes
        stage.setOnCloseRequest(e -> {
            if (mainView != null && !mainView.canClose()) {
                e.consume();
            }
        });
        if (Boolean.getBoolean(BENCHMARK_PROPERTY)) {
            reportFirstFrame(startEntered, sceneBuilt);
        } else if (BENCHMARK_LOGIN.equals(System.getProperty(BENCHMARK_PROPERTY))) {
            loginModel.phaseProperty().addListener((obs, old, phase) -> {
                if (phase == LoginViewModel.Phase.READY) {
                    benchmarkLogin();
                }
            });
        }
        stage.show();
        loginView.focusFirstField();

        if (TrainingRun.requested()) {
            // the installer's class-list run: the classes of a whole start, then exit
            TrainingRun.exitWhenStarted(loginModel.phaseProperty(), Platform::exit);
        }
        if (!Boolean.getBoolean(BENCHMARK_PROPERTY)) {
            // once the first frame is on screen: opening the database (Hibernate, H2 or the server,
            // Flyway, on a background thread) would otherwise compete with it on a 2-core machine
            afterFirstFrame(loginModel::start);
        }
    }

    /**
     * Runs the action at the second pulse after {@code show()}: the first frame has then been
     * rendered (a pulse waits for the previous frame's rendering).
     */
    private static void afterFirstFrame(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /**
     * The display this person chose on this computer (a first start follows the system's
     * high-contrast setting, on Windows), then each change saved as it is made.
     */
    private void applyDisplayPreferences(Path dataFolder) {
        ThemeManager theme = ThemeManager.get();
        DisplayPreferences saved = DisplayPreferences.load(dataFolder).orElseGet(() -> SystemContrast.detect()
                .map(c -> new DisplayPreferences(true, DisplayPreferences.Contrast.valueOf(c.name()), 125))
                .orElse(DisplayPreferences.DEFAULTS));
        theme.contrastProperty().set(ThemeManager.Contrast.valueOf(saved.contrast().name()));
        theme.textSizeProperty().set(saved.textSizePercent());
        theme.accessibleProperty().set(saved.accessible());
        javafx.beans.InvalidationListener save = obs -> {
            DisplayPreferences now = new DisplayPreferences(theme.accessibleProperty().get(),
                    DisplayPreferences.Contrast.valueOf(theme.contrastProperty().get().name()),
                    theme.textSizeProperty().get());
            // one writer thread at a time, in order: the last choice is the one kept
            PREFERENCES_WRITER.execute(() -> now.save(dataFolder));
        };
        theme.accessibleProperty().addListener(save);
        theme.contrastProperty().addListener(save);
        theme.textSizeProperty().addListener(save);
        displayListener = save;
    }

    /** Kept out of {@link #start}: the first reference to the data layer happens off the FX thread. */
    private static Backend openBackend(Path dataFolder, org.tutti.client.service.StartupListener listener) {
        LOG.info("Login window shown; opening the database in {}", dataFolder);
        return BackendFactory.open(dataFolder, listener);
    }

    private void showMain(UserSession session) {
        Backend backend = loginModel.backendProperty().get();
        MainViewModel model = new MainViewModel(session, backend.auth(), tasks);
        Runnable mailbox = backend.demoMailbox().isPresent() ? this::openDemoMailbox : null;
        MainView view = new MainView(model, Modules.forSession(session, backend, model.tasks()), mailbox);
        model.setOnLoggedOut(this::showLogin);
        model.setOnSessionExpired(() -> {
            // whatever screen asked: nothing is saved (the database refuses), back to login
            view.discard();
            showLogin();
            loginModel.showSessionExpired();
        });
        // the main window is larger than the login window; the scene gets its size explicitly
        // (a scene without one would shrink the window to the scene's preferred size)
        double width = Math.max(stage.getWidth(), MAIN_WIDTH);
        double height = Math.max(stage.getHeight(), MAIN_HEIGHT);
        Scene scene = new Scene(view.root(), width, height);
        view.installAccelerators(scene);
        ThemeManager.get().apply(scene);
        mainView = view;
        this.session = session;
        stage.setTitle(model.windowTitle());
        boolean grow = stage.getWidth() < width || stage.getHeight() < height;
        stage.setScene(scene);
        if (grow) {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.centerOnScreen();
        }
        view.openFirst();
        if (loginSubmitted != 0) {
            reportAccueil(scene);
        }
    }

    /** The demo mailbox window (embedded demo only), owned by the application's one stage. */
    private void openDemoMailbox() {
        Backend backend = loginModel.backendProperty().get();
        if (backend != null) {
            backend.demoMailbox().ifPresent(mailbox -> demoMailboxes.show(stage, mailbox));
        }
    }

    private void showLogin() {
        mainView = null;
        session = null;
        loginModel.reset();
        stage.setTitle(I18n.get("login.title"));
        stage.setScene(loginScene);
        loginView.focusFirstField();
    }

    private void uncaught(Thread thread, Throwable error) {
        LOG.error("Uncaught exception in thread {}", thread.getName(), error);
        Runnable show = () -> {
            Window owner = stage;
            if (owner == null || !owner.isShowing() || !errorDialogShowing.compareAndSet(false, true)) {
                return;
            }
            try {
                Dialogs.showError(owner, I18n.get("error.unexpected"));
            } finally {
                errorDialogShowing.set(false);
            }
        };
        // always later: showAndWait is refused during layout or animation processing
        Platform.runLater(show);
    }

    private long loginSubmitted;

    private void benchmarkLogin() {
        String siteCode = System.getenv("TUTTI_BENCHMARK_SITE");
        loginModel.sites().stream().filter(s -> s.code().equals(siteCode)).findFirst()
                .ifPresent(s -> loginModel.siteProperty().set(s));
        loginModel.identifierProperty().set(System.getenv("TUTTI_BENCHMARK_USER"));
        loginModel.passwordProperty().set(System.getenv("TUTTI_BENCHMARK_PASSWORD"));
        loginSubmitted = System.nanoTime();
        loginModel.login();
        if (!loginModel.errorProperty().get().isEmpty()) {
            System.out.println(ACCUEIL_FRAME_MARKER + "failed: " + loginModel.errorProperty().get());
            Platform.exit();
        }
    }

    private void reportAccueil(Scene scene) {
        new AnimationTimer() {
            private int frames;
            private boolean shown;

            @Override
            public void handle(long now) {
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loginSubmitted);
                // as for the login window: by the second pulse the frame has been rendered
                if (!shown && ++frames >= 2) {
                    shown = true;
                    System.out.println(ACCUEIL_FRAME_MARKER + elapsed);
                }
                javafx.scene.Node loading = scene.lookup("#homeLoading");
                boolean loaded = loading != null && loading.getParent() != null && !loading.getParent().isVisible();
                if (shown && loaded) {
                    stop();
                    System.out.println(ACCUEIL_LOADED_MARKER + elapsed);
                    Platform.exit();
                }
            }
        }.start();
    }

    private void reportFirstFrame(long startEntered, long sceneBuilt) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the second pulse after show: by then the first frame has been rendered
                if (++frames < 2) {
                    return;
                }
                stop();
                long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                long elapsed = System.currentTimeMillis() - jvmStart;
                System.out.println(FIRST_FRAME_MARKER + elapsed + " (start() entered at " + (startEntered - jvmStart)
                        + " ms, login scene built at " + (sceneBuilt - jvmStart) + " ms)");
                LOG.info("First frame of the login window {} ms after JVM start", elapsed);
                Platform.exit();
            }
        }.start();
    }

    @Override
    public void stop() throws InterruptedException {
        if (displayListener != null) {
            // tests start the application again in the same JVM: the next one saves in its own folder
            ThemeManager theme = ThemeManager.get();
            theme.accessibleProperty().removeListener(displayListener);
            theme.contrastProperty().removeListener(displayListener);
            theme.textSizeProperty().removeListener(displayListener);
            displayListener = null;
        }
        ThemeManager.get().uninstall();
        if (mainView != null) {
            // the shown module stops its timers and listeners before the background executor goes
            mainView.discard();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        Backend backend = loginModel == null ? null : loginModel.backendProperty().get();
        if (session != null && backend != null) {
            // the window was closed while logged in: end the session at the database too
            try {
                backend.auth().logout(session);
            } catch (RuntimeException e) {
                LOG.warn("Logout at exit failed; the session will expire on its own", e);
            }
            session = null;
        }
        if (loginModel != null) {
            loginModel.closeBackend();
        }
        if (tasks != null && !tasks.awaitTermination(2, TimeUnit.SECONDS)) {
            LOG.warn("Background work still running at exit");
        }
        LOG.info("Stopped");
    }
}
