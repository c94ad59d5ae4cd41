package org.tutti.client.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/** The relay against GreenMail on H2 and on PostgreSQL (as tutti_relay): delivery, retry, give-up. */
@Tag("postgres")
class MailRelayTest {

    private static final ServerSetup SMTP = ServerSetupTest.SMTP.withPort(Outbox.freePort());

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(SMTP);

    static final String SUBJECT = "Conservatoire de Bellerive — votre nouveau mot de passe";
    static final String SECRET = "Kp7-wXq9-mZ3r";
    static final String TEXT = "Bonjour Hélène,\n\nIdentifiant : F0042\nNouveau mot de passe : {{secret}}\n\nÀ bientôt.";
    static final String HTML = "<p>Bonjour Hélène,</p><p>Nouveau mot de passe&nbsp;: <code>{{secret}}</code></p>";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));

    static SmtpSettings smtp(int port) {
        String host = SMTP.getBindAddress() == null ? "127.0.0.1" : SMTP.getBindAddress();
        return new SmtpSettings(host, port, SmtpSettings.Security.NONE, null, null,
                "secretariat@bellerive.example", "Conservatoire de Bellerive", Duration.ofSeconds(5));
    }

    private MailRelay relay(TestDatabase db, MailTransport transport, RelaySettings settings) {
        return new MailRelay("test relay", Outbox.relayConnections(db), transport, settings, clock);
    }

    private static RelaySettings settings() {
        return new RelaySettings(Duration.ofSeconds(30), false, Duration.ofHours(48), Duration.ofSeconds(30),
                Duration.ofSeconds(3600));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void deliversAQueuedMailInUtf8AsTextAndHtmlWithTheSecretThenScrubsIt(DatabaseVendor vendor) throws Exception {
        TestDatabase db = Outbox.database(vendor);
        Outbox.clearQueue(db);
        long id = Outbox.queue(db, "helene.martin@example.org", SUBJECT, TEXT, HTML, SECRET, clock.instant());
        MailRelay relay = relay(db, new SmtpTransport(smtp(SMTP.getPort()), clock), settings());
        try {
            assertThat(relay.processDue()).isEqualTo(1);
        } finally {
            relay.stop();
        }

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(SUBJECT);
        assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(mail.getHeader(MimeMessages.OUTBOX_ID_HEADER, null)).isEqualTo(Long.toString(id));
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Conservatoire de Bellerive");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("helene.martin@example.org");
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Nouveau mot de passe : " + SECRET).contains("Hélène").doesNotContain("{{secret}}");
        assertThat(html).contains("<code>" + SECRET + "</code>").doesNotContain("{{secret}}");

        Outbox.Row row = Outbox.row(db, id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isEqualTo(clock.instant());
        assertThat(row.secret()).isNull();
        assertThat(row.bodyText() + row.bodyHtml() + row.lastError()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aMailQueuedWhileTheServerIsDownIsRetriedAndArrivesOnceItIsBack(DatabaseVendor vendor) throws Exception {
        TestDatabase db = Outbox.database(vendor);
        Outbox.clearQueue(db);
        GREEN_MAIL.stop();
        long id = Outbox.queue(db, "paul.durand@example.org", SUBJECT, TEXT, HTML, SECRET, clock.instant());
        MailRelay relay = relay(db, new SmtpTransport(smtp(SMTP.getPort()), clock), settings());
        try {
            assertThat(relay.processDue()).isEqualTo(1);
            Outbox.Row failed = Outbox.row(db, id);
            assertThat(failed.status()).isEqualTo("PENDING");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("SMTP").doesNotContain(SECRET).doesNotContain("\n\tat ");
            assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
            assertThat(failed.secret()).isEqualTo(SECRET);

            clock.advance(Duration.ofSeconds(29));
            assertThat(relay.processDue()).as("not due before the back-off").isZero();

            GREEN_MAIL.start();
            clock.advance(Duration.ofSeconds(1));
            assertThat(relay.processDue()).isEqualTo(1);
        } finally {
            relay.stop();
        }
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getHeader(MimeMessages.OUTBOX_ID_HEADER, null))
                .isEqualTo(Long.toString(id));
        Outbox.Row sent = Outbox.row(db, id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.secret()).isNull();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void backsOffExponentiallyUpToTheCapThenGivesUpAfterTheDelay(DatabaseVendor vendor) throws Exception {
        TestDatabase db = Outbox.database(vendor);
        Outbox.clearQueue(db);
        Instant created = clock.instant();
        long id = Outbox.queue(db, "nobody@example.org", SUBJECT, TEXT, HTML, SECRET, created);
        RelaySettings settings = new RelaySettings(Duration.ofSeconds(30), false, Duration.ofHours(2),
                Duration.ofSeconds(30), Duration.ofSeconds(600));
        // nothing listens there: every attempt fails
        MailRelay relay = relay(db, new SmtpTransport(smtp(Outbox.freePort()), clock), settings);
        List<Long> delays = new ArrayList<>();
        try {
            Outbox.Row row = Outbox.row(db, id);
            for (int attempt = 0; attempt < 100 && row.status().equals("PENDING"); attempt++) {
                clock.set(row.nextAttemptAt());
                assertThat(relay.processDue()).isEqualTo(1);
                row = Outbox.row(db, id);
                if (row.status().equals("PENDING")) {
                    delays.add(Duration.between(clock.instant(), row.nextAttemptAt()).toSeconds());
                    assertThat(clock.instant()).isBefore(created.plus(Duration.ofHours(2)));
                }
            }
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(clock.instant()).isAfterOrEqualTo(created.plus(Duration.ofHours(2)));
            assertThat(row.secret()).isNull();
            assertThat(row.lastError()).contains("SMTP");
            assertThat(row.sentAt()).isNull();
            assertThat(row.attempts()).isEqualTo(delays.size() + 1);
            clock.advance(Duration.ofDays(1));
            assertThat(relay.processDue()).as("a failed mail is never taken again").isZero();
        } finally {
            relay.stop();
        }
        assertThat(delays).startsWith(30L, 60L, 120L, 240L, 480L, 600L, 600L);
        assertThat(delays).allMatch(d -> d <= 600L);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aMailWhoseSecretIsMissingIsNeverSentWithThePlaceholder(DatabaseVendor vendor) throws SQLException {
        TestDatabase db = Outbox.database(vendor);
        Outbox.clearQueue(db);
        long id = Outbox.queue(db, "x@example.org", SUBJECT, TEXT, HTML, SECRET, clock.instant());
        Outbox.update(db, "UPDATE tutti.mail_outbox SET secret = NULL WHERE id = " + id);
        MailRelay relay = relay(db, new SmtpTransport(smtp(SMTP.getPort()), clock), settings());
        try {
            assertThat(relay.processDue()).isEqualTo(1);
        } finally {
            relay.stop();
        }
        assertThat(Outbox.row(db, id).status()).isEqualTo("FAILED");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }
}
