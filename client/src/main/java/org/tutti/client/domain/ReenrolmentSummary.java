package org.tutti.client.domain;

import java.time.Instant;

/** One line of the staff's list of requests. */
public record ReenrolmentSummary(long id, String familyIdentifier, String familyName, String studentName,
        Instant submittedAt, ReenrolmentState state) {
}
