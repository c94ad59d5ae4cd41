package org.tutti.client.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One current course of a student, as Accueil lists it. */
public record CourseSummary(
        long enrolmentId,
        String discipline,
        String classLabel,
        String teacher,
        DayOfWeek day,
        LocalTime startTime,
        int durationMinutes,
        String room) {
}
