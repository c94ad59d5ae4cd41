package org.tutti.client.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.CourseKind;
import org.tutti.client.domain.model.EnrolmentStatus;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ServiceException;

/**
 * Élèves › Cours, Historique, Répertoire and the follow-up window. A fixed number of projection
 * queries per call whatever the student's history: four for {@link #pedagogy} (the student,
 * every sheet of every year, the counts of every sheet grouped by enrolment, the repertoire),
 * three for {@link #followUp} (the sheet, its evaluations, its absences).
 *
 * <p>Projections into records, not entities: on PostgreSQL a family may read only some columns
 * of {@code teacher} and {@code site}. Every query states the {@link Visibility} rule on the
 * student ({@code st}): the family's own, or for the front desk those of families of its site.
 */
final class HibernatePedagogyService implements PedagogyService {

    /** Columns of a sheet, in the order of {@link SheetRow}'s components. */
    private static final String SHEET_SELECT = "select e.id, st.id, y.label, y.startDate, y.current, dep.name, d.name,"
            + " cy.name, c.classLabel, e.levelLabel, c.kind, t.firstName, t.lastName, c.dayOfWeek, c.startTime,"
            + " c.durationMinutes, r.name, e.status, e.enrolledOn, e.endedOn"
            + " from Enrolment e"
            + " join e.student st"
            + " join e.course c"
            + " join c.schoolYear y"
            + " join c.discipline d"
            + " join d.department dep"
            + " join c.teacher t"
            + " left join c.cycle cy"
            + " left join c.room r";

    private static final Comparator<CourseSheet> BY_WEEKLY_SLOT = Comparator.comparing(CourseSheet::day)
            .thenComparing(CourseSheet::startTime)
            .thenComparingLong(CourseSheet::enrolmentId);

    private final Transactions transactions;

