package org.tutti.client.domain;

/** A student of a course at the front desk: the enrolment, "Prénom NOM" and the family's identifier. */
public record CourseStudent(long enrolmentId, long studentId, long familyId, String name, String familyIdentifier) {
}
