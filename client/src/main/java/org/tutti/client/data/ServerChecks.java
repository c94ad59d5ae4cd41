package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.ClientConfig;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/**
 * What a configured PostgreSQL server must offer before the login window opens: the SQL API
 * (the security migration), and a login role that matches the configured mode.
 *
 * <p>A role that does not match the mode is refused, not merely logged: a staff-mode client
 * connected as {@code tutti_family} would answer "wrong identifier or password" to every staff
 * member (the database logs in family accounts only for that role), and the users would blame
 * their passwords. Refusing at start-up puts a configuration message in the login window and
 * the exact cause in the log, where IT looks. A member of the mode's role is accepted (IT may
 * give each school its own role inside {@code tutti_family}). A superuser or a role that
 * bypasses row-level security is accepted with a warning: development and tests do that, but
 * such a connection is not protected by the policies.
 */
final class ServerChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ServerChecks.class);

    /** The SQL API functions the client calls (SQL-API.md). */
    private static final String[] REQUIRED_FUNCTIONS = {
        "tutti.login(text,text,text)", "tutti.touch_session()", "tutti.session_info()", "tutti.logout()",
        "tutti.security_ready()"};

    private ServerChecks() {
    }

    /**
     * @throws ServiceException OUTDATED_DATABASE when the SQL API is missing, BAD_CONFIGURATION
     *         when the connected role does not match {@code config}'s mode
     */
    static void verify(Database database, ClientConfig config) {
        if (database.vendor() != DatabaseVendor.POSTGRESQL) {
            return; // an H2 URL in tutti.json (development): no roles to check
        }
        String where = config.database().displayUrl() + " (from " + config.source() + ")";
        database.transactions().readOnly(null, session -> session.doReturningWork(connection -> {
            for (String function : REQUIRED_FUNCTIONS) {
                try (PreparedStatement p = connection.prepareStatement(
                        "select to_regprocedure(?) is not null"
                                + " and has_function_privilege(to_regprocedure(?), 'EXECUTE')")) {
                    p.setString(1, function);
                    p.setString(2, function);
                    try (ResultSet rs = p.executeQuery()) {
                        if (!rs.next() || !rs.getBoolean(1)) {
                            throw new ServiceException(ServiceException.Reason.OUTDATED_DATABASE,
                                    "The database at " + where + " lacks the SQL API function " + function
                                            + " (or may not call it): run 'tutti-schema migrate' with this version");
                        }
                    }
                }
            }
            try (PreparedStatement p = connection.prepareStatement("select tutti.security_ready()");
                 ResultSet rs = p.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new ServiceException(ServiceException.Reason.OUTDATED_DATABASE,
                            "The database at " + where + " is not hardened, so no login can succeed: run"
                                    + " 'tutti-schema harden' as a superuser ('tutti-schema check' lists what is missing)");
                }
            }
            String expected = config.mode().loginRole();
            try (PreparedStatement p = connection.prepareStatement(
                    "select r.rolname, r.rolsuper or r.rolbypassrls,"
                            + " exists (select 1 from pg_roles e where e.rolname = ?)"
                            + " and pg_has_role(current_user, (select e.oid from pg_roles e where e.rolname = ?), 'MEMBER')"
                            + " from pg_roles r where r.rolname = current_user")) {
                p.setString(1, expected);
                p.setString(2, expected);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    String user = rs.getString(1);
                    boolean bypassesRls = rs.getBoolean(2);
                    boolean member = rs.getBoolean(3);
                    if (bypassesRls) {
                        LOG.warn("Connected to {} as {}, which bypasses row-level security: fine for development,"
                                + " never for an installed client (use {})", where, user, expected);
                    } else if (!member) {
                        throw new ServiceException(ServiceException.Reason.BAD_CONFIGURATION,
                                config.source() + " sets mode \"" + config.mode().jsonValue() + "\", which connects as "
                                        + expected + ", but database.user is \"" + user + "\"");
                    }
                }
            }
            return null;
        }));
    }
}
