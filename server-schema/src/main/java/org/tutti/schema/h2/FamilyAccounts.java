package org.tutti.schema.h2;

import static org.tutti.schema.h2.Queries.number;
import static org.tutti.schema.h2.Queries.textOf;
import static org.tutti.schema.h2.Queries.update;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.h2.tools.SimpleResultSet;

/**
 * Comptes at the front desk on H2 (issue 16, part "accounts"): the Java functions behind the
 * aliases of {@code db/migration/h2/V19__family_accounts.sql}, with the names, results and
 * refusals of the PostgreSQL functions of {@code postgresql/V19__family_accounts.sql}
 * (SQL-API.md, "Front desk — accounts"). Everything runs in the caller's transaction.
 */
public final class FamilyAccounts {

    /** The fields of a new family, in the order they are checked (as on PostgreSQL). */
    private static final Map<String, Integer> FIELDS = fields("civility", 4, "last_name", 80, "first_name", 80,
            "address1", 120, "address2", 120, "postal_code", 10, "city", 80, "country", 60, "phone_home", 20,
            "phone_mobile", 20, "phone_work", 20, "email", 254);
    private static final List<String> FILTERS = List.of("ALL", "NEVER_USED", "LOCKED");
    /** The most rows {@code family_accounts} gives, whatever it is asked. */
    private static final int MAX_ACCOUNT_ROWS = 1000;
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final String MAIL_KIND = "ACCOUNT_ACCESS";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** jsonb's order of an object's keys: the shorter first, then by their bytes. */
    private static final Comparator<String> JSONB_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private FamilyAccounts() {
    }

    private static Map<String, Integer> fields(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    private record Staff(long accountId, long siteId, OffsetDateTime now) {
    }

    private record Account(long id, long siteId, String identifier, String email, long familyId, boolean active,
                           OffsetDateTime lockedUntil) {
    }

    private static SQLException refused(String message) {
        return new SQLException(message, ChangeRequests.UNACCEPTABLE);
    }

    private static SQLException forbidden() {
        return new SQLException("forbidden", ChangeRequests.FORBIDDEN);
    }

    /** A lock another session holds: TU409 'busy'; anything else as it is. */
    private static SQLException busyOr(SQLException e) {
        return H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? new SQLException("busy", ChangeRequests.CONFLICT) : e;
    }

    /** The STAFF session of the call ({@code tutti.billing_staff}). */
    private static Staff staff(Connection connection) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        if (!session.staff()) {
            throw forbidden();
        }
        return new Staff(session.accountId(), session.siteId(), now);
    }

