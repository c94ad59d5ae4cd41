package org.tutti.client.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds the MIME form of an {@link OutgoingMail}: UTF-8, plain text plus HTML as multipart/alternative. */
final class MimeMessages {

    /** Header carrying the outbox row's id, to trace a received mail back to its row. */
    static final String OUTBOX_ID_HEADER = "X-Tutti-Outbox-Id";

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {
    }

    static MimeMessage build(Session session, OutgoingMail mail, String from, String fromName, Date sentDate)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(address(from, fromName));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(sentDate);
        message.setHeader(OUTBOX_ID_HEADER, Long.toString(mail.outboxId()));
        if (mail.htmlBody() == null || mail.htmlBody().isBlank()) {
            message.setText(mail.textBody(), UTF_8, "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.textBody(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.htmlBody(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress address(String from, String fromName) throws MessagingException {
        InternetAddress address = new InternetAddress(from, true);
        if (fromName != null && !fromName.isBlank()) {
            try {
                address.setPersonal(fromName, UTF_8);
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("UTF-8 unsupported", e);
            }
        }
        return address;
    }

    /** A one-line reason, without stack trace, for {@code last_error} and the log. */
    static String shortReason(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null && reason.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            if (reason.length() > 0) {
                reason.append(" <- ");
            }
            String message = t.getMessage();
            reason.append(t.getClass().getSimpleName());
            if (message != null && !message.isBlank()) {
                reason.append(": ").append(message.strip().replaceAll("\\s+", " "));
            }
        }
        return reason.length() > 500 ? reason.substring(0, 500) : reason.toString();
    }
}
