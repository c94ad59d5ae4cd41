package org.tutti.schema.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.H2Urls;

/**
 * Throwaway databases for tests: a fresh in-memory H2, or a fresh database on one embedded
 * PostgreSQL server shared by the whole test JVM (started on first use, stopped at exit).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /**
     * {@code -Dtutti.test.postgres=PORT:SUPERUSER:PASSWORD}: the PostgreSQL tests that use
     * {@link #freshPostgres()} run on that server of this machine (e.g. Debian's PostgreSQL 15, whose
     * pg_hba asks for passwords on 127.0.0.1) instead of the embedded one.
     */
    private static final ExternalServer EXTERNAL = ExternalServer.fromProperty(System.getProperty("tutti.test.postgres"));
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new, empty database of the given vendor. */
    public static TestDatabase fresh(DatabaseVendor vendor) {
        return vendor == DatabaseVendor.H2 ? freshH2() : freshPostgres();
    }

    public static TestDatabase freshH2() {
        String url = H2Urls.memory("test" + COUNTER.incrementAndGet());
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return new TestDatabase(DatabaseVendor.H2, url, "sa", "", ds);
    }

    public static synchronized TestDatabase freshPostgres() {
        if (EXTERNAL != null) {
            return EXTERNAL.fresh("tutti_test_" + RUN + "_" + COUNTER.incrementAndGet());
        }
        EmbeddedPostgres server = server();
        String name = "tutti_test_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        DataSource ds = server.getDatabase("postgres", name);
        String url = server.getJdbcUrl("postgres", name);
        return new TestDatabase(DatabaseVendor.POSTGRESQL, url, "postgres", "postgres", ds);
    }

    /** The shared embedded PostgreSQL server (superuser {@code postgres}). */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // a JSON log, as IT is told to set up for fail2ban (Fail2banFilterTest reads it)
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_destination", "jsonlog")
                        .start();
                askRecordersForAPassword(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the working directory is under target/
                }
            }));
        }
        return postgres;
    }

    /**
     * The embedded server trusts every local connection, but dblink lets a non-superuser (the
     * hardening's loopback, as tutti_owner) connect only where the server asks for a password:
     * the recorder roles must log in with scram-sha-256, as on a Debian server's loopback.
     */
    private static void askRecordersForAPassword(EmbeddedPostgres server) throws IOException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            Path hba;
            try (var rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String rules = "host all +tutti_recorder 127.0.0.1/32 scram-sha-256\n"
                    + "host all +tutti_recorder ::1/128 scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba));
            s.execute("CREATE ROLE tutti_recorder NOLOGIN NOINHERIT");
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot configure the embedded PostgreSQL's pg_hba.conf", e);
        }
    }

    /**
     * A plain JDBC connection to a PostgreSQL test database as another role, e.g. {@code tutti_family}:
     * nothing of the superuser's. The shared server trusts local connections, so the password is
     * checked only by a server whose pg_hba asks for one.
     */
    public static Connection connectAs(TestDatabase db, String role, String password) throws SQLException {
        if (db.vendor() != DatabaseVendor.POSTGRESQL) {
            throw new IllegalArgumentException("Roles exist only on PostgreSQL: " + db);
        }
        return connectAs(EXTERNAL != null ? EXTERNAL.port() : server().getPort(), databaseName(db), role, password);
    }

    /** A plain JDBC connection to {@code database} on the local server listening on {@code port}. */
    public static Connection connectAs(int port, String database, String role, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "tutti-test-" + role);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, properties);
    }

    /** The database's name on its server. */
    public static String databaseName(TestDatabase db) {
        String path = db.url().substring(db.url().lastIndexOf('/') + 1);
        int parameters = path.indexOf('?');
        return parameters < 0 ? path : path.substring(0, parameters);
    }

    /** A PostgreSQL server of this machine that the tests did not start: databases are created on it. */
    private record ExternalServer(int port, String superuser, String password) {

        static ExternalServer fromProperty(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split(":", 3);
            return new ExternalServer(Integer.parseInt(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
        }

        TestDatabase fresh(String name) {
            try (Connection c = connectAs(port, "postgres", superuser, password); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name, e);
            }
            String url = "jdbc:postgresql://localhost:" + port + "/" + name;
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(superuser);
            ds.setPassword(password);
            return new TestDatabase(DatabaseVendor.POSTGRESQL, url, superuser, password, ds);
        }
    }

    /** One throwaway database: how to reach it. */
    public record TestDatabase(DatabaseVendor vendor, String url, String user, String password, DataSource dataSource) {
        @Override
        public String toString() {
            return vendor.name();
        }
    }
}
