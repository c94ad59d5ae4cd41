package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));

    @AfterEach
    void stop() {
        ui.shutdownNow();
    }

    @Test
    void workRunsInTheBackgroundAndTheResultArrivesOnTheUiThread() throws InterruptedException {
        BackgroundTasks tasks = BackgroundTasks.withUiExecutor(ui);
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<String> handlerThread = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        tasks.run(() -> {
            workThread.set(Thread.currentThread().getName());
            return 42;
        }).onSuccess(value -> {
            handlerThread.set(Thread.currentThread().getName());
            result.set(value);
            done.countDown();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get()).isEqualTo(42);
        assertThat(workThread.get()).startsWith("tutti-background-");
        assertThat(handlerThread.get()).isEqualTo("fake-ui");
        tasks.shutdown();
    }

    @Test
    void failuresGoToTheFailureHandlerOnly() throws InterruptedException {
        BackgroundTasks tasks = BackgroundTasks.withUiExecutor(ui);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Object> success = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        tasks.run(() -> {
            throw new IllegalStateException("boom");
        }).onSuccess(success::set).onFailure(e -> {
            failure.set(e);
            done.countDown();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(success.get()).isNull();
        tasks.shutdown();
    }

    @Test
    void sameThreadModeDeliversToHandlersRegisteredAfterTheWorkEnded() {
        AtomicReference<String> result = new AtomicReference<>();
        BackgroundTasks.sameThread().run(() -> "done").onSuccess(result::set).onFailure(e -> result.set("failed"));
        assertThat(result.get()).isEqualTo("done");
    }
}
