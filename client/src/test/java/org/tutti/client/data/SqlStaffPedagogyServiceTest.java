package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tutti.client.data.SqlBillingServiceTest.assertNotFound;
import static org.tutti.client.data.SqlBillingServiceTest.login;
import static org.tutti.client.data.SqlBillingServiceTest.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.AbsenceEntry;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.EvaluationEntry;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.service.PedagogyRefusedException;
import org.tutti.client.service.StaffPedagogyService;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 16's pedagogy entry on both databases (on PostgreSQL as {@code tutti_staff}, which writes
 * absences and evaluations only through the functions): the site's courses and a course's students
 * as the tables hold them, a date's absences recorded, read back and changed, evaluations recorded
 * all or none, each refusal as its reason, and what the family then reads in its course window. The
 * writes go to a course of the last BELLERIVE family with a login (the seeded database is shared by
 * the whole test run; F0001's pedagogy stays the demo's).
 */
@Tag("postgres")
class SqlStaffPedagogyServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static StaffPedagogyService service(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().staffPedagogy();
    }

    private static UserSession staff(DatabaseVendor vendor, String site, String identifier) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login(site, identifier, site.toLowerCase(java.util.Locale.ROOT).toCharArray()).orElseThrow();
    }

    private static LocalDate today(DatabaseVendor vendor) {
        return LocalDate.parse(String.valueOf(sql(vendor).value("select cast(current_date as varchar(10))")));
    }

    /** The enrolment the writes go to: the last BELLERIVE family with a login, a course of the current year. */
    private record Target(long enrolmentId, long courseId, String login) {
    }

    private static Target target(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long enrolment = sql.count("select max(e.id) from tutti.enrolment e join tutti.student st on st.id = e.student_id"
                + " join tutti.family f on f.id = st.family_id join tutti.site s on s.id = f.site_id"
                + " join tutti.course c on c.id = e.course_id join tutti.school_year y on y.id = c.school_year_id"
                + " where s.code = 'BELLERIVE' and y.is_current and e.status = 'ACTIVE' and f.id = (select max(f2.id)"
                + " from tutti.family f2 join tutti.site s2 on s2.id = f2.site_id where s2.code = 'BELLERIVE'"
                + " and exists (select 1 from tutti.account a where a.family_id = f2.id)"
                + " and exists (select 1 from tutti.enrolment e2 join tutti.student st2 on st2.id = e2.student_id"
                + " join tutti.course c2 on c2.id = e2.course_id join tutti.school_year y2 on y2.id = c2.school_year_id"
                + " where st2.family_id = f2.id and y2.is_current and e2.status = 'ACTIVE'))");
        long course = sql.count("select course_id from tutti.enrolment where id = ?", enrolment);
        String login = (String) sql.value("select min(a.identifier) from tutti.account a join tutti.student st"
                + " on st.family_id = a.family_id join tutti.enrolment e on e.student_id = st.id where e.id = ?", enrolment);
        return new Target(enrolment, course, login);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theSitesCoursesOfTheYearAndACoursesStudentsAreTheTablesOnes(DatabaseVendor vendor) {
        UserSession accueil = staff(vendor, "BELLERIVE", "ACCUEIL");
        List<StaffCourse> courses = service(vendor).courses(accueil);
        assertThat(courses).extracting(StaffCourse::id).containsExactlyInAnyOrderElementsOf(sql(vendor).column(
                "select c.id from tutti.course c join tutti.site s on s.id = c.site_id join tutti.school_year y"
                        + " on y.id = c.school_year_id where s.code = 'BELLERIVE' and y.is_current").stream()
                .map(v -> ((Number) v).longValue()).toList());
        Target target = target(vendor);
        StaffCourse course = courses.stream().filter(c -> c.id() == target.courseId()).findFirst().orElseThrow();
        assertThat(course.students()).isEqualTo((int) sql(vendor).count(
                "select count(*) from tutti.enrolment where course_id = ? and status = 'ACTIVE'", course.id()));
        assertThat(course.teacher()).isNotBlank();
        List<CourseStudent> students = service(vendor).students(accueil, course.id());
        assertThat(students).extracting(CourseStudent::enrolmentId).contains(target.enrolmentId())
                .hasSize(course.students());

        // another site's front desk: none of these courses, and this course as if it did not exist
        UserSession secretariat = staff(vendor, "MONTFLEURY", "SECRETARIAT");
        assertThat(service(vendor).courses(secretariat)).extracting(StaffCourse::id)
                .doesNotContainAnyElementsOf(courses.stream().map(StaffCourse::id).toList()).isNotEmpty();
        assertNotFound(() -> service(vendor).students(secretariat, course.id()));
        assertNotFound(() -> service(vendor).absences(secretariat, course.id(), today(vendor)));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aDatesAbsenceIsRecordedReadBackChangedAndSeenByTheFamily(DatabaseVendor vendor) {
        UserSession accueil = staff(vendor, "BELLERIVE", "ACCUEIL");
        Target target = target(vendor);
        LocalDate day = today(vendor).minusDays(4);

        assertThat(service(vendor).recordAbsences(accueil, target.courseId(), day,
                List.of(new AbsenceEntry(target.enrolmentId(), true, true, "  Rendez-vous médical ")))).isEqualTo(1);
        assertThat(service(vendor).absences(accueil, target.courseId(), day))
                .containsExactly(new AbsenceEntry(target.enrolmentId(), true, true, "Rendez-vous médical"));
        UserSession family = login(vendor, target.login());
        CourseFollowUp seen = SeededDatabases.get(vendor).familyBackend().pedagogy().followUp(family, target.enrolmentId());
        assertThat(seen.absences()).extracting(AbsenceLine::date, AbsenceLine::excused, AbsenceLine::reason)
                .contains(tuple(day, true, "Rendez-vous médical"));

        // present after all: the absence is gone for the family too
        assertThat(service(vendor).recordAbsences(accueil, target.courseId(), day,
                List.of(new AbsenceEntry(target.enrolmentId(), false, false, null)))).isZero();
        assertThat(service(vendor).absences(accueil, target.courseId(), day)).isEmpty();
        assertThat(SeededDatabases.get(vendor).familyBackend().pedagogy().followUp(family, target.enrolmentId())
                .absences()).extracting(AbsenceLine::date).doesNotContain(day);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void evaluationsAreRecordedAllOrNoneWithTheRefusedLine(DatabaseVendor vendor) {
        UserSession accueil = staff(vendor, "BELLERIVE", "ACCUEIL");
        Target target = target(vendor);
        LocalDate day = today(vendor).minusDays(5);
        long before = sql(vendor).count("select count(*) from tutti.evaluation");

        assertThatThrownBy(() -> service(vendor).recordEvaluations(accueil, day, EvaluationKind.EXAM, List.of(
                new EvaluationEntry(target.enrolmentId(), new BigDecimal("14"), null, "Bien"),
                new EvaluationEntry(target.enrolmentId(), new BigDecimal("20.5"), null, null))))
                .isInstanceOfSatisfying(PedagogyRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PedagogyRefusedException.Reason.INVALID);
                    assertThat(e.field()).isEqualTo("mark");
                    assertThat(e.enrolmentId()).isEqualTo(target.enrolmentId());
                });
        assertThat(sql(vendor).count("select count(*) from tutti.evaluation")).as("none recorded").isEqualTo(before);
        assertThatThrownBy(() -> service(vendor).recordAbsences(accueil, target.courseId(), today(vendor).plusDays(1),
                List.of(new AbsenceEntry(target.enrolmentId(), true, false, null))))
                .isInstanceOfSatisfying(PedagogyRefusedException.class, e -> assertThat(e.field()).isEqualTo("absence_date"));
        assertNotFound(() -> service(vendor).recordEvaluations(staff(vendor, "MONTFLEURY", "SECRETARIAT"), day,
                EvaluationKind.EXAM, List.of(new EvaluationEntry(target.enrolmentId(), BigDecimal.TEN, null, null))));

        assertThat(service(vendor).recordEvaluations(accueil, day, EvaluationKind.AUDITION, List.of(
                new EvaluationEntry(target.enrolmentId(), new BigDecimal("16.5"), " ", "Très belle sonorité")))).isEqualTo(1);
        CourseFollowUp seen = SeededDatabases.get(vendor).familyBackend().pedagogy()
                .followUp(login(vendor, target.login()), target.enrolmentId());
        assertThat(seen.evaluations()).extracting(EvaluationLine::date, EvaluationLine::kind, EvaluationLine::appreciation)
                .contains(tuple(day, EvaluationKind.AUDITION, "Très belle sonorité"));
        assertThat(seen.evaluations()).filteredOn(e -> "Très belle sonorité".equals(e.appreciation())).singleElement()
                .satisfies(e -> assertThat(e.mark()).isEqualByComparingTo("16.5"));
    }
}
