package org.tutti.schema.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.Hardening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Reports each hardening item and each role's attributes as OK or MISSING; exits 3 when one is missing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the hardening of a PostgreSQL database of Tutti: one line per item, OK or MISSING; "
                + "exit code 3 when something is missing. Run it as a superuser or a member of tutti_owner.")
final class CheckCommand implements Callable<Integer> {

    static final int SOMETHING_MISSING = 3;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (database.vendor() != DatabaseVendor.POSTGRESQL) {
            throw new CliFailure("check is for PostgreSQL: an H2 database (the embedded demo) has no roles to check");
        }
        return report(database.openDataSource(), spec.commandLine().getOut(), database);
    }

    static int report(DataSource dataSource, PrintWriter out, DatabaseOptions database) {
        List<Hardening.Item> items;
        try {
            items = Hardening.check(dataSource);
        } catch (SQLException e) {
            throw new CliFailure(database.describe(e), e);
        }
        items.forEach(item -> out.println(item.line()));
        long missing = items.stream().filter(item -> !item.ok()).count();
        out.println(missing == 0 ? "Every item is in place." : missing + " item(s) missing.");
        out.flush();
        return missing == 0 ? 0 : SOMETHING_MISSING;
    }
}
