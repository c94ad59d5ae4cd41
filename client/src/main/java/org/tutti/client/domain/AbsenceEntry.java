package org.tutti.client.domain;

/**
 * One student's line of a date's absences: absent or not, excused, the reason (null when none).
 * As read, only the students absent that date; as recorded, every student listed.
 */
public record AbsenceEntry(long enrolmentId, boolean absent, boolean excused, String reason) {
}
