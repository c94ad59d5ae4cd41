package org.tutti.client.domain;

import java.time.OffsetDateTime;

/**
 * A family account of the staff's site as Comptes lists it.
 *
 * @param lastLoginAt the latest login, null when never used
 * @param locked      locked by staff, or locked out after wrong passwords now
 * @param lockedUntil the end of a lock-out after wrong passwords, null when none is running
 */
public record FamilyAccount(long accountId, long familyId, String identifier, String familyName, String email,
        OffsetDateTime createdAt, OffsetDateTime lastLoginAt, boolean locked, OffsetDateTime lockedUntil,
        boolean neverUsed) {
}
