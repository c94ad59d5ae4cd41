package org.tutti.schema.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.AlreadySeededException;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "seed-demo", mixinStandardHelpOptions = true,
        description = "Write the demo music school into an empty, migrated database (one transaction).")
final class SeedDemoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--families", paramLabel = "<n>", description = "Families to create (default: ${DEFAULT-VALUE}).")
    int families = DemoDataGenerator.DEMO_FAMILIES;

    @Option(names = "--seed", paramLabel = "<seed>",
            description = "Random seed; same seed and families, same data (default: ${DEFAULT-VALUE}).")
    long seed = DemoDataGenerator.DEFAULT_SEED;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (families < DemoDataGenerator.MIN_FAMILIES) {
            throw new CliFailure("--families must be at least " + DemoDataGenerator.MIN_FAMILIES);
        }
        DataSource dataSource = database.openDataSourceAsSchemaOwner();
        int pending = new SchemaMigrator(dataSource, database.vendor()).pendingCount();
        if (pending > 0) {
            throw new CliFailure("the database schema is not up to date (" + pending + " pending migration"
                    + (pending > 1 ? "s" : "") + "); run tutti-schema migrate first");
        }
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(err, "seed-demo:", System.console() != null);
        long started = System.nanoTime();
        DemoSummary summary;
        try {
            summary = new DemoDataGenerator(seed, families).generate(dataSource, progress);
        } catch (AlreadySeededException e) {
            throw new CliFailure(FailureMessages.ALREADY_SEEDED, e);
        } catch (SQLException | RuntimeException e) {
            throw new CliFailure("seed-demo failed, nothing was written: " + database.describe(e), e);
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.println("Demo data written (" + families + " families, seed " + seed + "):");
        int width = summary.rowsPerTable().keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, Long> entry : summary.rowsPerTable().entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-" + width + "s %10d", entry.getKey(), entry.getValue()));
        }
        out.println(String.format(Locale.ROOT, "  %-" + width + "s %10d", "total", summary.totalRows()));
        out.println(String.format(Locale.ROOT, "Elapsed: %.1f s", seconds));
        out.flush();
        return 0;
    }
}
