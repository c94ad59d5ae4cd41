package org.tutti.client.service;

import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;

/**
 * Élèves › Cours, Historique, Répertoire: a student's pedagogical file, read-only.
 *
 * <p>A family session sees only its own students; a staff session sees the students of its
 * site. On PostgreSQL row-level security enforces it; the queries also filter by the session's
 * family (or site), which is what keeps the embedded H2 demo honest. A student or sheet the
 * session may not see is reported as a {@link ServiceException} with reason
 * {@link ServiceException.Reason#NOT_FOUND}, exactly like one that does not exist.
 */
public interface PedagogyService {

    /** The student's current courses, history and repertoire. */
    StudentPedagogy pedagogy(UserSession user, long studentId);

    /** One course sheet (any year) with its evaluations and absences. */
    CourseFollowUp followUp(UserSession user, long enrolmentId);
}
