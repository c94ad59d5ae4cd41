package org.tutti.client.domain;

import java.math.BigDecimal;

/**
 * One of the site's rental items (instrument, room, equipment) with its monthly fee and whether a
 * rental covers the database's date.
 */
public record RentalItemOption(long id, RentalItemKind kind, String label, String inventoryCode,
        BigDecimal monthlyFee, boolean rentedNow) {

    @Override
    public String toString() {
        return label + " (" + inventoryCode + ")";
    }
}
