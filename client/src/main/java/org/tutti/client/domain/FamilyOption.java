package org.tutti.client.domain;

/** A family in a staff picker: "F0001 — MARTIN Claire". */
public record FamilyOption(long id, String identifier, String name) {

    @Override
    public String toString() {
        return identifier + " — " + name;
    }
}
