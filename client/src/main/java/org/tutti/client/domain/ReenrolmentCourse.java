package org.tutti.client.domain;

/**
 * One course the student follows this year, offered as a box to tick.
 *
 * @param label "{discipline} — {class label}", as {@code tutti.submit_reenrolment} stores it
 */
public record ReenrolmentCourse(long enrolmentId, String label) {
}
