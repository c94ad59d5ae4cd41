package org.tutti.client.domain;

import java.time.Instant;

/**
 * One mail delivered to the embedded demo's local mailbox (instead of an SMTP server).
 *
 * @param id         stable identifier of the mail in the mailbox (the .eml file name without extension)
 * @param receivedAt when the demo relay delivered it
 * @param recipient  the address it was sent to
 * @param subject    decoded subject
 * @param textBody   the plain text part ("" when absent)
 * @param htmlBody   the HTML part, or null when the mail has none
 */
public record DemoMail(String id, Instant receivedAt, String recipient, String subject,
                       String textBody, String htmlBody) {
}
