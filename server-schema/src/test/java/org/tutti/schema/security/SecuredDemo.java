package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.cli.TuttiSchemaCli;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The demo school on the embedded PostgreSQL, migrated and seeded once for the security tests by
 * the superuser, with the login roles' passwords set through {@code tutti-schema role-password}.
 * Tests that change an account use one of their own, so that they do not disturb each other.
 */
final class SecuredDemo {

    static final String FAMILY = "tutti_family";
    static final String STAFF = "tutti_staff";
    static final String RELAY = "tutti_relay";
    static final int FAMILIES = 40;

    private static SecuredDemo instance;

    final TestDatabase db;

    private SecuredDemo() throws SQLException {
        db = TestDatabases.freshPostgres();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, FAMILIES).generate(db.dataSource(), DemoProgress.NONE);
        for (String role : List.of(FAMILY, STAFF, RELAY)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = TuttiSchemaCli.run(new PrintWriter(out), new PrintWriter(err), "role-password", role,
                    rolePassword(role), "--url", db.url(), "--user", db.user(), "--password", db.password());
            assertThat(exit).as(err.toString()).isZero();
        }
    }

    static synchronized SecuredDemo get() throws SQLException {
        if (instance == null) {
            instance = new SecuredDemo();
        }
        return instance;
    }

    static String rolePassword(String role) {
        return role + "-test-password";
    }

    /** A connection as a login role, never as the superuser. */
    As as(String role) throws SQLException {
        return new As(TestDatabases.connectAs(db, role, rolePassword(role)));
    }

    /** What the superuser sees: a set of ids. */
    Set<Long> ids(String sql, Object... parameters) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        for (List<String> row : SqlRows.query(db.dataSource(), sql, parameters)) {
            ids.add(Long.parseLong(row.get(0)));
        }
        return ids;
    }

    long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    String text(String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = SqlRows.query(db.dataSource(), sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Runs a statement as the superuser (setting the scene, e.g. an expired session). */
    int execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    long familyId(String identifier) throws SQLException {
        return number("SELECT id FROM tutti.family WHERE identifier = ?", identifier);
    }

    long siteId(String code) throws SQLException {
        return number("SELECT id FROM tutti.site WHERE code = ?", code);
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** One connection as a login role; every call is one transaction that first binds a token. */
    static final class As implements AutoCloseable {

        private final Connection connection;

        As(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
        }

        /** {@code tutti.login}, committed (the failure count must survive). */
        String login(String siteCode, String identifier, String password) throws SQLException {
            List<List<String>> rows = rows(null, "SELECT tutti.login(?, ?, ?)", siteCode, identifier, password);
            String token = rows.get(0).get(0);
            return "null".equals(token) ? null : token;
        }

        /** Rows of a query in a transaction bound to {@code token} (null: nothing bound), values as text. */
        List<List<String>> rows(String token, String sql, Object... parameters) throws SQLException {
            try {
                bindSession(token);
                List<List<String>> rows = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    try (ResultSet rs = statement.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            List<String> row = new ArrayList<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.add(String.valueOf(rs.getObject(i)));
                            }
                            rows.add(row);
                        }
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }

        /** The ids a query returns in a transaction bound to {@code token}. */
        Set<Long> ids(String token, String sql, Object... parameters) throws SQLException {
            Set<Long> ids = new TreeSet<>();
            for (List<String> row : rows(token, sql, parameters)) {
                ids.add(Long.parseLong(row.get(0)));
            }
            return ids;
        }

        /** An INSERT, UPDATE or DELETE in a transaction bound to {@code token}; the count of rows. */
        int update(String token, String sql, Object... parameters) throws SQLException {
            try {
                bindSession(token);
                int count;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    count = statement.executeUpdate();
                }
                connection.commit();
                return count;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }

        /** Any statement in a transaction bound to {@code token}. */
        void execute(String token, String sql) throws SQLException {
            try {
                bindSession(token);
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }

        private void bindSession(String token) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('tutti.session', ?, true)")) {
                statement.setString(1, token == null ? "" : token);
                statement.executeQuery().close();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
