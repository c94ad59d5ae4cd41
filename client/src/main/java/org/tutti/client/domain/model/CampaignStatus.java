package org.tutti.client.domain.model;

/** Where a re-enrolment campaign stands. Constants match the CHECK constraint of the column. */
public enum CampaignStatus {
    DRAFT,
    OPEN,
    CLOSED
}
