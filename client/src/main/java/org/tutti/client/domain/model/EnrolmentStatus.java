package org.tutti.client.domain.model;

/** Where an enrolment stands. Constants match the CHECK constraint of the column. */
public enum EnrolmentStatus {
    ACTIVE,
    COMPLETED,
    WITHDRAWN
}
