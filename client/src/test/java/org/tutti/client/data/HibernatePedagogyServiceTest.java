package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Élèves › Cours, Historique, Répertoire and the follow-up window, compared with what plain SQL
 * (as the superuser) finds; on PostgreSQL the service runs as {@code tutti_family} /
 * {@code tutti_staff}. Read-only: any demo account will do.
 */
@Tag("postgres")
class HibernatePedagogyServiceTest {

    private static final String CURRENT_YEAR = "2026-2027";

    /** Sheet columns a user sees, in the order the tuples of {@link #tuple(CourseSheet)} list them. */
    private static final String SHEET_COLUMNS = "select e.id, y.label, dep.name, d.name, c.class_label,"
            + " t.first_name || ' ' || t.last_name, c.day_of_week, r.name, e.status,"
            + " (select count(*) from tutti.evaluation v where v.enrolment_id = e.id),"
            + " (select count(*) from tutti.absence a where a.enrolment_id = e.id and a.excused = true),"
            + " (select count(*) from tutti.absence a where a.enrolment_id = e.id and a.excused = false)"
            + " from tutti.enrolment e"
            + " join tutti.course c on c.id = e.course_id"
            + " join tutti.school_year y on y.id = c.school_year_id"
            + " join tutti.discipline d on d.id = c.discipline_id"
            + " join tutti.department dep on dep.id = d.department_id"
            + " join tutti.teacher t on t.id = c.teacher_id"
            + " left join tutti.room r on r.id = c.room_id"
            + " where e.student_id = ?";
    private static final String EXPECTED_CURRENT = SHEET_COLUMNS
            + " and y.is_current = true and e.status <> 'WITHDRAWN' order by c.day_of_week, c.start_time, e.id";
    private static final String EXPECTED_HISTORY = SHEET_COLUMNS
            + " and y.start_date < (select cy.start_date from tutti.school_year cy where cy.is_current)"
            + " order by y.start_date desc, dep.name, d.name, e.id";
    private static final String EXPECTED_EVALUATIONS = "select v.id, v.evaluation_date, v.kind, v.mark, v.mention,"
            + " t.first_name || ' ' || t.last_name, v.appreciation from tutti.evaluation v"
            + " join tutti.teacher t on t.id = v.teacher_id"
            + " where v.enrolment_id = ? order by v.evaluation_date, v.id";
    private static final String EXPECTED_ABSENCES = "select a.id, a.absence_date, a.start_time, a.duration_minutes,"
            + " a.excused, a.reason from tutti.absence a where a.enrolment_id = ?"
            + " order by a.absence_date, a.start_time, a.id";
    private static final String EXPECTED_REPERTOIRE = "select p.id, m.id, m.title, m.event_date, p.piece, p.composer"
            + " from tutti.event_participation p join tutti.musical_event m on m.id = p.event_id"
            + " where p.student_id = ? order by m.event_date desc, p.id";

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static DatabaseBackend familyBackend(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend();
    }

    private static UserSession login(DatabaseBackend backend, String site, String identifier) {
        String password = site.toLowerCase(java.util.Locale.ROOT);
        return backend.auth().login(site, identifier, password.toCharArray())
                .orElseThrow(() -> new AssertionError(site + "/" + identifier + " cannot log in"));
    }

    private static List<Long> studentsOf(Sql sql, String site, String familyIdentifier) {
        return longs(sql.column("select s.id from tutti.student s join tutti.family f on f.id = s.family_id"
                + " join tutti.site x on x.id = f.site_id where x.code = ? and f.identifier = ? order by s.id",
                site, familyIdentifier));
    }

