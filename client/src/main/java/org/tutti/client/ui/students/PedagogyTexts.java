package org.tutti.client.ui.students;

import java.util.Comparator;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/** How the pedagogical file's values read (the same in the lists and in the windows). */
final class PedagogyTexts {

    /** Day of the week, then start time: the order of a week's timetable. */
    static final Comparator<CourseSheet> BY_SLOT = Comparator
            .comparing(CourseSheet::day, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CourseSheet::startTime, Comparator.nullsLast(Comparator.naturalOrder()));

    private PedagogyTexts() {
    }

    /** "Mercredi 10 h 45": the list's day and time (the window shows the whole slot). */
    static String dayAndTime(CourseSheet sheet) {
        if (sheet.day() == null || sheet.startTime() == null) {
            return I18n.get("format.slot.unknown");
        }
        return Formats.day(sheet.day()) + " " + Formats.time(sheet.startTime());
    }

    static String slot(CourseSheet sheet) {
        return Formats.slot(sheet.day(), sheet.startTime(), sheet.durationMinutes());
    }

    /** "15,5 / 20", "Très bien", or "15,5 / 20 (Très bien)". */
    static String result(EvaluationLine evaluation) {
        if (evaluation.mark() == null) {
            return evaluation.mention();
        }
        String mark = Formats.mark(evaluation.mark());
        return evaluation.mention() == null || evaluation.mention().isBlank() ? mark
                : I18n.get("pedagogy.markAndMention", mark, evaluation.mention());
    }

    static String excused(AbsenceLine absence) {
        return I18n.get(absence.excused() ? "pedagogy.absence.excused" : "pedagogy.absence.notExcused");
    }

    /** "3 (1 excusée, 2 non excusées)". */
    static String absenceCounts(CourseSheet sheet) {
        return I18n.get("pedagogy.absenceCounts", sheet.absenceCount(), sheet.excusedAbsences(),
                sheet.unexcusedAbsences());
    }

    /** An enum constant's text: {@code prefix + name()} in the bundle, the constant itself if missing. */
    static String text(String prefix, Enum<?> value) {
        if (value == null) {
            return null;
        }
        String key = prefix + value.name();
        return I18n.has(key) ? I18n.get(key) : value.name();
    }

    /** "Piano — cycle 2 année 1 (2024-2025)": a course as a window title names it. */
    static String courseTitle(CourseSheet sheet) {
        return courseTitle(sheet.classLabel(), sheet.schoolYear());
    }

    /** "Violon 1C2 (2026-2027)". */
    static String courseTitle(String classLabel, String schoolYear) {
        return I18n.get("pedagogy.courseTitle", classLabel, schoolYear);
    }
}
