package org.tutti.schema.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.tutti.schema.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the applied migrations and the number of rows of each table of schema tutti.")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DataSource dataSource = database.openDataSourceAsSchemaOwner();
        SchemaMigrator migrator = new SchemaMigrator(dataSource, database.vendor());
        PrintWriter out = spec.commandLine().getOut();
        List<String> applied = migrator.appliedMigrations();
        out.println("Applied migrations:" + (applied.isEmpty() ? " none" : ""));
        applied.forEach(m -> out.println("  " + m));
        int pending = migrator.pendingCount();
        if (pending > 0) {
            out.println("Pending migrations: " + pending + " (run tutti-schema migrate)");
        }
        try {
            List<String> tables = tables(dataSource);
            out.println("Rows per table of schema " + SchemaMigrator.SCHEMA + ":" + (tables.isEmpty() ? " no table" : ""));
            int width = tables.stream().mapToInt(String::length).max().orElse(0);
            for (String table : tables) {
                out.println(String.format(Locale.ROOT, "  %-" + width + "s %10d", table, count(dataSource, table)));
            }
        } catch (SQLException e) {
            throw new CliFailure(database.describe(e), e);
        }
        out.flush();
        return 0;
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                     + SchemaMigrator.SCHEMA + "' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SchemaMigrator.SCHEMA + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
