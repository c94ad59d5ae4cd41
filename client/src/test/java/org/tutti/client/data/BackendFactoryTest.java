package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.tutti.client.domain.StartupStep.CONFIGURING;
import static org.tutti.client.domain.StartupStep.CONNECTING;
import static org.tutti.client.domain.StartupStep.CREATING_DEMO;
import static org.tutti.client.domain.StartupStep.MIGRATING;
import static org.tutti.client.domain.StartupStep.READY;
import static org.tutti.client.domain.StartupStep.SEEDING;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.config.ClientConfigLoader;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.UnverifiedTlsException;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

class BackendFactoryTest {

    private static final int FAMILIES = 20;

    @TempDir
    Path dataFolder;

    /** The embedded demo, looking for tutti.json in the data folder only. */
    private Backend openDemo(StepRecorder recorder) {
        return BackendFactory.open(dataFolder, recorder, new ClientConfigLoader(List.of(dataFolder)), FAMILIES);
    }

    private static void assertFails(ThrowingCallable call, ServiceException.Reason reason, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    @Test
    @Tag("slow")
    void theFirstStartCreatesTheDemoAndLaterStartsReuseIt() {
        StepRecorder first = new StepRecorder();
        try (Backend backend = openDemo(first)) {
            assertThat(first.steps()).containsExactly(CONFIGURING, CREATING_DEMO, MIGRATING, SEEDING, CONNECTING, READY);
            assertThat(first.seedingFractions()).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
            assertThat(backend.isEmbeddedDemo()).isTrue();
            assertThat(backend.sites().listSites()).hasSize(2);
            assertThat(backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray())).isPresent();
            assertThat(dataFolder.resolve("db/tutti.mv.db")).isRegularFile();
            assertThat(dataFolder.resolve("db/tutti-creating.mv.db")).doesNotExist();

            assertFails(() -> openDemo(new StepRecorder()), ServiceException.Reason.DEMO_DATABASE_FAILED, "already in use");
            assertThat(backend.sites().listSites()).as("the first one still works").hasSize(2);
        }
        assertDatabaseFileIsFree(dataFolder.resolve("db/tutti.mv.db"));

        StepRecorder second = new StepRecorder();
        try (Backend backend = openDemo(second)) {
            assertThat(second.steps()).containsExactly(CONFIGURING, MIGRATING, CONNECTING, READY);
            assertThat(backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray())).isPresent();
        }
    }

    @Test
    @Tag("slow")
    void aFirstStartKilledWhileSeedingLeavesNoDemoAndTheNextStartBeginsAgain() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DemoStartChild.class.getName(), dataFolder.toString(), String.valueOf(FAMILIES))
                .redirectErrorStream(true)
                .start();
        try {
            List<String> output = new ArrayList<>();
            String marker = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> readUntilMarker(child, output));
            assertThat(marker).as(String.join("\n", output)).isEqualTo(DemoStartChild.SEEDING_MARKER);

            assertFails(() -> openDemo(new StepRecorder()), ServiceException.Reason.DEMO_DATABASE_FAILED, "already in use");
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(dataFolder.resolve("db/tutti.mv.db")).doesNotExist();

        StepRecorder again = new StepRecorder();
        try (Backend backend = openDemo(again)) {
            assertThat(again.steps()).containsExactly(CONFIGURING, CREATING_DEMO, MIGRATING, SEEDING, CONNECTING, READY);
            assertThat(backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray())).isPresent();
        }
        assertThat(dataFolder.resolve("db/tutti-creating.mv.db")).doesNotExist();
    }

    /** After close() nothing holds the H2 file: the pool and the database are closed. */
    private static void assertDatabaseFileIsFree(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            assertThat(lock).as("lock on " + file).isNotNull();
        } catch (IOException | OverlappingFileLockException e) {
            throw new AssertionError(file + " is still open", e);
        }
    }

    private static String readUntilMarker(Process child, List<String> output) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.equals(DemoStartChild.SEEDING_MARKER)) {
                return line;
            }
            output.add(line);
        }
        return null;
    }

    @Test
    void anUnreadableDemoDatabaseIsReported() throws IOException {
        Files.createDirectories(dataFolder.resolve("db"));
        Files.write(dataFolder.resolve("db/tutti.mv.db"), new byte[] {'n', 'o', 't', ' ', 'h', '2'});
        StepRecorder recorder = new StepRecorder();

        assertFails(() -> openDemo(recorder), ServiceException.Reason.DEMO_DATABASE_FAILED, dataFolder.toString());
        assertThat(recorder.steps()).doesNotContain(READY);
    }

    @Test
    void aBrokenConfigurationFileIsReportedWithItsName() throws IOException {
        Files.writeString(dataFolder.resolve("tutti.json"), "{ \"database\": ");

        assertFails(() -> BackendFactory.open(dataFolder, new StepRecorder()),
                ServiceException.Reason.BAD_CONFIGURATION, dataFolder.resolve("tutti.json").toString());
        assertThat(dataFolder.resolve("db")).doesNotExist();
    }

    @Test
    void anUnreachableServerIsReported() throws IOException {
        Files.writeString(dataFolder.resolve("tutti.json"), """
                {"database": {"url": "jdbc:postgresql://127.0.0.1:1/tutti?connectTimeout=5", "user": "tutti_family",
                              "password": "x"}}
                """);
        StepRecorder recorder = new StepRecorder();

        assertFails(() -> BackendFactory.open(dataFolder, recorder), ServiceException.Reason.DATABASE_UNAVAILABLE,
                "127.0.0.1:1/tutti?...");
        assertThat(recorder.steps()).containsExactly(CONFIGURING, CONNECTING);
    }

    @Test
    void aRemoteServerWithoutCertificateVerificationIsRefusedBeforeAnyConnection() throws IOException {
        writeConfig("family", "jdbc:postgresql://db.school.example/tutti?sslmode=prefer", "tutti_family", "x");
        StepRecorder recorder = new StepRecorder();

        assertThatThrownBy(() -> BackendFactory.open(dataFolder, recorder))
                .isInstanceOfSatisfying(UnverifiedTlsException.class,
                        e -> assertThat(e.file()).isEqualTo(dataFolder.resolve("tutti.json")))
                .hasMessageContaining("\"database.url\" must ask for sslmode=verify-full");
        assertThat(recorder.steps()).containsExactly(CONFIGURING);
        assertThat(dataFolder.resolve("db")).doesNotExist();
    }

    /**
     * IT allowed an unverified connection: the backend opens and says which server, for the login
     * window's warning. 0.0.0.0 is not a loopback address for the check, but Linux connects it to
     * this machine, where the test server listens: no traffic leaves the computer.
     */
    @Test
    @Tag("postgres")
    void anUnverifiedServerAllowedByTheFileOpensAndIsReportedForTheWarning() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        String url = SeededDatabases.loginRoleUrl(server).replace("//localhost:", "//0.0.0.0:");
        Files.writeString(dataFolder.resolve("tutti.json"), "{\"database\": {\"url\": \"" + url + "\","
                + " \"user\": \"tutti_family\", \"password\": \""
                + SeededDatabases.setRolePassword(server, "tutti_family") + "\", \"allowUnverifiedTls\": true}}");

        try (Backend backend = BackendFactory.open(dataFolder, new StepRecorder())) {
            assertThat(backend.unverifiedServer()).contains("0.0.0.0");
            assertThat(backend.sites().listSites()).hasSize(2);
        }
    }

    @Test
    @Tag("postgres")
    void aLocalServerHasNothingToWarnAbout() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        writeConfig("family", SeededDatabases.loginRoleUrl(server), "tutti_family",
                SeededDatabases.setRolePassword(server, "tutti_family"));

        try (Backend backend = BackendFactory.open(dataFolder, new StepRecorder())) {
            assertThat(backend.unverifiedServer()).isEmpty();
        }
    }

    /** A tutti.json for {@code db} as {@code user}. */
    private void writeConfig(String mode, String url, String user, String password) throws IOException {
        Files.writeString(dataFolder.resolve("tutti.json"), "{" + (mode == null ? "" : "\"mode\": \"" + mode + "\", ")
                + "\"database\": {\"url\": \"" + url + "\", \"user\": \"" + user + "\", \"password\": \""
                + password + "\"}}");
    }

    @Test
    @Tag("postgres")
    void aConfiguredServerIsUsedAsTheFamilyRoleWithoutMigratingIt() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        writeConfig("family", SeededDatabases.loginRoleUrl(server), "tutti_family",
                SeededDatabases.setRolePassword(server, "tutti_family"));
        StepRecorder recorder = new StepRecorder();

        try (Backend backend = BackendFactory.open(dataFolder, recorder)) {
            assertThat(recorder.steps()).containsExactly(CONFIGURING, CONNECTING, READY);
            assertThat(backend.isEmbeddedDemo()).isFalse();
            assertThat(backend.sites().listSites()).hasSize(2);
            assertThat(backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray())).isPresent();
        }
        assertThat(dataFolder.resolve("db")).doesNotExist();
    }

    @Test
    @Tag("postgres")
    void aLoginRoleThatDoesNotMatchTheModeIsABadConfiguration() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        writeConfig("staff", SeededDatabases.loginRoleUrl(server), "tutti_family",
                SeededDatabases.setRolePassword(server, "tutti_family"));

        assertFails(() -> BackendFactory.open(dataFolder, new StepRecorder()), ServiceException.Reason.BAD_CONFIGURATION,
                "mode \"staff\", which connects as tutti_staff, but database.user is \"tutti_family\"");
    }

    /** A server migrated by a user that is not a superuser, whose hardening IT has not run yet. */
    @Test
    @Tag("postgres")
    void aServerNotHardenedIsReportedAsOutdatedRatherThanRefusingEveryPassword() throws Exception {
        TestDatabase server = TestDatabases.freshPostgres();
        new SchemaMigrator(server.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SERVER tutti_loopback CASCADE");
        }
        writeConfig("family", SeededDatabases.loginRoleUrl(server), "tutti_family",
                SeededDatabases.setRolePassword(server, "tutti_family"));

        assertFails(() -> BackendFactory.open(dataFolder, new StepRecorder()), ServiceException.Reason.OUTDATED_DATABASE,
                "is not hardened, so no login can succeed: run 'tutti-schema harden'");
    }

    /** A server IT has not migrated to this version: the SQL API is missing. */
    @Test
    @Tag("postgres")
    void aServerWithoutTheSecurityMigrationIsReportedAsOutdated() throws Exception {
        TestDatabase server = TestDatabases.freshPostgres();
        String v1;
        try (InputStream in = BackendFactoryTest.class.getResourceAsStream("/db/migration/common/V1__data_model.sql")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA tutti");
            s.execute(v1);
        }
        writeConfig(null, server.url(), server.user(), server.password());

        assertFails(() -> BackendFactory.open(dataFolder, new StepRecorder()), ServiceException.Reason.OUTDATED_DATABASE,
                "is at schema version (none before 11), older than version");
    }
}
