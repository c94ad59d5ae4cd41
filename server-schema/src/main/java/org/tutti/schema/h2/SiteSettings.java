package org.tutti.schema.h2;

import static org.tutti.schema.h2.Queries.number;
import static org.tutti.schema.h2.Queries.update;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.h2.tools.SimpleResultSet;

/**
 * {@code tutti.site_settings}, {@code save_site_settings}, {@code desk_counts}, {@code failed_mails},
 * {@code retry_mail} and {@code overdue_invoices} on H2, with the results, SQLSTATEs and messages of
 * {@code db/migration/postgresql/V21__site_settings_and_desk_home.sql} (SQL-API.md, "Front desk — settings and
 * Accueil").
 */
final class SiteSettings {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern URL_START = Pattern.compile("https://[^\\s/]+.*", Pattern.DOTALL);
    private static final Pattern IDENTIFIER_PATTERN = Pattern.compile("[A-Z]{0,8}#{3,10}");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final int LOGO_MAX = 524288;
    private static final int MIN_DOCUMENT_BYTES = 1048576;
    private static final int MAX_DOCUMENT_BYTES = 10485760;
    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    /** The columns of the settings the JSON object carries, in the audit's order (the logo apart). */
    private static final String[] FIELDS = {"name", "address1", "address2", "postal_code", "city", "phone", "email",
        "online_payment", "online_payment_url", "payment_instructions", "max_document_bytes", "identifier_pattern",
        "mail_sender", "session_lifetime_hours"};

    /** What settles invoice {@code i} (as Billing: its allocations and its credit notes). */
    private static final String SETTLED = "(COALESCE((SELECT SUM(a.amount) FROM tutti.payment_allocation a"
            + " WHERE a.invoice_id = i.id), 0) + COALESCE((SELECT SUM(c.total_amount) FROM tutti.invoice c"
            + " WHERE c.credit_note_for = i.id), 0))";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SiteSettings() {
    }

    private record Staff(long accountId, long siteId, OffsetDateTime now, LocalDate today) {
    }

