package org.tutti.client.domain;

/**
 * One family found by the front desk's search (Familles): what a receptionist reads to tell it
 * from the others, as the database answers it.
 *
 * @param familyId   the family's id
 * @param identifier its identifier ("F0001")
 * @param name       its responsible adult ("Mme Claire Martin")
 * @param students   its students' names ("Léa Martin, Hugo Martin"), empty without any
 * @param phones     its phone numbers as typed ("06 12 34 56 78, 04 50 11 22 33"), empty without any
 * @param email      its e-mail, else its account's; empty without any
 * @param city       its town
 */
public record FamilyMatch(long familyId, String identifier, String name, String students, String phones,
        String email, String city) {

    public FamilyMatch {
        identifier = identifier == null ? "" : identifier;
        name = name == null ? "" : name;
        students = students == null ? "" : students;
        phones = phones == null ? "" : phones;
        email = email == null ? "" : email;
        city = city == null ? "" : city;
    }

    /** The title of its file's window: "F0001 — Mme Claire Martin". */
    public String title() {
        return identifier + " — " + name;
    }
}