    private static List<Long> enrolmentsOf(Sql sql, String site, String familyIdentifier) {
        return longs(sql.column("select e.id from tutti.enrolment e join tutti.student s on s.id = e.student_id"
                + " join tutti.family f on f.id = s.family_id join tutti.site x on x.id = f.site_id"
                + " where x.code = ? and f.identifier = ? order by e.id", site, familyIdentifier));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilySeesEachOfItsStudentsCoursesHistoryAndRepertoireAsTheDatabaseHoldsThem(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        DatabaseBackend backend = familyBackend(vendor);
        UserSession session = login(backend, "BELLERIVE", "F0001");
        List<Long> students = studentsOf(sql, "BELLERIVE", "F0001");
        assertThat(students).hasSizeGreaterThanOrEqualTo(2);

        List<StudentPedagogy> all = new ArrayList<>();
        for (long studentId : students) {
            StudentPedagogy pedagogy = backend.pedagogy().pedagogy(session, studentId);
            all.add(pedagogy);
            assertThat(pedagogy.studentId()).isEqualTo(studentId);
            assertThat(pedagogy.currentCourses()).extracting(HibernatePedagogyServiceTest::tuple).as("current courses")
                    .containsExactlyElementsOf(rows(vendor, EXPECTED_CURRENT, studentId));
            assertThat(pedagogy.history()).extracting(HibernatePedagogyServiceTest::tuple).as("history")
                    .containsExactlyElementsOf(rows(vendor, EXPECTED_HISTORY, studentId));
            assertThat(pedagogy.repertoire()).extracting(HibernatePedagogyServiceTest::tuple).as("repertoire")
                    .containsExactlyElementsOf(rows(vendor, EXPECTED_REPERTOIRE, studentId));

            assertThat(pedagogy.currentCourses()).allSatisfy(sheet -> {
                assertThat(sheet.schoolYear()).isEqualTo(CURRENT_YEAR);
                assertThat(sheet.studentId()).isEqualTo(studentId);
            });
            assertThat(pedagogy.history()).allSatisfy(sheet -> assertThat(sheet.schoolYear()).isNotEqualTo(CURRENT_YEAR));
            assertThat(pedagogy.history()).extracting(CourseSheet::yearStart)
                    .isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(pedagogy.history()).extracting(CourseSheet::schoolYear).as("every earlier year")
                    .containsAll(strings(sql.column("select distinct y.label from tutti.enrolment e"
                            + " join tutti.course c on c.id = e.course_id"
                            + " join tutti.school_year y on y.id = c.school_year_id"
                            + " where e.student_id = ? and y.start_date"
                            + " < (select cy.start_date from tutti.school_year cy where cy.is_current)", studentId)));
        }
        // the comparisons above must have had something to compare
        List<CourseSheet> history = all.stream().flatMap(p -> p.history().stream()).toList();
        assertThat(all).anySatisfy(p -> assertThat(p.currentCourses()).isNotEmpty());
        assertThat(history.stream().map(CourseSheet::schoolYear).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(all).anySatisfy(p -> assertThat(p.repertoire()).isNotEmpty());
        assertThat(history).anySatisfy(s -> assertThat(s.evaluationCount()).isPositive());
        // the demo records absences in this year's sheets and in earlier years' ones
        assertThat(all).flatMap(StudentPedagogy::currentCourses)
                .anySatisfy(s -> assertThat(s.absenceCount()).isPositive());
        assertThat(history).anySatisfy(s -> assertThat(s.absenceCount()).isPositive());
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theFollowUpListsExactlyTheSheetsEvaluationsAndAbsencesOldestFirst(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        DatabaseBackend backend = familyBackend(vendor);
        UserSession session = login(backend, "BELLERIVE", "F0001");
        // the family's sheet with the longest appreciation, which must come back whole
        long enrolmentId = ((Number) sql.column("select v.enrolment_id from tutti.evaluation v"
                + " join tutti.enrolment e on e.id = v.enrolment_id join tutti.student s on s.id = e.student_id"
                + " where s.family_id = ? and v.appreciation is not null"
                + " order by length(v.appreciation) desc, v.id", session.familyId()).get(0)).longValue();
        String longestAppreciation = (String) sql.column("select appreciation from tutti.evaluation"
                + " where enrolment_id = ? and appreciation is not null order by length(appreciation) desc",
                enrolmentId).get(0);

        CourseFollowUp followUp = backend.pedagogy().followUp(session, enrolmentId);

        assertThat(followUp.evaluations()).extracting(HibernatePedagogyServiceTest::tuple)
                .containsExactlyElementsOf(rows(vendor, EXPECTED_EVALUATIONS, enrolmentId));
        assertThat(followUp.absences()).extracting(HibernatePedagogyServiceTest::tuple)
                .containsExactlyElementsOf(rows(vendor, EXPECTED_ABSENCES, enrolmentId));
        assertThat(followUp.evaluations()).extracting(EvaluationLine::appreciation).contains(longestAppreciation);
        assertThat(longestAppreciation).hasSizeGreaterThan(150);

        CourseSheet sheet = followUp.sheet();
        assertThat(tuple(sheet)).isEqualTo(rows(vendor, SHEET_COLUMNS + " and e.id = ?",
                sql.value("select student_id from tutti.enrolment where id = ?", enrolmentId), enrolmentId).get(0));
        assertThat(sheet.evaluationCount()).isEqualTo(followUp.evaluations().size()).isPositive();
        assertThat(sheet.excusedAbsences()).isEqualTo(followUp.absences().stream().filter(AbsenceLine::excused).count());
        // the same sheet as listed by pedagogy(), counts included
        StudentPedagogy pedagogy = backend.pedagogy().pedagogy(session, sheet.studentId());
        assertThat(concat(pedagogy.currentCourses(), pedagogy.history())).contains(sheet);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilyCannotReadAnotherFamilysStudentsOrSheets(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        DatabaseBackend backend = familyBackend(vendor);
        UserSession session = login(backend, "BELLERIVE", "F0001");
        long sameSiteStudent = studentsOf(sql, "BELLERIVE", "F0002").get(0);
        long otherSiteStudent = studentsOf(sql, "MONTFLEURY", "M0001").get(0);
        long sameSiteEnrolment = enrolmentsOf(sql, "BELLERIVE", "F0002").get(0);
        long otherSiteEnrolment = enrolmentsOf(sql, "MONTFLEURY", "M0001").get(0);
        long noSuchId = sql.count("select max(id) + 1000 from tutti.enrolment")
                + sql.count("select max(id) + 1000 from tutti.student");

        for (long studentId : List.of(sameSiteStudent, otherSiteStudent, noSuchId)) {
            assertNotFound(() -> backend.pedagogy().pedagogy(session, studentId));
        }
        for (long enrolmentId : List.of(sameSiteEnrolment, otherSiteEnrolment, noSuchId)) {
            assertNotFound(() -> backend.pedagogy().followUp(session, enrolmentId));
        }
        // and the other family still sees its own
        UserSession other = login(backend, "BELLERIVE", "F0002");
        assertThat(backend.pedagogy().pedagogy(other, sameSiteStudent).studentId()).isEqualTo(sameSiteStudent);
        assertThat(backend.pedagogy().followUp(other, sameSiteEnrolment).sheet().enrolmentId())
                .isEqualTo(sameSiteEnrolment);
    }

    /** Below the service, row-level security hides another family's pedagogical rows from tutti_family. */
    @Test
    void onPostgresqlRowLevelSecurityHidesAnotherFamilysPedagogicalRows() throws SQLException {
        SeededDatabases.Seeded seeded = SeededDatabases.get(DatabaseVendor.POSTGRESQL);
        Sql sql = new Sql(seeded.db().dataSource());
        UserSession session = login(seeded.familyBackend(), "BELLERIVE", "F0001");
        long ownStudent = studentsOf(sql, "BELLERIVE", "F0001").get(0);
        long otherStudent = studentsOf(sql, "BELLERIVE", "F0002").get(0);
        long otherEnrolment = ((Number) sql.column("select v.enrolment_id from tutti.evaluation v"
                + " join tutti.enrolment e on e.id = v.enrolment_id where e.student_id = ?", otherStudent).get(0))
                .longValue();

        try (Connection family = TestDatabases.connectAs(seeded.db(), "tutti_family", SeededDatabases.ROLE_PASSWORD)) {
            family.setAutoCommit(false);
            try (PreparedStatement bind = family.prepareStatement(SqlSessionBinder.BIND)) {
                bind.setString(1, session.token());
                bind.executeQuery().close();
            }
            assertThat(count(family, "select count(*) from tutti.enrolment where student_id = ?", ownStudent))
                    .as("own student's enrolments").isPositive();
            assertThat(count(family, "select count(*) from tutti.enrolment where student_id = ?", otherStudent)).isZero();
            assertThat(count(family, "select count(*) from tutti.evaluation where enrolment_id = ?", otherEnrolment))
                    .isZero();
            assertThat(count(family, "select count(*) from tutti.absence where enrolment_id = ?", otherEnrolment))
                    .isZero();
            assertThat(count(family, "select count(*) from tutti.event_participation where student_id <> all"
                    + " (select id from tutti.student)")).as("participations of students not visible").isZero();
            assertThat(count(family, "select count(*) from tutti.student")).isEqualTo(
                    studentsOf(sql, "BELLERIVE", "F0001").size());
            family.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theFrontDeskSeesTheStudentsOfItsSiteOnly(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        DatabaseBackend backend = SeededDatabases.get(vendor).staffBackend();
        UserSession staff = login(backend, "BELLERIVE", "ACCUEIL");
        long bellerive = studentsOf(sql, "BELLERIVE", "F0001").get(0);

        StudentPedagogy pedagogy = backend.pedagogy().pedagogy(staff, bellerive);

        assertThat(pedagogy.history()).extracting(HibernatePedagogyServiceTest::tuple)
                .containsExactlyElementsOf(rows(vendor, EXPECTED_HISTORY, bellerive));
        assertThat(backend.pedagogy().followUp(staff, enrolmentsOf(sql, "BELLERIVE", "F0001").get(0))).isNotNull();
        assertNotFound(() -> backend.pedagogy().pedagogy(staff, studentsOf(sql, "MONTFLEURY", "M0001").get(0)));
        assertNotFound(() -> backend.pedagogy().followUp(staff, enrolmentsOf(sql, "MONTFLEURY", "M0001").get(0)));
    }

    /**
     * A course of next year, enrolled in advance (re-enrolment), is neither this year's course nor
     * history. The staff session reads F0003's first student; the enrolment is removed afterwards.
     */
    @ParameterizedTest
    @MethodSource("vendors")
    void aSheetOfNextYearIsNeitherACurrentCourseNorHistory(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long studentId = studentsOf(sql, "BELLERIVE", "F0003").get(0);
        Object nextYear = sql.value("select id from tutti.school_year where label = '2027-2028'");
        DatabaseBackend backend = SeededDatabases.get(vendor).staffBackend();
        UserSession desk = login(backend, "BELLERIVE", "ACCUEIL");
        StudentPedagogy before = backend.pedagogy().pedagogy(desk, studentId);
        // next year's edition of one of this year's courses, and the student enrolled in it
        sql.update("insert into tutti.course (site_id, school_year_id, discipline_id, cycle_id, teacher_id, room_id,"
                + " class_label, kind, day_of_week, start_time, duration_minutes)"
                + " select site_id, ?, discipline_id, cycle_id, teacher_id, room_id, class_label, kind, day_of_week,"
                + " start_time, duration_minutes from tutti.course where id = ?",
                nextYear, sql.value("select min(e.course_id) from tutti.enrolment e where e.student_id = ?", studentId));
        Object course = sql.value("select max(id) from tutti.course");
        sql.update("insert into tutti.enrolment (student_id, course_id, status, enrolled_on)"
                + " values (?, ?, 'ACTIVE', date '2026-11-20')", studentId, course);
        try {
            StudentPedagogy after = backend.pedagogy().pedagogy(desk, studentId);

            assertThat(after.currentCourses()).isEqualTo(before.currentCourses());
            assertThat(after.history()).isEqualTo(before.history());
            assertThat(after.history()).noneSatisfy(sheet -> assertThat(sheet.schoolYear()).isEqualTo("2027-2028"));
        } finally {
            sql.update("delete from tutti.enrolment where student_id = ? and course_id = ?", studentId, course);
            sql.update("delete from tutti.course where id = ?", course);
        }
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theNumberOfStatementsDoesNotGrowWithTheHistory(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        Sql sql = sql(vendor);
        DatabaseBackend backend = seeded.staffBackend();
        UserSession staff = login(backend, "BELLERIVE", "ACCUEIL");
        List<Long> byHistorySize = longs(sql.column("select e.student_id from tutti.enrolment e"
                + " join tutti.student s on s.id = e.student_id join tutti.family f on f.id = s.family_id"
                + " join tutti.site x on x.id = f.site_id where x.code = 'BELLERIVE'"
                + " group by e.student_id order by count(*) desc, e.student_id"));
        long longest = byHistorySize.get(0);
        long shortest = byHistorySize.get(byHistorySize.size() - 1);
        Statistics statistics = seeded.staff().sessionFactory().getStatistics();

        List<Integer> historySizes = new ArrayList<>();
        for (long studentId : List.of(shortest, longest)) {
            statistics.clear();
            StudentPedagogy pedagogy = backend.pedagogy().pedagogy(staff, studentId);
            historySizes.add(pedagogy.history().size());
            // the student, the sheets, their counts, the repertoire (the binder's statements run on
            // the JDBC connection itself and are not counted)
            assertThat(statistics.getPrepareStatementCount()).as("student " + studentId).isEqualTo(4);
        }
        assertThat(historySizes.get(1)).isGreaterThan(historySizes.get(0) + 3);

        statistics.clear();
        backend.pedagogy().followUp(staff, longs(sql.column("select id from tutti.enrolment where student_id = ?",
                longest)).get(0));
        assertThat(statistics.getPrepareStatementCount()).as("follow-up: sheet, evaluations, absences").isEqualTo(3);
    }


    /**
     * The embedded demo as users get it ({@value DemoDataGenerator#DEMO_FAMILIES} families, both
     * sites), on a database of its own (the logins must not disturb the shared one's account
     * tests): every family logs in, and each of its students' three lists, and the follow-up of
     * each of this year's courses, equal the database's rows.
     */
    @Test
    void everyStudentOfTheFullDemoShowsTheDatabasesRows() throws SQLException {
        TestDatabase db = TestDatabases.fresh(DatabaseVendor.H2);
        new SchemaMigrator(db.dataSource(), DatabaseVendor.H2).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, DemoDataGenerator.DEMO_FAMILIES)
                .generate(db.dataSource(), DemoProgress.NONE);
        DataSource plain = db.dataSource();
        Sql sql = new Sql(plain);
        int students = 0;
        int followUps = 0;
        try (Database database = Database.open(db.url(), db.user(), db.password(), Entities.ALL, Map.of())) {
            DatabaseBackend backend = new DatabaseBackend(database, false, () -> { });
            for (List<Object> family : rows(plain, "select x.code, f.identifier from tutti.family f"
                    + " join tutti.site x on x.id = f.site_id order by x.code, f.identifier")) {
                String site = (String) family.get(0);
                String identifier = (String) family.get(1);
                UserSession session = login(backend, site, identifier);
                for (long studentId : studentsOf(sql, site, identifier)) {
                    StudentPedagogy pedagogy = backend.pedagogy().pedagogy(session, studentId);
                    String who = site + "/" + identifier + " student " + studentId;
                    assertThat(pedagogy.currentCourses()).extracting(HibernatePedagogyServiceTest::tuple).as(who)
                            .containsExactlyElementsOf(rows(plain, EXPECTED_CURRENT, studentId));
                    assertThat(pedagogy.history()).extracting(HibernatePedagogyServiceTest::tuple).as(who)
                            .containsExactlyElementsOf(rows(plain, EXPECTED_HISTORY, studentId));
                    assertThat(pedagogy.repertoire()).extracting(HibernatePedagogyServiceTest::tuple).as(who)
                            .containsExactlyElementsOf(rows(plain, EXPECTED_REPERTOIRE, studentId));
                    for (CourseSheet sheet : pedagogy.currentCourses()) {
                        CourseFollowUp followUp = backend.pedagogy().followUp(session, sheet.enrolmentId());
                        assertThat(followUp.sheet()).as(who).isEqualTo(sheet);
                        assertThat(followUp.evaluations()).extracting(HibernatePedagogyServiceTest::tuple).as(who)
                                .containsExactlyElementsOf(rows(plain, EXPECTED_EVALUATIONS, sheet.enrolmentId()));
                        assertThat(followUp.absences()).extracting(HibernatePedagogyServiceTest::tuple).as(who)
                                .containsExactlyElementsOf(rows(plain, EXPECTED_ABSENCES, sheet.enrolmentId()));
                        followUps++;
                    }
                    students++;
                }
            }
        }
        assertThat(students).isGreaterThan(DemoDataGenerator.DEMO_FAMILIES);
        assertThat(followUps).isGreaterThan(students);
    }

    @Test
    void noSessionIsARefusalNotAQuery() {
        DatabaseBackend backend = familyBackend(DatabaseVendor.H2);
        assertThatThrownBy(() -> backend.pedagogy().pedagogy(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backend.pedagogy().followUp(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
    }

    // ---------------------------------------------------------------- comparable tuples

    private static List<Object> tuple(CourseSheet s) {
        return normalised(s.enrolmentId(), s.schoolYear(), s.department(), s.discipline(), s.classLabel(),
                s.teacher(), s.day().getValue(), s.room(), s.status().name(), s.evaluationCount(),
                s.excusedAbsences(), s.unexcusedAbsences());
    }

    private static List<Object> tuple(RepertoireLine r) {
        return normalised(r.participationId(), r.eventId(), r.eventTitle(), r.date(), r.piece(), r.composer());
    }

    private static List<Object> tuple(EvaluationLine e) {
        return normalised(e.id(), e.date(), e.kind().name(), e.mark(), e.mention(), e.teacher(), e.appreciation());
    }

    private static List<Object> tuple(AbsenceLine a) {
        return normalised(a.id(), a.date(), a.startTime(), a.durationMinutes(), a.excused(), a.reason());
    }

    /** Numbers as longs (decimals as plain strings), dates and times as ISO text: JDBC and Java agree. */
    private static List<Object> normalised(Object... values) {
        List<Object> tuple = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof java.math.BigDecimal decimal) {
                tuple.add(decimal.stripTrailingZeros().toPlainString());
            } else if (value instanceof Number number) {
                tuple.add(number.longValue());
            } else if (value instanceof java.sql.Date date) {
                tuple.add(date.toLocalDate().toString());
            } else if (value instanceof java.sql.Time time) {
                tuple.add(time.toLocalTime().toString());
            } else {
                tuple.add(value == null ? null : value.toString());
            }
        }
        return tuple;
    }

    /** Every row of {@code sql} as the superuser, each a {@linkplain #normalised normalised} tuple. */
    private static List<List<Object>> rows(DatabaseVendor vendor, String sql, Object... parameters) {
        return rows(SeededDatabases.get(vendor).db().dataSource(), sql, parameters);
    }

    private static List<List<Object>> rows(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(normalised(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> longs(List<Object> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
