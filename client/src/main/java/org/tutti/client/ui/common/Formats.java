package org.tutti.client.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.tutti.client.domain.PaymentMethod;

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

    /** "MME" → "Mme", "M" → "M." (the civility codes of the family table); an unknown code as it is. */
    public static String civility(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = "civility." + code.strip();
        return I18n.has(key) ? I18n.get(key) : code.strip();
    }

    /**
     * A person as every surface names them: civility in words, first name, last name ("Mme
     * Apolline Ferrari"); a missing part is left out. The mails write the same in SQL
     * ({@code tutti.person_name}).
     */
    public static String personName(String civilityCode, String firstName, String lastName) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {civility(civilityCode), firstName, lastName}) {
            if (part != null && !part.isBlank()) {
                out.append(out.length() == 0 ? "" : " ").append(part.strip());
            }
        }
        return out.toString();
    }

    /** Whole years between the birth date and today. */
    public static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    /** A performance's length as minutes and seconds: "3:05", "12:40". */
    public static String minutesSeconds(int seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** "45 min", "1 h 30". */
    public static String minutes(int minutes) {
        return minutes < 60 ? I18n.get("format.minutes", minutes)
                : I18n.get("format.hoursMinutes", minutes / 60, String.format(Locale.ROOT, "%02d", minutes % 60));
    }

    /** Bytes in a kilobyte ("Ko") and a megabyte ("Mo"), as file sizes are counted. */
    private static final long KILOBYTE = 1024;
    private static final long MEGABYTE = 1024 * 1024;
    private static final long GIGABYTE = 1024 * MEGABYTE;

    /**
     * A file's size as the user reads it: "2 Mo", "1,4 Mo", "350 Ko", "12 octets", "2 Go" (one decimal at
     * most, rounded to the nearest).
     */
    public static String size(long bytes) {
        return size(bytes, RoundingMode.HALF_UP);
    }

    /**
     * Like {@link #size(long)}, rounded up: a size over a limit never reads as the limit
     * ("2,1 Mo" for 2 Mo and one byte).
     */
    public static String sizeRoundedUp(long bytes) {
        return size(bytes, RoundingMode.CEILING);
    }

    private static String size(long bytes, RoundingMode rounding) {
        NumberFormat number = NumberFormat.getNumberInstance(I18n.textLocale());
        number.setMinimumFractionDigits(0);
        number.setMaximumFractionDigits(1);
        number.setRoundingMode(rounding);
        if (bytes >= GIGABYTE) {
            return I18n.get("format.size.gigabytes", number.format(bytes / (double) GIGABYTE));
        }
        if (bytes >= MEGABYTE) {
            return I18n.get("format.size.megabytes", number.format(bytes / (double) MEGABYTE));
        }
        if (bytes >= KILOBYTE) {
            number.setMaximumFractionDigits(0);
            BigDecimal kilobytes = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(KILOBYTE), 0, rounding);
            if (kilobytes.longValue() >= KILOBYTE) {
                return I18n.get("format.size.megabytes", number.format(1));
            }
            return I18n.get("format.size.kilobytes", number.format(kilobytes));
        }
        return I18n.get("format.size.bytes", bytes);
    }

    /** A mark out of 20 as the user writes numbers: "15,5 / 20" in French. */
    public static String mark(BigDecimal mark) {
        NumberFormat number = NumberFormat.getNumberInstance(I18n.textLocale());
        number.setMinimumFractionDigits(0);
        number.setMaximumFractionDigits(2);
        return I18n.get("format.mark", number.format(mark));
    }

    // issue 14 — family UI: amounts of Facturation

    /**
     * An amount of money as the user reads it: "1 234,56 €" in French (the locale's grouping, a
     * no-break space before the euro sign, so that the sign never starts a line), "−50,00 €" for a
     * negative one (a minus sign, not a hyphen); "€1,234.56" with the English bundle.
     */
    public static String money(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        NumberFormat number = NumberFormat.getNumberInstance(I18n.textLocale());
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        String text = I18n.get("format.money", number.format(rounded.abs()));
        return rounded.signum() < 0 ? "\u2212" + text : text;
    }

    /** "Chèque", "Virement", "Espèces", "Carte bancaire", "Prélèvement", "Paiement en ligne"; nothing for null. */
    public static String paymentMethod(PaymentMethod method) {
        return method == null ? "" : I18n.get("billing.method." + method.name());
    }

    // issue 13 — staff: when a request was sent

    /** "26/11/2026 14:05": a moment as the clock on the wall in {@code zone} read it. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern(I18n.get("format.dateTimeMinutes"), I18n.textLocale())
                .format(instant.atZone(zone));
    }
}
