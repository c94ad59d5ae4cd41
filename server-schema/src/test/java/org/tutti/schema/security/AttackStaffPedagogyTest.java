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
 * The front desk's pedagogy functions on PostgreSQL (SQL-API.md, "Front desk — pedagogy") against a family that runs
 * any SQL as tutti_family, a front desk of another site, and a front desk that writes absences and evaluations
 * without the functions: on a hardened demo of its own (8 families: F0001–F0005 at BELLERIVE, M0001–M0003 at
 * MONTFLEURY).
 */
@Tag("postgres")
class AttackStaffPedagogyTest {

    private static final String ABSENCES = "SELECT tutti.record_absences(?, CURRENT_DATE - 1, ?)";
    private static final String EVALUATION = "SELECT tutti.record_evaluation(?, CURRENT_DATE - 1, 'EXAM', 14, NULL, 'Bien')";

    private static TestDatabase db;
    private static long belleriveCourse;
    private static long belleriveEnrolment;
    private static long montfleuryCourse;
    private static long montfleuryEnrolment;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        belleriveCourse = course("BELLERIVE");
        belleriveEnrolment = number("SELECT MIN(id) FROM tutti.enrolment WHERE course_id = ?", belleriveCourse);
        montfleuryCourse = course("MONTFLEURY");
        montfleuryEnrolment = number("SELECT MIN(id) FROM tutti.enrolment WHERE course_id = ?", montfleuryCourse);
    }

    private static long course(String site) throws SQLException {
        return number("SELECT MIN(c.id) FROM tutti.course c JOIN tutti.site s ON s.id = c.site_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE s.code = ? AND y.is_current"
                + " AND EXISTS (SELECT 1 FROM tutti.enrolment e WHERE e.course_id = c.id)", site);
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private static String absent(long enrolment) {
        return "[{\"enrolment\": " + enrolment + ", \"absent\": true, \"excused\": false, \"reason\": null}]";
    }

    /** Everything the functions write: to compare before and after. */
    private static List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COUNT(*) FROM tutti.absence"), number("SELECT SUM(version) FROM tutti.absence"),
                number("SELECT COUNT(*) FROM tutti.evaluation"),
                number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind IN ('ABSENCE_RECORDED', 'EVALUATION_RECORDED')"));
    }

    @Test
    void aFamilyCannotCallThePedagogyFunctionsNorWriteAbsencesOrEvaluations() throws SQLException {
        List<Long> before = footprint();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            long own = number("SELECT MIN(e.id) FROM tutti.enrolment e JOIN tutti.student st ON st.id = e.student_id"
                    + " JOIN tutti.family f ON f.id = st.family_id WHERE f.identifier = 'F0001'");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("record_absences", attempt(family, token, ABSENCES, belleriveCourse, absent(own)));
            outcomes.put("record_evaluation", attempt(family, token, EVALUATION, own));
            outcomes.put("absence_state", attempt(family, token, "SELECT tutti.absence_state(true, true, 'x')"));
            outcomes.put("insert an absence", attempt(family, token, "INSERT INTO tutti.absence (enrolment_id,"
                    + " absence_date, start_time, duration_minutes, excused) VALUES (?, CURRENT_DATE, '10:00', 30, true)", own));
            outcomes.put("excuse its absences", attempt(family, token, "UPDATE tutti.absence SET excused = true"));
            outcomes.put("raise its marks", attempt(family, token, "UPDATE tutti.evaluation SET mark = 20"));
            assertThat(outcomes).containsOnly(outcomes.keySet().stream().map(k -> Map.entry(k, "42501"))
                    .toArray(Map.Entry[]::new));
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aFrontDeskOfAnotherSiteCannotRecordNorSeeBellerivesAbsencesAndEvaluations() throws SQLException {
        List<Long> before = footprint();
        try (Connection staff = connect(db, STAFF)) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("absences on a BELLERIVE course", attempt(staff, secretariat, ABSENCES, belleriveCourse,
                    absent(belleriveEnrolment)));
            outcomes.put("a BELLERIVE student on its own course", attempt(staff, secretariat, ABSENCES, montfleuryCourse,
                    absent(belleriveEnrolment)));
            outcomes.put("an evaluation of a BELLERIVE student", attempt(staff, secretariat, EVALUATION, belleriveEnrolment));
            outcomes.put("see the BELLERIVE course", attempt(staff, secretariat, "SELECT 1 FROM tutti.course WHERE id = ?",
                    belleriveCourse));
            outcomes.put("see its enrolments", attempt(staff, secretariat,
                    "SELECT 1 FROM tutti.enrolment WHERE course_id = ?", belleriveCourse));
            outcomes.put("see its absences", attempt(staff, secretariat, "SELECT 1 FROM tutti.absence a JOIN"
                    + " tutti.enrolment e ON e.id = a.enrolment_id WHERE e.course_id = ?", belleriveCourse));
            outcomes.put("its own course", attempt(staff, secretariat, ABSENCES, montfleuryCourse,
                    absent(montfleuryEnrolment)));
            assertThat(outcomes).containsExactly(
                    Map.entry("absences on a BELLERIVE course", "TU403"),
                    Map.entry("a BELLERIVE student on its own course", "TU422"),
                    Map.entry("an evaluation of a BELLERIVE student", "TU403"),
                    Map.entry("see the BELLERIVE course", ACCEPTED + ": 0 row(s)"),
                    Map.entry("see its enrolments", ACCEPTED + ": 0 row(s)"),
                    Map.entry("see its absences", ACCEPTED + ": 0 row(s)"),
                    Map.entry("its own course", ACCEPTED + ": 1 row(s)"));
        }
        assertThat(footprint()).as("every attempt rolled back").isEqualTo(before);
    }

    @Test
    void itsOwnFrontDeskWritesAbsencesAndEvaluationsThroughTheFunctionsOnly() throws SQLException {
        List<Long> before = footprint();
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (Connection staff = connect(db, STAFF)) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            outcomes.put("insert an absence", attempt(staff, accueil, "INSERT INTO tutti.absence (enrolment_id,"
                    + " absence_date, start_time, duration_minutes) VALUES (?, CURRENT_DATE, '10:00', 30)", belleriveEnrolment));
            outcomes.put("excuse every absence", attempt(staff, accueil, "UPDATE tutti.absence SET excused = true"));
            outcomes.put("delete absences", attempt(staff, accueil, "DELETE FROM tutti.absence"));
            outcomes.put("insert an evaluation", attempt(staff, accueil, "INSERT INTO tutti.evaluation (enrolment_id,"
                    + " teacher_id, evaluation_date, kind, mark) SELECT e.id, c.teacher_id, CURRENT_DATE, 'EXAM', 20"
                    + " FROM tutti.enrolment e JOIN tutti.course c ON c.id = e.course_id WHERE e.id = ?", belleriveEnrolment));
            outcomes.put("change a mark", attempt(staff, accueil, "UPDATE tutti.evaluation SET mark = 20"));
            outcomes.put("read its site's evaluations", attempt(staff, accueil, "SELECT 1 FROM tutti.evaluation e"
                    + " JOIN tutti.enrolment en ON en.id = e.enrolment_id JOIN tutti.course c ON c.id = en.course_id"
                    + " WHERE c.site_id <> (SELECT id FROM tutti.site WHERE code = 'BELLERIVE')"));
            outcomes.put("the function", attempt(staff, accueil, EVALUATION, belleriveEnrolment));
        }
        assertThat(outcomes).containsExactly(
                Map.entry("insert an absence", "42501"),
                Map.entry("excuse every absence", "42501"),
                Map.entry("delete absences", "42501"),
                Map.entry("insert an evaluation", "42501"),
                Map.entry("change a mark", "42501"),
                Map.entry("read its site's evaluations", ACCEPTED + ": 0 row(s)"),
                Map.entry("the function", ACCEPTED + ": 1 row(s)"));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void temporaryObjectsAndASearchPathOfItsOwnChangeNothingInTheRowsNorTheAudit() throws Exception {
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_staff");
        }
        Map<String, String> scene = new LinkedHashMap<>();
        try (Connection staff = connect(db, STAFF); Statement statement = staff.createStatement()) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            for (String sql : List.of(
                    "CREATE TEMP TABLE absence (LIKE tutti.absence)",
                    "CREATE TEMP TABLE enrolment (LIKE tutti.enrolment)",
                    "CREATE FUNCTION pg_temp.absence_state(boolean, boolean, text) RETURNS text LANGUAGE sql"
                            + " AS $$ SELECT 'PIRATE' $$",
                    "CREATE FUNCTION pg_temp.billing_staff(OUT account_id bigint, OUT site_id bigint) LANGUAGE sql"
                            + " AS $$ SELECT 1::bigint, (SELECT id FROM tutti.site WHERE code = 'MONTFLEURY') $$",
                    "CREATE FUNCTION pg_temp.round(numeric, integer) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::numeric $$",
                    "SET search_path = pg_temp, tutti, public")) {
                scene.put(sql.substring(0, Math.min(60, sql.length())), sqlState(() -> statement.execute(sql)));
            }
            committed(staff, accueil, ABSENCES, belleriveCourse,
                    "[{\"enrolment\": " + belleriveEnrolment + ", \"absent\": true, \"excused\": true, \"reason\": \"Concert\"}]");
            committed(staff, accueil, "SELECT tutti.record_evaluation(?, CURRENT_DATE - 1, 'EXAM', 13.25, NULL, NULL)",
                    belleriveEnrolment);
            assertThat(sqlState(() -> committed(staff, accueil, ABSENCES, montfleuryCourse, absent(montfleuryEnrolment))))
                    .isEqualTo("TU403");
            assertThat(value(staff, "SELECT COUNT(*) FROM pg_temp.absence")).isEqualTo("0");
        }
        assertThat(scene.values()).as("the scene: %s", scene).containsOnly(ACCEPTED);
        assertThat(SqlRows.query(db.dataSource(), "SELECT excused, reason FROM tutti.absence WHERE enrolment_id = ?"
                + " AND absence_date = CURRENT_DATE - 1", belleriveEnrolment)).containsExactly(List.of("true", "Concert"));
        assertThat(SqlRows.query(db.dataSource(), "SELECT after_value FROM tutti.audit_event WHERE kind = 'ABSENCE_RECORDED'"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").get(0).get(0)).endsWith(":\"absence excusée — Concert\"}");
        assertThat(SqlRows.query(db.dataSource(), "SELECT mark FROM tutti.evaluation WHERE enrolment_id = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", belleriveEnrolment)).containsExactly(List.of("13.25"));
    }

    @Test
    void aRecordingLeftOpenMakesAnotherBusyNotWaiting() throws Exception {
        List<Long> before = footprint();
        try (Connection first = connect(db, STAFF); Connection second = connect(db, STAFF)) {
            String accueil = login(first, "BELLERIVE", "ACCUEIL", "bellerive");
            String compta = login(second, "BELLERIVE", "COMPTA", "bellerive");
            first.setAutoCommit(false);
            bindSession(first, accueil);
            value(first, ABSENCES.replace("CURRENT_DATE - 1", "CURRENT_DATE - 2"), belleriveCourse,
                    absent(belleriveEnrolment)); // left open: the enrolment stays locked
            Instant start = Instant.now();
            String state = withinPatience("a second recording while the first is open",
                    () -> attempt(second, compta, ABSENCES.replace("CURRENT_DATE - 1", "CURRENT_DATE - 2"),
                            belleriveCourse, absent(belleriveEnrolment)), first);
            assertThat(state).isEqualTo("TU409");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            first.rollback();
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void theFunctionsAreDefinersThatPinTheirSearchPathWaitTwoSecondsAtMostAndBelongToTheFrontDesk()
            throws SQLException {
        assertThat(SqlRows.query(db.dataSource(), "SELECT p.proname::text, pg_get_userbyid(p.proowner)::text,"
                + " p.prosecdef, array_to_string(p.proconfig, ','),"
                + " has_function_privilege('tutti_family', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_staff', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_relay', p.oid, 'EXECUTE')"
                + " FROM pg_proc p WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname IN ('record_absences',"
                + " 'record_evaluation', 'absence_state') ORDER BY 1")).containsExactly(
                List.of("absence_state", "tutti_owner", "false", "search_path=pg_catalog, tutti, pg_temp", "false",
                        "false", "false"),
                List.of("record_absences", "tutti_owner", "true", "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s",
                        "false", "true", "false"),
                List.of("record_evaluation", "tutti_owner", "true",
                        "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s", "false", "true", "false"));
    }
}
