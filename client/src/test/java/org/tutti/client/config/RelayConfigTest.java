package org.tutti.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;

/** The "smtp" and "relay" sections of tutti.json, as the headless relay reads them. */
class RelayConfigTest {

    @TempDir
    Path folder;

    private Path write(String json) throws IOException {
        Path file = folder.resolve(ClientConfigLoader.FILE_NAME);
        Files.writeString(file, json);
        return file;
    }

    private static ClientConfig read(Path file) {
        return new ClientConfigLoader(List.of()).readForRelay(file);
    }

    @Test
    void readsTheSmtpServerAndTheRelaysOwnConnectionIgnoringUnknownProperties() throws IOException {
        ClientConfig config = read(write("""
                {"smtp": {"host": "smtp.bellerive.example", "port": 587, "security": "starttls",
                          "username": "relay", "password": "smtp-s3cret", "from": "secretariat@bellerive.example",
                          "fromName": "Conservatoire de Bellerive", "dkim": true},
                 "relay": {"database": {"url": "jdbc:postgresql://localhost/tutti", "user": "tutti_relay",
                                        "password": "db-s3cret"},
                           "pollSeconds": 15, "giveUpHours": 24}}
                """));
        assertThat(config.smtp().host()).isEqualTo("smtp.bellerive.example");
        assertThat(config.smtp().port()).isEqualTo(587);
        assertThat(config.smtp().fromName()).isEqualTo("Conservatoire de Bellerive");
        assertThat(config.database().user()).isEqualTo("tutti_relay");
        assertThat(config.relay().pollSeconds()).isEqualTo(15);
        assertThat(config.relay().giveUpHours()).isEqualTo(24);
        assertThat(config.relay().backoffBaseSeconds()).isNull();
        assertThat(config.toString()).doesNotContain("smtp-s3cret").doesNotContain("db-s3cret");
    }

    @Test
    void aClientFileWithRelaySectionsStillLoadsAsAClient() throws IOException {
        Path file = write("""
                {"database": {"url": "jdbc:postgresql://db/tutti?sslmode=verify-full", "user": "tutti_family"},
                 "smtp": {"host": "smtp.example", "from": "a@example.org"}}
                """);
        ClientConfig config = new ClientConfigLoader(List.of(folder)).load().orElseThrow();
        assertThat(config.source()).isEqualTo(file);
        assertThat(config.smtp().host()).isEqualTo("smtp.example");
    }

    @Test
    void namesTheMissingOrWrongSetting() throws IOException {
        String db = "\"relay\": {\"database\": {\"url\": \"jdbc:postgresql://db/tutti?sslmode=verify-full\","
                + " \"user\": \"tutti_relay\"}}";
        assertBad(write("{" + db + "}"), "no \"smtp\" section");
        assertBad(write("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\"}}"), "\"relay.database\"");
        assertBad(write("{\"smtp\": {\"from\": \"a@b.c\"}, " + db + "}"), "\"smtp.host\" is missing");
        assertBad(write("{\"smtp\": {\"host\": \"h\"}, " + db + "}"), "\"smtp.from\"");
        assertBad(write("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\", \"security\": \"SSL3\"}, " + db + "}"),
                "\"smtp.security\" must be \"STARTTLS\", \"TLS\" or \"NONE\"");
        assertBad(write("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\", \"port\": 0}, " + db + "}"), "\"smtp.port\"");
        assertBad(write("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\"}, \"relay\": {\"database\": "
                + "{\"url\": \"jdbc:mysql://x\", \"user\": \"u\"}}}"), "\"relay.database.url\" must start with");
        assertBad(write("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\"}, \"relay\": {\"pollSeconds\": -1, "
                + db.substring(db.indexOf('{') + 1) + "}"), "\"relay.pollSeconds\" must be a positive number");
        assertBad(write("{\"smtp\": "), "not valid JSON");
        assertBad(folder.resolve("missing.json"), "does not exist");
    }

    /** The relay usually runs next to the database; elsewhere its connection must be verified too. */
    @Test
    void aRemoteRelayDatabaseNeedsAVerifiedConnectionOrAnExplicitOptOut() throws IOException {
        String smtp = "\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\"}";
        Path remote = write("{" + smtp + ", \"relay\": {\"database\": {\"url\": \"jdbc:postgresql://db.school.example/tutti"
                + "?sslmode=require\", \"user\": \"tutti_relay\"}}}");
        assertBad(remote, "\"relay.database.url\" must ask for sslmode=verify-full (or verify-ca)");
        assertThatThrownBy(() -> read(remote)).isInstanceOfSatisfying(UnverifiedTlsException.class,
                e -> assertThat(e.optOutSetting()).isEqualTo("relay.database.allowUnverifiedTls"))
                .hasMessageContaining("\"relay.database.allowUnverifiedTls\": true");

        ClientConfig allowed = read(write("{" + smtp + ", \"relay\": {\"database\": {\"url\":"
                + " \"jdbc:postgresql://db.school.example/tutti?sslmode=require\", \"user\": \"tutti_relay\","
                + " \"allowUnverifiedTls\": true}}}"));
        assertThat(allowed.database().unverifiedServer()).contains("db.school.example");

        ClientConfig local = read(write("{" + smtp + ", \"relay\": {\"database\": {\"url\":"
                + " \"jdbc:postgresql://localhost:5432/tutti\", \"user\": \"tutti_relay\"}}}"));
        assertThat(local.database().unverifiedServer()).isEmpty();
    }

    private static void assertBad(Path file, String problem) {
        assertThatThrownBy(() -> read(file))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION))
                .hasMessageContaining(file.toString())
                .hasMessageContaining(problem);
    }
}
