package org.tutti.client.domain.model;

/** Where a re-enrolment request stands. Constants match the CHECK constraint of the column. */
public enum ReenrolmentStatus {
    PENDING,
    VALIDATED,
    REJECTED
}
