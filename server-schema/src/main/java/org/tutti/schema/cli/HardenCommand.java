package org.tutti.schema.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.Hardening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The superuser step of the hardening (PostgreSQL): runs {@code harden.sql}, or prints it with
 * {@code --print-sql} for IT to run with psql, then checks the result like {@code check}.
 */
@Command(name = "harden", mixinStandardHelpOptions = true,
        description = "Harden a migrated PostgreSQL database of Tutti (run once per database, as a superuser): "
                + "dblink and the recorder role, PUBLIC's default rights revoked, family connections capped, "
                + "time-outs on the login roles. Safe to run again.")
final class HardenCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--loopback-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address on which the server reaches itself for the recorder (default: ${DEFAULT-VALUE}); "
                    + "pg_hba.conf must ask the recorder role for a password (scram-sha-256) there.")
    String loopbackHost;

    @Option(names = "--family-connections", paramLabel = "N", defaultValue = "0",
            description = "Most connections tutti_family may hold at once, below max_connections "
                    + "(default 0: half of max_connections).")
    int familyConnections;

    @Option(names = "--print-sql", description = "Print the SQL instead of running it (for psql).")
    boolean printSql;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Hardening.Options options;
        try {
            options = new Hardening.Options(loopbackHost, familyConnections);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (printSql) {
            out.print(Hardening.script(options));
            out.flush();
            return 0;
        }
        if (database.vendor() != DatabaseVendor.POSTGRESQL) {
            throw new CliFailure("hardening is for PostgreSQL: an H2 database (the embedded demo) is single-user");
        }
        var dataSource = database.openDataSource();
        try {
            Hardening.apply(dataSource, options);
        } catch (SQLException e) {
            throw new CliFailure("hardening failed: " + FailureMessages.firstLine(e.getMessage()), e);
        }
        out.println("Hardening applied.");
        return CheckCommand.report(dataSource, out, database);
    }
}
