package org.tutti.client.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the columns of a file that goes to validation accept before anything is sent (required,
 * e-mail, postal code, phones, birth date), and how their values are shown and stored (phones as
 * "06 12 34 56 78"). Columns are named as in the database ({@code postal_code}). Each field's
 * length limit is its column's ({@link #maxLength}; a test compares them with the database); the
 * invisible format characters the database strips are stripped as they are typed or pasted.
 */
public final class FieldRules {

    static final Set<String> REQUIRED = Set.of("civility", "last_name", "first_name", "address1", "postal_code",
            "city", "country", "sex", "birth_date");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{5}$");
    private static final Pattern PHONE = Pattern.compile("^0\\d{9}$");

    /** The length of each column a family may change (tutti.family, tutti.student; birth date: yyyy-mm-dd). */
    private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("civility", 4), Map.entry("last_name", 80), Map.entry("first_name", 80),
            Map.entry("address1", 120), Map.entry("address2", 120), Map.entry("postal_code", 10),
            Map.entry("city", 80), Map.entry("country", 60), Map.entry("phone_home", 20),
            Map.entry("phone_mobile", 20), Map.entry("phone_work", 20), Map.entry("email", 254),
            Map.entry("sex", 1), Map.entry("birth_date", 10), Map.entry("school_level", 40));

    /**
     * The invisible bidirectional and zero-width format characters the database strips from every
     * value (postgresql/V10, {@code tutti.strip_format_characters}).
     */
    private static final Pattern FORMAT_CHARACTERS =
            Pattern.compile("[\\u061C\\u200B-\\u200F\\u2028-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]");

    private FieldRules() {
    }

    /** The length limit of column {@code name} (in characters), or {@link Integer#MAX_VALUE} for an unknown column. */
    public static int maxLength(String name) {
        return MAX_LENGTHS.getOrDefault(name, Integer.MAX_VALUE);
    }

    /** {@code text} without the invisible format characters the database strips. */
    public static String stripFormatCharacters(String text) {
        return text == null ? null : FORMAT_CHARACTERS.matcher(text).replaceAll("");
    }

    /**
     * The date format of the bundle ({@code format.date}, dd/MM/yyyy in French), strict: 31/02/2015
     * and 32/13/2015 do not parse (the lenient default turns the first into 28/02/2015).
     */
    public static DateTimeFormatter strictDateFormat() {
        return DateTimeFormatter.ofPattern(I18n.get("format.date").replace('y', 'u'), I18n.textLocale())
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The message for {@code value} of {@code name}, or "" when it is acceptable. */
    public static String check(String name, String value) {
        if (value.isEmpty()) {
            return REQUIRED.contains(name) ? I18n.get("form.error.required") : "";
        }
        switch (name) {
            case "email":
                return EMAIL.matcher(value).matches() ? "" : I18n.get("form.error.email");
            case "postal_code":
                return POSTAL_CODE.matcher(value).matches() ? "" : I18n.get("form.error.postalCode");
            case "phone_home":
            case "phone_mobile":
            case "phone_work":
                return PHONE.matcher(digits(value)).matches() ? "" : I18n.get("form.error.phone");
            case "birth_date":
                return checkBirthDate(value);
            default:
                return "";
        }
    }

    private static String checkBirthDate(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value); // ISO, which is strict
        } catch (DateTimeParseException e) {
            return I18n.get("form.error.birthDate");
        }
        LocalDate latest = LocalDate.now().minusYears(2);
        if (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(latest)) {
            return I18n.get("form.error.birthDatePlausible");
        }
        return "";
    }

    /** How a stored value is shown: phones as "06 12 34 56 78"; null as "". */
    public static String display(String name, String value) {
        if (value == null) {
            return "";
        }
        return name.startsWith("phone_") ? formatPhone(value) : value;
    }

    /** How a checked, non-empty value is stored: phones as "06 12 34 56 78". */
    public static String normalise(String name, String value) {
        return name.startsWith("phone_") ? formatPhone(value) : value;
    }

    /**
     * What the database would store for a typed text, to tell a real change from a different
     * spelling of the same value: without format characters, stripped, phones formatted.
     */
    static String comparable(String name, String text) {
        String v = stripFormatCharacters(text == null ? "" : text).strip();
        return v.isEmpty() ? "" : normalise(name, v);
    }

    /** Ten digits starting with 0 as "06 12 34 56 78"; anything else unchanged. */
    public static String formatPhone(String value) {
        String digits = digits(value);
        if (!PHONE.matcher(digits).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(digits, i, i + 2);
        }
        return out.toString();
    }

    private static String digits(String value) {
        return value.replaceAll("[\\s.\\-]", "");
    }
}
