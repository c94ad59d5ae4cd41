package org.tutti.client.data.entity;

/** Where a change request stands. Constants match the CHECK constraint of the column. */
public enum ChangeRequestStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    SUPERSEDED
}