    private static Staff staff(Connection connection) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        if (!session.staff()) {
            throw forbidden();
        }
        return new Staff(session.accountId(), session.siteId(), now,
                now.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate());
    }

    private static SQLException forbidden() {
        return new SQLException("forbidden", ChangeRequests.FORBIDDEN);
    }

    private static SQLException invalid(String field) {
        return new SQLException("invalid:" + field, ChangeRequests.UNACCEPTABLE);
    }

    private static SQLException conflict(String message) {
        return new SQLException(message, ChangeRequests.CONFLICT);
    }

    // ------------------------------------------------------------------ site_settings

    static ResultSet siteSettings(Connection connection, boolean columnsOnly) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("name", Types.VARCHAR, 120, 0);
        result.addColumn("address1", Types.VARCHAR, 120, 0);
        result.addColumn("address2", Types.VARCHAR, 120, 0);
        result.addColumn("postal_code", Types.VARCHAR, 10, 0);
        result.addColumn("city", Types.VARCHAR, 80, 0);
        result.addColumn("phone", Types.VARCHAR, 20, 0);
        result.addColumn("email", Types.VARCHAR, 254, 0);
        result.addColumn("letterhead_logo", Types.VARBINARY, LOGO_MAX, 0);
        result.addColumn("online_payment", Types.BOOLEAN, 1, 0);
        result.addColumn("online_payment_url", Types.VARCHAR, 500, 0);
        result.addColumn("payment_instructions", Types.VARCHAR, 1000, 0);
        result.addColumn("max_document_bytes", Types.INTEGER, 10, 0);
        result.addColumn("identifier_pattern", Types.VARCHAR, 20, 0);
        result.addColumn("mail_sender", Types.VARCHAR, 254, 0);
        result.addColumn("session_lifetime_hours", Types.INTEGER, 10, 0);
        result.addColumn("document_prefix", Types.VARCHAR, 6, 0);
        result.addColumn("version", Types.BIGINT, 64, 0);
        result.addColumn("may_change", Types.BOOLEAN, 1, 0);
        if (columnsOnly) {
            return result;
        }
        Staff staff = staff(connection);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email, s.letterhead_logo,"
                        + " s.online_payment, s.online_payment_url, s.payment_instructions, s.max_document_bytes,"
                        + " s.identifier_pattern, s.mail_sender, s.session_lifetime_hours, s.document_prefix,"
                        + " s.version, a.settings_right"
                        + " FROM tutti.site s JOIN tutti.account a ON a.site_id = s.id WHERE s.id = ? AND a.id = ?")) {
            statement.setLong(1, staff.siteId());
            statement.setLong(2, staff.accountId());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[18];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    result.addRow(row);
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ save_site_settings

    /** A text of the settings object as {@code tutti.settings_text}. */
    private static String text(JsonNode sent, String field, int max) throws SQLException {
        JsonNode node = sent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field);
        }
        String v = ChangeRequests.trim(ChangeRequests.stripFormatCharacters(node.textValue()));
        if (v.isEmpty()) {
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new SQLException("too_long:" + field + ":" + max, ChangeRequests.UNACCEPTABLE);
        }
        return v;
    }

    /** A whole number of the settings object as {@code tutti.settings_integer}. */
    private static Integer whole(JsonNode sent, String field) throws SQLException {
        JsonNode node = sent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !WHOLE.matcher(node.asText()).matches()) {
            throw invalid(field);
        }
        return Integer.valueOf(node.asText());
    }

    private static String required(JsonNode sent, String field, int max) throws SQLException {
        String v = text(sent, field, max);
        if (v == null) {
            throw invalid(field);
        }
        return v;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    static Long save(Connection connection, String settings, Long expectedVersion) throws SQLException {
        Staff staff = staff(connection);
        Boolean right = (Boolean) Queries.scalar(connection, "SELECT settings_right FROM tutti.account WHERE id = ?",
                staff.accountId());
        if (!Boolean.TRUE.equals(right)) {
            throw forbidden();
        }
        JsonNode sent;
        try {
            sent = settings == null ? null : MAPPER.readTree(settings);
        } catch (JacksonException e) {
            throw invalid("settings");
        }
        if (sent == null || !sent.isObject()) {
            throw invalid("settings");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", required(sent, "name", 120));
        after.put("address1", required(sent, "address1", 120));
        after.put("address2", text(sent, "address2", 120));
        after.put("postal_code", required(sent, "postal_code", 10));
        after.put("city", required(sent, "city", 80));
        after.put("phone", text(sent, "phone", 20));
        String email = text(sent, "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw invalid("email");
        }
        after.put("email", email);
        JsonNode onlineNode = sent.get("online_payment");
        if (onlineNode != null && !onlineNode.isNull() && !onlineNode.isBoolean()) {
            throw invalid("online_payment");
        }
        boolean online = onlineNode != null && onlineNode.booleanValue();
        after.put("online_payment", online);
        String url = text(sent, "online_payment_url", 500);
        if ((url != null && (!URL_START.matcher(url).matches() || !url.contains("{reference}")))
                || (online && url == null)) {
            throw invalid("online_payment_url");
        }
        after.put("online_payment_url", url);
        after.put("payment_instructions", text(sent, "payment_instructions", 1000));
        Integer max = whole(sent, "max_document_bytes");
        if (max == null || max < MIN_DOCUMENT_BYTES || max > MAX_DOCUMENT_BYTES) {
            throw invalid("max_document_bytes");
        }
        after.put("max_document_bytes", max);
        String pattern = text(sent, "identifier_pattern", 20);
        if (pattern == null || !IDENTIFIER_PATTERN.matcher(pattern).matches()) {
            throw invalid("identifier_pattern");
        }
        after.put("identifier_pattern", pattern);
        String sender = text(sent, "mail_sender", 254);
        if (sender != null && !EMAIL.matcher(sender).matches()) {
            throw invalid("mail_sender");
        }
        after.put("mail_sender", sender);
        Integer hours = whole(sent, "session_lifetime_hours");
        if (hours != null && (hours < 1 || hours > 720)) {
            throw invalid("session_lifetime_hours");
        }
        after.put("session_lifetime_hours", hours);
        boolean changeLogo = sent.has("letterhead_logo");
        byte[] logo = null;
        if (changeLogo && !sent.get("letterhead_logo").isNull()) {
            if (!sent.get("letterhead_logo").isTextual()) {
                throw invalid("letterhead_logo");
            }
            try {
                logo = Base64.getMimeDecoder().decode(sent.get("letterhead_logo").textValue());
            } catch (IllegalArgumentException e) {
                throw invalid("letterhead_logo");
            }
            if (logo.length > LOGO_MAX) {
                throw new SQLException("too_long:letterhead_logo:" + LOGO_MAX, ChangeRequests.UNACCEPTABLE);
            }
            if (!startsWith(logo, PNG) && !startsWith(logo, JPEG)) {
                throw invalid("letterhead_logo");
            }
        }

        Map<String, Object> before = new LinkedHashMap<>();
        byte[] oldLogo;
        long version;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, address1, address2, postal_code, city, phone, email, online_payment, online_payment_url,"
                        + " payment_instructions, max_document_bytes, identifier_pattern, mail_sender,"
                        + " session_lifetime_hours, letterhead_logo, version FROM tutti.site WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                for (int i = 0; i < FIELDS.length; i++) {
                    before.put(FIELDS[i], rs.getObject(i + 1));
                }
                oldLogo = rs.getBytes(FIELDS.length + 1);
                version = rs.getLong(FIELDS.length + 2);
            }
        } catch (SQLException e) {
            throw H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? conflict("busy") : e;
        }
        if (expectedVersion == null || expectedVersion != version) {
            throw conflict("stale");
        }
        if (!changeLogo) {
            logo = oldLogo;
        }
        ObjectNode beforeChanged = MAPPER.createObjectNode();
        ObjectNode afterChanged = MAPPER.createObjectNode();
        for (String field : FIELDS) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was == null ? null : was.toString(), is == null ? null : is.toString())) {
                beforeChanged.set(field, MAPPER.valueToTree(was));
                afterChanged.set(field, MAPPER.valueToTree(is));
            }
        }
        if (!Arrays.equals(oldLogo, logo)) {
            beforeChanged.put("letterhead_logo", oldLogo == null ? null : "ancien logo");
            afterChanged.put("letterhead_logo", logo == null ? null : "logo modifié");
        }
        if (afterChanged.isEmpty()) {
            return version;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.site SET name = ?, address1 = ?, address2 = ?, postal_code = ?, city = ?, phone = ?,"
                        + " email = ?, online_payment = ?, online_payment_url = ?, payment_instructions = ?,"
                        + " max_document_bytes = ?, identifier_pattern = ?, mail_sender = ?,"
                        + " session_lifetime_hours = ?, letterhead_logo = ?, version = version + 1 WHERE id = ?")) {
            for (int i = 0; i < FIELDS.length; i++) {
                statement.setObject(i + 1, after.get(FIELDS[i]));
            }
            statement.setBytes(FIELDS.length + 1, logo);
            statement.setLong(FIELDS.length + 2, staff.siteId());
            statement.executeUpdate();
        }
        Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), null, "SETTINGS_CHANGED",
                "Paramètres du site modifiés", beforeChanged.toString(), afterChanged.toString());
        return version + 1;
    }

    // ------------------------------------------------------------------ the staff Accueil

    static ResultSet deskCounts(Connection connection, boolean columnsOnly) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        for (String column : new String[] {"changes_waiting", "reenrolments_waiting", "mails_failed",
            "invoices_overdue", "accounts_locked"}) {
            result.addColumn(column, Types.INTEGER, 10, 0);
        }
        if (columnsOnly) {
            return result;
        }
        Staff staff = staff(connection);
        long site = staff.siteId();
        result.addRow(
                count(connection, "SELECT COUNT(*) FROM tutti.change_request c JOIN tutti.family f ON f.id = c.family_id"
                        + " WHERE f.site_id = ? AND c.status = 'PENDING'", site),
                count(connection, "SELECT COUNT(*) FROM tutti.reenrolment_request r"
                        + " JOIN tutti.student st ON st.id = r.student_id JOIN tutti.family f ON f.id = st.family_id"
                        + " WHERE f.site_id = ? AND r.status = 'PENDING'", site),
                count(connection, "SELECT COUNT(*) FROM tutti.mail_outbox m WHERE m.site_id = ? AND m.status = 'FAILED'",
                        site),
                count(connection, "SELECT COUNT(*) FROM tutti.invoice i WHERE i.site_id = ?"
                        + " AND i.credit_note_for IS NULL AND i.due_date < ? AND i.total_amount - " + SETTLED + " > 0",
                        site, staff.today()),
                count(connection, "SELECT COUNT(*) FROM tutti.account a WHERE a.site_id = ? AND a.role = 'FAMILY'"
                        + " AND (NOT a.active OR a.locked_until > ?)", site, staff.now()));
        return result;
    }

    private static int count(Connection connection, String sql, Object... parameters) throws SQLException {
        return Math.toIntExact(number(connection, sql, parameters));
    }

    static ResultSet failedMails(Connection connection, boolean columnsOnly) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("id", Types.BIGINT, 64, 0);
        result.addColumn("created_at", Types.TIMESTAMP_WITH_TIMEZONE, 0, 0);
        result.addColumn("recipient", Types.VARCHAR, 254, 0);
        result.addColumn("subject", Types.VARCHAR, 200, 0);
        result.addColumn("attempts", Types.INTEGER, 10, 0);
        result.addColumn("last_error", Types.VARCHAR, 2000, 0);
        if (columnsOnly) {
            return result;
        }
        Staff staff = staff(connection);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, created_at, recipient, subject, attempts, last_error FROM tutti.mail_outbox"
                        + " WHERE site_id = ? AND status = 'FAILED' ORDER BY created_at DESC, id DESC")) {
            statement.setLong(1, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.addRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getString(6));
                }
            }
        }
        return result;
    }

    static void retryMail(Connection connection, Long mailId) throws SQLException {
        Staff staff = staff(connection);
        Long site;
        String status;
        int attempts;
        String recipient;
        boolean containsSecret;
        String secret;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT site_id, status, attempts, recipient, contains_secret, secret FROM tutti.mail_outbox"
                        + " WHERE id = ? FOR UPDATE")) {
            statement.setObject(1, mailId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw forbidden();
                }
                site = rs.getObject(1, Long.class);
                status = rs.getString(2);
                attempts = rs.getInt(3);
                recipient = rs.getString(4);
                containsSecret = rs.getBoolean(5);
                secret = rs.getString(6);
            }
        } catch (SQLException e) {
            throw H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? conflict("busy") : e;
        }
        if (site == null || site != staff.siteId()) {
            throw forbidden();
        }
        if (!"FAILED".equals(status)) {
            throw conflict("not_failed");
        }
        if (containsSecret && secret == null) {
            throw conflict("secret_gone");
        }
        update(connection, "UPDATE tutti.mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " last_error = NULL, version = version + 1 WHERE id = ?", staff.now(), mailId);
        Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), null, "MAIL_RETRIED",
                "Courriel à " + recipient + " remis en file d’envoi",
                "{\"status\": \"FAILED\", \"attempts\": " + attempts + "}", "{\"status\": \"PENDING\", \"attempts\": 0}");
    }

    /** The most rows {@code overdue_invoices} gives, whatever it is asked. */
    private static final int MAX_OVERDUE_ROWS = 1000;

    static ResultSet overdueInvoices(Connection connection, boolean columnsOnly, Integer maxRows) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("invoice_id", Types.BIGINT, 64, 0);
        result.addColumn("number", Types.VARCHAR, 40, 0);
        result.addColumn("family_id", Types.BIGINT, 64, 0);
        result.addColumn("family_identifier", Types.VARCHAR, 20, 0);
        result.addColumn("family_name", Types.VARCHAR, 400, 0);
        result.addColumn("due_date", Types.DATE, 0, 0);
        result.addColumn("balance", Types.NUMERIC, 12, 2);
        if (columnsOnly) {
            return result;
        }
        Staff staff = staff(connection);
        if (maxRows == null || maxRows < 1) {
            throw new SQLException("invalid:max_rows", ChangeRequests.UNACCEPTABLE);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT i.id, i.number, i.family_id, f.identifier, f.civility, f.first_name, f.last_name, i.due_date,"
                        + " i.total_amount - " + SETTLED + " AS balance"
                        + " FROM tutti.invoice i JOIN tutti.family f ON f.id = i.family_id"
                        + " WHERE i.site_id = ? AND i.credit_note_for IS NULL AND i.due_date < ?"
                        + " AND i.total_amount - " + SETTLED + " > 0 ORDER BY i.due_date, i.number"
                        + " FETCH FIRST " + Math.min(maxRows, MAX_OVERDUE_ROWS) + " ROWS ONLY")) {
            statement.setLong(1, staff.siteId());
            statement.setObject(2, staff.today());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.addRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            FieldLabels.personName(rs.getString(5), rs.getString(6), rs.getString(7)),
                            rs.getObject(8, LocalDate.class), rs.getBigDecimal(9));
                }
            }
        }
        return result;
    }
}
