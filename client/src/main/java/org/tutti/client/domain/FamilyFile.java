package org.tutti.client.domain;

/** The family's own file (Famille): the row's fields and those waiting for validation. */
public record FamilyFile(long id, FieldValues values) {

    /** The columns a family may ask to change, in the form's order. */
    public static final java.util.List<String> FIELDS = java.util.List.of("civility", "last_name", "first_name",
            "address1", "address2", "postal_code", "city", "country", "phone_home", "phone_mobile", "phone_work",
            "email");
}
