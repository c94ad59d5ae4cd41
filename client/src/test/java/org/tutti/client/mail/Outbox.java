package org.tutti.client.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Test databases for the relay: one migrated and lightly seeded database per vendor for the JVM,
 * the relay connecting as {@code tutti_relay} on PostgreSQL (never as the superuser), rows
 * queued and read back as the superuser.
 */
final class Outbox {

    static final String ROLE_PASSWORD = "relay-role-password-for-tests";
    static final int FAMILIES = 3;

    private static final Map<DatabaseVendor, TestDatabase> DATABASES = new EnumMap<>(DatabaseVendor.class);

    private Outbox() {
    }

    static synchronized TestDatabase database(DatabaseVendor vendor) {
        return DATABASES.computeIfAbsent(vendor, v -> {
            TestDatabase db = TestDatabases.fresh(v);
            new SchemaMigrator(db.dataSource(), v).migrate();
            try {
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, FAMILIES).generate(db.dataSource(), DemoProgress.NONE);
                if (v == DatabaseVendor.POSTGRESQL) {
                    for (String role : new String[] {"tutti_relay", "tutti_family"}) {
                        update(db, "ALTER ROLE " + role + " PASSWORD '" + ROLE_PASSWORD + "'");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the " + v + " test database", e);
            }
            return db;
        });
    }

    /** How the relay connects: as tutti_relay on PostgreSQL, as sa on H2 (no roles). */
    static ConnectionSource relayConnections(TestDatabase db) {
        if (db.vendor() == DatabaseVendor.POSTGRESQL) {
            return () -> TestDatabases.connectAs(db, "tutti_relay", ROLE_PASSWORD);
        }
        return () -> db.dataSource().getConnection();
    }

    /** Queues a mail as the database functions do; returns its id. */
    static long queue(TestDatabase db, String recipient, String subject, String text, String html, String secret,
            Instant createdAt) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO tutti.mail_outbox (kind, recipient, subject, body_text, body_html, contains_secret,
                                                    secret, next_attempt_at, created_at)
                     VALUES ('PASSWORD_RESET', ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            OffsetDateTime at = createdAt.atOffset(ZoneOffset.UTC);
            insert.setString(1, recipient);
            insert.setString(2, subject);
            insert.setString(3, text);
            insert.setString(4, html);
            insert.setBoolean(5, secret != null);
            insert.setString(6, secret);
            insert.setObject(7, at);
            insert.setObject(8, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The row as the superuser sees it. */
    record Row(long id, String status, int attempts, String secret, String bodyText, String bodyHtml,
               String lastError, Instant nextAttemptAt, Instant sentAt) {
    }

    static Row row(TestDatabase db, long id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT id, status, attempts, secret, body_text, body_html, last_error, next_attempt_at, sent_at
                       FROM tutti.mail_outbox WHERE id = ?""")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no outbox row " + id);
                }
                OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
                return new Row(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"), rs.getString("secret"),
                        rs.getString("body_text"), rs.getString("body_html"), rs.getString("last_error"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                        sent == null ? null : sent.toInstant());
            }
        }
    }

    /** Marks every still pending row of earlier tests as FAILED so that each test sees only its own. */
    static void clearQueue(TestDatabase db) throws SQLException {
        update(db, "UPDATE tutti.mail_outbox SET status = 'FAILED', secret = NULL WHERE status = 'PENDING'");
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void update(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A TCP port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds or the deadline passes (no fixed sleep). */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            synchronized (monitor) {
                try {
                    monitor.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
