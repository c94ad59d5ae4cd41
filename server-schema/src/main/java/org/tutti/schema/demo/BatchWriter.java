package org.tutti.schema.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batched inserts into the tables of schema {@code tutti}, with ids assigned here.
 *
 * <p>Tables must be opened parents first (the order of the migration). Rows wait in JDBC
 * batches; as soon as one table holds {@link #BATCH_SIZE} rows, every table is flushed in
 * opening order, so a child row never reaches the database before the row it references.
 * Callers therefore only have to insert a parent before its children.
 */
final class BatchWriter implements AutoCloseable {

    static final int BATCH_SIZE = 1000;

    private final Connection connection;
    private final List<Table> tables = new ArrayList<>();

    BatchWriter(Connection connection) {
        this.connection = connection;
    }

    /** Opens a table for inserts; {@code id} is always the first column and is not listed. */
    Table open(String name, String... columns) throws SQLException {
        Table table = new Table(name, columns);
        tables.add(table);
        return table;
    }

    void flushAll() throws SQLException {
        for (Table table : tables) {
            table.flush();
        }
    }

    /** After the last flush: makes identities continue after the generated ids. */
    void restartIdentities() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                statement.execute("ALTER TABLE tutti." + table.name + " ALTER COLUMN id RESTART WITH " + (table.lastId + 1));
            }
        }
    }

    /** Rows written per table, in opening order. */
    Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table table : tables) {
            rows.put(table.name, table.lastId);
        }
        return Collections.unmodifiableMap(rows);
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Table table : tables) {
            try {
                table.statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One table being filled. */
    final class Table {
        private final String name;
        private final int columnCount;
        private final PreparedStatement statement;
        private final int[] nullTypes;
        private long lastId;
        private int pending;

        private Table(String name, String[] columns) throws SQLException {
            this.name = name;
            this.columnCount = columns.length;
            String sql = "INSERT INTO tutti." + name + " (id, " + String.join(", ", columns) + ") VALUES (?"
                    + ", ?".repeat(columns.length) + ")";
            this.statement = connection.prepareStatement(sql);
            // Asked once, before any row: null and non-null values of a column then bind with the same type.
            this.nullTypes = new int[columnCount + 2];
            for (int i = 1; i <= columnCount + 1; i++) {
                int type = statement.getParameterMetaData().getParameterType(i);
                nullTypes[i] = type == Types.OTHER ? Types.NULL : type;
            }
        }

        /** Id the next inserted row will get. */
        long nextId() {
            return lastId + 1;
        }

        /** Adds one row (values in column order) and returns its id. */
        long insert(Object... values) throws SQLException {
            if (values.length != columnCount) {
                throw new IllegalArgumentException(name + ": expected " + columnCount + " values, got " + values.length);
            }
            long id = ++lastId;
            statement.setLong(1, id);
            for (int i = 0; i < values.length; i++) {
                bind(i + 2, values[i]);
            }
            statement.addBatch();
            if (++pending >= BATCH_SIZE) {
                flushAll();
            }
            return id;
        }

        private void bind(int index, Object value) throws SQLException {
            if (value == null) {
                statement.setNull(index, nullTypes[index]);
            } else if (value instanceof String s) {
                statement.setString(index, s);
            } else if (value instanceof Long l) {
                statement.setLong(index, l);
            } else if (value instanceof Integer i) {
                statement.setInt(index, i);
            } else if (value instanceof Boolean b) {
                statement.setBoolean(index, b);
            } else if (value instanceof BigDecimal d) {
                statement.setBigDecimal(index, d);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else {
                statement.setObject(index, value); // java.time values
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                statement.clearBatch();
                pending = 0;
            }
        }
    }
}
