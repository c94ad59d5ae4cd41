package org.tutti.client.domain.model;

/** Kind of evaluation. Constants match the CHECK constraint of the column. */
public enum EvaluationKind {
    CONTINUOUS,
    MIDTERM,
    EXAM,
    AUDITION
}
