package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.config.ClientConfigLoader;
import org.tutti.client.domain.DemoMail;
import org.tutti.client.service.Backend;
import org.tutti.client.service.DemoMailboxService;
import org.tutti.schema.demo.DemoDataGenerator;

/** The embedded demo's in-process relay: a requested password lands in the local mailbox and works. */
class DemoMailRelayTest {

    private static final Pattern NEW_PASSWORD = Pattern.compile("Nouveau mot de passe\\s*:\\s*(\\S+)");

    @TempDir
    Path dataFolder;

    @Test
    void aPasswordRequestArrivesInTheDemoMailboxAsAnEmlAndTheNewPasswordLogsIn() throws Exception {
        try (Backend backend = BackendFactory.open(dataFolder, new StepRecorder(),
                new ClientConfigLoader(List.of(dataFolder)), 5)) {
            DemoMailboxService mailbox = backend.demoMailbox().orElseThrow();
            assertThat(mailbox.list()).isEmpty();
            String url = new EmbeddedDemo(dataFolder.resolve("db"), DemoDataGenerator.DEFAULT_SEED, 0).url();
            String email;
            String site;
            try (Connection c = DriverManager.getConnection(url, EmbeddedDemo.USER, EmbeddedDemo.PASSWORD)) {
                try (PreparedStatement account = c.prepareStatement("SELECT a.email, s.code FROM tutti.account a "
                        + "JOIN tutti.site s ON s.id = a.site_id WHERE a.identifier = 'F0002' ORDER BY a.id LIMIT 1");
                     ResultSet rs = account.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    email = rs.getString(1);
                    site = rs.getString(2);
                }
                requestPassword(c, "F0002", email);
            }

            Optional<DemoMail> arrived = mailbox.awaitMail(m -> m.recipient().equalsIgnoreCase(email),
                    Duration.ofSeconds(20));
            assertThat(arrived).isPresent();
            DemoMail mail = arrived.get();
            assertThat(mail.subject()).containsIgnoringCase("mot de passe");
            assertThat(mail.textBody()).contains("F0002").doesNotContain("{{secret}}");
            assertThat(mail.htmlBody()).isNotNull().doesNotContain("{{secret}}");
            assertThat(mailbox.list()).extracting(DemoMail::id).containsExactly(mail.id());
            assertThat(mailbox.get(mail.id())).contains(mail);
            assertThat(mailbox.get("no-such-mail")).isEmpty();
            try (Stream<Path> files = Files.list(dataFolder.resolve("mailbox"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(mail.id() + ".eml");
            }

            Matcher password = NEW_PASSWORD.matcher(mail.textBody());
            assertThat(password.find()).as("the mail tells the new password").isTrue();
            assertThat(backend.auth().login(site, "F0002", password.group(1).toCharArray())).isPresent();
            assertThat(secretsLeft(url)).isZero();
        }
    }

    private static void requestPassword(Connection c, String identifier, String email) throws SQLException {
        try (PreparedStatement request = c.prepareStatement("SELECT tutti.request_password(?, ?)")) {
            request.setString(1, identifier);
            request.setString(2, email);
            request.executeQuery().close();
        }
    }

    private static long secretsLeft(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDemo.USER, EmbeddedDemo.PASSWORD);
             PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM tutti.mail_outbox WHERE secret IS NOT NULL OR status <> 'SENT'");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
