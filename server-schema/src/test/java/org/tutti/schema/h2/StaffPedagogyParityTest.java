package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The front desk's pedagogy functions (SQL-API.md, "Front desk — pedagogy") alike on H2 and PostgreSQL, called as
 * the client calls them, on PostgreSQL as the login role tutti_staff: the absence rows created, updated and
 * deleted, the evaluation written, the audit rows with their before and after values (the same text on both), and
 * every refusal, which leaves no trace. Each test has a demo school of its own (8 families: F0001–F0005 at
 * BELLERIVE, M0001–M0003 at MONTFLEURY).
 */
@Tag("postgres")
class StaffPedagogyParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";

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

    private LocalDate today() throws SQLException {
        return LocalDate.parse(rows("SELECT CURRENT_DATE").get(0).get(0));
    }

    /** The current year's course of {@code site} with the most students (at least two families at BELLERIVE). */
    private long course(String site) throws SQLException {
        return number("SELECT c.id FROM tutti.course c JOIN tutti.site s ON s.id = c.site_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id"
                + " JOIN tutti.enrolment e ON e.course_id = c.id JOIN tutti.student st ON st.id = e.student_id"
                + " WHERE s.code = ? AND y.is_current GROUP BY c.id HAVING COUNT(DISTINCT st.family_id) >= ?"
                + " ORDER BY COUNT(*) DESC, c.id FETCH FIRST 1 ROWS ONLY", site, site.equals("BELLERIVE") ? 2 : 1);
    }

    /** The course's enrolments, by id. */
    private List<Long> enrolments(long course) throws SQLException {
        return rows("SELECT id FROM tutti.enrolment WHERE course_id = ? ORDER BY id", course).stream()
                .map(r -> Long.parseLong(r.get(0))).toList();
    }

    private long familyOf(long enrolment) throws SQLException {
        return number("SELECT st.family_id FROM tutti.enrolment e JOIN tutti.student st ON st.id = e.student_id"
                + " WHERE e.id = ?", enrolment);
    }

    private String studentOf(long enrolment) throws SQLException {
        return rows("SELECT st.first_name || ' ' || st.last_name FROM tutti.enrolment e JOIN tutti.student st"
                + " ON st.id = e.student_id WHERE e.id = ?", enrolment).get(0).get(0);
    }

    /** {@code SELECT tutti.function(?, …)} in one transaction bound to {@code token}; its value as text. */
    private static String call(ApiClient client, String token, String function, Object... arguments)
            throws SQLException {
        String sql = "SELECT tutti." + function + "(" + String.join(", ", Collections.nCopies(arguments.length, "?")) + ")";
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

    private static String entry(long enrolment, boolean absent, boolean excused, String reason) {
        return "{\"enrolment\": " + enrolment + ", \"absent\": " + absent + ", \"excused\": " + excused
                + ", \"reason\": " + (reason == null ? "null" : "\"" + reason + "\"") + "}";
    }

    private static String array(String... elements) {
        return "[" + String.join(", ", elements) + "]";
    }

    private List<List<String>> absences(long course, LocalDate date) throws SQLException {
        return rows("SELECT a.enrolment_id, a.absence_date, a.start_time, a.duration_minutes, a.excused, a.reason"
                + " FROM tutti.absence a JOIN tutti.enrolment e ON e.id = a.enrolment_id"
                + " WHERE e.course_id = ? AND a.absence_date = ? ORDER BY a.enrolment_id", course, date);
    }

    /** The audit rows of {@code kind}: who, family, detail, before, after. */
    private List<List<String>> audit(String kind) throws SQLException {
        return rows("SELECT a.identifier, e.family_id, e.detail, e.before_value, e.after_value FROM tutti.audit_event e"
                + " JOIN tutti.account a ON a.id = e.account_id WHERE e.kind = ? ORDER BY e.id", kind);
    }

    /** Everything the functions write, to compare before and after refused calls. */
    private List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COUNT(*) FROM tutti.absence"), number("SELECT COALESCE(SUM(version), 0) FROM tutti.absence"),
                number("SELECT COUNT(*) FROM tutti.evaluation"), number("SELECT COUNT(*) FROM tutti.audit_event"));
    }

    private static String aFamilyIsRefused(DatabaseVendor vendor, String function) {
        return vendor == DatabaseVendor.POSTGRESQL ? "42501 permission denied for function " + function : "TU403 forbidden";
    }

    private static void assertRefusals(Map<String, Object[]> refusals, ApiClient client, String token, String function) {
        for (Map.Entry<String, Object[]> refusal : refusals.entrySet()) {
            assertThat(raised(() -> call(client, token, function, refusal.getValue()))).as(refusal.getKey())
                    .isEqualTo(refusal.getKey().strip());
        }
    }

    // ------------------------------------------------------------------------------------------ record_absences

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void absencesOfADateAreCreatedUpdatedAndDeletedWithOneAuditRowPerFamilyConcerned(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long course = course("BELLERIVE");
        List<Long> enrolments = enrolments(course);
        assertThat(enrolments).hasSizeGreaterThanOrEqualTo(2);
        long first = enrolments.get(0);
        long second = enrolments.get(1);
        LocalDate day = today().minusDays(3);
        List<String> slot = rows("SELECT start_time, duration_minutes FROM tutti.course WHERE id = ?", course).get(0);
        assertThat(absences(course, day)).isEmpty();
        int before = audit("ABSENCE_RECORDED").size();

        // two absent (one excused, with a reason), the others present
        List<String> entries = new ArrayList<>();
        entries.add(entry(first, true, true, "  Malade\u200b "));
        entries.add(entry(second, true, false, null));
        for (long other : enrolments.subList(2, enrolments.size())) {
            entries.add(entry(other, false, false, null));
        }
        assertThat(call(staff, accueil, "record_absences", course, day, array(entries.toArray(String[]::new))))
                .isEqualTo("2");
        assertThat(absences(course, day)).containsExactly(
                List.of(String.valueOf(first), day.toString(), slot.get(0), slot.get(1), "true", "Malade"),
                List.of(String.valueOf(second), day.toString(), slot.get(0), slot.get(1), "false", "null"));
        String detail = "Absences du " + String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear())
                + " saisies (" + rows("SELECT d.name FROM tutti.course c JOIN tutti.discipline d ON d.id = c.discipline_id"
                + " WHERE c.id = ?", course).get(0).get(0) + ")";
        List<List<String>> recorded = audit("ABSENCE_RECORDED").subList(before, audit("ABSENCE_RECORDED").size());
        if (familyOf(first) == familyOf(second)) {
            assertThat(recorded).containsExactly(List.of("ACCUEIL", String.valueOf(familyOf(first)), detail,
                    "{\"" + studentOf(first) + "\":\"aucune absence\",\"" + studentOf(second) + "\":\"aucune absence\"}",
                    "{\"" + studentOf(first) + "\":\"absence excusée — Malade\",\"" + studentOf(second)
                            + "\":\"absence non excusée\"}"));
        } else {
            assertThat(recorded).containsExactly(
                    List.of("ACCUEIL", String.valueOf(familyOf(first)), detail,
                            "{\"" + studentOf(first) + "\":\"aucune absence\"}",
                            "{\"" + studentOf(first) + "\":\"absence excusée — Malade\"}"),
                    List.of("ACCUEIL", String.valueOf(familyOf(second)), detail,
                            "{\"" + studentOf(second) + "\":\"aucune absence\"}",
                            "{\"" + studentOf(second) + "\":\"absence non excusée\"}"));
        }

        // the same date again: the first is present after all (deleted), the second gets a reason
        // (updated, version + 1); a student left as he was writes no audit row
        long secondId = number("SELECT id FROM tutti.absence WHERE enrolment_id = ? AND absence_date = ?", second, day);
        int afterFirst = audit("ABSENCE_RECORDED").size();
        assertThat(call(staff, accueil, "record_absences", course, day, array(entry(first, false, true, "ignored"),
                entry(second, true, false, "Retard de train")))).isEqualTo("1");
        assertThat(absences(course, day)).containsExactly(
                List.of(String.valueOf(second), day.toString(), slot.get(0), slot.get(1), "false", "Retard de train"));
        assertThat(rows("SELECT id, version FROM tutti.absence WHERE enrolment_id = ? AND absence_date = ?", second, day))
                .containsExactly(List.of(String.valueOf(secondId), "1"));
        List<List<String>> changed = audit("ABSENCE_RECORDED").subList(afterFirst, audit("ABSENCE_RECORDED").size());
        assertThat(changed).extracting(r -> r.get(4)).containsExactlyInAnyOrderElementsOf(familyOf(first) == familyOf(second)
                ? List.of("{\"" + studentOf(first) + "\":\"aucune absence\",\"" + studentOf(second)
                        + "\":\"absence non excusée — Retard de train\"}")
                : List.of("{\"" + studentOf(first) + "\":\"aucune absence\"}",
                        "{\"" + studentOf(second) + "\":\"absence non excusée — Retard de train\"}"));

        // nothing changed: no row touched, no audit row
        List<Long> footprint = footprint();
        assertThat(call(staff, accueil, "record_absences", course, day, array(entry(second, true, false, "Retard de train"))))
                .isEqualTo("1");
        assertThat(footprint()).isEqualTo(footprint);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void absencesAreRefusedForAnyoneButTheCoursesFrontDeskAndForAnyWrongEntryLeavingNoTrace(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient other = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long course = course("BELLERIVE");
        long montfleury = course("MONTFLEURY");
        long enrolment = enrolments(course).get(0);
        long foreign = enrolments(montfleury).get(0);
        LocalDate day = today().minusDays(1);
        String good = array(entry(enrolment, true, false, null));
        LocalDate yearStart = LocalDate.parse(rows("SELECT y.start_date FROM tutti.course c JOIN tutti.school_year y"
                + " ON y.id = c.school_year_id WHERE c.id = ?", course).get(0).get(0));
        List<Long> before = footprint();

        assertThat(raised(() -> call(staff, null, "record_absences", course, day, good))).isEqualTo("TU401 no session");
        assertThat(raised(() -> call(family, f0001, "record_absences", course, day, good)))
                .isEqualTo(aFamilyIsRefused(vendor, "record_absences"));
        // another site's course answers exactly like a missing one
        assertThat(raised(() -> call(other, secretariat, "record_absences", course, day, good))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "record_absences", montfleury, day,
                array(entry(foreign, true, false, null))))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "record_absences", 999_999_999L, day, good))).isEqualTo("TU403 forbidden");

        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("TU422 invalid:absence_date", new Object[] {course, today().plusDays(1), good});
        refusals.put("TU422 invalid:absence_date ", new Object[] {course, yearStart.minusDays(1), good});
        refusals.put("TU422 invalid:entries", new Object[] {course, day, "not json"});
        refusals.put("TU422 invalid:entries ", new Object[] {course, day, "[]"});
        refusals.put("TU422 invalid:entries  ", new Object[] {course, day, "{\"enrolment\": 1}"});
        refusals.put("TU422 invalid:entries   ", new Object[] {course, day, "[1]"});
        refusals.put("TU422 invalid:enrolment", new Object[] {course, day, array(entry(foreign, true, false, null))});
        refusals.put("TU422 invalid:enrolment ", new Object[] {course, day,
                array(entry(enrolment, true, false, null), entry(enrolment, false, false, null))});
        refusals.put("TU422 invalid:enrolment  ", new Object[] {course, day,
                "[{\"enrolment\": \"" + enrolment + "\", \"absent\": true}]"});
        refusals.put("TU422 invalid:absent", new Object[] {course, day, "[{\"enrolment\": " + enrolment + "}]"});
        refusals.put("TU422 invalid:absent ", new Object[] {course, day,
                "[{\"enrolment\": " + enrolment + ", \"absent\": \"yes\"}]"});
        refusals.put("TU422 invalid:excused", new Object[] {course, day,
                "[{\"enrolment\": " + enrolment + ", \"absent\": true, \"excused\": 1}]"});
        refusals.put("TU422 invalid:reason", new Object[] {course, day,
                "[{\"enrolment\": " + enrolment + ", \"absent\": true, \"reason\": 12}]"});
        refusals.put("TU422 too_long:reason:400", new Object[] {course, day,
                array(entry(enrolment, true, true, "é".repeat(401)))});
        assertRefusals(refusals, staff, accueil, "record_absences");
        // 400 characters are fine (accents count as one)
        assertThat(call(staff, accueil, "record_absences", course, day, array(entry(enrolment, true, true, "é".repeat(400)))))
                .isEqualTo("1");
        assertThat(footprint().get(0)).isEqualTo(before.get(0) + 1);
        assertThat(footprint().get(3)).isEqualTo(before.get(3) + 1);
    }

    // ------------------------------------------------------------------------------------------ record_evaluation

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anEvaluationIsWrittenByTheCoursesTeacherWithItsAudit(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long course = course("BELLERIVE");
        long enrolment = enrolments(course).get(0);
        LocalDate day = today().minusDays(2);

        long id = Long.parseLong(call(staff, accueil, "record_evaluation", enrolment, day, "MIDTERM",
                new BigDecimal("15.5"), null, "  Très beau \"legato\"\u200b "));
        assertThat(rows("SELECT e.enrolment_id, e.teacher_id, e.evaluation_date, e.kind, e.mark, e.mention, e.appreciation"
                + " FROM tutti.evaluation e WHERE e.id = ?", id)).containsExactly(List.of(String.valueOf(enrolment),
                rows("SELECT teacher_id FROM tutti.course WHERE id = ?", course).get(0).get(0), day.toString(), "MIDTERM",
                "15.50", "null", "Très beau \"legato\""));
        long mentionOnly = Long.parseLong(call(staff, accueil, "record_evaluation", enrolment, day, "AUDITION", null,
                "Très bien", null));
        assertThat(rows("SELECT mark, mention, appreciation FROM tutti.evaluation WHERE id = ?", mentionOnly))
                .containsExactly(List.of("null", "Très bien", "null"));
        String discipline = rows("SELECT d.name FROM tutti.course c JOIN tutti.discipline d ON d.id = c.discipline_id"
                + " WHERE c.id = ?", course).get(0).get(0);
        String student = studentOf(enrolment);
        assertThat(audit("EVALUATION_RECORDED")).containsExactly(
                List.of("ACCUEIL", String.valueOf(familyOf(enrolment)), "Évaluation saisie (" + discipline + ", " + student + ")",
                        "null", "{\"student\":\"" + student + "\",\"date\":\"" + day + "\",\"kind\":\"MIDTERM\","
                                + "\"mark\":\"15.50\",\"mention\":null,\"appreciation\":\"Très beau \\\"legato\\\"\"}"),
                List.of("ACCUEIL", String.valueOf(familyOf(enrolment)), "Évaluation saisie (" + discipline + ", " + student + ")",
                        "null", "{\"student\":\"" + student + "\",\"date\":\"" + day + "\",\"kind\":\"AUDITION\","
                                + "\"mark\":null,\"mention\":\"Très bien\",\"appreciation\":null}"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anEvaluationIsRefusedForAnyoneButTheCoursesFrontDeskAndForAnyWrongValueLeavingNoTrace(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient other = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long enrolment = enrolments(course("BELLERIVE")).get(0);
        long foreign = enrolments(course("MONTFLEURY")).get(0);
        LocalDate day = today().minusDays(1);
        BigDecimal twelve = new BigDecimal("12");
        List<Long> before = footprint();

        assertThat(raised(() -> call(staff, null, "record_evaluation", enrolment, day, "EXAM", twelve, null, null)))
                .isEqualTo("TU401 no session");
        assertThat(raised(() -> call(family, f0001, "record_evaluation", enrolment, day, "EXAM", twelve, null, null)))
                .isEqualTo(aFamilyIsRefused(vendor, "record_evaluation"));
        assertThat(raised(() -> call(other, secretariat, "record_evaluation", enrolment, day, "EXAM", twelve, null, null)))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "record_evaluation", foreign, day, "EXAM", twelve, null, null)))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "record_evaluation", 999_999_999L, day, "EXAM", twelve, null, null)))
                .isEqualTo("TU403 forbidden");
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("TU422 invalid:kind", new Object[] {enrolment, day, "QUIZ", twelve, null, null});
        refusals.put("TU422 invalid:kind ", new Object[] {enrolment, day, null, twelve, null, null});
        refusals.put("TU422 invalid:evaluation_date", new Object[] {enrolment, today().plusDays(1), "EXAM", twelve, null, null});
        refusals.put("TU422 invalid:evaluation_date ", new Object[] {enrolment, LocalDate.of(2001, 1, 1), "EXAM", twelve, null, null});
        refusals.put("TU422 invalid:mark", new Object[] {enrolment, day, "EXAM", new BigDecimal("20.01"), null, null});
        refusals.put("TU422 invalid:mark ", new Object[] {enrolment, day, "EXAM", new BigDecimal("-1"), null, null});
        refusals.put("TU422 invalid:mark  ", new Object[] {enrolment, day, "EXAM", new BigDecimal("12.345"), null, null});
        refusals.put("TU422 invalid:mark   ", new Object[] {enrolment, day, "EXAM", null, "  ", "Bien"});
        refusals.put("TU422 too_long:mention:40", new Object[] {enrolment, day, "EXAM", null, "x".repeat(41), null});
        refusals.put("TU422 too_long:appreciation:4000", new Object[] {enrolment, day, "EXAM", twelve, null, "é".repeat(4001)});
        assertRefusals(refusals, staff, accueil, "record_evaluation");
        assertThat(footprint()).isEqualTo(before);
    }
}
