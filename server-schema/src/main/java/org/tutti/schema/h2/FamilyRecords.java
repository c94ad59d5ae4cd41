package org.tutti.schema.h2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.SimpleResultSet;

/**
 * Issue 16, part "records" on H2 (the twin of postgresql/V18, SQL-API.md "Front desk — records"):
 * the family a mail went to, the staff actions audited per family ({@link FamilyRecordsTrigger}) and
 * the readers {@code family_history}, {@code family_mails} and {@code family_mail_text}.
 */
final class FamilyRecords {

    private FamilyRecords() {
    }

    /**
     * {@code tutti.mail_family(site_id, recipient)}: the family of the site whose e-mail is the
     * recipient, else the family whose account's e-mail it is (lowest id first), else null.
     */
    static Long mailFamily(Connection connection, Long siteId, String recipient) throws SQLException {
        if (siteId == null || recipient == null) {
            return null;
        }
        Long family = Queries.number(connection,
                "SELECT MIN(id) FROM tutti.family WHERE site_id = ? AND LOWER(email) = LOWER(?)", siteId, recipient);
        return family != null ? family : Queries.number(connection,
                "SELECT MIN(family_id) FROM tutti.account WHERE site_id = ? AND role = 'FAMILY'"
                        + " AND LOWER(email) = LOWER(?)", siteId, recipient);
    }

    /** The bound STAFF session, when there is one (else nothing is audited). */
    static BoundSession boundStaff(Connection connection, OffsetDateTime now) throws SQLException {
        return BoundSession.live(connection, now).filter(BoundSession::staff).orElse(null);
    }

    /** TU401 without a session, TU403 for a family session or a family that is not of the staff's site. */
    private static BoundSession staffOfFamily(Connection connection, Long familyId) throws SQLException {
        BoundSession session = BoundSession.live(connection, SecurityClock.now())
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        if (!session.staff() || familyId == null || Queries.number(connection,
                "SELECT id FROM tutti.family WHERE id = ? AND site_id = ?", familyId, session.siteId()) == null) {
            throw new SQLException("forbidden", ChangeRequests.FORBIDDEN);
        }
        return session;
    }

    static ResultSet familyHistory(Connection connection, Long familyId, boolean columnsOnly) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("occurred_at", Types.TIMESTAMP_WITH_TIMEZONE, 35, 6);
        result.addColumn("staff_name", Types.VARCHAR, 120, 0);
        result.addColumn("kind", Types.VARCHAR, 40, 0);
        result.addColumn("detail", Types.VARCHAR, 4000, 0);
        result.addColumn("before_value", Types.VARCHAR, 4000, 0);
        result.addColumn("after_value", Types.VARCHAR, 4000, 0);
        if (columnsOnly) {
            return result;
        }
        staffOfFamily(connection, familyId);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT e.occurred_at, a.display_name, e.kind, e.detail, e.before_value, e.after_value"
                        + " FROM tutti.audit_event e LEFT JOIN tutti.account a ON a.id = e.account_id"
                        + " WHERE e.family_id = ? ORDER BY e.occurred_at DESC, e.id DESC")) {
            statement.setLong(1, familyId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.addRow(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6));
                }
            }
        }
        return result;
    }

    static ResultSet familyMails(Connection connection, Long familyId, boolean columnsOnly) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("id", Types.BIGINT, 64, 0);
        result.addColumn("created_at", Types.TIMESTAMP_WITH_TIMEZONE, 35, 6);
        result.addColumn("kind", Types.VARCHAR, 30, 0);
        result.addColumn("recipient", Types.VARCHAR, 254, 0);
        result.addColumn("subject", Types.VARCHAR, 200, 0);
        result.addColumn("status", Types.VARCHAR, 10, 0);
        result.addColumn("sent_at", Types.TIMESTAMP_WITH_TIMEZONE, 35, 6);
        result.addColumn("last_error", Types.VARCHAR, 2000, 0);
        if (columnsOnly) {
            return result;
        }
        staffOfFamily(connection, familyId);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, created_at, kind, recipient, subject, status, sent_at, last_error FROM tutti.mail_outbox"
                        + " WHERE family_id = ? ORDER BY created_at DESC, id DESC")) {
            statement.setLong(1, familyId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.addRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                            rs.getString(8));
                }
            }
        }
        return result;
    }

    static String familyMailText(Connection connection, Long mailId) throws SQLException {
        Long family = null;
        boolean secret = false;
        String body = null;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT family_id, contains_secret, body_text FROM tutti.mail_outbox WHERE id = ?")) {
            statement.setObject(1, mailId);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    family = rs.getObject(1, Long.class);
                    secret = rs.getBoolean(2);
                    body = rs.getString(3);
                }
            }
        }
        staffOfFamily(connection, family);
        return secret ? null : body;
    }

    /**
     * A JSON object written as PostgreSQL writes a jsonb as text, so that both vendors store the
     * same before/after values: keys shorter first then in byte order, {@code "key": value}
     * separated by {@code ", "}, null as {@code null}. {@code pairs} alternates keys and values.
     */
    static String jsonb(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        List<String> keys = new ArrayList<>(values.keySet());
        keys.sort(Comparator.<String>comparingInt(k -> k.getBytes(StandardCharsets.UTF_8).length)
                .thenComparing((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                        b.getBytes(StandardCharsets.UTF_8))));
        StringBuilder json = new StringBuilder("{");
        for (String key : keys) {
            if (json.length() > 1) {
                json.append(", ");
            }
            quote(json, key).append(": ");
            Object value = values.get(key);
            if (value == null) {
                json.append("null");
            } else {
                quote(json, text(value));
            }
        }
        return json.append('}').toString();
    }

    /** A value as PostgreSQL's {@code ::text} writes it (amounts with their scale, dates yyyy-mm-dd). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();
    }

    private static StringBuilder quote(StringBuilder json, String value) {
        json.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
