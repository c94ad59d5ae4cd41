package org.tutti.client.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Sends through an SMTP server with Jakarta Mail (Angus), one connection per mail. */
public final class SmtpTransport implements MailTransport {

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpTransport(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticated()));
        p.setProperty("mail.smtp.from", settings.from());
        switch (settings.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> p.setProperty("mail.smtp.starttls.enable", "false");
            default -> throw new IllegalStateException("Unexpected security " + settings.security());
        }
        return p;
    }

    @Override
    public void send(OutgoingMail mail) throws MailDeliveryException {
        try {
            MimeMessage message = MimeMessages.build(session, mail, settings.from(), settings.fromName(),
                    Date.from(clock.instant()));
            try (Transport transport = session.getTransport("smtp")) {
                if (settings.authenticated()) {
                    transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                } else {
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException | RuntimeException e) {
            throw new MailDeliveryException("SMTP " + settings.host() + ":" + settings.port() + ": "
                    + MimeMessages.shortReason(e), e);
        }
    }

    @Override
    public String toString() {
        return "SMTP " + settings.host() + ":" + settings.port() + " (" + settings.security() + ")";
    }
}
