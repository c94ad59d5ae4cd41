package org.tutti.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.login.LoginViewModel.Phase;

class TrainingRunTest {

    @Test
    void theTrainingRunExitsOnceTheDatabaseIsReady() {
        SimpleObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.STARTING);
        AtomicInteger exits = new AtomicInteger();
        TrainingRun.exitWhenStarted(phase, exits::incrementAndGet);

        assertThat(exits).hasValue(0);
        phase.set(Phase.READY);
        assertThat(exits).hasValue(1);
    }

    @Test
    void theTrainingRunAlsoExitsWhenTheDatabaseCannotBeOpened() {
        SimpleObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.STARTING);
        AtomicInteger exits = new AtomicInteger();
        TrainingRun.exitWhenStarted(phase, exits::incrementAndGet);

        phase.set(Phase.FAILED);
        assertThat(exits).hasValue(1);
    }

    @Test
    void onlyTheExitValueAsksForATrainingRun() {
        String before = System.getProperty(TrainingRun.PROPERTY);
        try {
            System.clearProperty(TrainingRun.PROPERTY);
            assertThat(TrainingRun.requested()).isFalse();
            System.setProperty(TrainingRun.PROPERTY, "yes");
            assertThat(TrainingRun.requested()).isFalse();
            System.setProperty(TrainingRun.PROPERTY, "exit");
            assertThat(TrainingRun.requested()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(TrainingRun.PROPERTY);
            } else {
                System.setProperty(TrainingRun.PROPERTY, before);
            }
        }
    }
}
