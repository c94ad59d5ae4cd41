package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The settings and staff Accueil functions on a hardened PostgreSQL demo (SQL-API.md, "Front desk — settings and
 * Accueil") against a family that runs any SQL as tutti_family, a front desk of MONTFLEURY that wants BELLERIVE's
 * settings and mails, a BELLERIVE receptionist without the settings right, and temporary objects that try to
 * shadow what the functions use.
 */
@Tag("postgres")
class AttackSiteSettingsTest {

    private static final String SAVE_CITY = "SELECT tutti.save_site_settings(json_build_object('name', name,"
            + " 'address1', address1, 'postal_code', postal_code, 'city', 'Piratée', 'online_payment', online_payment,"
            + " 'online_payment_url', online_payment_url, 'max_document_bytes', max_document_bytes,"
            + " 'identifier_pattern', identifier_pattern)::text, version) FROM tutti.site_settings()";
    private static final String RETRY = "SELECT tutti.retry_mail(?)";

    private static TestDatabase db;
    private static long belleriveMail;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, status, attempts,"
                    + " next_attempt_at, last_error, created_at) SELECT id, 'NOTICE', 'victim@example.org', 'Objet',"
                    + " 'Corps', 'FAILED', 5, now(), 'refused', now() FROM tutti.site WHERE code = 'BELLERIVE'");
        }
        belleriveMail = SqlRows.number(db.dataSource(), "SELECT id FROM tutti.mail_outbox WHERE recipient = 'victim@example.org'");
    }

    private static List<List<String>> bellerive() throws SQLException {
        return SqlRows.query(db.dataSource(), "SELECT s.*, (SELECT status FROM tutti.mail_outbox WHERE id = ?)"
                + " FROM tutti.site s WHERE code = 'BELLERIVE'", belleriveMail);
    }

    @Test
    void aFamilyCannotCallAnyOfThem() throws SQLException {
        List<List<String>> before = bellerive();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("site_settings", attempt(family, token, "SELECT * FROM tutti.site_settings()"));
            outcomes.put("save_site_settings", attempt(family, token, "SELECT tutti.save_site_settings('{}', 0)"));
            outcomes.put("desk_counts", attempt(family, token, "SELECT * FROM tutti.desk_counts()"));
            outcomes.put("failed_mails", attempt(family, token, "SELECT * FROM tutti.failed_mails()"));
            outcomes.put("retry_mail", attempt(family, token, RETRY, belleriveMail));
            outcomes.put("overdue_invoices", attempt(family, token, "SELECT * FROM tutti.overdue_invoices(1000)"));
            outcomes.put("settings_text", attempt(family, token, "SELECT tutti.settings_text('{}', 'x', 1)"));
            outcomes.put("read the logo", attempt(family, token, "SELECT letterhead_logo FROM tutti.site"));
            outcomes.put("change the site", attempt(family, token, "UPDATE tutti.site SET online_payment = false"));
            assertThat(outcomes).allSatisfy((what, outcome) -> assertThat(outcome).as(what).isEqualTo("42501"));
        }
        assertThat(bellerive()).isEqualTo(before);
    }

    @Test
    void montfleuryNeverReadsNorChangesBelleriveThroughThem() throws SQLException {
        List<List<String>> before = bellerive();
        try (Connection staff = connect(db, STAFF)) {
            String direction = login(staff, "MONTFLEURY", "DIRECTION", "montfleury");
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("its settings are its own", attempt(staff, direction,
                    "SELECT 1 FROM tutti.site_settings() WHERE identifier_pattern = 'M####'"));
            outcomes.put("no BELLERIVE mail listed", attempt(staff, secretariat,
                    "SELECT 1 FROM tutti.failed_mails() WHERE id = ?", belleriveMail));
            outcomes.put("retry a BELLERIVE mail", attempt(staff, direction, RETRY, belleriveMail));
            outcomes.put("no BELLERIVE invoice listed", attempt(staff, secretariat,
                    "SELECT 1 FROM tutti.overdue_invoices(1000) WHERE family_identifier LIKE 'F%'"));
            outcomes.put("change the site by hand", attempt(staff, direction,
                    "UPDATE tutti.site SET online_payment = false WHERE code = 'BELLERIVE'"));
            outcomes.put("without the right", attempt(staff, secretariat, SAVE_CITY));
            assertThat(outcomes).containsExactly(
                    Map.entry("its settings are its own", ACCEPTED + ": 1 row(s)"),
                    Map.entry("no BELLERIVE mail listed", ACCEPTED + ": 0 row(s)"),
                    Map.entry("retry a BELLERIVE mail", "TU403"),
                    Map.entry("no BELLERIVE invoice listed", ACCEPTED + ": 0 row(s)"),
                    Map.entry("change the site by hand", "42501"),
                    Map.entry("without the right", "TU403"));
        }
        assertThat(bellerive()).isEqualTo(before);
    }

    @Test
    void aReceptionistWithoutTheRightChangesNothingAndTemporaryObjectsChangeNothing() throws SQLException {
        List<List<String>> before = bellerive();
        try (Connection staff = connect(db, STAFF)) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(attempt(staff, accueil, SAVE_CITY)).isEqualTo("TU403");
            staff.setAutoCommit(true);
            try (Statement s = staff.createStatement()) {
                // a session that could create temporary objects would find them after pg_catalog and tutti only
                String shadow = AttackSupport.sqlState(() -> s.execute("CREATE FUNCTION pg_temp.billing_staff("
                        + "OUT account_id bigint, OUT site_id bigint) LANGUAGE sql AS"
                        + " 'SELECT a.id, a.site_id FROM tutti.account a WHERE a.identifier = ''DIRECTION'' LIMIT 1'"));
                assertThat(shadow).isIn(ACCEPTED, "42501");
            }
            assertThat(attempt(staff, accueil, SAVE_CITY)).isEqualTo("TU403");
        }
        assertThat(bellerive()).isEqualTo(before);
    }
}
