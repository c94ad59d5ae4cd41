package org.tutti.schema.h2;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the mails name a field, show a value and address a person, in French, with the rules of
 * the client's field catalogue ({@code org.tutti.client.ui.common.FieldCatalogue}, bundle keys
 * {@code field.*}): the same as {@code tutti.change_field_label}, {@code tutti.change_value_text}
 * and {@code tutti.person_name} on PostgreSQL ({@code postgresql/V9__field_catalogue.sql}).
 * Also the Java behind the H2 aliases of those functions ({@code h2/V9__field_catalogue.sql})
 * and the demo's display names.
 */
public final class FieldLabels {

    /** Shown for an emptied field. */
    private static final String EMPTY = "(vide)";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("civility", "Civilité"), Map.entry("last_name", "Nom"), Map.entry("first_name", "Prénom"),
            Map.entry("address1", "Adresse"), Map.entry("address2", "Complément d’adresse"),
            Map.entry("postal_code", "Code postal"), Map.entry("city", "Ville"), Map.entry("country", "Pays"),
            Map.entry("phone_home", "Téléphone fixe"), Map.entry("phone_mobile", "Téléphone portable"),
            Map.entry("phone_work", "Téléphone travail"), Map.entry("email", "E-mail"),
            Map.entry("sex", "Sexe"), Map.entry("birth_date", "Date de naissance"),
            Map.entry("school_level", "Niveau scolaire"));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern PHONE = Pattern.compile("0[0-9]{9}");

    private FieldLabels() {
    }

    /** {@code tutti.change_field_label(field)}: "Téléphone fixe" for {@code phone_home}; an unknown field as it is. */
    public static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /**
     * {@code tutti.change_value_text(field, value)}: a stored value as the family reads it (dates
     * 26/02/2018, phones 06 12 34 56 78, civility and sex in words); NULL for NULL.
     */
    public static String valueText(String field, String value) {
        if (value == null) {
            return null;
        }
        switch (field == null ? "" : field) {
            case "birth_date":
                try {
                    return DATE.format(LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    return value;
                }
            case "civility":
                return civility(value);
            case "sex":
                return "F".equals(value) ? "Féminin" : "M".equals(value) ? "Masculin" : value;
            case "phone_home", "phone_mobile", "phone_work":
                String grouped = groupedPhone(value);
                return grouped == null ? value : grouped;
            default:
                return value;
        }
    }

    /**
     * A French phone number in pairs ("06 12 34 56 78") whatever its spaces, dots and hyphens;
     * null when it is not ten digits starting with 0.
     */
    static String groupedPhone(String value) {
        String digits = value.replace(" ", "").replace(".", "").replace("-", "");
        return PHONE.matcher(digits).matches()
                ? digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " "
                        + digits.substring(6, 8) + " " + digits.substring(8, 10)
                : null;
    }

    /** One line of a mail's list: "Date de naissance : 26/02/2018", "(vide)" for an emptied field. */
    static String item(String field, String value) {
        return label(field) + " : " + shown(field, value);
    }

    /** A value in a sentence of a mail, "(vide)" for none. */
    static String shown(String field, String value) {
        return value == null ? EMPTY : valueText(field, value);
    }

    /** {@code tutti.person_name(civility, first_name, last_name)}: "Mme Apolline Ferrari"; missing parts left out. */
    public static String personName(String civility, String firstName, String lastName) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {civility == null ? null : civility(civility.strip()), firstName, lastName}) {
            if (part != null && !part.isBlank()) {
                out.append(out.length() == 0 ? "" : " ").append(part.strip());
            }
        }
        return out.toString();
    }

    /** "Bonjour Mme Apolline Ferrari," or, without a name, "Bonjour,". */
    static String greeting(String name) {
        return name == null || name.isBlank() ? "Bonjour," : "Bonjour " + name + ",";
    }

    private static String civility(String code) {
        return "MME".equals(code) ? "Mme" : "M".equals(code) ? "M." : code;
    }

    /**
     * How a re-enrolment choice names a course, as SQL over {@code course c} and {@code discipline d}
     * (the same text in V13's {@code submit_reenrolment} on PostgreSQL): "Formation musicale — FM 2C1",
     * but the class label alone when it already starts with the discipline ("Piano — 2C1", not
     * "Piano — Piano — 2C1").
     */
    public static final String COURSE_CHOICE_SQL = "CASE WHEN left(lower(c.class_label), char_length(d.name)) = lower(d.name)"
            + " THEN c.class_label ELSE d.name || ' — ' || c.class_label END";

    /** {@link #COURSE_CHOICE_SQL} in Java (the demo's requests). */
    public static String courseChoice(String discipline, String classLabel) {
        return classLabel.toLowerCase(java.util.Locale.ROOT).startsWith(discipline.toLowerCase(java.util.Locale.ROOT))
                ? classLabel : discipline + " — " + classLabel;
    }
}
