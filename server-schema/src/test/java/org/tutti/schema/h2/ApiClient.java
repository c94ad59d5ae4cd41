package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * A client's connection in the parity tests (H2 and PostgreSQL alike): every unit of work is one transaction
 * that binds its token first, as the client does; and what a refused call raised, as the tests compare it.
 */
final class ApiClient implements AutoCloseable {

    /** Work done in one transaction of the client. */
    @FunctionalInterface
    interface Work<T> {
        T run(SecurityCalls calls) throws SQLException;
    }

    /** A call expected to raise. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final SecurityCalls calls;

    /** A fresh database of the vendor, migrated, with a demo school of that many families. */
    static TestDatabase demo(DatabaseVendor vendor, int families) throws SQLException {
        TestDatabase db = TestDatabases.fresh(vendor);
        new SchemaMigrator(db.dataSource(), vendor).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, families).generate(db.dataSource(), DemoProgress.NONE);
        return db;
    }

    /** A client's connection: as the login role on PostgreSQL (never the superuser), as the only user on H2. */
    static ApiClient connect(TestDatabase db, String role) throws SQLException {
        Connection connection = db.vendor() == DatabaseVendor.POSTGRESQL
                ? TestDatabases.connectAs(db, role, role + "-test-password")
                : db.dataSource().getConnection();
        if (db.vendor() == DatabaseVendor.POSTGRESQL) {
            assertThat(new SecurityCalls(connection).scalar("SELECT session_user")).isEqualTo(role);
        }
        return new ApiClient(connection);
    }

    ApiClient(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.calls = new SecurityCalls(connection);
    }

    /** The calls on this client's connection, outside any transaction of {@link #inTransaction}. */
    SecurityCalls calls() {
        return calls;
    }

    /** {@code tutti.login} in its own committed transaction, nothing bound: a token, or null when refused. */
    String login(String siteCode, String identifier, String password) throws SQLException {
        return inTransaction(null, c -> c.login(siteCode, identifier, password));
    }

    /** {@link #login}, which must succeed. */
    String signIn(String siteCode, String identifier, String password) throws SQLException {
        String token = login(siteCode, identifier, password);
        assertThat(token).as("login %s %s", siteCode, identifier).isNotNull();
        return token;
    }

    <T> T inTransaction(String token, Work<T> work) throws SQLException {
        try {
            calls.bind(token);
            T result = work.run(calls);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** "SQLSTATE message" of what the call raised (the call must raise). */
    static String raised(Call<?> call) {
        List<String> raised = new ArrayList<>();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SQLException.class,
                e -> raised.add(e.getSQLState() + " " + message(e)));
        return raised.get(0);
    }

    /** The message without what the drivers add: PostgreSQL's "ERROR: ", H2's "; SQL statement:…". */
    static String message(SQLException e) {
        String message = e.getMessage().replaceFirst("^ERROR: ", "");
        int where = message.indexOf("\n");
        message = where < 0 ? message : message.substring(0, where);
        int sql = message.indexOf("; SQL statement:");
        return (sql < 0 ? message : message.substring(0, sql)).strip();
    }
}
