package org.tutti.client.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the rows of {@code tutti.mail_outbox} (SQL-API.md, "Mail outbox"). Each mail is claimed,
 * sent and marked in its own transaction ({@code FOR UPDATE SKIP LOCKED}): two relays never take
 * the same row, and a crash between sending and committing re-sends at most that one mail.
 * Wakes up on {@code NOTIFY tutti_mail} (PostgreSQL) and polls as a fallback (and on H2).
 *
 * <p>{@link #start()} runs the loop on a daemon thread; {@link #processDue()} runs one pass on
 * the caller's thread (tests). Never logs a secret or a body.
 */
public final class MailRelay implements AutoCloseable {

    /** The channel the outbox trigger notifies on PostgreSQL. */
    public static final String CHANNEL = "tutti_mail";
    /** The placeholder the bodies carry where the secret goes. */
    public static final String SECRET_PLACEHOLDER = "{{secret}}";

    private static final Logger LOG = LoggerFactory.getLogger(MailRelay.class);
    private static final int MAX_ERROR = 2000;
    /** The longest a single wait lasts, so that {@link #stop()} is prompt. */
    private static final long MAX_WAIT_MILLIS = 500;

    private static final String CLAIM = """
            SELECT id, recipient, subject, body_text, body_html, contains_secret, secret, attempts, created_at
              FROM tutti.mail_outbox
             WHERE status = 'PENDING' AND next_attempt_at <= ?
             ORDER BY id
             LIMIT 1
               FOR UPDATE SKIP LOCKED""";
    private static final String MARK_SENT = """
            UPDATE tutti.mail_outbox
               SET status = 'SENT', sent_at = ?, attempts = attempts + 1, secret = NULL, last_error = NULL,
                   version = version + 1
             WHERE id = ?""";
    private static final String MARK_RETRY = """
            UPDATE tutti.mail_outbox
               SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, version = version + 1
             WHERE id = ?""";
    private static final String MARK_FAILED = """
            UPDATE tutti.mail_outbox
               SET status = 'FAILED', attempts = attempts + 1, last_error = ?, secret = NULL, version = version + 1
             WHERE id = ?""";

    private final String name;
    private final ConnectionSource connections;
    private final MailTransport transport;
    private final RelaySettings settings;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private volatile boolean stopped;
    private boolean listenUnsupported;
    private volatile boolean listening;
    /** After a failed LISTEN, no new try before this {@link System#nanoTime()} (one try per poll). */
    private long nextListenTry = System.nanoTime();
    private boolean woken;
    private Thread thread;
    private Connection work;
    private Connection listener;

    /**
     * @param name for the thread and the log ("relay", "demo relay")
     */
    public MailRelay(String name, ConnectionSource connections, MailTransport transport, RelaySettings settings,
            Clock clock) {
        this.name = name;
        this.connections = connections;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the loop on a daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::loop, "tutti-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        LOG.info("Mail relay ({}) started: {}, polling every {} s", name, transport,
                settings.pollInterval().toSeconds());
    }

    /** Asks the loop to look for due mails now (in-process callers that just queued one). */
    public void wakeUp() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    /** Stops the loop, waits for the mail being sent, closes the connections. Safe to call twice. */
    public void stop() {
        Thread running;
        synchronized (this) {
            this.running = false;
            this.stopped = true;
            running = thread;
            thread = null;
        }
        wakeUp();
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Interrupted while stopping the mail relay ({})", name);
            }
        }
        closeConnections();
        LOG.info("Mail relay ({}) stopped", name);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return running;
    }

    /** True while the relay holds a {@code LISTEN tutti_mail} connection (PostgreSQL). */
    public boolean isListening() {
        return listening;
    }

    private void loop() {
        // LISTEN before the first look at the queue: a mail queued in between is not missed
        listener();
        while (running) {
            try {
                processDue();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Mail relay ({}): the database failed, retrying in {} s: {}", name,
                        settings.pollInterval().toSeconds(), MimeMessages.shortReason(e));
                closeConnections();
            }
            awaitWork();
        }
        closeConnections();
    }

    /**
     * Sends every mail due now, one transaction each, until none is left.
     *
     * @return how many rows it handled (sent, rescheduled or failed)
     */
    public int processDue() throws SQLException {
        int handled = 0;
        while (!stopped) {
            if (!processOne()) {
                break;
            }
            handled++;
        }
        return handled;
    }

    /** Claims, sends and marks one due mail; false when none is due. */
    boolean processOne() throws SQLException {
        Connection c = workConnection();
        boolean done = false;
        try {
            Instant now = clock.instant();
            Claimed row;
            try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                claim.setObject(1, timestamp(now));
                try (ResultSet rs = claim.executeQuery()) {
                    if (!rs.next()) {
                        c.commit();
                        done = true;
                        return false;
                    }
                    row = new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body_text"), rs.getString("body_html"), rs.getBoolean("contains_secret"),
                            rs.getString("secret"), rs.getInt("attempts"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                }
            }
            deliver(c, row);
            c.commit();
            done = true;
            return true;
        } finally {
            if (!done) {
                rollback(c);
            }
        }
    }

    private void deliver(Connection c, Claimed row) throws SQLException {
        String error;
        if (row.containsSecret() && row.secret() == null) {
            error = "the secret of this mail is missing (already scrubbed?): not sent";
            markFailed(c, row, error);
            return;
        }
        try {
            transport.send(new OutgoingMail(row.id(), row.recipient(), substitute(row.subject(), row.secret()),
                    substitute(row.textBody(), row.secret()), substitute(row.htmlBody(), row.secret())));
            try (PreparedStatement sent = c.prepareStatement(MARK_SENT)) {
                sent.setObject(1, timestamp(clock.instant()));
                sent.setLong(2, row.id());
                sent.executeUpdate();
            }
            LOG.info("Mail {} ({}) sent to {}", row.id(), row.subjectForLog(), row.recipient());
            return;
        } catch (MailDeliveryException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = MimeMessages.shortReason(e);
        }
        error = scrub(error, row.secret());
        Instant now = clock.instant();
        if (!row.createdAt().plus(settings.giveUp()).isAfter(now)) {
            markFailed(c, row, error);
            return;
        }
        Duration delay = settings.backoff(row.attempts() + 1);
        try (PreparedStatement retry = c.prepareStatement(MARK_RETRY)) {
            retry.setString(1, truncate(error));
            retry.setObject(2, timestamp(now.plus(delay)));
            retry.setLong(3, row.id());
            retry.executeUpdate();
        }
        LOG.warn("Mail {} to {} not sent (attempt {}), next attempt in {} s: {}", row.id(), row.recipient(),
                row.attempts() + 1, delay.toSeconds(), error);
    }

    private void markFailed(Connection c, Claimed row, String error) throws SQLException {
        try (PreparedStatement failed = c.prepareStatement(MARK_FAILED)) {
            failed.setString(1, truncate(error));
            failed.setLong(2, row.id());
            failed.executeUpdate();
        }
        LOG.warn("Mail {} to {} given up after {} attempts: {}", row.id(), row.recipient(), row.attempts() + 1,
                error);
    }

    static String substitute(String text, String secret) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(SECRET_PLACEHOLDER, secret);
    }

    private static String scrub(String error, String secret) {
        String text = error == null ? "unknown error" : error;
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    private static String truncate(String error) {
        return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Connection workConnection() throws SQLException {
        if (work == null || work.isClosed()) {
            work = connections.open();
            work.setAutoCommit(false);
        }
        return work;
    }

    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Mail relay ({}): rollback failed, reconnecting: {}", name, e.toString());
            closeConnections();
        }
    }

    /** Waits for a notification, a {@link #wakeUp()}, the poll interval or {@link #stop()}. */
    private void awaitWork() {
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        while (running) {
            long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remaining <= 0) {
                return;
            }
            long slice = Math.max(1, Math.min(remaining, MAX_WAIT_MILLIS));
            synchronized (wakeUp) {
                if (woken) {
                    woken = false;
                    return;
                }
            }
            Optional<PGConnection> pg = listener();
            if (pg.isPresent()) {
                try {
                    PGNotification[] notifications = pg.get().getNotifications((int) slice);
                    if (notifications != null && notifications.length > 0) {
                        LOG.debug("Mail relay ({}): {} notification(s)", name, notifications.length);
                        return;
                    }
                } catch (SQLException e) {
                    LOG.warn("Mail relay ({}): LISTEN connection lost, polling until it is back: {}", name,
                            e.toString());
                    closeListener();
                }
            } else {
                synchronized (wakeUp) {
                    if (!woken) {
                        try {
                            wakeUp.wait(slice);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            running = false;
                            return;
                        }
                    }
                }
            }
        }
    }

    /** The LISTEN connection on PostgreSQL (opened when missing), empty on H2 or when it cannot be opened. */
    private Optional<PGConnection> listener() {
        if (!settings.listen() || listenUnsupported) {
            return Optional.empty();
        }
        if (listener == null && System.nanoTime() - nextListenTry < 0) {
            return Optional.empty();
        }
        try {
            if (listener == null) {
                Connection c = connections.open();
                if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                        || !c.isWrapperFor(PGConnection.class)) {
                    listenUnsupported = true;
                    c.close();
                    return Optional.empty();
                }
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listener = c;
                listening = true;
                LOG.info("Mail relay ({}) listening on {}", name, CHANNEL);
            }
            return Optional.of(listener.unwrap(PGConnection.class));
        } catch (SQLException e) {
            LOG.warn("Mail relay ({}): cannot LISTEN, polling every {} s until it can: {}", name,
                    settings.pollInterval().toSeconds(), MimeMessages.shortReason(e));
            closeListener();
            nextListenTry = System.nanoTime() + settings.pollInterval().toNanos();
            return Optional.empty();
        }
    }

    private void closeConnections() {
        closeListener();
        if (work != null) {
            try {
                work.close();
            } catch (SQLException e) {
                LOG.warn("Mail relay ({}): cannot close its connection: {}", name, e.toString());
            }
            work = null;
        }
    }

    private void closeListener() {
        listening = false;
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.warn("Mail relay ({}): cannot close its LISTEN connection: {}", name, e.toString());
            }
            listener = null;
        }
    }

    private record Claimed(long id, String recipient, String subject, String textBody, String htmlBody,
                           boolean containsSecret, String secret, int attempts, Instant createdAt) {

        /** The subject with any secret hidden, for the log. */
        String subjectForLog() {
            return subject == null ? "" : subject.replace(SECRET_PLACEHOLDER, "***");
        }

        @Override
        public String toString() {
            return "Claimed[id=" + id + "]";
        }
    }
}
