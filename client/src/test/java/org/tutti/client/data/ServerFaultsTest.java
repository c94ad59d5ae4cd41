package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ServerProblemException;
import org.tutti.client.service.ServerProblemException.Problem;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.ShippedMigrations;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Issue 12, faults: a configured server that cannot be used is reported with its cause (its own
 * message in the login window, one log line), after the configured timeouts at the latest; its
 * schema version and the SQL API it offers the login role are checked before anything else.
 */
class ServerFaultsTest {

    @TempDir
    Path dataFolder;

    private void writeConfig(String mode, String url, String user, String password, String extra) throws IOException {
        Files.writeString(dataFolder.resolve("tutti.json"), "{\"mode\": \"" + mode + "\", \"database\": {\"url\": \""
                + url + "\", \"user\": \"" + user + "\", \"password\": \"" + password + "\"" + extra + "}}");
    }

    private ServerProblemException problemOpening() {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> {
            try (Backend backend = BackendFactory.open(dataFolder, new StepRecorder())) {
                thrown[0] = null;
            }
        }).isInstanceOfSatisfying(ServerProblemException.class, e -> thrown[0] = e);
        return (ServerProblemException) thrown[0];
    }

    @Test
    void aServerThatTakesTheConnectionButNeverAnswersIsReportedAfterTheLoginTimeoutInOneLogLine() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (SilentServer server = new SilentServer()) {
            writeConfig("family", "jdbc:postgresql://127.0.0.1:" + server.port() + "/tutti", "tutti_family", "x",
                    ", \"connectTimeoutSeconds\": 2, \"loginTimeoutSeconds\": 2, \"socketTimeoutSeconds\": 2");
            StepRecorder recorder = new StepRecorder();
            long start = System.nanoTime();

            ServerProblemException e = problemOpening();

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(e.problem()).isEqualTo(Problem.TIMEOUT);
            assertThat(e.reason()).isEqualTo(ServiceException.Reason.DATABASE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("127.0.0.1:" + server.port() + "/tutti")
                    .contains("did not answer in time");
            assertThat(took).as("reported after the 2 s login timeout").isBetween(Duration.ofMillis(1500),
                    Duration.ofSeconds(8));
            assertThat(server.acceptedCount()).isPositive();
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> naming = log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(event -> event.getFormattedMessage().contains("did not answer in time"))
                .toList();
        assertThat(naming).as("log lines naming the cause").hasSize(1);
        assertThat(naming.get(0).getThrowableProxy()).as("no stack at that level").isNull();
    }

    @Test
    void aClosedPortIsARefusedConnection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        writeConfig("family", "jdbc:postgresql://127.0.0.1:" + port + "/tutti", "tutti_family", "x", "");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.REFUSED);
        assertThat(e.getMessage()).contains("the connection was refused");
    }

    @Test
    void anUnknownServerNameIsSaidSo() throws IOException {
        writeConfig("family", "jdbc:postgresql://no-such-server.invalid/tutti?sslmode=verify-full", "tutti_family",
                "x", ", \"connectTimeoutSeconds\": 3, \"loginTimeoutSeconds\": 3");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_HOST);
        assertThat(e.getMessage()).contains("no-such-server.invalid");
    }

    // ------------------------------------------------------------------ schema version and SQL API, on H2

    /** A development tutti.json on an H2 database migrated to this version. */
    private TestDatabase migratedH2(String mode) throws IOException {
        TestDatabase db = TestDatabases.freshH2();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.H2).migrate();
        writeConfig(mode, db.url(), db.user(), db.password(), "");
        return db;
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final String FUTURE_MIGRATION = "INSERT INTO tutti.flyway_schema_history (installed_rank, version,"
            + " description, type, script, checksum, installed_by, execution_time, success)"
            + " VALUES (999, '999', 'from a later Tutti', 'SQL', 'V999__later.sql', 0, 'it', 0, true)";

    @Test
    void aDatabaseNewerThanThisClientAsksToUpdateTutti() throws Exception {
        TestDatabase db = migratedH2("family");
        execute(db, FUTURE_MIGRATION);

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.CLIENT_TOO_OLD);
        assertThat(e.getMessage()).contains("schema version 999, newer than version "
                + ShippedMigrations.latest(DatabaseVendor.H2));
    }

    @Test
    void aDatabaseOlderThanThisClientIsForIt() throws Exception {
        TestDatabase db = migratedH2("family");
        String latest = ShippedMigrations.latest(DatabaseVendor.H2).toString();
        execute(db, "DELETE FROM tutti.flyway_schema_history WHERE version = '" + latest + "'");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.DATABASE_TOO_OLD);
        assertThat(e.getMessage()).contains("older than version " + latest);
    }

    @Test
    void aMissingFunctionOfTheSqlApiIsNamed() throws Exception {
        TestDatabase db = migratedH2("staff");
        execute(db, "DROP ALIAS tutti.decide_change");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.MISSING_FUNCTION);
        assertThat(e.detail()).isEqualTo("tutti.decide_change(bigint,boolean,text,boolean)");
    }

    @Test
    void aDatabaseAtThisVersionOpens() throws Exception {
        migratedH2("family");
        StepRecorder recorder = new StepRecorder();

        try (Backend backend = BackendFactory.open(dataFolder, recorder)) {
            assertThat(recorder.steps()).contains(StartupStep.READY);
        }
    }

    // ------------------------------------------------------------------ on PostgreSQL

    @Test
    @Tag("postgres")
    void aDatabaseThatDoesNotExistIsNotAnInternetProblem() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        String url = SeededDatabases.loginRoleUrl(server);
        writeConfig("family", url.substring(0, url.lastIndexOf('/') + 1) + "no_such_school", "tutti_family",
                SeededDatabases.setRolePassword(server, "tutti_family"), "");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.NO_DATABASE);
        assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION);
        assertThat(e.getMessage()).contains("3D000");
    }

    /**
     * The shared test server trusts local connections except for the members of tutti_recorder,
     * which must give a password (TestDatabases): a login role of that kind stands for IT's role.
     */
    @Test
    @Tag("postgres")
    void aWrongPasswordOfTheLoginRoleIsAConfigurationProblem() throws Exception {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        execute(server, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tutti_faults_login') THEN"
                + " CREATE ROLE tutti_faults_login LOGIN PASSWORD 'the-right-one' IN ROLE tutti_recorder; END IF; END $$");
        writeConfig("family", SeededDatabases.loginRoleUrl(server).replace("//localhost:", "//127.0.0.1:"),
                "tutti_faults_login", "not-the-password", "");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.WRONG_LOGIN);
        assertThat(e.reason()).isEqualTo(ServiceException.Reason.BAD_CONFIGURATION);
        assertThat(e.getMessage()).contains("\"tutti_faults_login\"").contains("28P01");
    }

    @Test
    @Tag("postgres")
    void aLoginRoleThatDoesNotExistIsAConfigurationProblem() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        writeConfig("family", SeededDatabases.loginRoleUrl(server), "tutti_famliy", "x", "");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.WRONG_LOGIN);
        assertThat(e.getMessage()).contains("\"tutti_famliy\"").contains("28000");
    }

    @Test
    @Tag("postgres")
    void aServerWithoutTlsWhenTheUrlAsksForItIsATlsProblem() throws IOException {
        TestDatabase server = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db();
        writeConfig("family", SeededDatabases.loginRoleUrl(server) + "?sslmode=require", "tutti_family",
                SeededDatabases.setRolePassword(server, "tutti_family"), "");

        ServerProblemException e = problemOpening();

        assertThat(e.problem()).isEqualTo(Problem.TLS);
    }

    /** Versions and privileges on a PostgreSQL of its own (the changes would disturb other tests). */
    @Test
    @Tag("postgres")
    void onPostgresqlTheVersionAndTheLoginRolesPrivilegesAreChecked() throws Exception {
        TestDatabase db = TestDatabases.freshPostgres();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        writeConfig("family", SeededDatabases.loginRoleUrl(db), "tutti_family",
                SeededDatabases.setRolePassword(db, "tutti_family"), "");

        execute(db, "REVOKE EXECUTE ON FUNCTION tutti.submit_changes(text, bigint, text) FROM tutti_family");
        ServerProblemException missing = problemOpening();
        assertThat(missing.problem()).isEqualTo(Problem.MISSING_FUNCTION);
        assertThat(missing.detail()).isEqualTo("tutti.submit_changes(text,bigint,text)");
        execute(db, "GRANT EXECUTE ON FUNCTION tutti.submit_changes(text, bigint, text) TO tutti_family");

        execute(db, FUTURE_MIGRATION);
        assertThat(problemOpening().problem()).isEqualTo(Problem.CLIENT_TOO_OLD);
        execute(db, "DELETE FROM tutti.flyway_schema_history WHERE version = '999'");

        String latest = ShippedMigrations.latest(DatabaseVendor.POSTGRESQL).toString();
        execute(db, "UPDATE tutti.flyway_schema_history SET success = false WHERE version = '" + latest + "'");
        assertThat(problemOpening().problem()).isEqualTo(Problem.DATABASE_TOO_OLD);
    }
}
