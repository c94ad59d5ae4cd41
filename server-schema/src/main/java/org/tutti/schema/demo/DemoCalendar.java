package org.tutti.schema.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The fixed calendar of the demo: no clock is ever read, so generations are reproducible. */
final class DemoCalendar {

    static final LocalDate TODAY = DemoDataGenerator.DEMO_TODAY;
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private DemoCalendar() {
    }

    static OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toOffsetDateTime();
    }
}
