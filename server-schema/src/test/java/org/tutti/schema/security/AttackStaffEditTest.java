package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.committed;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.AttackSupport.withinPatience;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
 * {@code tutti.staff_edit} on PostgreSQL (SQL-API.md, "Front desk — file") against a family that runs any SQL as
 * tutti_family, a front desk of the other site and a front desk with temporary objects of its own: on a hardened
 * demo of its own (8 families: F0001–F0005 at BELLERIVE, M0001–M0003 at MONTFLEURY).
 */
@Tag("postgres")
class AttackStaffEditTest {

    private static final String EDIT = "SELECT tutti.staff_edit(?, ?, ?)";

    private static TestDatabase db;
    private static long f0001;
    private static long f0002;
    private static long m0001;
    private static long studentF0002;
    private static long studentM0001;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        f0001 = number("SELECT id FROM tutti.family WHERE identifier = 'F0001'");
        f0002 = number("SELECT id FROM tutti.family WHERE identifier = 'F0002'");
        m0001 = number("SELECT id FROM tutti.family WHERE identifier = 'M0001'");
        studentF0002 = number("SELECT MIN(id) FROM tutti.student WHERE family_id = ?", f0002);
        studentM0001 = number("SELECT MIN(id) FROM tutti.student WHERE family_id = ?", m0001);
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private static List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COALESCE(SUM(version), 0) FROM tutti.family"),
                number("SELECT COALESCE(SUM(version), 0) FROM tutti.student"),
                number("SELECT COALESCE(SUM(version), 0) FROM tutti.change_request"),
                number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind LIKE '%_EDITED'"));
    }

    @Test
    void aFamilyCannotCallItNorWriteWhatItWrites() throws SQLException {
        List<Long> before = footprint();
        Map<String, String> tries = new LinkedHashMap<>();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            tries.put("its own family", attempt(family, token, EDIT, "FAMILY", f0001, "{\"city\": \"Lyon\"}"));
            tries.put("another family", attempt(family, token, EDIT, "FAMILY", f0002, "{\"city\": \"Lyon\"}"));
            tries.put("a student of another family", attempt(family, token, EDIT, "STUDENT", studentF0002,
                    "{\"school_level\": \"CM1\"}"));
            tries.put("unbound", attempt(family, null, EDIT, "FAMILY", f0001, "{\"city\": \"Lyon\"}"));
            tries.put("write its audit", attempt(family, token, "INSERT INTO tutti.audit_event (occurred_at, site_id,"
                    + " account_id, kind, detail, family_id) SELECT now(), site_id, NULL, 'FAMILY_EDITED', 'x', id"
                    + " FROM tutti.family WHERE id = ?", f0001));
            tries.put("the internal audit", attempt(family, token,
                    "SELECT tutti.audit_staff(?, 'FAMILY_EDITED', 'x', NULL, NULL)", f0001));
        }
        assertThat(tries).containsExactly(Map.entry("its own family", "42501"), Map.entry("another family", "42501"),
                Map.entry("a student of another family", "42501"), Map.entry("unbound", "42501"),
                Map.entry("write its audit", "42501"), Map.entry("the internal audit", "42501"));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aFrontDeskOfOneSiteCannotEditTheOthersFamiliesNorStudents() throws SQLException {
        List<Long> before = footprint();
        Map<String, String> tries = new LinkedHashMap<>();
        try (Connection montfleury = connect(db, STAFF); Connection bellerive = connect(db, STAFF)) {
            String secretariat = login(montfleury, "MONTFLEURY", "SECRETARIAT", "montfleury");
            String accueil = login(bellerive, "BELLERIVE", "ACCUEIL", "bellerive");
            tries.put("M edits F family", attempt(montfleury, secretariat, EDIT, "FAMILY", f0002, "{\"city\": \"Lyon\"}"));
            tries.put("M edits F student", attempt(montfleury, secretariat, EDIT, "STUDENT", studentF0002,
                    "{\"school_level\": \"CM1\"}"));
            tries.put("M edits F family, wrong field", attempt(montfleury, secretariat, EDIT, "FAMILY", f0002,
                    "{\"identifier\": \"x\"}"));
            tries.put("F edits M family", attempt(bellerive, accueil, EDIT, "FAMILY", m0001, "{\"city\": \"Lyon\"}"));
            tries.put("F edits M student", attempt(bellerive, accueil, EDIT, "STUDENT", studentM0001,
                    "{\"school_level\": \"CM1\"}"));
            tries.put("F edits M student as family", attempt(bellerive, accueil, EDIT, "FAMILY", studentM0001,
                    "{\"city\": \"Lyon\"}"));
            // row-level security: the other site's row is not there for it
            tries.put("M updates F by hand", attempt(montfleury, secretariat,
                    "UPDATE tutti.family SET city = 'Lyon' WHERE id = ?", f0002));
        }
        assertThat(tries).containsExactly(Map.entry("M edits F family", "TU403"), Map.entry("M edits F student", "TU403"),
                Map.entry("M edits F family, wrong field", "TU403"), Map.entry("F edits M family", "TU403"),
                Map.entry("F edits M student", "TU403"), Map.entry("F edits M student as family", "TU403"),
                Map.entry("M updates F by hand", ACCEPTED + ": 0 row(s)"));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void temporaryObjectsAndASearchPathOfItsOwnChangeNothing() throws Exception {
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_staff");
        }
        Map<String, String> scene = new LinkedHashMap<>();
        try (Connection staff = connect(db, STAFF); Statement statement = staff.createStatement()) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            for (String sql : List.of(
                    "CREATE TEMP TABLE family (LIKE tutti.family)",
                    "CREATE FUNCTION pg_temp.change_fields(text) RETURNS text[] LANGUAGE sql"
                            + " AS $$ SELECT ARRAY['identifier', 'site_id', 'city'] $$",
                    "CREATE FUNCTION pg_temp.change_value(text, jsonb) RETURNS text LANGUAGE sql AS $$ SELECT 'PIRATE' $$",
                    "CREATE FUNCTION pg_temp.btrim(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'PIRATE' $$",
                    "SET search_path = pg_temp, tutti, public")) {
                scene.put(sql.substring(0, Math.min(60, sql.length())), sqlState(() -> statement.execute(sql)));
            }
            assertThat(scene.values()).as("the scene: %s", scene).containsOnly(ACCEPTED);
            assertThat(committed(staff, accueil, EDIT, "FAMILY", f0001, "{\"city\": \"  Rivedroite \"}")).isEqualTo("1");
            assertThat(attempt(staff, accueil, EDIT, "FAMILY", f0001, "{\"identifier\": \"F9999\"}")).isEqualTo("TU422");
            assertThat(value(staff, "SELECT COUNT(*) FROM pg_temp.family")).isEqualTo("0");
        }
        assertThat(scene.values()).as("the scene: %s", scene).containsOnly(ACCEPTED);
        assertThat(SqlRows.query(db.dataSource(), "SELECT city, identifier FROM tutti.family WHERE id = ?", f0001))
                .containsExactly(List.of("Rivedroite", "F0001"));
        assertThat(SqlRows.query(db.dataSource(), "SELECT after_value FROM tutti.audit_event WHERE kind = 'FAMILY_EDITED'"
                + " AND family_id = ?", f0001)).containsExactly(List.of("{\"city\":\"Rivedroite\"}"));
    }

    @Test
    void anEditOfARowLeftLockedIsBusyNotWaiting() throws Exception {
        List<Long> before = footprint();
        try (Connection first = connect(db, STAFF); Connection second = connect(db, STAFF)) {
            String accueil = login(first, "BELLERIVE", "ACCUEIL", "bellerive");
            String compta = login(second, "BELLERIVE", "COMPTA", "bellerive");
            first.setAutoCommit(false);
            bindSession(first, accueil);
            value(first, EDIT, "FAMILY", f0002, "{\"city\": \"Lyon\"}"); // left open: the family row stays locked
            Instant start = Instant.now();
            String state = withinPatience("a second edit while the first is open",
                    () -> attempt(second, compta, EDIT, "FAMILY", f0002, "{\"city\": \"Paris\"}"), first);
            assertThat(state).isEqualTo("TU409");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            first.rollback();
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void theFunctionIsOwnedPinnedAndGrantedToTheFrontDeskOnly() throws SQLException {
        assertThat(SqlRows.query(db.dataSource(), "SELECT pg_get_userbyid(p.proowner)::text, p.prosecdef,"
                + " array_to_string(p.proconfig, ','), has_function_privilege('tutti_family', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_staff', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_relay', p.oid, 'EXECUTE')"
                + " FROM pg_proc p WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname = 'staff_edit'"))
                .containsExactly(List.of("tutti_owner", "true", "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s",
                        "false", "true", "false"));
    }
}
