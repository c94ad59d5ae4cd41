package org.tutti.schema.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
                postgres = EmbeddedPostgres.builder().start();
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

    /** One throwaway database: how to reach it. */
    public record TestDatabase(DatabaseVendor vendor, String url, String user, String password, DataSource dataSource) {
        @Override
        public String toString() {
            return vendor.name();
        }
    }
}
