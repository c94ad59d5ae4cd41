package org.tutti.client.domain.model;

/** Where a queued mail stands. Constants match the CHECK constraint of the column. */
public enum MailStatus {
    PENDING,
    SENT,
    FAILED
}
