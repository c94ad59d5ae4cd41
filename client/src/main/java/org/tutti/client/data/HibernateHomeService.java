package org.tutti.client.data;

import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.StudentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.Civility;
import org.tutti.client.domain.model.EnrolmentStatus;
import org.tutti.client.service.HomeService;

/**
 * Accueil. Four projection queries for a family whatever its size (family and site, school
 * year, students, courses with everything they show).
 *
 * <p>Projections, not entities: on PostgreSQL a family may read only some columns of
 * {@code site}, {@code teacher} and {@code account} (column privileges), and loading an entity
 * selects all of them. Every query also names the session's family (the id that
 * {@code tutti.session_info()} gave at login): H2, the embedded demo, has no row-level security,
 * and on PostgreSQL the policies would return the same rows anyway.
 */
final class HibernateHomeService implements HomeService {

    private final Transactions transactions;

    HibernateHomeService(Transactions transactions) {
        this.transactions = transactions;
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

    @Override
    public FamilyHome familyHome(UserSession user) {
        if (user == null || user.isStaff() || user.familyId() == null) {
            throw new IllegalArgumentException("Not a family session: " + user);
        }
        long familyId = user.familyId();
        return transactions.readOnly(user, session -> {
            FamilyRow family = session.createSelectionQuery(
                            "select f.civility, f.firstName, f.lastName, s.name"
                                    + " from Family f join f.site s where f.id = :family", Object[].class)
                    .setParameter("family", familyId)
                    .getResultList().stream()
                    .map(r -> new FamilyRow((Civility) r[0], (String) r[1], (String) r[2], (String) r[3]))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The session's family " + familyId + " is not visible"));
            List<StudentRow> students = session.createSelectionQuery(
                            "select s.id, s.firstName, s.lastName, s.birthDate"
                                    + " from Student s where s.family.id = :family", Object[].class)
                    .setParameter("family", familyId)
                    .getResultList().stream()
                    .map(r -> new StudentRow((Long) r[0], (String) r[1], (String) r[2], (LocalDate) r[3]))
                    .toList();
            List<CourseRow> courses = session.createSelectionQuery(
                            "select e.id, st.id, d.name, c.classLabel, t.firstName, t.lastName,"
                                    + " c.dayOfWeek, c.startTime, c.durationMinutes, r.name"
                                    + " from Enrolment e"
                                    + " join e.student st"
                                    + " join e.course c"
                                    + " join c.schoolYear y"
                                    + " join c.discipline d"
                                    + " join c.teacher t"
                                    + " left join c.room r"
                                    + " where st.family.id = :family"
                                    + " and y.current = true"
                                    + " and e.status <> :withdrawn"
                                    + " order by c.dayOfWeek, c.startTime, e.id", Object[].class)
                    .setParameter("family", familyId)
                    .setParameter("withdrawn", EnrolmentStatus.WITHDRAWN)
                    .getResultList().stream()
                    .map(r -> new CourseRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
                            (String) r[5], ((Number) r[6]).shortValue(), (LocalTime) r[7], ((Number) r[8]).intValue(),
                            (String) r[9]))
                    .toList();
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
            Object[] row = session.createSelectionQuery(
                            "select s.code, s.name, a.displayName from Account a join a.site s where a.id = :account",
                            Object[].class)
                    .setParameter("account", user.accountId())
                    .getResultList().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The session's account is not visible"));
            return new StaffHome((String) row[0], (String) row[1], (String) row[2], currentSchoolYear(session));
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
