package org.tutti.client.domain;

import java.time.Instant;
import java.util.List;

/**
 * A re-enrolment request as sent (read-only on the family's side).
 *
 * @param choices         the labels of the courses ticked (empty for administrative re-enrolment)
 * @param decidedAt       null while {@link ReenrolmentState#PENDING}
 * @param decisionComment the front desk's comment (always given with a refusal), or null
 */
public record SentReenrolment(long id, ReenrolmentState state, Instant submittedAt, boolean administrative,
        List<String> choices, String comment, List<StoredDocument> documents, Instant decidedAt,
        String decisionComment) {

    public SentReenrolment {
        choices = List.copyOf(choices);
        documents = List.copyOf(documents);
    }
}
