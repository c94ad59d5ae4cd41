package org.tutti.client.service;

import java.time.Instant;

/**
 * One change a family asked for, waiting for a staff decision, with what the row holds now
 * ({@code currentValue}: when it differs from {@code oldValue}, accepting is a conflict).
 *
 * @param familyCivility the family's civility code ({@code MME}, {@code M})
 * @param familyName   the family's first and last name, "Apolline Ferrari" (shown after the civility)
 * @param target       {@code FAMILY} or {@code STUDENT}
 * @param studentId    the student's id when the target is a student, else null
 * @param studentName  "Léa Dupont" when the target is a student, else null
 * @param fieldName    the column name ({@code address1}, {@code birth_date}…)
 */
public record PendingChange(
        long requestId,
        long familyId,
        String familyIdentifier,
        String familyCivility,
        String familyName,
        String target,
        Long studentId,
        String studentName,
        String fieldName,
        String oldValue,
        String newValue,
        String currentValue,
        Instant submittedAt) {

    public boolean isStudent() {
        return "STUDENT".equals(target);
    }

    /** True when the row no longer holds the value the request was made against. */
    public boolean rowChanged() {
        return !java.util.Objects.equals(oldValue, currentValue);
    }
}
