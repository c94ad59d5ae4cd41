package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code tutti.login} on H2: bcrypt check, failure counting and temporary lock, a new session. */
final class Logins {

    /** Failures within {@link #FAILURE_WINDOW} that lock the account. */
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    /** A session ends after this long without {@code touch_session}. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);
    private static final DateTimeFormatter POSTGRES_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Logins() {
    }

    /** The account a login names, locked for update. */
    private record Candidate(long id, long siteId, String passwordHash, boolean active, int failedAttempts,
                             OffsetDateTime firstFailureAt, OffsetDateTime lockedUntil) {
    }

    /**
     * The attempt runs within a savepoint: an unexpected database error undoes it and, as on
     * PostgreSQL, leaves only an audit row and a NULL answer, never an exception.
     */
    static String login(Connection connection, String siteCode, String identifier, String password)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            String token = attempt(connection, siteCode, identifier, password);
            connection.releaseSavepoint(savepoint);
            return token;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            LOG.warn("tutti.login failed internally: {} (SQLSTATE {})", e.getMessage(), e.getSQLState());
            Audit.record(connection, SecurityClock.now(), null, null, Audit.LOGIN_FAILURE,
                    "internal error " + e.getSQLState());
            return null;
        }
    }

    private static String attempt(Connection connection, String siteCode, String identifier, String password)
            throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        if (siteCode == null || identifier == null || password == null) {
            Secrets.matches(Secrets.DummyHash.VALUE, password == null ? "" : password);
            Audit.record(connection, now, null, null, Audit.LOGIN_FAILURE, "missing credentials");
            return null;
        }
        Long siteId = siteId(connection, siteCode.toUpperCase(Locale.ROOT));
        Candidate account = siteId == null ? null : candidate(connection, siteId, identifier.toUpperCase(Locale.ROOT));
        if (account == null) {
            Secrets.matches(Secrets.DummyHash.VALUE, password);
            Audit.record(connection, now, siteId, null, Audit.LOGIN_FAILURE,
                    siteId == null ? "unknown site" : "unknown identifier");
            return null;
        }
        boolean passwordMatches = Secrets.matches(account.passwordHash(), password);
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            Audit.record(connection, now, siteId, account.id(), Audit.LOGIN_FAILURE, "account locked");
            return null;
        }
        if (!account.active()) {
            Audit.record(connection, now, siteId, account.id(), Audit.LOGIN_FAILURE, "inactive account");
            return null;
        }
        if (!passwordMatches) {
            registerFailure(connection, now, account);
            return null;
        }
        return openSession(connection, now, account);
    }

    private static Long siteId(Connection connection, String siteCode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM tutti.site WHERE code = ?")) {
            statement.setString(1, siteCode);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Candidate candidate(Connection connection, long siteId, String identifier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, password_hash, active, failed_attempts, first_failure_at, locked_until"
                        + " FROM tutti.account WHERE site_id = ? AND identifier = ? FOR UPDATE")) {
            statement.setLong(1, siteId);
            statement.setString(2, identifier);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Candidate(rs.getLong(1), siteId, rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
            }
        }
    }

    /** Counts a wrong password; the {@value #MAX_FAILURES}th within the window locks the account. */
    private static void registerFailure(Connection connection, OffsetDateTime now, Candidate account)
            throws SQLException {
        OffsetDateTime first = account.firstFailureAt();
        boolean newWindow = first == null || !first.isAfter(now.minus(FAILURE_WINDOW));
        int failures = newWindow ? 1 : account.failedAttempts() + 1;
        OffsetDateTime firstFailure = newWindow ? now : first;
        Audit.record(connection, now, account.siteId(), account.id(), Audit.LOGIN_FAILURE,
                "wrong password (" + failures + " of " + MAX_FAILURES + ")");
        if (failures >= MAX_FAILURES) {
            OffsetDateTime lockedUntil = now.plus(LOCK_DURATION);
            updateFailures(connection, account.id(), 0, null, lockedUntil);
            Audit.record(connection, now, account.siteId(), account.id(), Audit.ACCOUNT_LOCKED,
                    MAX_FAILURES + " wrong passwords; locked until " + postgresText(lockedUntil));
        } else {
            updateFailures(connection, account.id(), failures, firstFailure, account.lockedUntil());
        }
    }

    /** A timestamp as PostgreSQL writes a UTC {@code timestamptz}: {@code 2026-11-28 09:15:00.5+00}. */
    static String postgresText(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        String text = POSTGRES_TEXT.format(utc);
        int micros = utc.getNano() / 1000;
        if (micros != 0) {
            text += "." + String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
        }
        return text + "+00";
    }

    private static void updateFailures(Connection connection, long accountId, int failures, OffsetDateTime first,
                                       OffsetDateTime lockedUntil) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.account SET failed_attempts = ?, first_failure_at = ?, locked_until = ? WHERE id = ?")) {
            statement.setInt(1, failures);
            statement.setObject(2, first);
            statement.setObject(3, lockedUntil);
            statement.setLong(4, accountId);
            statement.executeUpdate();
        }
    }

    private static String openSession(Connection connection, OffsetDateTime now, Candidate account)
            throws SQLException {
        updateFailures(connection, account.id(), 0, null, null);
        String token = Secrets.newToken();
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.app_session (account_id, token_hash, created_at, last_seen_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            statement.setLong(1, account.id());
            statement.setString(2, Secrets.sha256Hex(token));
            statement.setObject(3, now);
            statement.setObject(4, now);
            statement.setObject(5, now.plus(IDLE_TIMEOUT));
            statement.executeUpdate();
        }
        Audit.record(connection, now, account.siteId(), account.id(), Audit.LOGIN_SUCCESS, null);
        return token;
    }
}
