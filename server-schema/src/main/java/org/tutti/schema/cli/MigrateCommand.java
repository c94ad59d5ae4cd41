package org.tutti.schema.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tutti.schema.Hardening;
import org.tutti.schema.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the pending migrations of schema tutti.")
final class MigrateCommand implements Callable<Integer> {

    static final String INSUFFICIENT_PRIVILEGE = "42501";
    static final String FOR_IT = "see the IT guide, src-docs/manuals/it-en.md, \"PostgreSQL: installing the database\"";

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaMigrator migrator = new SchemaMigrator(database.openDataSource(), database.vendor());
        int applied;
        try {
            applied = migrator.migrate();
        } catch (RuntimeException e) {
            throw new CliFailure("migration failed: " + describe(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> migrations = migrator.appliedMigrations();
        String current = migrations.isEmpty() ? "none" : migrations.get(migrations.size() - 1);
        out.println(applied == 0
                ? "Schema tutti is up to date: " + current
                : "Applied " + applied + " migration" + (applied > 1 ? "s" : "") + "; schema tutti is now at " + current);
        migrator.hardening().ifPresent(outcome -> reportHardening(outcome, out));
        out.flush();
        return 0;
    }

    private static void reportHardening(Hardening.Outcome outcome, PrintWriter out) {
        switch (outcome) {
            case APPLIED -> out.println("Hardening applied (tutti-schema check shows each item).");
            case ALREADY_IN_PLACE -> out.println("Hardening already in place.");
            case NEEDS_SUPERUSER -> {
                out.println("Hardening is missing and needs a superuser: run `tutti-schema harden` as a superuser, "
                        + "or this SQL with psql in this database (psql -v ON_ERROR_STOP=1 -f harden.sql). "
                        + "Until then no login succeeds.");
                out.println();
                out.print(Hardening.script(Hardening.Options.DEFAULT));
            }
        }
    }

    /**
     * A missing right is worded by the migration itself (roles that the user may not create,
     * membership in tutti_owner): its message is shown as is, with where IT finds the SQL to run.
     */
    private String describe(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                String message = FailureMessages.firstLine(sql.getMessage());
                return message.contains("README") || message.contains("IT guide") ? message : message + " (" + FOR_IT + ")";
            }
        }
        return database.describe(failure);
    }
}