    /** A FAMILY account of the staff's site, its row locked; TU403 otherwise ({@code tutti.staff_family_account}). */
    private static Account account(Connection connection, Staff staff, Long accountId) throws SQLException {
        if (accountId == null) {
            throw forbidden();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, site_id, identifier, email, family_id, active, locked_until FROM tutti.account"
                        + " WHERE id = ? AND site_id = ? AND role = 'FAMILY' FOR UPDATE")) {
            statement.setLong(1, accountId);
            statement.setLong(2, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw forbidden();
                }
                return new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw busyOr(e);
        }
    }

    /** True when H2 calls a table function only to learn its columns (while it compiles the query). */
    private static boolean columnListOnly(Connection connection) throws SQLException {
        return "jdbc:columnlist:connection".equals(connection.getMetaData().getURL());
    }

    // ---------------------------------------------------------------- family_accounts

    /**
     * {@code tutti.family_accounts(filter, query, max_rows)}: the site's family accounts, 'ALL',
     * 'NEVER_USED' or 'LOCKED', of the families the words typed find (none: every family), by
     * identifier, at most {@code max_rows} (1,000 at most).
     */
    public static ResultSet familyAccounts(Connection connection, String filter, String query, Integer maxRows)
            throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("account_id", Types.BIGINT, 64, 0);
        result.addColumn("family_id", Types.BIGINT, 64, 0);
        result.addColumn("identifier", Types.VARCHAR, 20, 0);
        result.addColumn("family_name", Types.VARCHAR, 300, 0);
        result.addColumn("email", Types.VARCHAR, 254, 0);
        result.addColumn("created_at", Types.TIMESTAMP_WITH_TIMEZONE, 35, 9);
        result.addColumn("last_login_at", Types.TIMESTAMP_WITH_TIMEZONE, 35, 9);
        result.addColumn("locked", Types.BOOLEAN, 1, 0);
        result.addColumn("locked_until", Types.TIMESTAMP_WITH_TIMEZONE, 35, 9);
        result.addColumn("never_used", Types.BOOLEAN, 1, 0);
        if (columnListOnly(connection)) {
            return result;
        }
        Staff staff = staff(connection);
        String wanted = filter == null ? "" : filter.toUpperCase(Locale.ROOT);
        if (!FILTERS.contains(wanted)) {
            throw refused("invalid:filter");
        }
        if (maxRows == null || maxRows < 1) {
            throw refused("invalid:max_rows");
        }
        if (query != null && query.codePointCount(0, query.length()) > FamilySearch.MAX_QUERY) {
            throw refused("too_long:query:" + FamilySearch.MAX_QUERY);
        }
        List<String> words = FamilySearch.queryWords(query);
        Set<Long> found = words.isEmpty() ? null : FamilySearch.matchingFamilies(connection, staff.siteId(), words);
        int wantedRows = Math.min(maxRows, MAX_ACCOUNT_ROWS);
        int rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a.id, a.family_id, a.identifier, f.civility, f.first_name, f.last_name, a.email, a.created_at,"
                        + " (SELECT MAX(s.created_at) FROM tutti.app_session s WHERE s.account_id = a.id),"
                        + " a.active, a.locked_until"
                        + " FROM tutti.account a JOIN tutti.family f ON f.id = a.family_id"
                        + " WHERE a.site_id = ? AND a.role = 'FAMILY' ORDER BY a.identifier")) {
            statement.setLong(1, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime lastLogin = rs.getObject(9, OffsetDateTime.class);
                    OffsetDateTime lockedUntil = rs.getObject(11, OffsetDateTime.class);
                    OffsetDateTime lockout = lockedUntil != null && lockedUntil.isAfter(staff.now()) ? lockedUntil : null;
                    boolean locked = !rs.getBoolean(10) || lockout != null;
                    boolean matched = found == null || found.contains(rs.getLong(2));
                    if (matched && rows < wantedRows && ("ALL".equals(wanted)
                            || ("NEVER_USED".equals(wanted) && lastLogin == null)
                            || ("LOCKED".equals(wanted) && locked))) {
                        rows++;
                        result.addRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                FieldLabels.personName(rs.getString(4), rs.getString(5), rs.getString(6)),
                                rs.getString(7), rs.getObject(8, OffsetDateTime.class), lastLogin, locked, lockout,
                                lastLogin == null);
                    }
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- create_family_account

    /** {@code tutti.create_family_account(family)}: one row (account_id, family_id, identifier). */
    public static ResultSet createFamilyAccount(Connection connection, String family) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("account_id", Types.BIGINT, 64, 0);
        result.addColumn("family_id", Types.BIGINT, 64, 0);
        result.addColumn("identifier", Types.VARCHAR, 20, 0);
        if (columnListOnly(connection)) {
            return result;
        }
        Staff staff = staff(connection);
        JsonNode sent;
        try {
            sent = family == null ? null : MAPPER.readTree(family);
        } catch (JacksonException e) {
            sent = null;
        }
        if (sent == null || !sent.isObject()) {
            throw refused("invalid:family");
        }
        for (Iterator<String> keys = sent.fieldNames(); keys.hasNext(); ) {
            if (!FIELDS.containsKey(keys.next())) {
                throw refused("invalid:family");
            }
        }
        LocalDate today = staff.now().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> field : FIELDS.entrySet()) {
            JsonNode value = sent.get(field.getKey());
            String raw = value == null || value.isNull() ? null
                    : value.isTextual() ? value.textValue() : ChangeJson.NOT_A_STRING;
            String given = ChangeRequests.normalize(field.getKey(), raw, today, field.getValue());
            if ("email".equals(field.getKey()) && given == null) {
                throw refused("invalid:email");
            }
            v.put(field.getKey(), given);
        }
        String identifier;
        try {
            identifier = nextIdentifier(connection, staff.siteId());
        } catch (SQLException e) {
            throw busyOr(e);
        }
        long familyId;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.family (site_id, identifier, civility, last_name, first_name, address1, address2,"
                        + " postal_code, city, country, phone_home, phone_mobile, phone_work, email, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"ID"})) {
            statement.setLong(1, staff.siteId());
            statement.setString(2, identifier);
            int i = 3;
            for (String field : FIELDS.keySet()) {
                statement.setString(i++, v.get(field));
            }
            statement.setObject(i, staff.now());
            statement.executeUpdate();
            familyId = generatedId(statement);
        }
        long accountId;
        String name = FieldLabels.personName(v.get("civility"), v.get("first_name"), v.get("last_name"));
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.account (site_id, identifier, email, password_hash, role, family_id, display_name,"
                        + " active, created_at) VALUES (?, ?, ?, ?, 'FAMILY', ?, ?, TRUE, ?)",
                new String[] {"ID"})) {
            statement.setLong(1, staff.siteId());
            statement.setString(2, identifier);
            statement.setString(3, v.get("email"));
            statement.setString(4, Secrets.hash(Secrets.newToken()));
            statement.setLong(5, familyId);
            statement.setString(6, name.length() > 120 ? name.substring(0, 120) : name);
            statement.setObject(7, staff.now());
            statement.executeUpdate();
            accountId = generatedId(statement);
        }
        Map<String, Object> after = new LinkedHashMap<>(v);
        after.put("identifier", identifier);
        Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), familyId, "ACCOUNT_CREATED",
                "Compte " + identifier + " créé", null, jsonb(after));
        result.addRow(accountId, familyId, identifier);
        return result;
    }

    private static long generatedId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** {@code tutti.next_family_identifier}: the pattern's prefix and the counter's next number, never reused. */
    static String nextIdentifier(Connection connection, long siteId) throws SQLException {
        String pattern = textOf(connection, "SELECT identifier_pattern FROM tutti.site WHERE id = ?", siteId);
        String prefix = pattern.replace("#", "");
        int digits = pattern.length() - prefix.length();
        String lock = "SELECT last_number FROM tutti.identifier_counter WHERE site_id = ? FOR UPDATE";
        Long last = number(connection, lock, siteId);
        if (last == null) {
            try {
                // a site without a counter yet starts after its highest number (as the migration does)
                update(connection, "INSERT INTO tutti.identifier_counter (site_id, last_number)"
                        + " SELECT ?, COALESCE(MAX(CAST(REGEXP_REPLACE(i.identifier, '^[A-Z]{0,8}', '') AS BIGINT)), 0)"
                        + " FROM (SELECT identifier FROM tutti.family WHERE site_id = ? UNION ALL"
                        + " SELECT identifier FROM tutti.account WHERE site_id = ?) i"
                        + " WHERE REGEXP_LIKE(i.identifier, '^[A-Z]{0,8}[0-9]{1,18}$')", siteId, siteId, siteId);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
            last = number(connection, lock, siteId);
        }
        long n = last;
        String candidate;
        do {
            n++;
            String text = Long.toString(n);
            candidate = prefix + "0".repeat(Math.max(0, digits - text.length())) + text;
        } while (number(connection, "SELECT COUNT(*) FROM tutti.family WHERE site_id = ? AND identifier = ?", siteId,
                candidate) > 0
                || number(connection, "SELECT COUNT(*) FROM tutti.account WHERE site_id = ? AND identifier = ?", siteId,
                candidate) > 0);
        update(connection, "UPDATE tutti.identifier_counter SET last_number = ? WHERE site_id = ?", n, siteId);
        return candidate;
    }

    /**
     * An object as PostgreSQL's {@code jsonb::text} writes it: keys in jsonb's order, ", " and ": "
     * between them, null values left out (jsonb_strip_nulls).
     */
    static String jsonb(Map<String, ?> values) {
        Map<String, Object> sorted = new TreeMap<>(JSONB_ORDER);
        values.forEach((key, value) -> {
            if (value != null) {
                sorted.put(key, value);
            }
        });
        StringBuilder out = new StringBuilder("{");
        sorted.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(quote(key)).append(": ").append(value instanceof Boolean ? value.toString() : quote(value.toString()));
        });
        return out.append('}').toString();
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- issue_first_password

    /** {@code tutti.issue_first_password(account_id, delivery)}: NULL ('MAIL', queued) or the password ('LETTER'). */
    public static String issueFirstPassword(Connection connection, Long accountId, String delivery)
            throws SQLException {
        Staff staff = staff(connection);
        Account account = account(connection, staff, accountId);
        String way = delivery == null ? "" : delivery.toUpperCase(Locale.ROOT);
        if (!way.equals("MAIL") && !way.equals("LETTER")) {
            throw refused("invalid:delivery");
        }
        String password = Secrets.newPassword();
        update(connection, "UPDATE tutti.account SET password_hash = ?, password_changed_at = ?, failed_attempts = 0,"
                + " first_failure_at = NULL, locked_until = NULL, version = version + 1 WHERE id = ?",
                Secrets.hash(password), staff.now(), account.id());
        endSessions(connection, staff.now(), account.id());
        Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), account.familyId(), "PASSWORD_ISSUED",
                "Mot de passe du compte " + account.identifier()
                        + ("MAIL".equals(way) ? " envoyé par e-mail" : " imprimé sur une lettre"),
                null, jsonb(Map.of("delivery", way)));
        if ("LETTER".equals(way)) {
            return password;
        }
        PasswordMail.Site site;
        String name;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.id, s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email,"
                        + " f.civility, f.first_name, f.last_name"
                        + " FROM tutti.site s, tutti.family f WHERE s.id = ? AND f.id = ?")) {
            statement.setLong(1, account.siteId());
            statement.setLong(2, account.familyId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                site = new PasswordMail.Site(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                name = FieldLabels.personName(rs.getString(9), rs.getString(10), rs.getString(11));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html,"
                        + " contains_secret, secret, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, 'PENDING', 0, ?, ?)")) {
            statement.setLong(1, site.id());
            statement.setString(2, MAIL_KIND);
            statement.setString(3, account.email());
            statement.setString(4, AccessMail.SUBJECT);
            statement.setString(5, AccessMail.bodyText(site, account.identifier(), name));
            statement.setString(6, AccessMail.bodyHtml(site, account.identifier(), name));
            statement.setString(7, password);
            statement.setObject(8, staff.now());
            statement.setObject(9, staff.now());
            statement.executeUpdate();
        }
        return null;
    }

    private static void endSessions(Connection connection, OffsetDateTime now, long accountId) throws SQLException {
        update(connection, "UPDATE tutti.app_session SET ended_at = GREATEST(?, created_at)"
                + " WHERE account_id = ? AND ended_at IS NULL", now, accountId);
    }

    // ---------------------------------------------------------------- set_account_locked

    /** {@code tutti.set_account_locked(account_id, locked)}. */
    public static void setAccountLocked(Connection connection, Long accountId, Boolean locked) throws SQLException {
        Staff staff = staff(connection);
        Account account = account(connection, staff, accountId);
        if (locked == null) {
            throw refused("invalid:locked");
        }
        boolean wasLocked = !account.active()
                || (account.lockedUntil() != null && account.lockedUntil().isAfter(staff.now()));
        if (locked) {
            update(connection, "UPDATE tutti.account SET active = FALSE, version = version + 1 WHERE id = ?",
                    account.id());
            endSessions(connection, staff.now(), account.id());
        } else {
            update(connection, "UPDATE tutti.account SET active = TRUE, failed_attempts = 0, first_failure_at = NULL,"
                    + " locked_until = NULL, version = version + 1 WHERE id = ?", account.id());
        }
        Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), account.familyId(),
                locked ? "ACCOUNT_LOCKED" : "ACCOUNT_UNLOCKED",
                "Compte " + account.identifier() + (locked ? " verrouillé" : " déverrouillé"),
                jsonb(Map.of("locked", wasLocked)), jsonb(Map.of("locked", locked)));
    }

    // ---------------------------------------------------------------- account_letter

    /** {@code tutti.account_letter(account_id)}: the letterhead, the addressee and the identifier. */
    public static ResultSet accountLetter(Connection connection, Long accountId) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        for (String column : List.of("site_name", "site_address1", "site_address2", "site_postal_code", "site_city",
                "site_phone", "site_email")) {
            result.addColumn(column, Types.VARCHAR, 254, 0);
        }
        result.addColumn("site_logo", Types.VARBINARY, 524288, 0);
        for (String column : List.of("identifier", "civility", "first_name", "last_name", "address1", "address2",
                "postal_code", "city", "country")) {
            result.addColumn(column, Types.VARCHAR, 254, 0);
        }
        if (columnListOnly(connection)) {
            return result;
        }
        Staff staff = staff(connection);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT t.name, t.address1, t.address2, t.postal_code, t.city, t.phone, t.email, t.letterhead_logo,"
                        + " a.identifier, f.civility, f.first_name, f.last_name, f.address1, f.address2,"
                        + " f.postal_code, f.city, f.country"
                        + " FROM tutti.account a JOIN tutti.family f ON f.id = a.family_id"
                        + " JOIN tutti.site t ON t.id = a.site_id"
                        + " WHERE a.id = ? AND a.site_id = ? AND a.role = 'FAMILY'")) {
            statement.setObject(1, accountId, Types.BIGINT);
            statement.setLong(2, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw forbidden();
                }
                Object[] row = new Object[17];
                for (int i = 0; i < row.length; i++) {
                    row[i] = i == 7 ? rs.getBytes(i + 1) : rs.getString(i + 1);
                }
                result.addRow(row);
            }
        }
        return result;
    }
}
