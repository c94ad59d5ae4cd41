package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The settings and staff Accueil functions (SQL-API.md, "Front desk — settings and Accueil") alike on H2 and
 * PostgreSQL, called as the client calls them (on PostgreSQL as the login role tutti_staff): what each reads,
 * the rows and audit a save or a retry writes, every refusal, and the per-site session lifetime.
 */
@Tag("postgres")
class SiteSettingsParityTest {

    private static final String STAFF = "tutti_staff";
    private static final String FAMILY = "tutti_family";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private TestDatabase db;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        if (db == null) {
            db = ApiClient.demo(vendor, 8);
        }
        ApiClient client = ApiClient.connect(db, role);
        open.add(client);
        return client;
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        return SqlRows.query(db.dataSource(), sql, parameters);
    }

    private long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private void owner(String sql, Object... parameters) throws SQLException {
        try (var c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Every row of {@code SELECT * FROM tutti.<function>()} in a transaction bound to {@code token}, as text. */
    private static List<Map<String, String>> table(ApiClient client, String token, String function)
            throws SQLException {
        return client.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement("SELECT * FROM tutti." + function
                    + (function.endsWith(")") ? "" : "()"));
                 ResultSet rs = statement.executeQuery()) {
                List<Map<String, String>> result = new ArrayList<>();
                while (rs.next()) {
                    Map<String, String> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                                value instanceof byte[] b ? "bytes:" + b.length
                                        : value instanceof Boolean flag ? flag.toString() : String.valueOf(value));
                    }
                    result.add(row);
                }
                return result;
            }
        });
    }

    private static String call(ApiClient client, String token, String sql, Object... arguments) throws SQLException {
        return client.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static String save(ApiClient client, String token, String settings, long version) throws SQLException {
        return call(client, token, "SELECT tutti.save_site_settings(?, ?)", settings, version);
    }

    /** BELLERIVE's settings as save_site_settings takes them, as read now, changed by {@code change}. */
    private ObjectNode settings(Consumer<ObjectNode> change) throws SQLException {
        List<String> row = rows("SELECT name, address1, address2, postal_code, city, phone, email, online_payment,"
                + " online_payment_url, payment_instructions, max_document_bytes, identifier_pattern, mail_sender,"
                + " session_lifetime_hours FROM tutti.site WHERE code = 'BELLERIVE'").get(0);
        ObjectNode node = JSON.createObjectNode();
        String[] names = {"name", "address1", "address2", "postal_code", "city", "phone", "email", "online_payment",
            "online_payment_url", "payment_instructions", "max_document_bytes", "identifier_pattern", "mail_sender",
            "session_lifetime_hours"};
        for (int i = 0; i < names.length; i++) {
            String v = row.get(i);
            if ("null".equals(v)) {
                node.putNull(names[i]);
            } else if (names[i].equals("online_payment")) {
                node.put(names[i], v.equals("true") || v.equals("t"));
            } else if (names[i].equals("max_document_bytes") || names[i].equals("session_lifetime_hours")) {
                node.put(names[i], Integer.parseInt(v));
            } else {
                node.put(names[i], v);
            }
        }
        change.accept(node);
        return node;
    }

    private long version() throws SQLException {
        return number("SELECT version FROM tutti.site WHERE code = 'BELLERIVE'");
    }

    private static String aFamilyIsRefused(DatabaseVendor vendor, String function) {
        return vendor == DatabaseVendor.POSTGRESQL ? "42501 permission denied for function " + function : "TU403 forbidden";
    }

    // ------------------------------------------------------------------------------------------ settings

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void staffReadTheirSiteAndWhetherTheyMayChangeIt(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        Map<String, String> direction = table(staff, staff.signIn("BELLERIVE", "DIRECTION", "bellerive"),
                "site_settings").get(0);
        Map<String, String> accueil = table(staff, staff.signIn("BELLERIVE", "ACCUEIL", "bellerive"),
                "site_settings").get(0);
        Map<String, String> montfleury = table(staff, staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury"),
                "site_settings").get(0);

        assertThat(direction.keySet()).containsExactly("name", "address1", "address2", "postal_code", "city", "phone",
                "email", "letterhead_logo", "online_payment", "online_payment_url", "payment_instructions",
                "max_document_bytes", "identifier_pattern", "mail_sender", "session_lifetime_hours", "document_prefix",
                "version", "may_change");
        assertThat(direction).containsEntry("identifier_pattern", "F####").containsEntry("online_payment", "true")
                .containsEntry("document_prefix", "BEL").containsEntry("may_change", "true");
        assertThat(direction.get("online_payment_url")).startsWith("https://").contains("{reference}");
        assertThat(accueil).containsEntry("may_change", "false").containsEntry("name", direction.get("name"));
        assertThat(montfleury).containsEntry("identifier_pattern", "M####").containsEntry("document_prefix", "MON");
        assertThat(montfleury.get("name")).isNotEqualTo(direction.get("name"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void directionSavesTheChangedFieldsWithTheirAudit(DatabaseVendor vendor) throws Exception {
        ApiClient staff = client(vendor, STAFF);
        String direction = staff.signIn("BELLERIVE", "DIRECTION", "bellerive");
        long before = version();
        String oldCity = rows("SELECT city FROM tutti.site WHERE code = 'BELLERIVE'").get(0).get(0);

        String saved = save(staff, direction, settings(s -> {
            s.put("city", "  Lyon ");
            s.put("online_payment", false);
            s.put("session_lifetime_hours", 8);
            s.put("letterhead_logo", Base64.getEncoder().encodeToString(PNG));
        }).toString(), before);

        assertThat(saved).isEqualTo(String.valueOf(before + 1));
        assertThat(rows("SELECT city, online_payment, session_lifetime_hours, letterhead_logo FROM tutti.site"
                + " WHERE code = 'BELLERIVE'").get(0)).containsExactly("Lyon",
                "false", "8",
                java.util.HexFormat.of().formatHex(PNG));
        List<List<String>> audit = rows("SELECT a.identifier, e.detail, e.family_id, e.before_value, e.after_value"
                + " FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id WHERE e.kind = 'SETTINGS_CHANGED'");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).subList(0, 3)).containsExactly("DIRECTION", "Paramètres du site modifiés", "null");
        JsonNode was = JSON.readTree(audit.get(0).get(3));
        JsonNode is = JSON.readTree(audit.get(0).get(4));
        assertThat(JSON.convertValue(was, Map.class)).containsOnlyKeys("city", "online_payment",
                "session_lifetime_hours", "letterhead_logo");
        assertThat(was.get("city").textValue()).isEqualTo(oldCity);
        assertThat(was.get("online_payment").booleanValue()).isTrue();
        assertThat(was.get("session_lifetime_hours").isNull()).isTrue();
        assertThat(was.get("letterhead_logo").isNull()).isTrue();
        assertThat(is.get("city").textValue()).isEqualTo("Lyon");
        assertThat(is.get("online_payment").booleanValue()).isFalse();
        assertThat(is.get("session_lifetime_hours").intValue()).isEqualTo(8);
        assertThat(is.get("letterhead_logo").textValue()).isEqualTo("logo modifié");

        // the same settings again: nothing changes, nothing is audited; a missing logo key keeps the logo
        assertThat(save(staff, direction, settings(s -> { }).toString(), before + 1))
                .isEqualTo(String.valueOf(before + 1));
        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'SETTINGS_CHANGED'")).isEqualTo(1);
        assertThat(rows("SELECT letterhead_logo FROM tutti.site WHERE code = 'BELLERIVE'").get(0).get(0))
                .isEqualTo(java.util.HexFormat.of().formatHex(PNG));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void everyRefusalLeavesTheSiteAsItWas(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String direction = staff.signIn("BELLERIVE", "DIRECTION", "bellerive");
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long version = version();
        List<List<String>> site = rows("SELECT * FROM tutti.site ORDER BY id");
        String good = settings(s -> s.put("city", "Lyon")).toString();

        assertThat(raised(() -> save(staff, accueil, good, version))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> save(staff, direction, good, version - 1))).isEqualTo("TU409 stale");
        assertThat(raised(() -> save(staff, direction, "{", version))).isEqualTo("TU422 invalid:settings");
        assertThat(raised(() -> save(staff, direction, "[]", version))).isEqualTo("TU422 invalid:settings");
        Map<String, Consumer<ObjectNode>> refusals = new java.util.LinkedHashMap<>();
        refusals.put("TU422 invalid:name", s -> s.put("name", "  "));
        refusals.put("TU422 too_long:name:120", s -> s.put("name", "x".repeat(121)));
        refusals.put("TU422 invalid:address1", s -> s.putNull("address1"));
        refusals.put("TU422 invalid:postal_code", s -> s.remove("postal_code"));
        refusals.put("TU422 invalid:city", s -> s.put("city", 12));
        refusals.put("TU422 invalid:email", s -> s.put("email", "accueil@"));
        refusals.put("TU422 invalid:online_payment", s -> s.put("online_payment", "yes"));
        refusals.put("TU422 invalid:online_payment_url", s -> s.put("online_payment_url", "http://pay.example/{reference}"));
        refusals.put("TU422 invalid:online_payment_url ", s -> s.put("online_payment_url", "https://pay.example/x"));
        refusals.put("TU422 invalid:online_payment_url  ", s -> s.put("online_payment", true).putNull("online_payment_url"));
        refusals.put("TU422 invalid:max_document_bytes", s -> s.put("max_document_bytes", 1000));
        refusals.put("TU422 invalid:max_document_bytes ", s -> s.put("max_document_bytes", 10485761));
        refusals.put("TU422 invalid:identifier_pattern", s -> s.put("identifier_pattern", "f####"));
        refusals.put("TU422 invalid:identifier_pattern ", s -> s.put("identifier_pattern", "F##"));
        refusals.put("TU422 invalid:mail_sender", s -> s.put("mail_sender", "no address"));
        refusals.put("TU422 invalid:session_lifetime_hours", s -> s.put("session_lifetime_hours", 0));
        refusals.put("TU422 invalid:session_lifetime_hours ", s -> s.put("session_lifetime_hours", 721));
        refusals.put("TU422 invalid:letterhead_logo", s -> s.put("letterhead_logo",
                Base64.getEncoder().encodeToString("GIF89a".getBytes())));
        refusals.put("TU422 invalid:letterhead_logo ", s -> s.put("letterhead_logo", "not base64!"));
        byte[] large = new byte[524289];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        refusals.put("TU422 too_long:letterhead_logo:524288", s -> s.put("letterhead_logo",
                Base64.getEncoder().encodeToString(large)));
        for (Map.Entry<String, Consumer<ObjectNode>> refusal : refusals.entrySet()) {
            String sent = settings(refusal.getValue()).toString();
            assertThat(raised(() -> save(staff, direction, sent, version))).as(refusal.getKey())
                    .isEqualTo(refusal.getKey().strip());
        }
        ApiClient family = client(vendor, FAMILY);
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        assertThat(raised(() -> save(family, f0001, good, version)))
                .isEqualTo(aFamilyIsRefused(vendor, "save_site_settings"));
        assertThat(raised(() -> table(family, f0001, "site_settings")))
                .isEqualTo(aFamilyIsRefused(vendor, "site_settings"));

        assertThat(rows("SELECT * FROM tutti.site ORDER BY id")).isEqualTo(site);
        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'SETTINGS_CHANGED'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aSiteOfOneHourEndsItsSessionsAfterAnHour(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String bellerive = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String montfleury = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        owner("UPDATE tutti.site SET session_lifetime_hours = 1 WHERE code = 'BELLERIVE'");
        owner("UPDATE tutti.app_session SET created_at = created_at - INTERVAL '61' MINUTE,"
                + " expires_at = expires_at + INTERVAL '1' HOUR");

        assertThat(raised(() -> table(staff, bellerive, "desk_counts"))).isEqualTo("TU401 no session");
        assertThat(table(staff, montfleury, "desk_counts")).hasSize(1);

        owner("UPDATE tutti.site SET session_lifetime_hours = 2 WHERE code = 'BELLERIVE'");
        assertThat(table(staff, bellerive, "desk_counts")).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ Accueil

    private long siteId(String code) throws SQLException {
        return number("SELECT id FROM tutti.site WHERE code = ?", code);
    }

    /** A mail of the site's outbox the relay gave up on; its id. */
    private long failedMail(String site, String recipient, boolean containsSecret) throws SQLException {
        owner("INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, contains_secret, status,"
                + " attempts, next_attempt_at, last_error, created_at) VALUES (?, 'NOTICE', ?, 'Objet', 'Corps', ?,"
                + " 'FAILED', 5, CURRENT_TIMESTAMP, '550 mailbox unavailable', CURRENT_TIMESTAMP)",
                siteId(site), recipient, containsSecret);
        return number("SELECT MAX(id) FROM tutti.mail_outbox WHERE recipient = ?", recipient);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void theCountsFollowTheSitesRows(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        Map<String, String> was = table(staff, accueil, "desk_counts").get(0);

        failedMail("BELLERIVE", "a@example.org", false);
        failedMail("MONTFLEURY", "m@example.org", false);
        owner("UPDATE tutti.account SET locked_until = CURRENT_TIMESTAMP + INTERVAL '1' HOUR WHERE identifier IN"
                + " ('F0002', 'M0001')");
        owner("INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date, due_date,"
                + " total_amount, status) SELECT f.site_id, f.id, (SELECT MIN(y.id) FROM tutti.school_year y"
                + " WHERE y.is_current), 'BEL-TEST-000001', 'COTISATION', CURRENT_DATE - 40, CURRENT_DATE - 1, 120.00,"
                + " 'ISSUED' FROM tutti.family f WHERE f.identifier = 'F0003'");
        long overdue = number("SELECT id FROM tutti.invoice WHERE number = 'BEL-TEST-000001'");
        Map<String, String> is = table(staff, accueil, "desk_counts").get(0);

        assertThat(is.keySet()).containsExactly("changes_waiting", "reenrolments_waiting", "mails_failed",
                "invoices_overdue", "accounts_locked");
        assertThat(Integer.parseInt(is.get("mails_failed"))).isEqualTo(Integer.parseInt(was.get("mails_failed")) + 1);
        assertThat(Integer.parseInt(is.get("accounts_locked")))
                .isEqualTo(Integer.parseInt(was.get("accounts_locked")) + 1);
        assertThat(Integer.parseInt(is.get("invoices_overdue")))
                .isEqualTo(Integer.parseInt(was.get("invoices_overdue")) + 1);
        assertThat(is.get("changes_waiting")).isEqualTo(String.valueOf(number("SELECT COUNT(*) FROM"
                + " tutti.change_request c JOIN tutti.family f ON f.id = c.family_id JOIN tutti.site s ON s.id = f.site_id"
                + " WHERE s.code = 'BELLERIVE' AND c.status = 'PENDING'")));
        assertThat(is.get("reenrolments_waiting")).isEqualTo(String.valueOf(number("SELECT COUNT(*) FROM"
                + " tutti.reenrolment_request r JOIN tutti.student st ON st.id = r.student_id"
                + " JOIN tutti.family f ON f.id = st.family_id JOIN tutti.site s ON s.id = f.site_id"
                + " WHERE s.code = 'BELLERIVE' AND r.status = 'PENDING'")));

        List<Map<String, String>> invoices = table(staff, accueil, "overdue_invoices(1000)");
        assertThat(invoices).hasSize(Integer.parseInt(is.get("invoices_overdue")));
        assertThat(table(staff, accueil, "overdue_invoices(2)")).as("a page of two: the oldest")
                .isEqualTo(invoices.subList(0, Math.min(2, invoices.size())));
        assertThat(raised(() -> table(staff, accueil, "overdue_invoices(0)"))).isEqualTo("TU422 invalid:max_rows");
        assertThat(invoices).anySatisfy(row -> assertThat(row).containsEntry("invoice_id", String.valueOf(overdue))
                .containsKeys("number", "family_id", "family_identifier", "family_name", "due_date", "balance"));
        assertThat(invoices).allSatisfy(row -> assertThat(row.get("family_identifier")).startsWith("F"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFailedMailGoesBackToTheQueueOnceAndOnlyOnItsSite(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        long mail = failedMail("BELLERIVE", "parent@example.org", false);
        long password = failedMail("BELLERIVE", "reset@example.org", true);
        long other = failedMail("MONTFLEURY", "other@example.org", false);

        List<Map<String, String>> listed = table(staff, accueil, "failed_mails");
        assertThat(listed).extracting(r -> r.get("recipient")).contains("parent@example.org", "reset@example.org")
                .doesNotContain("other@example.org");
        assertThat(listed.get(0).keySet()).containsExactly("id", "created_at", "recipient", "subject", "attempts",
                "last_error");
        assertThat(raised(() -> call(staff, secretariat, "SELECT tutti.retry_mail(?)", mail)))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "SELECT tutti.retry_mail(?)", other))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "SELECT tutti.retry_mail(?)", -1L))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "SELECT tutti.retry_mail(?)", password)))
                .isEqualTo("TU409 secret_gone");
        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'MAIL_RETRIED'")).isZero();

        call(staff, accueil, "SELECT tutti.retry_mail(?)", mail);

        assertThat(rows("SELECT status, attempts, last_error FROM tutti.mail_outbox WHERE id = ?", mail))
                .containsExactly(List.of("PENDING", "0", "null"));
        assertThat(rows("SELECT status FROM tutti.mail_outbox WHERE id IN (?, ?) ORDER BY id", password, other))
                .containsExactly(List.of("FAILED"), List.of("FAILED"));
        List<List<String>> audit = rows("SELECT a.identifier, e.detail, e.before_value, e.after_value"
                + " FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id WHERE e.kind = 'MAIL_RETRIED'");
        assertThat(audit).containsExactly(List.of("ACCUEIL", "Courriel à parent@example.org remis en file d’envoi",
                "{\"status\": \"FAILED\", \"attempts\": 5}", "{\"status\": \"PENDING\", \"attempts\": 0}"));
        assertThat(raised(() -> call(staff, accueil, "SELECT tutti.retry_mail(?)", mail)))
                .isEqualTo("TU409 not_failed");
        ApiClient family = client(vendor, FAMILY);
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        assertThat(raised(() -> call(family, f0001, "SELECT tutti.retry_mail(?)", mail)))
                .isEqualTo(aFamilyIsRefused(vendor, "retry_mail"));
        for (String function : List.of("desk_counts", "failed_mails", "overdue_invoices(10)")) {
            assertThat(raised(() -> table(family, f0001, function)))
                    .isEqualTo(aFamilyIsRefused(vendor, function.replace("(10)", "")));
        }
    }
}
