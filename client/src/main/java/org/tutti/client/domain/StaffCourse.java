package org.tutti.client.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A course of the front desk's site in the current school year, as Pédagogie lists it: its
 * discipline, class, cycle (null when none), teacher ("Prénom NOM"), weekly slot and the number of
 * its students (active enrolments).
 */
public record StaffCourse(
        long id,
        String discipline,
        String classLabel,
        String cycle,
        String teacher,
        DayOfWeek day,
        LocalTime startTime,
        int durationMinutes,
        int students) {
}
