package org.tutti.client.domain;

import java.time.Instant;

/** A mail of the site's outbox the relay gave up on ({@code tutti.failed_mails()}); never its secret. */
public record FailedMail(long id, Instant createdAt, String recipient, String subject, int attempts,
        String lastError) {
}
