package org.tutti.client.service;

/**
 * What a staff decision on one change request came to.
 *
 * @param outcome      what happened
 * @param currentValue for {@link Outcome#CONFLICT}: the value now in the row (the staff member
 *                     decides again: accept anyway with {@code force}, or reject)
 */
public record DecisionResult(Outcome outcome, String currentValue) {

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        /** The row's field changed since the request: nothing was written. */
        CONFLICT,
        /** Another staff member decided first: nothing was written. */
        ALREADY_DECIDED,
        /** The request is not of this staff member's site. */
        FORBIDDEN
    }

    public static DecisionResult of(Outcome outcome) {
        return new DecisionResult(outcome, null);
    }
}
