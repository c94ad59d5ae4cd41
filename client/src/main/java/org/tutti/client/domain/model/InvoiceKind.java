package org.tutti.client.domain.model;

/** Membership fees (cotisation) or rentals (location). Constants match the CHECK constraint of the column. */
public enum InvoiceKind {
    COTISATION,
    LOCATION
}
