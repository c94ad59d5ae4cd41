package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.committed;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.sqlState;
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
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The family records (SQL-API.md, "Front desk — records") on PostgreSQL against a family that runs any SQL as
 * tutti_family and a front desk of another site, on a hardened demo of its own (8 families: F0001–F0005 at
 * BELLERIVE, M0001–M0003 at MONTFLEURY): nobody but the staff of the family's site reads its history or its
 * mails, and no family writes a history row through the audit triggers.
 */
@Tag("postgres")
class AttackFamilyRecordsTest {

    private static final String HISTORY = "SELECT * FROM tutti.family_history(?)";
    private static final String MAILS = "SELECT * FROM tutti.family_mails(?)";
    private static final String TEXT = "SELECT tutti.family_mail_text(?)";

    private static TestDatabase db;
    private static long f0001;
    private static long m0001;
    private static long belleriveMail;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        f0001 = number("SELECT id FROM tutti.family WHERE identifier = 'F0001'");
        m0001 = number("SELECT id FROM tutti.family WHERE identifier = 'M0001'");
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            committed(family, token, "SELECT tutti.submit_changes('FAMILY', ?, '{\"city\": \"Lyon\"}')", f0001);
        }
        belleriveMail = number("SELECT MAX(id) FROM tutti.mail_outbox WHERE family_id = ?", f0001);
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private static long historyRows() throws SQLException {
        return number("SELECT COUNT(*) FROM tutti.audit_event WHERE family_id IS NOT NULL");
    }

    @Test
    void aFamilyCannotCallTheReadersNorReadTheOutboxOrTheAuditNorForgeAHistoryRow() throws SQLException {
        long before = historyRows();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("family_history", attempt(family, token, HISTORY, f0001));
            outcomes.put("family_mails", attempt(family, token, MAILS, f0001));
            outcomes.put("family_mail_text", attempt(family, token, TEXT, belleriveMail));
            outcomes.put("mail_outbox", attempt(family, token, "SELECT * FROM tutti.mail_outbox"));
            outcomes.put("audit_event", attempt(family, token, "SELECT * FROM tutti.audit_event"));
            outcomes.put("audit_staff", attempt(family, token,
                    "SELECT tutti.audit_staff(?, 'CHANGE_ACCEPTED', 'forged', NULL, NULL)", f0001));
            outcomes.put("mail_family", attempt(family, token, "SELECT tutti.mail_family(1, 'x@y.fr')"));
            outcomes.put("records_staff_family", attempt(family, token, "SELECT tutti.records_staff_family(?)", f0001));
            outcomes.put("insert audit", attempt(family, token, "INSERT INTO tutti.audit_event (occurred_at, kind,"
                    + " family_id) VALUES (now(), 'CHANGE_ACCEPTED', " + f0001 + ")"));
            outcomes.put("decide its own request", attempt(family, token, "UPDATE tutti.change_request"
                    + " SET status = 'ACCEPTED', decided_at = now() WHERE family_id = " + f0001));
            assertThat(outcomes).containsOnly(outcomes.keySet().stream().map(k -> Map.entry(k, "42501"))
                    .toArray(Map.Entry[]::new));
            // what it may do (send requests, mark a refusal seen) writes no history row
            committed(family, token, "SELECT tutti.submit_changes('FAMILY', ?, '{\"city\": \"Lyon 2\"}')", f0001);
        }
        assertThat(historyRows()).isEqualTo(before);
    }

    @Test
    void anotherSitesFrontDeskReadsNeitherTheHistoryNorTheMailsAndNeverDirectly() throws SQLException {
        try (Connection staff = connect(db, STAFF)) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("history of F0001", attempt(staff, secretariat, HISTORY, f0001));
            outcomes.put("mails of F0001", attempt(staff, secretariat, MAILS, f0001));
            outcomes.put("text of F0001's mail", attempt(staff, secretariat, TEXT, belleriveMail));
            outcomes.put("history of M0001", attempt(staff, accueil, HISTORY, m0001));
            outcomes.put("mails of M0001", attempt(staff, accueil, MAILS, m0001));
            outcomes.put("no family", attempt(staff, accueil, HISTORY, -1L));
            assertThat(outcomes).containsOnly(outcomes.keySet().stream().map(k -> Map.entry(k, "TU403"))
                    .toArray(Map.Entry[]::new));
            assertThat(attempt(staff, accueil, "SELECT * FROM tutti.mail_outbox")).isEqualTo("42501");
            assertThat(attempt(staff, accueil, "SELECT * FROM tutti.audit_event")).isEqualTo("42501");
            assertThat(attempt(staff, accueil, MAILS, f0001)).startsWith(ACCEPTED);
            assertThat(attempt(staff, accueil, TEXT, belleriveMail)).isEqualTo(ACCEPTED + ": 1 row(s)");
        }
    }

    @Test
    void aShadowInPgTempDoesNotOpenAnotherSitesFamily() throws SQLException {
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_staff");
        }
        try (Connection staff = connect(db, STAFF); Statement statement = staff.createStatement()) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            Map<String, String> scene = new LinkedHashMap<>();
            for (String sql : List.of(
                    "CREATE FUNCTION pg_temp.records_staff_family(bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$",
                    "CREATE FUNCTION pg_temp.billing_staff(OUT account_id bigint, OUT site_id bigint) LANGUAGE sql"
                            + " AS $$ SELECT 1::bigint, (SELECT site_id FROM tutti.family WHERE identifier = 'F0001') $$",
                    "CREATE TEMP TABLE family (id bigint, site_id bigint)",
                    "SET search_path = pg_temp, tutti, public")) {
                scene.put(sql.substring(0, Math.min(60, sql.length())), sqlState(() -> statement.execute(sql)));
            }
            assertThat(scene.values()).as("the scene: %s", scene).containsOnly(ACCEPTED);
            assertThat(attempt(staff, secretariat, HISTORY, f0001)).isEqualTo("TU403");
            assertThat(attempt(staff, secretariat, MAILS, f0001)).isEqualTo("TU403");
        }
    }
}
