package org.tutti.client.domain.model;

/** Kind of rented item. Constants match the CHECK constraint of the column. */
public enum RentalItemKind {
    INSTRUMENT,
    ROOM,
    EQUIPMENT
}
