package org.tutti.client.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The embedded demo's relay: runs in the application, polls the H2 outbox every second and
 * delivers to the {@link DemoMailbox} in {@code <dataFolder>/mailbox/} instead of SMTP.
 */
public final class DemoRelay implements AutoCloseable {

    /** How often the demo relay looks for mails (H2 has no notifications). */
    public static final Duration POLL = Duration.ofSeconds(1);

    private final DemoMailbox mailbox;
    private final MailRelay relay;

    private DemoRelay(DemoMailbox mailbox, MailRelay relay) {
        this.mailbox = mailbox;
        this.relay = relay;
    }

    /** Starts delivering the outbox of the database {@code connections} opens. */
    public static DemoRelay start(Path dataFolder, ConnectionSource connections) {
        Clock clock = Clock.systemUTC();
        DemoMailbox mailbox = new DemoMailbox(dataFolder.resolve(DemoMailbox.FOLDER), clock);
        MailRelay relay = new MailRelay("demo relay", connections, mailbox,
                RelaySettings.defaults().withPollInterval(POLL), clock);
        relay.start();
        return new DemoRelay(mailbox, relay);
    }

    public DemoMailbox mailbox() {
        return mailbox;
    }

    /** Looks for due mails now rather than at the next poll. */
    public void wakeUp() {
        relay.wakeUp();
    }

    @Override
    public void close() {
        relay.stop();
    }
}
