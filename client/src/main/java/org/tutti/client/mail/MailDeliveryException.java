package org.tutti.client.mail;

/** A mail was not accepted; the message is short and is stored in {@code mail_outbox.last_error}. */
public class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
