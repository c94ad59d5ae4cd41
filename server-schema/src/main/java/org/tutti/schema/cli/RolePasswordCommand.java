package org.tutti.schema.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.tutti.schema.DatabaseVendor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sets the password of one of Tutti's PostgreSQL login roles. The password never travels as
 * SQL text: the driver computes the SCRAM-SHA-256 verifier and sends only that, so that it is
 * neither in the server's statement log nor open to injection.
 */
@Command(name = "role-password", mixinStandardHelpOptions = true,
        description = "Set the password of a login role of Tutti (PostgreSQL only): tutti_family, tutti_staff "
                + "or tutti_relay. Run it as a superuser (or, up to PostgreSQL 15, a role with CREATEROLE).")
final class RolePasswordCommand implements Callable<Integer> {

    static final List<String> LOGIN_ROLES = List.of("tutti_family", "tutti_staff", "tutti_relay");

    @Parameters(index = "0", paramLabel = "ROLE", description = "tutti_family, tutti_staff or tutti_relay.")
    String role;

    @Parameters(index = "1", paramLabel = "PASSWORD", description = "The new password of the role.")
    String password;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!LOGIN_ROLES.contains(role)) {
            throw new CliFailure("role-password sets the password of " + String.join(", ", LOGIN_ROLES)
                    + " only, not of \"" + role + "\"");
        }
        if (password == null || password.isEmpty()) {
            throw new CliFailure("the password of " + role + " must not be empty");
        }
        if (database.vendor() != DatabaseVendor.POSTGRESQL) {
            throw new CliFailure("login roles exist only on PostgreSQL: an H2 database (the embedded demo) has none");
        }
        try (Connection connection = database.openDataSource().getConnection()) {
            if (!roleExists(connection)) {
                throw new CliFailure("role " + role + " does not exist: run tutti-schema migrate first");
            }
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                String user = database.user == null || database.user.isBlank() ? "this user" : "user \"" + database.user + "\"";
                throw new CliFailure(user + " may not change the password of " + role
                        + ": run role-password as a superuser", e);
            }
            throw new CliFailure(database.describe(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("The password of " + role + " is set.");
        out.flush();
        return 0;
    }

    private boolean roleExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
