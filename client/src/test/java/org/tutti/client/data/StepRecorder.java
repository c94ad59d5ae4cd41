package org.tutti.client.data;

import java.util.ArrayList;
import java.util.List;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.service.StartupListener;

/** Records the start-up steps a listener hears, each once, in order, and the seeding fractions. */
final class StepRecorder implements StartupListener {

    private final List<StartupStep> steps = new ArrayList<>();
    private final List<Double> seedingFractions = new ArrayList<>();

    @Override
    public synchronized void onProgress(StartupStep step, double fraction) {
        if (steps.isEmpty() || steps.get(steps.size() - 1) != step) {
            steps.add(step);
        }
        if (step == StartupStep.SEEDING) {
            seedingFractions.add(fraction);
        }
    }

    synchronized List<StartupStep> steps() {
        return List.copyOf(steps);
    }

    synchronized List<Double> seedingFractions() {
        return List.copyOf(seedingFractions);
    }
}
