package org.tutti.client.domain;

/** Where a re-enrolment request stands ({@code reenrolment_request.status}). */
public enum ReenrolmentState {
    /** Sent, waiting for the front desk: "Réinscription en attente de validation". */
    PENDING,
    /** Accepted by the front desk. */
    VALIDATED,
    /** Refused by the front desk, with its comment. */
    REJECTED
}
