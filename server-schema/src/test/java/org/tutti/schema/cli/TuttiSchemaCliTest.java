package org.tutti.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.schema.H2Urls;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/** The command line run in-process, as a user would: exit code, standard output, standard error. */
class TuttiSchemaCliTest {

    private static EmbeddedPostgres passwordProtected;
    private static Path passwordProtectedHba;

    @TempDir
    Path folder;

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : err.lines().toList();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TuttiSchemaCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static String[] with(String[] connection, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(connection));
        return all.toArray(String[]::new);
    }

    /** A failure as the user sees it: one line on stderr, no Java internals, exit code not 0. */
    static void assertOneLineFailure(Result result, String expectedMessage) {
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("tutti-schema: ").contains(expectedMessage)
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.");
    }

    private String[] h2File() {
        return new String[] {"--url", "jdbc:h2:file:" + folder.resolve("tutti").toAbsolutePath(), "--user", "sa",
            "--password", ""};
    }

    private static String[] postgres(TestDatabase db) {
        return new String[] {"--url", db.url(), "--user", db.user(), "--password", db.password()};
    }

    @Test
    @Tag("slow")
    void migrateSeedAndInfoOnAnH2File() {
        migrateSeedAndInfo(h2File());
    }

    @Test
    @Tag("postgres")
    void migrateSeedAndInfoOnPostgres() {
        migrateSeedAndInfo(postgres(TestDatabases.freshPostgres()));
    }

    private static void migrateSeedAndInfo(String[] connection) {
        Result seedTooEarly = run(with(connection, "seed-demo", "--families", "50"));
        assertOneLineFailure(seedTooEarly, "run tutti-schema migrate first");

        Result migrate = run(with(connection, "migrate"));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).containsPattern("^Applied [1-9]\\d* migrations?; schema tutti is now at ");
        assertThat(run(with(connection, "migrate")).out()).startsWith("Schema tutti is up to date");

        Result seed = run(with(connection, "seed-demo", "--families", "50", "--seed", "7"));
        assertThat(seed.exitCode()).as(seed.err()).isZero();
        assertThat(seed.err()).as("no progress line without a terminal").isEmpty();
        assertThat(seed.out()).contains("50 families, seed 7").containsPattern("\\n  family +50\\n")
                .containsPattern("Elapsed: \\d+\\.\\d s");

        Result info = run(with(connection, "info"));
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("1 data model").containsPattern("\\n  family +50\\n")
                .containsPattern("\\n  site +2\\n").doesNotContain("flyway_schema_history");

        Result again = run(with(connection, "seed-demo", "--families", "50"));
        assertOneLineFailure(again, "the database already holds data; seed-demo runs only on an empty database");
        assertThat(run(with(connection, "info")).out()).containsPattern("\\n  family +50\\n");
    }

    @Test
    void wrongH2PasswordIsOneLine() {
        assertThat(run(with(h2File(), "migrate")).exitCode()).isZero();
        String url = h2File()[1];

        Result result = run("info", "--url", url, "--user", "sa", "--password", "not-the-password");

        assertOneLineFailure(result, "authentication failed for user \"sa\"");
    }

    @Test
    @Tag("postgres")
    void wrongPostgresPasswordIsOneLine() throws IOException, SQLException {
        EmbeddedPostgres server = passwordProtectedServer();
        String url = server.getJdbcUrl("tutti_cli", "postgres");

        Result wrong = run("info", "--url", url, "--user", "tutti_cli", "--password", "wrong");
        assertOneLineFailure(wrong, "authentication failed for user \"tutti_cli\"");

        Result right = run("info", "--url", url, "--user", "tutti_cli", "--password", "right");
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.out()).contains("Applied migrations: none");
    }

    @Test
    void unreachableServerIsOneLine() {
        Result result = run("migrate", "--url", "jdbc:postgresql://localhost:1/tutti", "--user", "x", "--password", "y");

        assertOneLineFailure(result, "cannot connect to jdbc:postgresql://localhost:1/tutti: connection refused");
    }

    @Test
    void unsupportedUrlIsOneLine() {
        assertOneLineFailure(run("info", "--url", "jdbc:mysql://localhost/tutti"), "unsupported database URL");
    }

    @Test
    void missingUrlIsOneLine() {
        Assumptions.assumeTrue(System.getenv("TUTTI_DB_URL") == null, "TUTTI_DB_URL is set in this environment");
        assertOneLineFailure(run("migrate"), "no database URL: give --url or set TUTTI_DB_URL");
    }

    @Test
    void usageErrorsAreOneLine() {
        Result unknownOption = run("seed-demo", "--families", "many", "--url", "jdbc:h2:mem:x");
        assertOneLineFailure(unknownOption, "--families");
        assertThat(unknownOption.exitCode()).isEqualTo(2);

        assertOneLineFailure(run("seed-demo", "--families", "1", "--url", "jdbc:h2:mem:x"), "at least 3");
        assertOneLineFailure(run(), "missing subcommand");
        assertOneLineFailure(run("drop-everything"), "drop-everything");
    }

    @Test
    void helpListsTheSubcommands() {
        Result help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("migrate", "seed-demo", "info");

        Result seedHelp = run("seed-demo", "--help");
        assertThat(seedHelp.exitCode()).isZero();
        assertThat(seedHelp.out()).contains("--families", "--seed", "--url", "TUTTI_DB_URL");
    }

    /** A server of its own whose pg_hba asks every role but postgres for a password (the shared one trusts all). */
    private static synchronized EmbeddedPostgres passwordProtectedServer() throws IOException, SQLException {
        if (passwordProtected == null) {
            passwordProtectedHba = Files.createTempFile("tutti-cli-hba", ".conf");
            Files.writeString(passwordProtectedHba, String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            passwordProtected = EmbeddedPostgres.builder()
                    .setServerConfig("hba_file", passwordProtectedHba.toString()).start();
            try (Connection c = passwordProtected.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE ROLE tutti_cli LOGIN PASSWORD 'right'");
            }
        }
        return passwordProtected;
    }

    @AfterAll
    static void stopPasswordProtectedServer() throws IOException {
        if (passwordProtected != null) {
            passwordProtected.close();
            passwordProtected = null;
            Files.deleteIfExists(passwordProtectedHba);
        }
    }
}
