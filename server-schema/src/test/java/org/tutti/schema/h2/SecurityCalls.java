package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL API as the client calls it, on one connection, for tests on H2 and on PostgreSQL alike:
 * the same SQL text on both.
 */
final class SecurityCalls {

    private final Connection connection;

    SecurityCalls(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    String login(String siteCode, String identifier, String password) throws SQLException {
        return (String) scalar("SELECT tutti.login(?, ?, ?)", siteCode, identifier, password);
    }

    /** {@code SELECT set_config('tutti.session', token, true)}, unqualified as the client calls it; returns its value. */
    String bind(String token) throws SQLException {
        return (String) scalar("SELECT set_config('tutti.session', ?, true)", token == null ? "" : token);
    }

    boolean touch() throws SQLException {
        return (Boolean) scalar("SELECT tutti.touch_session()");
    }

    Long currentAccount() throws SQLException {
        return asLong(scalar("SELECT tutti.current_account()"));
    }

    Long currentFamily() throws SQLException {
        return asLong(scalar("SELECT tutti.current_family()"));
    }

    Long currentStaffSite() throws SQLException {
        return asLong(scalar("SELECT tutti.current_staff_site()"));
    }

    /** The rows of {@code session_info()}, each value as text. */
    List<List<String>> sessionInfo() throws SQLException {
        return rows("SELECT account_id, role, site_code, site_name, identifier, display_name, family_id"
                + " FROM tutti.session_info()");
    }

    void logout() throws SQLException {
        execute("SELECT tutti.logout()");
    }

    void requestPassword(String identifier, String email) throws SQLException {
        execute("SELECT tutti.request_password(?, ?)", identifier, email);
    }

    void changePassword(String oldPassword, String newPassword) throws SQLException {
        execute("SELECT tutti.change_password(?, ?)", oldPassword, newPassword);
    }

    Object scalar(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new AssertionError("No row from " + sql);
            }
            return rs.getObject(1);
        }
    }

    List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[meta.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = String.valueOf(rs.getObject(i + 1));
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        }
    }

    long count(String sql, Object... parameters) throws SQLException {
        return ((Number) scalar(sql, parameters)).longValue();
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.execute();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
