package org.tutti.client.domain.model;

/** Kind of musical event. Constants match the CHECK constraint of the column. */
public enum EventKind {
    CONCERT,
    AUDITION,
    SHOW,
    MASTERCLASS,
    EXAM
}
