package org.tutti.client.mail;

/** Where the relay delivers: an SMTP server ({@link SmtpTransport}) or the demo mailbox ({@link DemoMailbox}). */
public interface MailTransport {

    /**
     * Delivers one mail; returns only once the receiving side accepted it.
     *
     * @throws MailDeliveryException when it was not accepted (the relay retries later)
     */
    void send(OutgoingMail mail) throws MailDeliveryException;
}
