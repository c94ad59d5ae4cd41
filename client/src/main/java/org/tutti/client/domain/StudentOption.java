package org.tutti.client.domain;

/** A student of a family in a staff picker: "Léa MARTIN". */
public record StudentOption(long id, String name) {

    @Override
    public String toString() {
        return name;
    }
}
