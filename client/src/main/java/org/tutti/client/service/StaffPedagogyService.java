package org.tutti.client.service;

import java.time.LocalDate;
import java.util.List;
import org.tutti.client.domain.AbsenceEntry;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.EvaluationEntry;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.EvaluationKind;

/**
 * Pédagogie at the front desk (staff session, limited to its site): the site's courses of the
 * current school year, a course's students, and entering a date's absences and evaluations. Every
 * write goes through one SQL function ({@code tutti.record_absences}, {@code tutti.record_evaluation},
 * see server-schema/SQL-API.md, "Front desk — pedagogy"), which checks the course's site and audits
 * the change in the family's history. A course of another site answers like a missing one
 * ({@link ServiceException.Reason#NOT_FOUND}).
 */
public interface StaffPedagogyService {

    /** The site's courses of the current school year, by discipline, class and slot. */
    List<StaffCourse> courses(UserSession session);

    /** The course's students (active enrolments), by name. */
    List<CourseStudent> students(UserSession session, long courseId);

    /** The absences already recorded on {@code date} for the course's students (absent ones only). */
    List<AbsenceEntry> absences(UserSession session, long courseId, LocalDate date);

    /**
     * Records the absences of {@code date} for the students listed (absent or not): creates, updates
     * or removes their absence of that date.
     *
     * @return the number of students absent
     * @throws PedagogyRefusedException INVALID (a date in the future or outside the school year, a
     *         student not of the course), TOO_LONG (reason over 400), BUSY
     */
    int recordAbsences(UserSession session, long courseId, LocalDate date, List<AbsenceEntry> entries);

    /**
     * Records one evaluation per entry, all of {@code kind} on {@code date}, in one transaction:
     * all or none.
     *
     * @return the number of evaluations recorded
     * @throws PedagogyRefusedException INVALID (mark, date), TOO_LONG (mention over 40, appreciation
     *         over 4000), BUSY; with the refused line's enrolment
     */
    int recordEvaluations(UserSession session, LocalDate date, EvaluationKind kind, List<EvaluationEntry> entries);
}
