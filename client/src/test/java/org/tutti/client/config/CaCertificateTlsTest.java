package org.tutti.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the school's CA certificate travels beside {@code tutti.json}, and the client verifies
 * a real PostgreSQL server's certificate with it ({@code sslmode=verify-full}). The server's
 * certificate (for localhost and 127.0.0.1) is signed by the test CA of {@code tls/ca.crt}.
 */
@Tag("postgres")
class CaCertificateTlsTest {

    private static final String TLS = "/org/tutti/client/config/tls/";

    @TempDir
    static Path serverFiles;
    private static EmbeddedPostgres server;

    @TempDir
    Path folder;

    @BeforeAll
    static void startATlsServer() throws IOException {
        Path certificate = copy("server.crt", serverFiles);
        Path key = copy("server.key", serverFiles);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.toString())
                .setServerConfig("ssl_key_file", key.toString())
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Path copy(String name, Path folder) throws IOException {
        Path target = folder.resolve(name);
        try (InputStream in = CaCertificateTlsTest.class.getResourceAsStream(TLS + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private void writeConfig(String parameters) throws IOException {
        Files.writeString(folder.resolve("tutti.json"), "{\"database\": {\"url\": \"jdbc:postgresql://localhost:"
                + server.getPort() + "/postgres?sslmode=verify-full" + parameters + "\", \"user\": \"postgres\"}}");
    }

    /** Connects as the client would with the file of {@code folder}; true when the connection is encrypted. */
    private boolean connectsOverTls() throws SQLException {
        ClientConfig.Database database = new ClientConfigLoader(List.of(folder)).load().orElseThrow().database();
        try (Connection c = DriverManager.getConnection(database.url(), database.connectionProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Test
    void aRootCrtBesideTheFileVerifiesTheServer() throws Exception {
        writeConfig("");
        assertThatThrownBy(this::connectsOverTls).as("no certificate to verify the server with")
                .isInstanceOf(SQLException.class);

        copy("ca.crt", folder);
        Files.move(folder.resolve("ca.crt"), folder.resolve("root.crt"));

        assertThat(connectsOverTls()).isTrue();
    }

    @Test
    void aRelativeSslRootCertIsReadFromTheFolderOfTheFile() throws Exception {
        copy("ca.crt", Files.createDirectories(folder.resolve("certs")));
        writeConfig("&sslrootcert=certs/ca.crt");

        assertThat(connectsOverTls()).isTrue();
    }
}
