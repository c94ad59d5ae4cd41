package org.tutti.client.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One name and one format per field of the family and student files, on every surface: the forms
 * (Famille, Élèves › Identité), the staff queue, the messages that name a field, and (in French,
 * written again in SQL: {@code tutti.change_field_label}, {@code tutti.change_value_text}) the
 * mails. Columns are named as in the database ({@code phone_home}); each has one bundle key
 * {@code field.<column>} whose {@code _} marks the form's mnemonic.
 *
 * <p>Values are shown as the user reads them: dates dd/MM/yyyy, phones "06 12 34 56 78",
 * civility and sex in words ("Mme", "Féminin").
 */
public final class FieldCatalogue {

    /** Every column a family may change, family file first, then the student's own. */
    public static final List<String> COLUMNS = List.of("civility", "last_name", "first_name", "address1", "address2",
            "postal_code", "city", "country", "phone_home", "phone_mobile", "phone_work", "email", "sex", "birth_date",
            "school_level");

    private FieldCatalogue() {
    }

    /** The bundle key of {@code column}'s label (with its mnemonic). */
    public static String formLabelKey(String column) {
        return "field." + column;
    }

    /** The label on a form, with its mnemonic: "Téléphone _fixe". An unknown column as it is. */
    public static String formLabel(String column) {
        String key = formLabelKey(column);
        return I18n.has(key) ? I18n.get(key) : column;
    }

    /** The label in a sentence, a list or a message: "Téléphone fixe". An unknown column as it is. */
    public static String label(String column) {
        return formLabel(column).replace("_", "");
    }

    /**
     * A stored value as the user reads it: dates dd/MM/yyyy, phones "06 12 34 56 78", civility
     * and sex in words; null as "". A value that does not parse is shown as it is.
     */
    public static String valueText(String column, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        switch (column) {
            case "birth_date":
                try {
                    return Formats.date(LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    return value;
                }
            case "civility":
                return Formats.civility(value);
            case "sex":
                return I18n.has("form.sex." + value) ? I18n.get("form.sex." + value) : value;
            case "phone_home":
            case "phone_mobile":
            case "phone_work":
                return FieldRules.formatPhone(value);
            default:
                return value;
        }
    }
}
