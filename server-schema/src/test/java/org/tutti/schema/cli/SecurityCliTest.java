package org.tutti.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.cli.TuttiSchemaCliTest.assertOneLineFailure;
import static org.tutti.schema.cli.TuttiSchemaCliTest.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.ShippedMigrations;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.cli.TuttiSchemaCliTest.Result;

/**
 * {@code migrate} by a user who may not create the roles, the IT guide's SQL (src-docs/manuals/it-en.md), and
 * {@code role-password}, on a server of its own (no Tutti roles yet) whose pg_hba asks every
 * role but postgres for a password. In order: the first test creates the roles as the IT guide
 * says, the others set their passwords.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("postgres")
class SecurityCliTest {

    private static final Pattern README_SQL = Pattern.compile("<!-- roles-sql[^>]*-->\\s*```sql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FIRST_SITE_SQL =
            Pattern.compile("<!-- first-site-sql[^>]*-->\\s*```sql\\n(.*?)```", Pattern.DOTALL);
    private static final String TRICKY_PASSWORD = "it's \"x\"; DROP ROLE tutti_admin; --";

    private static EmbeddedPostgres server;
    private static Path hba;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws IOException, SQLException {
        hba = Files.createTempFile("tutti-security-hba", ".conf");
        Files.writeString(hba, String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        server = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        superuser("CREATE ROLE tutti_admin LOGIN CREATEROLE PASSWORD 'admin-pw'",
                "CREATE DATABASE school OWNER tutti_admin",
                "CREATE ROLE other_admin LOGIN PASSWORD 'other-pw'",
                "CREATE DATABASE other_school OWNER other_admin");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(hba);
    }

    private static void superuser(String... statements) throws SQLException {
        superuserIn("postgres", statements);
    }

    private static void superuserIn(String database, String... statements) throws SQLException {
        try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String[] as(String database, String user, String password, String... command) {
        String[] args = new String[command.length + 6];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(new String[] {"--url", server.getJdbcUrl(user, database).replaceFirst("\\?.*", ""),
            "--user", user, "--password", password}, 0, args, command.length, 6);
        return args;
    }

    @Test
    @Order(1)
    void migrateExplainsMissingRolesThenTheReadmeSqlLetsANonSuperuserMigrate() throws IOException, SQLException {
        Result refused = run(as("school", "tutti_admin", "admin-pw", "migrate"));
        assertOneLineFailure(refused, "migration failed: the roles tutti_owner, ");
        assertThat(refused.err()).contains(" do not exist and user tutti_admin may not create them");
        assertThat(refused.err()).contains("a superuser must create them first, see README \"For IT: installing the database\"");

        Matcher sql = README_SQL.matcher(Files.readString(Path.of("..", "src-docs", "manuals", "it-en.md")));
        assertThat(sql.find()).as("the IT guide's SQL").isTrue();
        superuserIn("school", Arrays.stream(sql.group(1).split(";")).map(String::strip).filter(st -> !st.isEmpty())
                .toArray(String[]::new));

        Result migrated = run(as("school", "tutti_admin", "admin-pw", "migrate"));
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("schema tutti is now at " + ShippedMigrations.latest(DatabaseVendor.POSTGRESQL) + " ",
                "Hardening is missing and needs a superuser");
        assertThat(run(as("school", "tutti_admin", "admin-pw", "migrate")).out()).startsWith("Schema tutti is up to date");
        try (Connection c = server.getDatabase("postgres", "school").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(DISTINCT relowner::regrole::text, ',') FROM pg_class "
                     + "WHERE relnamespace = 'tutti'::regnamespace AND relname NOT LIKE 'flyway\\_schema\\_history%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("tutti_owner");
        }

        Result unhardened = run(as("school", "tutti_admin", "admin-pw", "check"));
        assertThat(unhardened.exitCode()).as(unhardened.out()).isEqualTo(3);
        assertThat(unhardened.out()).contains("OK      schema tutti at version 8 or later",
                "MISSING PUBLIC has no TEMPORARY or CREATE right on the database", "MISSING the recorder");
        String script = migrated.out().substring(migrated.out().indexOf("-- Tutti: the superuser hardening step"));
        superuserIn("school", script);
        Result hardened = run(as("school", "tutti_admin", "admin-pw", "check"));
        assertThat(hardened.exitCode()).as(hardened.out()).isZero();
        assertThat(hardened.out()).doesNotContain("MISSING").contains("Every item is in place.");
        assertThat(hardened.out().lines().filter(line -> line.startsWith("OK      "))).hasSizeGreaterThan(15);
        assertThat(run(as("school", "tutti_admin", "admin-pw", "migrate")).out())
                .contains("Hardening already in place.");

        Result seeded = run(as("school", "tutti_admin", "admin-pw", "seed-demo", "--families", "10"));
        assertThat(seeded.exitCode()).as("seed-demo as a member of tutti_owner: " + seeded.err()).isZero();
        Result info = run(as("school", "tutti_admin", "admin-pw", "info"));
        assertThat(info.out()).containsPattern("\\n  family +10\\n");

        Result notMember = run(as("other_school", "other_admin", "other-pw", "migrate"));
        assertOneLineFailure(notMember, "user other_admin must be a member of role tutti_owner to migrate: as a superuser, "
                + "GRANT tutti_owner TO other_admin");
    }

    @Test
    @Order(2)
    void rolePasswordSetsAPasswordTheServerChecks() throws SQLException {
        Result set = run(as("postgres", "postgres", "", "role-password", "tutti_family", TRICKY_PASSWORD));
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("The password of tutti_family is set." + System.lineSeparator());

        try (Connection c = TestDatabases.connectAs(server.getPort(), "postgres", "tutti_family", TRICKY_PASSWORD)) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> TestDatabases.connectAs(server.getPort(), "postgres", "tutti_family", "wrong"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'tutti_family'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$").doesNotContain("DROP");
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = 'tutti_admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("tutti_admin is still there").isOne();
        }
    }

    @Test
    @Order(3)
    void rolePasswordRefusesOtherRolesH2AndUsersWithoutTheRight() throws SQLException {
        for (String role : new String[] {"tutti_owner", "postgres", "tutti_admin", "tutti_family; DROP ROLE postgres"}) {
            assertOneLineFailure(run(as("postgres", "postgres", "", "role-password", role, "x")),
                    "role-password sets the password of tutti_family, tutti_staff, tutti_relay only");
        }
        assertOneLineFailure(run("role-password", "tutti_family", "x", "--url",
                "jdbc:h2:file:" + folder.resolve("demo").toAbsolutePath(), "--user", "sa", "--password", ""),
                "login roles exist only on PostgreSQL");
        assertOneLineFailure(run(as("postgres", "other_admin", "other-pw", "role-password", "tutti_staff", "x")),
                "user \"other_admin\" may not change the password of tutti_staff: run role-password as a superuser");
    }

    @Test
    @Order(4)
    void theItGuidesFirstSiteAndStaffAccountLetThatPersonLogIn() throws IOException, SQLException {
        Matcher sql = FIRST_SITE_SQL.matcher(Files.readString(Path.of("..", "src-docs", "manuals", "it-en.md")));
        assertThat(sql.find()).as("the IT guide's first site").isTrue();
        superuserIn("school", Arrays.stream(sql.group(1).split(";\\s*\\n")).map(String::strip)
                .filter(st -> !st.isEmpty()).toArray(String[]::new));
        Matcher password = Pattern.compile("bcrypt_hash\\('([^']*)'\\)").matcher(sql.group(1));
        assertThat(password.find()).isTrue();

        assertThat(run(as("postgres", "postgres", "", "role-password", "tutti_staff", "staff-pw")).exitCode()).isZero();
        try (Connection c = TestDatabases.connectAs(server.getPort(), "school", "tutti_staff", "staff-pw");
             var login = c.prepareStatement("SELECT tutti.login(?, ?, ?)")) {
            login.setString(1, "VILLEFRANCHE");
            login.setString(2, "DIRECTION");
            login.setString(3, password.group(1));
            try (ResultSet rs = login.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the session token of the first staff login").isNotBlank();
            }
        }
        try (Connection c = server.getDatabase("postgres", "school").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT a.role, a.settings_right, s.name FROM tutti.account a"
                     + " JOIN tutti.site s ON s.id = a.site_id WHERE s.code = 'VILLEFRANCHE'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("STAFF");
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getString(3)).isEqualTo("École de musique de Villefranche");
            assertThat(rs.next()).isFalse();
        }
    }
}
