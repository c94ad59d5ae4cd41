package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The session bound to the current H2 session by {@code set_config('tutti.session', token, ...)}:
 * the token is kept in the H2 user variable {@value #VARIABLE}, and resolves to a live session
 * when its hash is in {@code tutti.app_session}, not ended, not expired, of an active account.
 *
 * @param sessionId    {@code app_session.id}
 * @param accountId    the session's account
 * @param role         {@code FAMILY} or {@code STAFF}
 * @param familyId     the family of a FAMILY account, else null
 * @param siteId       the account's site
 * @param identifier   the account's identifier
 * @param passwordHash the account's bcrypt hash (for change_password)
 */
record BoundSession(long sessionId, long accountId, String role, Long familyId, long siteId, String identifier,
                    String passwordHash) {

    /** The H2 user variable that holds the bound token. */
    static final String VARIABLE = "@tutti_session";
    static final String SESSION_SETTING = "tutti.session";
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    /** The token bound to this H2 session, or null (never bound, or bound to ''). */
    static String boundToken(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CAST(" + VARIABLE + " AS VARCHAR)")) {
            String token = rs.next() ? rs.getString(1) : null;
            return token == null || token.isEmpty() ? null : token;
        }
    }

    /** Binds {@code value} (null is bound as ''), as PostgreSQL's set_config does for the transaction. */
    static void bind(Connection connection, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SET " + VARIABLE + " = ?")) {
            statement.setString(1, value == null ? "" : value);
            statement.execute();
        }
    }

    /** The live session of the bound token at {@code now}, if any. */
    static Optional<BoundSession> live(Connection connection, OffsetDateTime now) throws SQLException {
        String token = boundToken(connection);
        if (token == null) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.id, a.id, a.role, a.family_id, a.site_id, a.identifier, a.password_hash"
                        + " FROM tutti.app_session s JOIN tutti.account a ON a.id = s.account_id"
                        + " JOIN tutti.site si ON si.id = a.site_id"
                        + " WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND a.active"
                        + " AND CASE WHEN si.session_lifetime_hours IS NULL THEN s.created_at > ?"
                        + " ELSE s.created_at > DATEADD(HOUR, -si.session_lifetime_hours, CAST(? AS TIMESTAMP WITH TIME ZONE)) END")) {
            // a site's session_lifetime_hours, when set, is its sessions' lifetime (V21)
            statement.setString(1, Secrets.sha256Hex(token));
            statement.setObject(2, now);
            statement.setObject(3, now.minus(lifetime(connection)));
            statement.setObject(4, now);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BoundSession(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getLong(5), rs.getString(6), rs.getString(7)));
            }
        }
    }

    /** The setting session_lifetime_hours (12 h when missing or not a positive number). */
    static Duration lifetime(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT text_value FROM tutti.setting WHERE name = 'session_lifetime_hours'");
             ResultSet rs = statement.executeQuery()) {
            String value = rs.next() ? rs.getString(1) : null;
            if (value != null && value.matches("[0-9]{1,4}") && Integer.parseInt(value) > 0) {
                return Duration.ofHours(Integer.parseInt(value));
            }
            return DEFAULT_LIFETIME;
        }
    }

    boolean staff() {
        return "STAFF".equals(role);
    }
}
