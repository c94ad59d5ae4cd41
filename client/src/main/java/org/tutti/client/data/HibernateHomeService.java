package org.tutti.client.data;

import java.text.Collator;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.tutti.client.data.entity.ChangeRequestStatus;
import org.tutti.client.data.entity.Civility;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.StudentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.EnrolmentStatus;
import org.tutti.client.service.HomeService;

/**
 * Accueil. For a family: four projection queries whatever its size (family and site, school
 * year, students, courses with everything they show). For the front desk: its site and the day's
 * work (the site's waiting requests, when the oldest was sent, the requests decided since
 * midnight).
 *
 * <p>Projections into records, not entities: on PostgreSQL a family may read only some columns
 * of {@code site}, {@code teacher} and {@code account} (column privileges), and loading an entity
 * selects all of them. Every query of a family's rows states the {@link Visibility} rule.
 */
final class HibernateHomeService implements HomeService {

    private final Transactions transactions;
    /** Where "today" starts, for the decisions of the day. */
    private final Clock clock;

    HibernateHomeService(Transactions transactions) {
        this(transactions, Clock.systemDefaultZone());
    }

    HibernateHomeService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Family and site name. */
    private record FamilyRow(Civility civility, String firstName, String lastName, String siteName) {
    }

    private record StudentRow(long id, String firstName, String lastName, LocalDate birthDate) {
    }

    private record CourseRow(long enrolmentId, long studentId, String discipline, String classLabel,
            String teacherFirstName, String teacherLastName, short dayOfWeek, LocalTime startTime,
            int durationMinutes, String room) {
    }

    /** The front desk's own account (not a family's row) and its site. */
    private record StaffRow(String siteCode, String siteName, String displayName) {
    }

    /** The site's waiting requests: how many, and when the oldest was sent. */
    private record QueueRow(long count, Instant oldest) {
    }

    @Override
    public FamilyHome familyHome(UserSession user) {
        if (user == null || user.isStaff() || user.familyId() == null) {
            throw new IllegalArgumentException("Not a family session: " + user);
        }
        Visibility visibility = Visibility.of(user);
        long familyId = user.familyId();
        return transactions.readOnly(user, session -> {
            FamilyRow family = visibility.bind(session.createSelectionQuery(
                            "select f.civility, f.firstName, f.lastName, s.name"
                                    + " from Family f join f.site s where " + visibility.families("f"), FamilyRow.class))
                    .getResultList().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The session's family " + familyId + " is not visible"));
            List<StudentRow> students = visibility.bind(session.createSelectionQuery(
                            "select s.id, s.firstName, s.lastName, s.birthDate"
                                    + " from Student s where " + visibility.families("s.family"), StudentRow.class))
                    .getResultList();
            List<CourseRow> courses = visibility.bind(session.createSelectionQuery(
                            "select e.id, st.id, d.name, c.classLabel, t.firstName, t.lastName,"
                                    + " c.dayOfWeek, c.startTime, c.durationMinutes, r.name"
                                    + " from Enrolment e"
                                    + " join e.student st"
                                    + " join e.course c"
                                    + " join c.schoolYear y"
                                    + " join c.discipline d"
                                    + " join c.teacher t"
                                    + " left join c.room r"
                                    + " where " + visibility.families("st.family")
                                    + " and y.current = true"
                                    + " and e.status <> :withdrawn"
                                    + " order by c.dayOfWeek, c.startTime, e.id", CourseRow.class))
                    .setParameter("withdrawn", EnrolmentStatus.WITHDRAWN)
                    .getResultList();
            return new FamilyHome(family.civility().name(), family.firstName(), family.lastName(),
                    family.siteName(), currentSchoolYear(session), summaries(students, courses));
        });
    }

    private static List<StudentSummary> summaries(List<StudentRow> students, List<CourseRow> courses) {
        Map<Long, List<CourseSummary>> coursesByStudent = new LinkedHashMap<>();
        for (CourseRow c : courses) {
            coursesByStudent.computeIfAbsent(c.studentId(), id -> new ArrayList<>())
                    .add(new CourseSummary(c.enrolmentId(), c.discipline(), c.classLabel(),
                            c.teacherFirstName() + " " + c.teacherLastName(), DayOfWeek.of(c.dayOfWeek()),
                            c.startTime(), c.durationMinutes(), c.room()));
        }
        Collator collator = HibernateSiteService.frenchCollator();
        return students.stream()
                .sorted(Comparator.comparing(StudentRow::firstName, collator)
                        .thenComparing(StudentRow::lastName, collator)
                        .thenComparing(StudentRow::id))
                .map(s -> new StudentSummary(s.id(), s.firstName(), s.lastName(), s.birthDate(),
                        coursesByStudent.getOrDefault(s.id(), List.of())))
                .toList();
    }

    @Override
    public StaffHome staffHome(UserSession user) {
        if (user == null || !user.isStaff()) {
            throw new IllegalArgumentException("Not a staff session: " + user);
        }
        return transactions.readOnly(user, session -> {
            StaffRow row = session.createSelectionQuery(
                            "select s.code, s.name, a.displayName from Account a join a.site s where a.id = :account",
                            StaffRow.class)
                    .setParameter("account", user.accountId())
                    .getResultList().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The session's account is not visible"));
            Visibility visibility = Visibility.of(user);
            QueueRow queue = visibility.bind(session.createSelectionQuery(
                            "select count(cr), min(cr.submittedAt) from ChangeRequest cr"
                                    + " where cr.status = :pending and " + visibility.families("cr.family"),
                            QueueRow.class))
                    .setParameter("pending", ChangeRequestStatus.PENDING)
                    .getSingleResult();
            Instant midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
            Long decided = visibility.bind(session.createSelectionQuery(
                            "select count(cr) from ChangeRequest cr where cr.status in (:decided)"
                                    + " and cr.decidedAt >= :midnight and " + visibility.families("cr.family"),
                            Long.class))
                    .setParameter("decided", List.of(ChangeRequestStatus.ACCEPTED, ChangeRequestStatus.REJECTED))
                    .setParameter("midnight", midnight)
                    .getSingleResult();
            return new StaffHome(row.siteCode(), row.siteName(), row.displayName(), currentSchoolYear(session),
                    Math.toIntExact(queue.count()), queue.oldest(), Math.toIntExact(decided));
        });
    }

    /** The label of the current school year ("2026-2027"), or null if none is marked current. */
    private static String currentSchoolYear(Session session) {
        return session.createSelectionQuery(
                        "select y.label from SchoolYear y where y.current = true order by y.startDate desc", String.class)
                .setMaxResults(1)
                .uniqueResult();
    }
}
