package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One-value reads and plain writes on the caller's H2 connection, for the Java functions of this package. */
final class Queries {

    private Queries() {
    }

    /** The first column of the first row, or null when there is no row. */
    static Object scalar(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    static Long number(Connection connection, String sql, Object... parameters) throws SQLException {
        Object value = scalar(connection, sql, parameters);
        return value == null ? null : ((Number) value).longValue();
    }

    static String textOf(Connection connection, String sql, Object... parameters) throws SQLException {
        Object value = scalar(connection, sql, parameters);
        return value == null ? null : value.toString();
    }

    /** Runs an INSERT, UPDATE or DELETE; the rows it changed. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
