package org.tutti.client.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A list that reads itself again every 30 seconds while its screen is shown (the front desk's
 * queues: Validations, Réinscriptions): {@link #start()} when the module is activated,
 * {@link #stop()} when another entry replaces it.
 */
public final class AutoRefresh {

    /** How often the list reloads by itself while shown. */
    public static final Duration EVERY = Duration.seconds(30);

    private final Timeline timeline;

    public AutoRefresh(Runnable reload) {
        this.timeline = new Timeline(new KeyFrame(EVERY, e -> reload.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** From now on, every {@link #EVERY} (again from zero when already running). */
    public void start() {
        timeline.playFromStart();
    }

    public void stop() {
        timeline.stop();
    }
}
