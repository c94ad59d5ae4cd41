package org.tutti.client.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the columns of a file that goes to validation accept before anything is sent (required,
 * e-mail, postal code, phones, birth date), and how their values are shown and stored (phones as
 * "06 12 34 56 78"). Columns are named as in the database ({@code postal_code}).
 */
public final class FieldRules {

    static final Set<String> REQUIRED = Set.of("civility", "last_name", "first_name", "address1", "postal_code",
            "city", "country", "sex", "birth_date");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{5}$");
    private static final Pattern PHONE = Pattern.compile("^0\\d{9}$");

    private FieldRules() {
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
            date = LocalDate.parse(value);
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
