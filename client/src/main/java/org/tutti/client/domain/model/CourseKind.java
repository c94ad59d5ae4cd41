package org.tutti.client.domain.model;

/** Individual lesson or collective class. Constants match the CHECK constraint of the column. */
public enum CourseKind {
    INDIVIDUAL,
    COLLECTIVE
}
