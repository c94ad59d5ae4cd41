package org.tutti.client.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.Launcher;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/** {@code tutti.jar --relay} as IT runs it: a separate JVM through {@link Launcher}. */
class RelayCliTest {

    private static final ServerSetup SMTP = ServerSetupTest.SMTP.withPort(Outbox.freePort());

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(SMTP);

    @TempDir
    Path home;

    private Process relay(Path config, Path classLog) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-Dtutti.home=" + home,
                "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "--relay", "--config", config.toString()));
        return new ProcessBuilder(command)
                .redirectOutput(home.resolve("stdout.txt").toFile())
                .redirectError(home.resolve("stderr.txt").toFile())
                .start();
    }

    private List<String> stderrLines() throws IOException {
        return Files.readAllLines(home.resolve("stderr.txt")).stream().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void aBrokenConfigurationStopsTheRelayWithOneLineAndANonZeroStatusWithoutLoadingJavaFx() throws Exception {
        Path config = home.resolve("tutti.json");
        Files.writeString(config, """
                {"relay": {"database": {"url": "jdbc:postgresql://localhost/tutti", "user": "tutti_relay"}}}
                """);
        Path classLog = home.resolve("classes.txt");
        Process process = relay(config, classLog);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(RelayMain.EXIT_BAD_CONFIGURATION);
        List<String> errors = stderrLines();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("tutti --relay: ").contains(config.toString()).contains("\"smtp\"");
        assertThat(Files.readString(classLog)).contains("org.tutti.client.mail.RelayMain").doesNotContain("javafx.");
    }

    @Test
    void aMissingConfigurationFileIsOneLineToo() throws Exception {
        Process process = relay(home.resolve("nowhere.json"), home.resolve("classes.txt"));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(stderrLines()).singleElement().asString().contains("nowhere.json").contains("does not exist");
    }

    @Test
    @Tag("postgres")
    void theHeadlessRelaySendsAsTuttiRelayAndStopsCleanlyOnSigterm() throws Exception {
        TestDatabase db = Outbox.database(DatabaseVendor.POSTGRESQL);
        Outbox.clearQueue(db);
        long id = Outbox.queue(db, "cli@example.org", MailRelayTest.SUBJECT, MailRelayTest.TEXT, MailRelayTest.HTML,
                MailRelayTest.SECRET, Instant.now());
        String url = "jdbc:postgresql://localhost:" + TestDatabases.server().getPort() + "/"
                + TestDatabases.databaseName(db);
        Path config = home.resolve("tutti.json");
        Files.writeString(config, """
                {"smtp": {"host": "127.0.0.1", "port": %d, "security": "NONE",
                          "from": "secretariat@bellerive.example", "fromName": "Conservatoire de Bellerive"},
                 "relay": {"database": {"url": "%s", "user": "tutti_relay", "password": "%s"}, "pollSeconds": 60}}
                """.formatted(SMTP.getPort(), url, Outbox.ROLE_PASSWORD));
        Process process = relay(config, home.resolve("classes.txt"));
        try {
            assertThat(GREEN_MAIL.waitForIncomingEmail(30_000, 1)).isTrue();
            assertThat(Outbox.await(() -> sent(db, id), java.time.Duration.ofSeconds(10))).isTrue();
        } finally {
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String out = Files.readString(home.resolve("stdout.txt"));
        assertThat(out).contains("Mail relay (relay) started").contains("sent to cli@example.org")
                .contains("Mail relay (relay) stopped")
                .doesNotContain(MailRelayTest.SECRET).doesNotContain(Outbox.ROLE_PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getSubject()).isEqualTo(MailRelayTest.SUBJECT);
    }

    private static boolean sent(TestDatabase db, long id) {
        try {
            return Outbox.row(db, id).status().equals("SENT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
