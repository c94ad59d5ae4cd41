package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.cli.TuttiSchemaCli;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * What the {@code Attack*Test} classes share: raw connections as a login role, statements tried in a
 * transaction that is always rolled back (the outcome is the evidence, the shared demo stays as it
 * was), bounded waits, and a hardened demo database of a test's own.
 *
 * <p>Accounts of the shared {@link SecuredDemo} that the attack tests use, each by one test only (the
 * other security tests use F0001–F0016, F0020, F0021, M0001 and M0002): F0017, F0018, F0019, F0022,
 * F0024, M0003–M0016, and the staff accounts ACCUEIL (logins only) and COMPTA (its e-mail, restored).
 */
final class AttackSupport {

    /** How long a login or a password request may take while another connection holds something open. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    /** What {@link #attempt} answers when the statement went through. */
    static final String ACCEPTED = "accepted";

    private AttackSupport() {
    }

    @FunctionalInterface
    interface SqlCall {
        void run() throws SQLException;
    }

    /** A plain connection as a login role (autocommit on), never as the superuser. */
    static Connection connect(TestDatabase db, String role) throws SQLException {
        return TestDatabases.connectAs(db, role, SecuredDemo.rolePassword(role));
    }

    /** The SQLSTATE the call raised, or {@link #ACCEPTED}. */
    static String sqlState(SqlCall call) {
        try {
            call.run();
            return ACCEPTED;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    /**
     * Runs one statement in a transaction bound to {@code token} (null: nothing bound) and rolls it back
     * whatever happens. Answers the SQLSTATE it raised, or "accepted: n row(s)".
     */
    static String attempt(Connection connection, String token, String sql, Object... parameters) throws SQLException {
        connection.setAutoCommit(false);
        try {
            bindSession(connection, token);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                SecuredDemo.bind(statement, parameters);
                int count = 0;
                if (statement.execute()) {
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            count++;
                        }
                    }
                } else {
                    count = statement.getUpdateCount();
                }
                return ACCEPTED + ": " + count + " row(s)";
            }
        } catch (SQLException e) {
            return e.getSQLState();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** {@code tutti.login} on the connection in autocommit: the token (the login must succeed). */
    static String login(Connection connection, String site, String identifier, String password)
            throws SQLException {
        connection.setAutoCommit(true);
        String token = value(connection, "SELECT tutti.login(?, ?, ?)", site, identifier, password);
        assertThat(token).as("login %s", identifier).isNotEqualTo("null");
        return token;
    }

    /** One statement in a transaction bound to {@code token}, committed: its value (rolled back when it raises). */
    static String committed(Connection connection, String token, String sql, Object... parameters)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            bindSession(connection, token);
            String result = value(connection, sql, parameters);
            connection.commit();
            return result;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** {@code set_config('tutti.session', token, true)} in the connection's current transaction. */
    static void bindSession(Connection connection, String token) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('tutti.session', ?, true)")) {
            statement.setString(1, token == null ? "" : token);
            statement.executeQuery().close();
        }
    }

    /** Rows of a query on the connection as it is (no commit, no rollback), values as text. */
    static List<List<String>> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SecuredDemo.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The single value of a query on the connection as it is ("null" for NULL). */
    static String value(Connection connection, String sql, Object... parameters) throws SQLException {
        return query(connection, sql, parameters).get(0).get(0);
    }

    /** The SQL expression of the stored hash of a token, for the superuser's look into app_session. */
    static final String TOKEN_HASH = "encode(sha256(convert_to(?, 'UTF8')), 'hex')";

    /**
     * Runs {@code task} on a thread of its own and answers its result if it ends within {@link #PATIENCE}.
     * Otherwise closes {@code blocker} (the connection that holds what the task waits for), lets the task
     * end (bounded), and fails: the task was blocked by another connection.
     */
    static <T> T withinPatience(String what, Callable<T> task, AutoCloseable blocker) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<T> future = executor.submit(task);
            try {
                return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                blocker.close();
                String after;
                try {
                    future.get(30, TimeUnit.SECONDS);
                    after = "it ended once the other connection was closed";
                } catch (TimeoutException | ExecutionException stillStuck) {
                    future.cancel(true);
                    after = "and still did not end once it was closed: " + stillStuck;
                }
                throw new AssertionError(what + ": still waiting after " + PATIENCE.toSeconds()
                        + " s for a lock that another connection holds open (" + after + ")");
            } catch (ExecutionException e) {
                throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A demo school (the given number of families) on a database of its own, migrated, seeded and with
     * the login roles' passwords set like {@link SecuredDemo}, then hardened with {@code tutti-schema
     * harden} as a production database is. For attacks that change grants when they succeed.
     */
    static TestDatabase hardenedDemo(int families) throws SQLException {
        TestDatabase db = TestDatabases.freshPostgres();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, families).generate(db.dataSource(), DemoProgress.NONE);
        for (String role : List.of(SecuredDemo.FAMILY, SecuredDemo.STAFF, SecuredDemo.RELAY)) {
            assertCli("role-password", db, role, SecuredDemo.rolePassword(role));
        }
        harden(db);
        return db;
    }

    /** {@code tutti-schema harden} on the database, as its superuser. */
    static void harden(TestDatabase db) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TuttiSchemaCli.run(new PrintWriter(out), new PrintWriter(err), "harden", "--url", db.url(),
                "--user", db.user(), "--password", db.password());
        assertThat(exit).as("tutti-schema harden: %s%s", out, err).isZero();
    }

    private static void assertCli(String command, TestDatabase db, String... arguments) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(List.of(arguments));
        args.addAll(List.of("--url", db.url(), "--user", db.user(), "--password", db.password()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TuttiSchemaCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("tutti-schema %s: %s%s", command, out, err).isZero();
    }
}
