package org.tutti.client.domain;

import java.time.Instant;

/**
 * A change the staff refused that the family has not marked as seen yet: the screen shows it
 * (which field, the refused value, the staff's comment) until the family says "OK, vu".
 *
 * @param fieldName    the column name ({@code city}, {@code birth_date}…)
 * @param refusedValue the value asked for, as stored (may be null: a field to be emptied)
 * @param comment      the staff's comment, or null
 */
public record RefusedChange(long requestId, String fieldName, String refusedValue, String comment, Instant decidedAt) {
}
