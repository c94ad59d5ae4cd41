package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Collator;
import java.util.List;
import java.util.Locale;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.data.entity.Site;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.StudentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/** Accueil for a family and for the front desk, compared with what plain SQL finds. */
@Tag("postgres")
class HibernateHomeServiceTest {

    /** Current-year courses of one student, as the family sees them. */
    private static final String CURRENT_COURSES = "select count(*) from tutti.enrolment e"
            + " join tutti.course c on c.id = e.course_id"
            + " join tutti.school_year y on y.id = c.school_year_id"
            + " where e.student_id = ? and y.is_current = true and e.status <> 'WITHDRAWN'";

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static DatabaseBackend backend(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilySeesItsOwnStudentsAndTheirCurrentCourses(DatabaseVendor vendor) {
        Sql sql = new Sql(SeededDatabases.get(vendor).db().dataSource());
        DatabaseBackend backend = backend(vendor);
        UserSession session = backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray()).orElseThrow();

        FamilyHome home = backend.home().familyHome(session);

        List<Long> expectedStudents = sql.column("select id from tutti.student where family_id = ?", session.familyId())
                .stream().map(id -> ((Number) id).longValue()).toList();
        assertThat(expectedStudents).hasSizeGreaterThanOrEqualTo(2);
        assertThat(home.students()).extracting(StudentSummary::id).containsExactlyInAnyOrderElementsOf(expectedStudents);
        assertThat(home.lastName()).isEqualTo(sql.value("select last_name from tutti.family where id = ?", session.familyId()));
        assertThat(home.civility()).isIn("M", "MME");
        assertThat(home.siteName()).isEqualTo("Conservatoire de Bellerive");
        assertThat(home.schoolYear()).isEqualTo("2026-2027");

        Collator french = Collator.getInstance(Locale.FRENCH);
        assertThat(home.students()).extracting(StudentSummary::firstName).isSortedAccordingTo(french);
        for (StudentSummary student : home.students()) {
            assertThat((long) student.currentCourses().size()).as(student.firstName())
                    .isEqualTo(sql.count(CURRENT_COURSES, student.id()));
            for (CourseSummary course : student.currentCourses()) {
                assertThat(course.discipline()).isNotBlank();
                assertThat(course.classLabel()).isNotBlank();
                assertThat(course.teacher()).matches("\\S.* \\S.*");
                assertThat(course.startTime()).isNotNull();
                assertThat(course.durationMinutes()).isPositive();
                assertThat(sql.count("select e.student_id from tutti.enrolment e where e.id = ?", course.enrolmentId()))
                        .isEqualTo(student.id());
            }
        }
        assertThat(home.students()).anySatisfy(s -> assertThat(s.currentCourses()).hasSizeGreaterThanOrEqualTo(3));
        CourseSummary first = home.students().stream().flatMap(s -> s.currentCourses().stream()).findFirst().orElseThrow();
        assertThat(first.teacher()).isEqualTo(sql.value("select t.first_name || ' ' || t.last_name from tutti.enrolment e"
                + " join tutti.course c on c.id = e.course_id join tutti.teacher t on t.id = c.teacher_id where e.id = ?",
                first.enrolmentId()));
        assertThat(first.day().getValue()).isEqualTo(((Number) sql.value("select c.day_of_week from tutti.enrolment e"
                + " join tutti.course c on c.id = e.course_id where e.id = ?", first.enrolmentId())).intValue());
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void accueilTakesAFixedNumberOfStatementsWhateverTheFamilySize(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        DatabaseBackend backend = seeded.familyBackend();
        UserSession session = backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray()).orElseThrow();
        Statistics statistics = seeded.family().sessionFactory().getStatistics();
        statistics.clear();

        FamilyHome home = backend.home().familyHome(session);

        assertThat(home.students()).isNotEmpty();
        // family + site, students, courses with everything they show, school year (the binder's
        // statements run on the JDBC connection itself and are not counted)
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(4);
    }

