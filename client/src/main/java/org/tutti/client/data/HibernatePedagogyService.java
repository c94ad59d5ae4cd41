package org.tutti.client.data;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.CourseKind;
import org.tutti.client.domain.model.EnrolmentStatus;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.domain.model.EventKind;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ServiceException;

/**
 * Élèves › Cours, Historique, Répertoire and the follow-up window. A fixed number of projection
 * queries per call whatever the student's history: four for {@link #pedagogy} (the student,
 * every sheet of every year, the counts of every sheet grouped by enrolment, the repertoire),
 * three for {@link #followUp} (the sheet, its evaluations, its absences).
 *
 * <p>Projections, not entities: on PostgreSQL a family may read only some columns of
 * {@code teacher} and {@code site}. Every query names the session's family, or for the front
 * desk the session's site: H2, the embedded demo, has no row-level security.
 */
final class HibernatePedagogyService implements PedagogyService {

    /** Columns of a sheet, read by {@link #sheet(Object[], int, int, int)}. */
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

    private static final int SHEET_IS_CURRENT = 4;

    private static final Comparator<CourseSheet> BY_WEEKLY_SLOT = Comparator.comparing(CourseSheet::day)
            .thenComparing(CourseSheet::startTime)
            .thenComparingLong(CourseSheet::enrolmentId);

    private final Transactions transactions;

