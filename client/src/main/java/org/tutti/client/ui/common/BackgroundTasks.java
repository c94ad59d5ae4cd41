package org.tutti.client.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.service.ServiceException;

/**
 * The one way to run slow work (database, files, mail) off the JavaFX thread:
 * {@code tasks.run(() -> slowCall()).onSuccess(result -> ...).onFailure(error -> ...)}.
 * Handlers run on the UI thread. {@link #sameThread()} runs everything at once on the calling
 * thread, for view-model tests without a toolkit.
 *
 * <p>This class does not import JavaFX: the UI executor is given by the caller
 * ({@code Platform::runLater} in the application).
 *
 * <p>Session expiry is handled here once for every screen: the main window gives its screens
 * {@link #withOnSessionExpired(Runnable) a view of these tasks} whose handler runs on the UI
 * thread whenever their work fails with {@link ServiceException.Reason#SESSION_EXPIRED} (after
 * the screen's own failure handler, if any); the application then returns to the login window.
 * Each login gets its own view, so a late failure of an earlier session reaches that session's
 * handler, not the current one's.
 */
public final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor ui;
    private final ExecutorService owned;
    private final Runnable onSessionExpired;

    private BackgroundTasks(java.util.concurrent.Executor background, java.util.concurrent.Executor ui,
            ExecutorService owned, Runnable onSessionExpired) {
        this.background = background;
        this.ui = ui;
        this.owned = owned;
        this.onSessionExpired = onSessionExpired;
    }

    /** A pool of daemon threads; handlers are delivered through {@code ui}. */
    public static BackgroundTasks withUiExecutor(java.util.concurrent.Executor ui) {
        ExecutorService pool = Executors.newCachedThreadPool(new DaemonThreads());
        return new BackgroundTasks(pool, ui, pool, () -> { });
    }

    /** Work and handlers run immediately on the calling thread (tests). */
    public static BackgroundTasks sameThread() {
        return new BackgroundTasks(Runnable::run, Runnable::run, null, () -> { });
    }

    /**
     * The same threads, with {@code handler} called on the UI thread whenever work run through
     * the returned tasks fails because the session ended or expired at the database (once per
     * failed piece of work). Shutting the returned tasks down does nothing: the owner does.
     */
    public BackgroundTasks withOnSessionExpired(Runnable handler) {
        return new BackgroundTasks(background, ui, null, java.util.Objects.requireNonNull(handler));
    }

    /** Runs {@code work} in the background. */
    public <T> Task<T> run(Callable<T> work) {
        Task<T> task = new Task<>(ui, this);
        background.execute(() -> {
            try {
                task.complete(work.call(), null);
            } catch (Exception | Error e) {
                LOG.debug("Background work failed", e);
                task.complete(null, e);
            }
        });
        return task;
    }

    /** Runs {@code action} on the UI thread (immediately in same-thread mode). */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** Stops accepting work; running work continues on its daemon thread. */
    public void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    /** Waits for running work to end, for a clean exit (returns false on time-out). */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return owned == null || owned.awaitTermination(timeout, unit);
    }

    /**
     * The outcome of one piece of background work. Handlers registered after the work ended are
     * called at once (on the UI thread).
     */
    public static final class Task<T> {
        private final java.util.concurrent.Executor ui;
        private final BackgroundTasks owner;
        private boolean done;
        private boolean expiryReported;
        private T result;
        private Throwable failure;
        private Consumer<? super T> successHandler;
        private Consumer<? super Throwable> failureHandler;

        private Task(java.util.concurrent.Executor ui, BackgroundTasks owner) {
            this.ui = ui;
            this.owner = owner;
        }

        private void complete(T value, Throwable error) {
            synchronized (this) {
                this.result = value;
                this.failure = error;
                this.done = true;
            }
            ui.execute(this::deliver);
        }

        private void deliver() {
            Consumer<? super T> onSuccess;
            Consumer<? super Throwable> onFailure;
            boolean reportExpiry;
            synchronized (this) {
                onSuccess = successHandler;
                onFailure = failureHandler;
                successHandler = null;
                failureHandler = null;
                reportExpiry = !expiryReported && isSessionExpiry(failure);
                expiryReported |= reportExpiry;
            }
            if (failure == null && onSuccess != null) {
                onSuccess.accept(result);
            } else if (failure != null && onFailure != null) {
                onFailure.accept(failure);
            }
            if (reportExpiry) {
                owner.onSessionExpired.run();
            }
        }

        public Task<T> onSuccess(Consumer<? super T> handler) {
            boolean now;
            synchronized (this) {
                successHandler = handler;
                now = done;
            }
            if (now) {
                ui.execute(this::deliver);
            }
            return this;
        }

        public Task<T> onFailure(Consumer<? super Throwable> handler) {
            boolean now;
            synchronized (this) {
                failureHandler = handler;
                now = done;
            }
            if (now) {
                ui.execute(this::deliver);
            }
            return this;
        }
    }

    private static boolean isSessionExpiry(Throwable failure) {
        return failure instanceof ServiceException se && se.reason() == ServiceException.Reason.SESSION_EXPIRED;
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "tutti-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
