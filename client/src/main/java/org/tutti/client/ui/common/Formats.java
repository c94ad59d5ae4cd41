package org.tutti.client.ui.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;

/** Dates, times and slots as the user reads them, from the bundle's patterns. */
public final class Formats {

    private Formats() {
    }

    /** "Mardi" (capitalised, in the bundle's language). */
    public static String day(DayOfWeek day) {
        String name = day.getDisplayName(TextStyle.FULL, I18n.textLocale());
        if (name.isEmpty()) {
            return name;
        }
        return name.substring(0, 1).toUpperCase(I18n.textLocale()) + name.substring(1);
    }

    /** "17 h 30" in French, "5:30 PM" in English. */
    public static String time(LocalTime time) {
        return DateTimeFormatter.ofPattern(I18n.get("format.time"), I18n.textLocale()).format(time);
    }

    /** "Mardi 17 h 30 – 18 h 15". */
    public static String slot(DayOfWeek day, LocalTime start, int durationMinutes) {
        if (day == null || start == null) {
            return I18n.get("format.slot.unknown");
        }
        return I18n.get("format.slot", day(day), time(start), time(start.plusMinutes(durationMinutes)));
    }

    /** "14/03/2014" in French. */
    public static String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(I18n.get("format.date"), I18n.textLocale()).format(date);
    }

    /** Whole years between the birth date and today. */
    public static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }
}
