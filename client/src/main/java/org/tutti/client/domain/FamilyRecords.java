package org.tutti.client.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What the family file's record tabs show (issue 16, part "records"): a family's change requests,
 * re-enrolment requests, mails and the staff actions on its file. Statuses are the database's codes
 * (PENDING, ACCEPTED, REJECTED, SUPERSEDED / VALIDATED; PENDING, SENT, FAILED for mails).
 */
public final class FamilyRecords {

    private FamilyRecords() {
    }

    /**
     * One field of a change request.
     *
     * @param field   the column ({@code city}, {@code phone_home}…), labelled by FieldCatalogue
     * @param student the student's name when the request is about a student, else null
     */
    public record ChangeRecord(long id, String field, String student, String oldValue, String newValue,
                               Instant submittedAt, String status, String decidedBy, Instant decidedAt,
                               String comment) {
    }

    /** One re-enrolment request of one of the family's students. */
    public record ReenrolmentRecord(long id, String student, String schoolYear, Instant submittedAt, String status,
                                    String decidedBy, Instant decidedAt, String comment) {
    }

    /** One mail of the outbox sent (or to be sent) to the family; never its secret nor its body. */
    public record MailRecord(long id, Instant createdAt, String kind, String recipient, String subject, String status,
                             Instant sentAt, String lastError) {
    }

    /**
     * One staff action on the family's file.
     *
     * @param before the changed values before, by key ({@code city} → Lyon, in the stored order), empty for a
     *               creation; a key is a column (labelled by FieldCatalogue) or a value of the action
     *               ({@code number}, {@code total}, {@code amount}…)
     * @param after  the values after, empty when there is none
     */
    public record HistoryEntry(Instant occurredAt, String staffName, String kind, String detail,
                               Map<String, String> before, Map<String, String> after) {
    }
}
