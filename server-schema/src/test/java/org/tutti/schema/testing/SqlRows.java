package org.tutti.schema.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC reads for assertions. */
public final class SqlRows {

    private SqlRows() {
    }

    /** Every row of the query, each value rendered as text (bytes in hex) so rows compare with equals. */
    public static List<List<String>> query(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[meta.getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        Object value = rs.getObject(i + 1);
                        row[i] = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value);
                    }
                    rows.add(Arrays.asList(row));
                }
                return rows;
            }
        }
    }

    /** The single number a query returns (a count, a sum). */
    public static long number(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = query(dataSource, sql, parameters);
        return Long.parseLong(rows.get(0).get(0));
    }

    /** The tables of schema tutti (not its views), without Flyway's history table. */
    public static List<String> tuttiTables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (List<String> row : query(dataSource, "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'tutti' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
                + "ORDER BY table_name")) {
            tables.add(row.get(0));
        }
        return tables;
    }
}
