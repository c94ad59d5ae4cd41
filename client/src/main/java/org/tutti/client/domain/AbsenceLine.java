package org.tutti.client.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/** One absence from a course. {@code reason} may be null. */
public record AbsenceLine(
        long id,
        LocalDate date,
        LocalTime startTime,
        int durationMinutes,
        boolean excused,
        String reason) {
}
