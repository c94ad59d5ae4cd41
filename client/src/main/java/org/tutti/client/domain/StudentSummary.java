package org.tutti.client.domain;

import java.time.LocalDate;
import java.util.List;

/** A student of the logged-in family with this school year's courses. */
public record StudentSummary(
        long id,
        String firstName,
        String lastName,
        LocalDate birthDate,
        List<CourseSummary> currentCourses) {

    public StudentSummary {
        currentCourses = List.copyOf(currentCourses);
    }
}
