package org.tutti.schema.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** The fixed calendar of the demo: no clock is ever read, so generations are reproducible. */
final class DemoCalendar {

    static final LocalDate TODAY = DemoDataGenerator.DEMO_TODAY;
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** A school holiday: from its first day off to the day lessons resume (excluded). */
    private record Holiday(LocalDate from, LocalDate resume) {
        boolean contains(LocalDate date) {
            return !date.isBefore(from) && date.isBefore(resume);
        }
    }

    /** School holidays of zone A (Lyon) of the demo's years: Toussaint, Noël, hiver, printemps. */
    private static final List<Holiday> SCHOOL_HOLIDAYS = List.of(
            holiday("2023-10-21", "2023-11-06"), holiday("2023-12-23", "2024-01-08"),
            holiday("2024-02-17", "2024-03-04"), holiday("2024-04-13", "2024-04-29"),
            holiday("2024-10-19", "2024-11-04"), holiday("2024-12-21", "2025-01-06"),
            holiday("2025-02-22", "2025-03-10"), holiday("2025-04-19", "2025-05-05"),
            holiday("2025-10-18", "2025-11-03"), holiday("2025-12-20", "2026-01-05"),
            holiday("2026-02-07", "2026-02-23"), holiday("2026-04-04", "2026-04-20"),
            holiday("2026-10-17", "2026-11-02"), holiday("2026-12-19", "2027-01-04"));

    private static final Set<MonthDay> FIXED_PUBLIC_HOLIDAYS = Set.of(MonthDay.of(11, 1), MonthDay.of(11, 11),
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14));

    /** Easter Sundays of the demo's springs: Easter Monday, Ascension and Whit Monday follow from them. */
    private static final List<LocalDate> EASTER_SUNDAYS = List.of(LocalDate.of(2024, 3, 31), LocalDate.of(2025, 4, 20),
            LocalDate.of(2026, 4, 5), LocalDate.of(2027, 3, 28));

    private DemoCalendar() {
    }

    static OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toOffsetDateTime();
    }

    /** Whether the school gives lessons that day: neither school holidays nor a public holiday. */
    static boolean isLessonDay(LocalDate date) {
        if (FIXED_PUBLIC_HOLIDAYS.contains(MonthDay.from(date))) {
            return false;
        }
        for (LocalDate easter : EASTER_SUNDAYS) {
            if (date.equals(easter.plusDays(1)) || date.equals(easter.plusDays(39)) || date.equals(easter.plusDays(50))) {
                return false;
            }
        }
        return SCHOOL_HOLIDAYS.stream().noneMatch(h -> h.contains(date));
    }

    private static Holiday holiday(String from, String resume) {
        return new Holiday(LocalDate.parse(from), LocalDate.parse(resume));
    }
}
