package org.tutti.client.domain;

/** One student's identity (Élèves › Identité): the row's fields and those waiting for validation. */
public record StudentIdentity(long id, String firstName, String lastName, FieldValues values) {

    /** The columns a family may ask to change, in the form's order. */
    public static final java.util.List<String> FIELDS = java.util.List.of("last_name", "first_name", "sex",
            "birth_date", "email", "phone_mobile", "school_level");

    /** What the student selector shows. */
    public String displayName() {
        return firstName + " " + lastName;
    }
}
