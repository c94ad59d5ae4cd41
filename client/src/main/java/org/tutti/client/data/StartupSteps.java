package org.tutti.client.data;

import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.service.StartupListener;

/** Tells the listener which start-up step runs, and logs how long each took. */
final class StartupSteps {

    /** The work of one step. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);

    private final StartupListener listener;
    private final long started = System.nanoTime();
    private final Map<StartupStep, Long> millis = new EnumMap<>(StartupStep.class);

    StartupSteps(StartupListener listener) {
        this.listener = listener == null ? StartupListener.NONE : listener;
    }

    <T> T step(StartupStep step, Action<T> action) throws Exception {
        progress(step, step == StartupStep.SEEDING ? 0 : -1);
        long start = System.nanoTime();
        T result = action.run();
        long took = (System.nanoTime() - start) / 1_000_000;
        millis.merge(step, took, Long::sum);
        LOG.info("Start-up step {} took {} ms", step, took);
        return result;
    }

    /** Progress within {@code step}: 0 to 1, or -1 when unknown. */
    void progress(StartupStep step, double fraction) {
        try {
            listener.onProgress(step, fraction);
        } catch (RuntimeException e) {
            LOG.warn("Start-up listener failed on {}", step, e);
        }
    }

    void ready() {
        progress(StartupStep.READY, 1);
        LOG.info("Database ready in {} ms ({})", (System.nanoTime() - started) / 1_000_000, millis);
    }
}