    HibernatePedagogyService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A row of {@link #SHEET_SELECT}: a course sheet before its counts. */
    private record SheetRow(long enrolmentId, long studentId, String schoolYear, LocalDate yearStart,
            boolean currentYear, String department, String discipline, String cycle, String classLabel, String level,
            CourseKind kind, String teacherFirstName, String teacherLastName, short dayOfWeek, LocalTime startTime,
            int durationMinutes, String room, EnrolmentStatus status, LocalDate enrolledOn, LocalDate endedOn) {

        CourseSheet withCounts(long evaluations, long excusedAbsences, long unexcusedAbsences) {
            return new CourseSheet(enrolmentId, studentId, schoolYear, yearStart, department, discipline, cycle,
                    classLabel, level, kind, teacherFirstName + " " + teacherLastName, DayOfWeek.of(dayOfWeek),
                    startTime, durationMinutes, room, status, enrolledOn, endedOn, (int) evaluations,
                    (int) excusedAbsences, (int) unexcusedAbsences);
        }
    }

    /** The counts of one enrolment's sheet. */
    private record Counts(long enrolmentId, long evaluations, long excusedAbsences, long unexcusedAbsences) {

        CourseSheet of(SheetRow sheet) {
            return sheet.withCounts(evaluations, excusedAbsences, unexcusedAbsences);
        }
    }

    @Override
    public StudentPedagogy pedagogy(UserSession user, long studentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            boolean visible = !visibility.bind(session.createSelectionQuery(
                            "select st.id from Student st where st.id = :student and "
                                    + visibility.families("st.family"), Long.class))
                    .setParameter("student", studentId)
                    .getResultList().isEmpty();
            if (!visible) {
                throw notFound("student " + studentId);
            }
            Map<Long, Counts> counts = countsByEnrolment(session, visibility, studentId);
            List<CourseSheet> currentCourses = new ArrayList<>();
            List<CourseSheet> history = new ArrayList<>();
            // the current year and the earlier ones (a sheet of next year, enrolled in advance, is
            // neither this year's course nor history); newest year first, then department and
            // discipline: the history's order
            for (SheetRow row : visibility.bind(session.createSelectionQuery(SHEET_SELECT
                            + " where st.id = :student and " + visibility.families("st.family")
                            + " and (y.current = true"
                            + " or y.startDate < all (select cy.startDate from SchoolYear cy where cy.current = true))"
                            + " order by y.startDate desc, dep.name, d.name, e.id", SheetRow.class))
                    .setParameter("student", studentId)
                    .getResultList()) {
                CourseSheet sheet = counts.getOrDefault(row.enrolmentId(), new Counts(row.enrolmentId(), 0, 0, 0))
                        .of(row);
                if (!row.currentYear()) {
                    history.add(sheet);
                } else if (sheet.status() != EnrolmentStatus.WITHDRAWN) {
                    currentCourses.add(sheet);
                }
            }
            currentCourses.sort(BY_WEEKLY_SLOT);
            return new StudentPedagogy(studentId, currentCourses, history, repertoire(session, visibility, studentId));
        });
    }

    /**
     * Evaluations and excused / unexcused absences of every enrolment of the student, in one
     * grouped query. Joining both children multiplies their rows, hence the distinct counts.
     * It starts from the student: H2 does not reorder joins around outer joins, and starting from
     * the enrolments it scanned all of them.
     */
    private static Map<Long, Counts> countsByEnrolment(Session session, Visibility visibility, long studentId) {
        return visibility.bind(session.createSelectionQuery(
                        "select e.id, count(distinct ev.id),"
                                + " count(distinct case when a.excused = true then a.id end),"
                                + " count(distinct case when a.excused = false then a.id end)"
                                + " from Student st"
                                + " join Enrolment e on e.student = st"
                                + " left join Evaluation ev on ev.enrolment = e"
                                + " left join Absence a on a.enrolment = e"
                                + " where st.id = :student and " + visibility.families("st.family")
                                + " group by e.id", Counts.class))
                .setParameter("student", studentId)
                .getResultList().stream()
                .collect(Collectors.toMap(Counts::enrolmentId, c -> c));
    }

    private static List<RepertoireLine> repertoire(Session session, Visibility visibility, long studentId) {
        return visibility.bind(session.createSelectionQuery(
                        "select p.id, m.id, m.repertoire, m.title, m.eventDate, m.place, m.kind,"
                                + " p.piece, p.composer, p.durationSeconds, p.comment"
                                + " from EventParticipation p"
                                + " join p.event m"
                                + " join p.student st"
                                + " where st.id = :student and " + visibility.families("st.family")
                                + " order by m.eventDate desc, p.id", RepertoireLine.class))
                .setParameter("student", studentId)
                .getResultList();
    }

    @Override
    public CourseFollowUp followUp(UserSession user, long enrolmentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            SheetRow sheetRow = visibility.bind(session.createSelectionQuery(SHEET_SELECT
                            + " where e.id = :enrolment and " + visibility.families("st.family"), SheetRow.class))
                    .setParameter("enrolment", enrolmentId)
                    .getResultList().stream()
                    .findFirst()
                    .orElseThrow(() -> notFound("enrolment " + enrolmentId));
            List<EvaluationLine> evaluations = visibility.bind(session.createSelectionQuery(
                            "select ev.id, ev.evaluationDate, ev.kind, ev.mark, ev.mention,"
                                    + " t.firstName || ' ' || t.lastName, ev.appreciation"
                                    + " from Evaluation ev"
                                    + " join ev.enrolment e"
                                    + " join e.student st"
                                    + " join ev.teacher t"
                                    + " where e.id = :enrolment and " + visibility.families("st.family")
                                    + " order by ev.evaluationDate, ev.id", EvaluationLine.class))
                    .setParameter("enrolment", enrolmentId)
                    .getResultList();
            List<AbsenceLine> absences = visibility.bind(session.createSelectionQuery(
                            "select a.id, a.absenceDate, a.startTime, a.durationMinutes, a.excused, a.reason"
                                    + " from Absence a"
                                    + " join a.enrolment e"
                                    + " join e.student st"
                                    + " where e.id = :enrolment and " + visibility.families("st.family")
                                    + " order by a.absenceDate, a.startTime, a.id", AbsenceLine.class))
                    .setParameter("enrolment", enrolmentId)
                    .getResultList();
            long excused = absences.stream().filter(AbsenceLine::excused).count();
            CourseSheet sheet = sheetRow.withCounts(evaluations.size(), excused, absences.size() - excused);
            return new CourseFollowUp(sheet, evaluations, absences);
        });
    }

    private static ServiceException notFound(String what) {
        return new ServiceException(ServiceException.Reason.NOT_FOUND, "Not found or not visible: " + what);
    }
}
