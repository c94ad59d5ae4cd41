package org.tutti.client.domain;

/** What a rental item is: the values of {@code tutti.rental_item.kind}. */
public enum RentalItemKind {
    INSTRUMENT,
    ROOM,
    EQUIPMENT
}
