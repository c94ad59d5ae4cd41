package org.tutti.client.service;

import org.tutti.client.domain.StartupStep;

/** Receives start-up progress from a background thread. */
@FunctionalInterface
public interface StartupListener {

    StartupListener NONE = (step, fraction) -> { };

    /** @param fraction progress within the step, 0 to 1, or -1 when unknown */
    void onProgress(StartupStep step, double fraction);
}
