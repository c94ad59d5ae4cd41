package org.tutti.client.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/** What only PostgreSQL does: two relays at once (row locking), and LISTEN/NOTIFY wake-ups. */
@Tag("postgres")
class PostgresRelayTest {

    private static final ServerSetup SMTP = ServerSetupTest.SMTP.withPort(Outbox.freePort());

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(SMTP);

    private static MailRelay relay(TestDatabase db, String name, Duration poll) {
        RelaySettings settings = RelaySettings.defaults().withPollInterval(poll);
        return new MailRelay(name, Outbox.relayConnections(db),
                new SmtpTransport(MailRelayTest.smtp(SMTP.getPort()), Clock.systemUTC()), settings, Clock.systemUTC());
    }

    @Test
    void twoRelaysAtOnceSendEachOfFiftyMailsExactlyOnce() throws Exception {
        TestDatabase db = Outbox.database(DatabaseVendor.POSTGRESQL);
        Outbox.clearQueue(db);
        Map<String, Integer> expected = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < 50; i++) {
            long id = Outbox.queue(db, "famille" + i + "@example.org", "Mail " + i, "Texte {{secret}}",
                    "<p>{{secret}}</p>", "secret-" + i, now);
            expected.put(Long.toString(id), 0);
        }
        MailRelay first = relay(db, "relay one", Duration.ofMillis(200));
        MailRelay second = relay(db, "relay two", Duration.ofMillis(200));
        try {
            first.start();
            second.start();
            assertThat(GREEN_MAIL.waitForIncomingEmail(60_000, 50)).isTrue();
            assertThat(Outbox.await(() -> pending(db) == 0, Duration.ofSeconds(30))).isTrue();
        } finally {
            first.stop();
            second.stop();
        }
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage mail : GREEN_MAIL.getReceivedMessages()) {
            received.merge(mail.getHeader(MimeMessages.OUTBOX_ID_HEADER, null), 1, Integer::sum);
        }
        assertThat(received.keySet()).isEqualTo(expected.keySet());
        assertThat(received.values()).allMatch(count -> count == 1);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(50);
        assertThat(Outbox.count(db, "SELECT count(*) FROM tutti.mail_outbox WHERE secret IS NOT NULL")).isZero();
    }

    private static long pending(TestDatabase db) {
        try {
            return Outbox.count(db, "SELECT count(*) FROM tutti.mail_outbox WHERE status = 'PENDING'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPasswordRequestWakesTheListeningRelayLongBeforeItsPollingInterval() throws Exception {
        TestDatabase db = Outbox.database(DatabaseVendor.POSTGRESQL);
        Outbox.clearQueue(db);
        String identifier = Outbox.text(db,
                "SELECT identifier FROM tutti.account WHERE family_id IS NOT NULL ORDER BY id LIMIT 1");
        String email = Outbox.text(db, "SELECT email FROM tutti.account WHERE identifier = '" + identifier + "'");
        MailRelay relay = relay(db, "listening relay", Duration.ofSeconds(60));
        try {
            relay.start();
            assertThat(Outbox.await(relay::isListening, Duration.ofSeconds(10))).isTrue();
            try (Connection family = TestDatabases.connectAs(db, "tutti_family", Outbox.ROLE_PASSWORD);
                 PreparedStatement request = family.prepareStatement("SELECT tutti.request_password(?, ?)")) {
                request.setString(1, identifier);
                request.setString(2, email);
                try (ResultSet rs = request.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            long queued = System.nanoTime();
            assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - queued)).isLessThan(Duration.ofSeconds(10));
        } finally {
            relay.stop();
        }
        MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
        String raw = new String(mail.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualToIgnoringCase(email);
        assertThat(raw).doesNotContain("{{secret}}");
        String id = mail.getHeader(MimeMessages.OUTBOX_ID_HEADER, null);
        assertThat(Outbox.row(db, Long.parseLong(id)).status()).isEqualTo("SENT");
        assertThat(Outbox.row(db, Long.parseLong(id)).secret()).isNull();
    }
}