    HibernatePedagogyService(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Which students a session may see, as a condition on the alias {@code st} (a Student) with
     * its parameter: the family's own, or for the front desk those of families of its site.
     */
    private record Visibility(String condition, String parameter, Object value) {

        static Visibility of(UserSession user) {
            if (user == null) {
                throw new IllegalArgumentException("No session");
            }
            if (user.isStaff()) {
                if (user.siteCode() == null) {
                    throw new IllegalArgumentException("A staff session without a site: " + user);
                }
                return new Visibility("st.family.site.code = :visibleSite", "visibleSite", user.siteCode());
            }
            if (user.familyId() == null) {
                throw new IllegalArgumentException("A family session without a family: " + user);
            }
            return new Visibility("st.family.id = :visibleFamily", "visibleFamily", user.familyId());
        }

        <Q extends SelectionQuery<?>> Q bind(Q query) {
            query.setParameter(parameter, value);
            return query;
        }
    }

    private record Counts(int evaluations, int excusedAbsences, int unexcusedAbsences) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    @Override
    public StudentPedagogy pedagogy(UserSession user, long studentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            boolean visible = !visibility.bind(session.createSelectionQuery(
                            "select st.id from Student st where st.id = :student and " + visibility.condition(),
                            Long.class))
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
            for (Object[] row : visibility.bind(session.createSelectionQuery(SHEET_SELECT
                            + " where st.id = :student and " + visibility.condition()
                            + " and (y.current = true"
                            + " or y.startDate < all (select cy.startDate from SchoolYear cy where cy.current = true))"
                            + " order by y.startDate desc, dep.name, d.name, e.id", Object[].class))
                    .setParameter("student", studentId)
                    .getResultList()) {
                Counts c = counts.getOrDefault((Long) row[0], Counts.NONE);
                CourseSheet sheet = sheet(row, c.evaluations(), c.excusedAbsences(), c.unexcusedAbsences());
                if (!(Boolean) row[SHEET_IS_CURRENT]) {
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
        Map<Long, Counts> counts = new HashMap<>();
        visibility.bind(session.createSelectionQuery(
                        "select e.id, count(distinct ev.id),"
                                + " count(distinct case when a.excused = true then a.id end),"
                                + " count(distinct case when a.excused = false then a.id end)"
                                + " from Student st"
                                + " join Enrolment e on e.student = st"
                                + " left join Evaluation ev on ev.enrolment = e"
                                + " left join Absence a on a.enrolment = e"
                                + " where st.id = :student and " + visibility.condition()
                                + " group by e.id", Object[].class))
                .setParameter("student", studentId)
                .getResultList()
                .forEach(r -> counts.put((Long) r[0], new Counts(((Number) r[1]).intValue(),
                        ((Number) r[2]).intValue(), ((Number) r[3]).intValue())));
        return counts;
    }

    private static List<RepertoireLine> repertoire(Session session, Visibility visibility, long studentId) {
        return visibility.bind(session.createSelectionQuery(
                        "select p.id, m.id, m.repertoire, m.title, m.eventDate, m.place, m.kind,"
                                + " p.piece, p.composer, p.durationSeconds, p.comment"
                                + " from EventParticipation p"
                                + " join p.event m"
                                + " join p.student st"
                                + " where st.id = :student and " + visibility.condition()
                                + " order by m.eventDate desc, p.id", Object[].class))
                .setParameter("student", studentId)
                .getResultList().stream()
                .map(r -> new RepertoireLine((Long) r[0], (Long) r[1], (String) r[2], (String) r[3],
                        (LocalDate) r[4], (String) r[5], (EventKind) r[6], (String) r[7], (String) r[8],
                        ((Number) r[9]).intValue(), (String) r[10]))
                .toList();
    }

    @Override
    public CourseFollowUp followUp(UserSession user, long enrolmentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            Object[] sheetRow = visibility.bind(session.createSelectionQuery(SHEET_SELECT
                            + " where e.id = :enrolment and " + visibility.condition(), Object[].class))
                    .setParameter("enrolment", enrolmentId)
                    .getResultList().stream()
                    .findFirst()
                    .orElseThrow(() -> notFound("enrolment " + enrolmentId));
            List<EvaluationLine> evaluations = visibility.bind(session.createSelectionQuery(
                            "select ev.id, ev.evaluationDate, ev.kind, ev.mark, ev.mention, t.firstName, t.lastName,"
                                    + " ev.appreciation"
                                    + " from Evaluation ev"
                                    + " join ev.enrolment e"
                                    + " join e.student st"
                                    + " join ev.teacher t"
                                    + " where e.id = :enrolment and " + visibility.condition()
                                    + " order by ev.evaluationDate, ev.id", Object[].class))
                    .setParameter("enrolment", enrolmentId)
                    .getResultList().stream()
                    .map(r -> new EvaluationLine((Long) r[0], (LocalDate) r[1], (EvaluationKind) r[2],
                            (BigDecimal) r[3], (String) r[4], r[5] + " " + r[6], (String) r[7]))
                    .toList();
            List<AbsenceLine> absences = visibility.bind(session.createSelectionQuery(
                            "select a.id, a.absenceDate, a.startTime, a.durationMinutes, a.excused, a.reason"
                                    + " from Absence a"
                                    + " join a.enrolment e"
                                    + " join e.student st"
                                    + " where e.id = :enrolment and " + visibility.condition()
                                    + " order by a.absenceDate, a.startTime, a.id", Object[].class))
                    .setParameter("enrolment", enrolmentId)
                    .getResultList().stream()
                    .map(r -> new AbsenceLine((Long) r[0], (LocalDate) r[1], (LocalTime) r[2],
                            ((Number) r[3]).intValue(), (Boolean) r[4], (String) r[5]))
                    .toList();
            int excused = (int) absences.stream().filter(AbsenceLine::excused).count();
            CourseSheet sheet = sheet(sheetRow, evaluations.size(), excused, absences.size() - excused);
            return new CourseFollowUp(sheet, evaluations, absences);
        });
    }

    /** A row of {@link #SHEET_SELECT} with its counts. */
    private static CourseSheet sheet(Object[] r, int evaluations, int excusedAbsences, int unexcusedAbsences) {
        return new CourseSheet((Long) r[0], (Long) r[1], (String) r[2], (LocalDate) r[3], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], (CourseKind) r[10],
                r[11] + " " + r[12], DayOfWeek.of(((Number) r[13]).intValue()), (LocalTime) r[14],
                ((Number) r[15]).intValue(), (String) r[16], (EnrolmentStatus) r[17], (LocalDate) r[18],
                (LocalDate) r[19], evaluations, excusedAbsences, unexcusedAbsences);
    }

    private static ServiceException notFound(String what) {
        return new ServiceException(ServiceException.Reason.NOT_FOUND, "Not found or not visible: " + what);
    }
}
