package org.tutti.client.data;

import java.text.Collator;
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
import org.tutti.client.domain.model.Account;
import org.tutti.client.domain.model.Course;
import org.tutti.client.domain.model.Enrolment;
import org.tutti.client.domain.model.EnrolmentStatus;
import org.tutti.client.domain.model.Family;
import org.tutti.client.domain.model.Student;
import org.tutti.client.domain.model.Teacher;
import org.tutti.client.service.HomeService;

/**
 * Accueil. Four queries for a family whatever its size (family and site, school year,
 * students, courses with everything they show), each filtered by the session's family: H2 has
 * no row-level security.
 */
final class HibernateHomeService implements HomeService {

    private final Transactions transactions;
    private final LiveSessions liveSessions;

    HibernateHomeService(Transactions transactions, LiveSessions liveSessions) {
        this.transactions = transactions;
        this.liveSessions = liveSessions;
    }

    @Override
    public FamilyHome familyHome(UserSession user) {
        if (user == null || user.isStaff() || user.familyId() == null) {
            throw new IllegalArgumentException("Not a family session: " + user);
        }
        liveSessions.touch(user);
        long familyId = user.familyId();
        return transactions.readOnly(user, session -> {
            Family family = session.createSelectionQuery(
                            "from Family f join fetch f.site where f.id = :family", Family.class)
                    .setParameter("family", familyId)
                    .getSingleResult();
            List<Student> students = session.createSelectionQuery(
                            "from Student s where s.family.id = :family", Student.class)
                    .setParameter("family", familyId)
                    .getResultList();
            List<Enrolment> enrolments = session.createSelectionQuery(
                            "from Enrolment e"
                                    + " join fetch e.course c"
                                    + " join fetch c.discipline"
                                    + " join fetch c.teacher"
                                    + " left join fetch c.room"
                                    + " where e.student.family.id = :family"
                                    + " and c.schoolYear.current = true"
                                    + " and e.status <> :withdrawn"
                                    + " order by c.dayOfWeek, c.startTime, e.id", Enrolment.class)
                    .setParameter("family", familyId)
                    .setParameter("withdrawn", EnrolmentStatus.WITHDRAWN)
                    .getResultList();
            return new FamilyHome(family.getCivility().name(), family.getFirstName(), family.getLastName(),
                    family.getSite().getName(), currentSchoolYear(session), summaries(students, enrolments));
        });
    }

    private static List<StudentSummary> summaries(List<Student> students, List<Enrolment> enrolments) {
        Map<Long, List<CourseSummary>> coursesByStudent = new LinkedHashMap<>();
        for (Enrolment enrolment : enrolments) {
            Course course = enrolment.getCourse();
            Teacher teacher = course.getTeacher();
            coursesByStudent.computeIfAbsent(enrolment.getStudent().getId(), id -> new ArrayList<>())
                    .add(new CourseSummary(enrolment.getId(), course.getDiscipline().getName(), course.getClassLabel(),
                            teacher.getFirstName() + " " + teacher.getLastName(), course.getDay(),
                            course.getStartTime(), course.getDurationMinutes(),
                            course.getRoom() == null ? null : course.getRoom().getName()));
        }
        Collator collator = HibernateSiteService.frenchCollator();
        return students.stream()
                .sorted(Comparator.comparing(Student::getFirstName, collator)
                        .thenComparing(Student::getLastName, collator)
                        .thenComparing(Student::getId))
                .map(s -> new StudentSummary(s.getId(), s.getFirstName(), s.getLastName(), s.getBirthDate(),
                        coursesByStudent.getOrDefault(s.getId(), List.of())))
                .toList();
    }

    @Override
    public StaffHome staffHome(UserSession user) {
        if (user == null || !user.isStaff()) {
            throw new IllegalArgumentException("Not a staff session: " + user);
        }
        liveSessions.touch(user);
        return transactions.readOnly(user, session -> {
            Account account = session.createSelectionQuery(
                            "from Account a join fetch a.site where a.id = :account", Account.class)
                    .setParameter("account", user.accountId())
                    .getSingleResult();
            return new StaffHome(account.getSite().getCode(), account.getSite().getName(), account.getDisplayName(),
                    currentSchoolYear(session));
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
