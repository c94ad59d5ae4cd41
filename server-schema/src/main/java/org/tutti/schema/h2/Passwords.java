package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code tutti.request_password} and {@code tutti.change_password} on H2. */
final class Passwords {

    /**
     * Requests for one (identifier, e-mail) pair allowed within {@link #REQUEST_WINDOW}, matched or not;
     * one more raises {@code TU429}. Per pair, so that a stranger's requests do not use up the owner's.
     */
    static final int MAX_REQUESTS = 5;
    static final Duration REQUEST_WINDOW = Duration.ofHours(1);
    static final int MIN_LENGTH = 10;

    static final String TOO_MANY_REQUESTS = "TU429";
    static final String NO_SESSION = "TU401";
    static final String WRONG_PASSWORD = "TU403";
    static final String UNACCEPTABLE = "TU422";

    /** The identifier and the address as the rate limit and the audit rows know them. */
    private static final int IDENTIFIER_KEY_MAX = 100;
    private static final int EMAIL_KEY_MAX = 254;

    private Passwords() {
    }

    /** An account the pair (identifier, e-mail) designates, with what its mail needs. */
    private record Match(long accountId, String identifier, String email, PasswordMail.Site site) {
    }

    static void request(Connection connection, String identifier, String email) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        String key = requestKey(identifier, email);
        if (recentRequests(connection, key, now) >= MAX_REQUESTS) {
            throw new SQLException("too many requests", TOO_MANY_REQUESTS);
        }
        List<Match> matches = identifier == null || email == null
                ? List.of() : matches(connection, identifier.toUpperCase(Locale.ROOT), email);
        if (matches.isEmpty()) {
            Secrets.hash(Secrets.newPassword()); // the same work as a reset: both answers take as long
            Audit.record(connection, now, null, null, Audit.PASSWORD_REQUEST_UNMATCHED, key);
            return;
        }
        for (Match match : matches) {
            String password = Secrets.newPassword();
            reset(connection, now, match.accountId(), Secrets.hash(password));
            PasswordMail.queue(connection, now, match.site(), match.email(), match.identifier(),
                    familyName(connection, match.accountId()), password);
            Audit.record(connection, now, match.site().id(), match.accountId(), Audit.PASSWORD_RESET, key);
        }
    }

    /** {@code IDENTIFIER <address>}, as on PostgreSQL (rec_password_request). */
    static String requestKey(String identifier, String email) {
        String id = identifier == null ? "" : identifier.toUpperCase(Locale.ROOT);
        String address = email == null ? "" : email.toLowerCase(Locale.ROOT);
        return left(id, IDENTIFIER_KEY_MAX) + " <" + left(address, EMAIL_KEY_MAX) + ">";
    }

    private static String left(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    private static long recentRequests(Connection connection, String key, OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM tutti.audit_event WHERE kind IN (?, ?) AND detail = ? AND occurred_at > ?")) {
            statement.setString(1, Audit.PASSWORD_RESET);
            statement.setString(2, Audit.PASSWORD_REQUEST_UNMATCHED);
            statement.setString(3, key);
            statement.setObject(4, now.minus(REQUEST_WINDOW));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Match> matches(Connection connection, String identifier, String email) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a.id, a.identifier, a.email, s.id, s.name, s.address1, s.address2, s.postal_code, s.city,"
                        + " s.phone, s.email"
                        + " FROM tutti.account a JOIN tutti.site s ON s.id = a.site_id"
                        + " WHERE a.identifier = ? AND lower(a.email) = lower(?) AND a.active"
                        + " ORDER BY a.id FOR UPDATE")) {
            statement.setString(1, identifier);
            statement.setString(2, email);
            try (ResultSet rs = statement.executeQuery()) {
                List<Match> matches = new ArrayList<>();
                while (rs.next()) {
                    matches.add(new Match(rs.getLong(1), rs.getString(2), rs.getString(3),
                            new PasswordMail.Site(rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11))));
                }
                return matches;
            }
        }
    }

    /** The responsible adult of a family account ("Mme Apolline Ferrari"), null for a staff account. */
    private static String familyName(Connection connection, long accountId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT f.civility, f.first_name, f.last_name FROM tutti.account a"
                        + " JOIN tutti.family f ON f.id = a.family_id WHERE a.id = ?")) {
            statement.setLong(1, accountId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? FieldLabels.personName(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** New hash, unlocked, every live session ended. */
    private static void reset(Connection connection, OffsetDateTime now, long accountId, String hash)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.account SET password_hash = ?, password_changed_at = ?, failed_attempts = 0,"
                        + " first_failure_at = NULL, locked_until = NULL, version = version + 1 WHERE id = ?")) {
            statement.setString(1, hash);
            statement.setObject(2, now);
            statement.setLong(3, accountId);
            statement.executeUpdate();
        }
        endSessions(connection, now, accountId, null);
    }

    /** Ends the account's live sessions but {@code keep} (null: all of them). */
    private static void endSessions(Connection connection, OffsetDateTime now, long accountId, Long keep)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.app_session SET ended_at = GREATEST(?, created_at)"
                        + " WHERE account_id = ? AND ended_at IS NULL AND id <> ?")) {
            statement.setObject(1, now);
            statement.setLong(2, accountId);
            statement.setLong(3, keep == null ? -1 : keep);
            statement.executeUpdate();
        }
    }

    /** Whether the password is one of the 10,000 most common ones (compared lower-case). */
    private static boolean isCommon(Connection connection, String password) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM tutti.common_password WHERE password = ?")) {
            statement.setString(1, password.toLowerCase(Locale.ROOT));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void change(Connection connection, String oldPassword, String newPassword) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", NO_SESSION));
        if (oldPassword == null || !Secrets.matches(session.passwordHash(), oldPassword)) {
            throw new SQLException("wrong password", WRONG_PASSWORD);
        }
        if (newPassword == null || newPassword.codePointCount(0, newPassword.length()) < MIN_LENGTH) {
            throw new SQLException("too_short", UNACCEPTABLE);
        }
        if (newPassword.toUpperCase(Locale.ROOT).equals(session.identifier().toUpperCase(Locale.ROOT))) {
            throw new SQLException("equals_identifier", UNACCEPTABLE);
        }
        if (isCommon(connection, newPassword)) {
            throw new SQLException("too_common", UNACCEPTABLE);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.account SET password_hash = ?, password_changed_at = ?, version = version + 1"
                        + " WHERE id = ?")) {
            statement.setString(1, Secrets.hash(newPassword));
            statement.setObject(2, now);
            statement.setLong(3, session.accountId());
            statement.executeUpdate();
        }
        endSessions(connection, now, session.accountId(), session.sessionId());
        Audit.record(connection, now, session.siteId(), session.accountId(), Audit.PASSWORD_CHANGED, null);
    }
}
