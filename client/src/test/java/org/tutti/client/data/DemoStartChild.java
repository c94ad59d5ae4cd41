package org.tutti.client.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tutti.client.config.ClientConfigLoader;
import org.tutti.client.domain.StartupStep;

/**
 * A Tutti that starts the embedded demo in the folder given as argument and stops dead in the
 * middle of seeding, so that a test can kill it there. Prints {@link #SEEDING_MARKER} when it
 * gets there.
 */
public final class DemoStartChild {

    static final String SEEDING_MARKER = "CHILD IS SEEDING";

    private DemoStartChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataFolder = Path.of(args[0]);
        int families = Integer.parseInt(args[1]);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean announced = new AtomicBoolean();
        BackendFactory.open(dataFolder, (step, fraction) -> {
            if (step == StartupStep.SEEDING && fraction > 0 && announced.compareAndSet(false, true)) {
                System.out.println(SEEDING_MARKER);
                System.out.flush();
                awaitUninterruptibly(never);
            }
        }, new ClientConfigLoader(List.of(dataFolder)), families);
        System.out.println("CHILD OPENED THE DEMO WITHOUT STOPPING");
        System.exit(3);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Thread.interrupted();
            }
        }
    }
}
