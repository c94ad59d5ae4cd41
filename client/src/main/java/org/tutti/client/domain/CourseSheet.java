package org.tutti.client.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.tutti.client.domain.model.CourseKind;
import org.tutti.client.domain.model.EnrolmentStatus;

/**
 * A student's enrolment in one course of one school year: the "fiche de suivi" that Élèves ›
 * Cours (current year) and Historique (earlier years) list, with the counts the lists show.
 * Nullable: {@code cycle}, {@code level}, {@code room}, {@code endedOn}.
 */
public record CourseSheet(
        long enrolmentId,
        long studentId,
        String schoolYear,
        LocalDate yearStart,
        String department,
        String discipline,
        String cycle,
        String classLabel,
        String level,
        CourseKind kind,
        String teacher,
        DayOfWeek day,
        LocalTime startTime,
        int durationMinutes,
        String room,
        EnrolmentStatus status,
        LocalDate enrolledOn,
        LocalDate endedOn,
        int evaluationCount,
        int excusedAbsences,
        int unexcusedAbsences) {

    public int absenceCount() {
        return excusedAbsences + unexcusedAbsences;
    }
}
