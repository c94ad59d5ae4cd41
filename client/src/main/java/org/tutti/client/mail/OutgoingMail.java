package org.tutti.client.mail;

/**
 * One mail as the relay hands it to a {@link MailTransport}: the secret is already substituted,
 * so never log an instance (its {@link #toString()} leaves the bodies out).
 *
 * @param outboxId id of the {@code tutti.mail_outbox} row (sent as the header {@code X-Tutti-Outbox-Id})
 * @param htmlBody null when the row has no HTML body
 */
public record OutgoingMail(long outboxId, String recipient, String subject, String textBody, String htmlBody) {

    @Override
    public String toString() {
        return "OutgoingMail[outboxId=" + outboxId + ", recipient=" + recipient + "]";
    }
}
