package org.tutti.client.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date fields typed in the bundle's pattern (dd/MM/yyyy), parsed strictly: the birth date of the
 * family files, the dates of a re-enrolment campaign.
 */
public final class DatePickers {

    private DatePickers() {
    }

    /**
     * The picker shows the bundle's date pattern (dd/MM/yyyy), parsed strictly; the model holds ISO
     * text for a date, or the text as typed when it is not one (the check then says so). The
     * picker's own commit (focus lost, Enter) would put the last valid date back, or empty the
     * field: an invalid text is kept by answering it with a marker date that shows that text.
     */
    public static DatePicker strict(StringProperty value) {
        DateTimeFormatter format = FieldRules.strictDateFormat();
        DatePicker picker = new DatePicker();
        picker.setPromptText(I18n.get("form.datePrompt"));
        String[] typed = {""};
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date == INVALID_DATE ? typed[0] : format.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                LocalDate date = parse(text, format);
                if (date == null) {
                    typed[0] = text;
                    return INVALID_DATE;
                }
                return date;
            }
        });
        boolean[] updating = {false};
        picker.valueProperty().addListener((obs, old, date) -> {
            if (!updating[0]) {
                updating[0] = true;
                value.set(date == null ? "" : date == INVALID_DATE ? typed[0].strip() : date.toString());
                updating[0] = false;
            }
        });
        // the calendar cannot show the marker: it opens on today's month; closed without a choice,
        // the typed text comes back (the picker would otherwise show its empty value)
        String[] setAside = {null};
        picker.setOnShowing(e -> {
            if (picker.getValue() == INVALID_DATE) {
                setAside[0] = typed[0];
                updating[0] = true;
                picker.setValue(null);
                picker.getEditor().setText(typed[0]);
                updating[0] = false;
            }
        });
        picker.setOnHidden(e -> {
            String text = setAside[0];
            setAside[0] = null;
            if (text != null && picker.getValue() == null) {
                updating[0] = true;
                typed[0] = text;
                picker.setValue(INVALID_DATE);
                picker.getEditor().setText(text);
                value.set(text.strip());
                updating[0] = false;
            }
        });
        picker.getEditor().textProperty().addListener((obs, old, text) -> {
            if (updating[0]) {
                return;
            }
            updating[0] = true;
            LocalDate date = text == null || text.isBlank() ? null : parse(text, format);
            // unparsable text is kept as typed, so that the check can name it
            value.set(date != null ? date.toString() : (text == null ? "" : text.strip()));
            updating[0] = false;
        });
        Runnable fromModel = () -> {
            if (updating[0]) {
                return;
            }
            updating[0] = true;
            LocalDate date = isoOrNull(value.get());
            picker.setValue(date);
            picker.getEditor().setText(date == null ? "" : format.format(date));
            updating[0] = false;
        };
        value.addListener((obs, old, text) -> fromModel.run());
        fromModel.run();
        return picker;
    }

    /**
     * What the picker holds while its text is not a date: shown as that text, never sent (the
     * model holds the text). Compared by identity.
     */
    private static final LocalDate INVALID_DATE = LocalDate.of(1, 1, 1);

    /** The date of {@code text} in the strict bundle pattern (or ISO), or null. */
    private static LocalDate parse(String text, DateTimeFormatter format) {
        try {
            return LocalDate.parse(text.strip(), format);
        } catch (DateTimeParseException e) {
            return isoOrNull(text.strip());
        }
    }

    private static LocalDate isoOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