    /**
     * Proves that the services above run as {@code tutti_family} under row-level security and
     * column privileges on PostgreSQL (a superuser would see every family, and every column).
     */
    @Test
    void onPostgresqlTheFamilyConnectionSeesOnlyWhatItsSessionAllows() {
        SeededDatabases.Seeded seeded = SeededDatabases.get(DatabaseVendor.POSTGRESQL);
        Transactions family = seeded.family().transactions();
        UserSession session = seeded.familyBackend().auth().login("BELLERIVE", "F0001", "bellerive".toCharArray())
                .orElseThrow();
        String countFamilies = "select count(*) from Family";

        assertThat(family.<Long>readOnly(null, s -> s.createSelectionQuery(countFamilies, Long.class).getSingleResult()))
                .as("no session").isZero();
        assertThat(family.<Long>readOnly(session, s -> s.createSelectionQuery(countFamilies, Long.class).getSingleResult()))
                .as("F0001's session").isEqualTo(1);
        assertThat(family.<Long>readOnly(session, s -> s.createSelectionQuery("select f.id from Family f", Long.class)
                .getSingleResult())).isEqualTo(session.familyId());
        assertThatThrownBy(() -> family.readOnly(session, s -> s.createSelectionQuery("from Site", Site.class)
                        .getResultList()))
                .as("the Site entity reads columns a family may not read")
                .isInstanceOf(ServiceException.class)
                .rootCause().hasMessageContaining("permission denied");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void staffSeeTheirSiteAndTheCurrentYear(DatabaseVendor vendor) {
        DatabaseBackend backend = SeededDatabases.get(vendor).staffBackend();
        UserSession staff = backend.auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray()).orElseThrow();

        StaffHome home = backend.home().staffHome(staff);

        assertThat(home.siteCode()).isEqualTo("BELLERIVE");
        assertThat(home.siteName()).isEqualTo("Conservatoire de Bellerive");
        assertThat(home.staffName()).isNotBlank();
        assertThat(home.schoolYear()).isEqualTo("2026-2027");
        assertThatThrownBy(() -> backend.home().familyHome(staff)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The site's waiting requests and today's decisions, as plain SQL counts them (another site's not counted). */
    private static final String SITE_REQUESTS = "select count(*) from tutti.change_request r"
            + " join tutti.family f on f.id = r.family_id join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE'";

    @ParameterizedTest
    @MethodSource("vendors")
    void staffSeeTheDaysWorkOfTheirSite(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        Sql sql = new Sql(seeded.db().dataSource());
        DatabaseBackend backend = seeded.staffBackend();
        UserSession staff = backend.auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray()).orElseThrow();
        // one more waiting request at Bellerive, sent before the others, and one at another site
        String quiet = "select max(f.id) from tutti.family f join tutti.site s on s.id = f.site_id where s.code %s 'BELLERIVE'"
                + " and not exists (select 1 from tutti.change_request r where r.family_id = f.id and r.status = 'PENDING')";
        long family = sql.count(String.format(quiet, "="));
        long elsewhere = sql.count(String.format(quiet, "<>"));
        java.time.OffsetDateTime longAgo = java.time.OffsetDateTime.parse("2020-01-15T08:30:00Z");
        long request = request(sql, family, "city", "Annecy", longAgo);
        request(sql, elsewhere, "city", "Chambéry", longAgo.minusDays(1));
        java.time.Instant midnight = java.time.LocalDate.now().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        String decidedToday = SITE_REQUESTS + " and r.status in ('ACCEPTED', 'REJECTED') and r.decided_at >= ?";

        StaffHome home = backend.home().staffHome(staff);

        assertThat(home.pendingChanges()).isEqualTo(sql.count(SITE_REQUESTS + " and r.status = 'PENDING'")).isPositive();
        assertThat(home.oldestPending()).isEqualTo(longAgo.toInstant());
        assertThat(home.decidedToday()).isEqualTo(sql.count(decidedToday, java.time.OffsetDateTime.ofInstant(midnight,
                java.time.ZoneId.systemDefault())));

        assertThat(backend.staffChanges().decide(staff, request, false, null, false).outcome())
                .isEqualTo(org.tutti.client.service.DecisionResult.Outcome.REJECTED);
        StaffHome after = backend.home().staffHome(staff);
        assertThat(after.pendingChanges()).isEqualTo(home.pendingChanges() - 1);
        assertThat(after.decidedToday()).isEqualTo(home.decidedToday() + 1);
        assertThat(after.oldestPending()).isAfter(longAgo.toInstant());
    }

    /** Records a PENDING request on a family field as submit_changes does; returns its id. */
    private static long request(Sql sql, long familyId, String field, String newValue, java.time.OffsetDateTime at) {
        sql.update("insert into tutti.change_request (family_id, target, target_id, field_name, old_value, new_value,"
                        + " target_version, status, submitted_by, submitted_at, version)"
                        + " select f.id, 'FAMILY', f.id, ?, f." + field + ", ?, f.version, 'PENDING',"
                        + " (select min(a.id) from tutti.account a where a.family_id = f.id), ?, 0"
                        + " from tutti.family f where f.id = ?",
                field, newValue, at, familyId);
        return sql.count("select max(id) from tutti.change_request where family_id = ? and status = 'PENDING'", familyId);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aSessionTheDatabaseDoesNotKnowIsRefused(DatabaseVendor vendor) {
        DatabaseBackend backend = backend(vendor);
        UserSession real = backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray()).orElseThrow();
        UserSession forged = new UserSession(real.accountId(), real.role(), real.siteCode(), real.siteName(),
                real.identifier(), real.displayName(), real.familyId(), "forged-token");

        assertThatThrownBy(() -> backend.home().familyHome(forged))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
        assertThatThrownBy(() -> backend.home().staffHome(real)).isInstanceOf(IllegalArgumentException.class);
    }
}
