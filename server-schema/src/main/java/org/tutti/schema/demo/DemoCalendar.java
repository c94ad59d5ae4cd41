package org.tutti.schema.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The fixed calendar of the demo: no clock is ever read, so generations are reproducible. */
final class DemoCalendar {

    /** The "today" of the demo school. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private DemoCalendar() {
    }

    static OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toOffsetDateTime();
    }

    static OffsetDateTime at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toOffsetDateTime();
    }

    /** Age in whole years on a date. */
    static int age(LocalDate birthDate, LocalDate on) {
        return java.time.Period.between(birthDate, on).getYears();
    }
}
