package org.tutti.client.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.ClientConfig;
import org.tutti.client.config.ClientConfig.Mode;
import org.tutti.client.service.ServerProblemException;
import org.tutti.client.service.ServerProblemException.Problem;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.ShippedMigrations;

/**
 * What a configured server must offer before the login window opens, checked on one plain
 * connection (with the configured timeouts) before Hibernate starts: the schema version this
 * client was built for, every function of the SQL API the client calls, the hardening, and a
 * login role that matches the configured mode.
 *
 * <p>The schema version is the highest applied in Flyway's history ({@code tutti.schema_version()},
 * migration V11: the login roles may not read the history), compared with the highest migration
 * shipped on the client's class path ({@link ShippedMigrations}): newer means this client is too
 * old, older (or no such function) means IT must migrate.
 *
 * <p>A role that does not match the mode is refused, not merely logged: a staff-mode client
 * connected as {@code tutti_family} would answer "wrong identifier or password" to every staff
 * member (the database logs in family accounts only for that role), and the users would blame
 * their passwords. Refusing at start-up puts a configuration message in the login window and
 * the exact cause in the log, where IT looks. A member of the mode's role is accepted (IT may
 * give each school its own role inside {@code tutti_family}). A superuser or a role that
 * bypasses row-level security is accepted with a warning: development and tests do that, but
 * such a connection is not protected by the policies.
 *
 * <p>An H2 URL in {@code tutti.json} (development) has no roles: the version and the functions'
 * existence are checked, not privileges, hardening or role.
 */
final class ServerChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ServerChecks.class);

    /**
     * A function of the SQL API (SQL-API.md) and the modes whose clients call it.
     *
     * @param onH2 false for the PostgreSQL hardening's, which H2 does not have
     */
    record SqlFunction(String signature, Set<Mode> modes, boolean onH2) {

        /** {@code "submit_changes"} for {@code "tutti.submit_changes(text,bigint,text)"}. */
        String name() {
            return nameOf(signature);
        }
    }

    /** {@code "submit_changes"} for {@code "tutti.submit_changes(text,bigint,text)"}. */
    static String nameOf(String signature) {
        return signature.substring(signature.indexOf('.') + 1, signature.indexOf('('));
    }

    private static SqlFunction both(String signature) {
        return new SqlFunction(signature, EnumSet.allOf(Mode.class), true);
    }

    private static SqlFunction family(String signature) {
        return new SqlFunction(signature, EnumSet.of(Mode.FAMILY), true);
    }

    private static SqlFunction staff(String signature) {
        return new SqlFunction(signature, EnumSet.of(Mode.STAFF), true);
    }

    private static SqlFunction postgresOnly(String signature) {
        return new SqlFunction(signature, EnumSet.allOf(Mode.class), false);
    }

    /**
     * Every function of the SQL API the client calls, checked at start for the connected role.
     * A new call in the client is one line here (ServerChecksTest compares this list with the
     * calls in the client's code).
     */
    static final List<SqlFunction> REQUIRED_FUNCTIONS = List.of(
            both("tutti.schema_version()"),
            postgresOnly("tutti.security_ready()"),
            both("tutti.login(text,text,text)"),
            both("tutti.touch_session()"),
            both("tutti.session_info()"),
            both("tutti.logout()"),
            both("tutti.request_password(text,text)"),
            both("tutti.change_password(text,text)"),
            family("tutti.submit_changes(text,bigint,text)"),
            family("tutti.submit_changes(text,bigint,text,text)"),
            family("tutti.acknowledge_change(bigint)"),
            staff("tutti.decide_change(bigint,boolean,text,boolean)"),
            family("tutti.submit_reenrolment(bigint,boolean,text,text,text)"),
            staff("tutti.decide_reenrolment(bigint,boolean,text)"),
            staff("tutti.issue_invoice(bigint,text,date,text)"),
            staff("tutti.record_payment(bigint,date,text,numeric,text,text)"),
            staff("tutti.issue_credit_note(bigint,numeric,text)"),
            staff("tutti.create_rental(bigint,bigint,bigint,date,date,numeric,numeric)"),
            staff("tutti.end_rental(bigint,date)"),
            // issue 16 — search
            staff("tutti.search_families(text,integer)"),
            // issue 16 — file
            staff("tutti.staff_edit(text,bigint,text)"),
            // issue 16 — records
            staff("tutti.family_history(bigint)"),
            staff("tutti.family_mails(bigint)"),
            staff("tutti.family_mail_text(bigint)"),
            // issue 16 — accounts
            staff("tutti.family_accounts(text, text, integer)"),
            staff("tutti.create_family_account(text)"),
            staff("tutti.issue_first_password(bigint,text)"),
            staff("tutti.set_account_locked(bigint,boolean)"),
            staff("tutti.account_letter(bigint)"),
            // issue 16 — pedagogy
            staff("tutti.record_absences(bigint,date,text)"),
            staff("tutti.record_evaluation(bigint,date,text,numeric,text,text)"),
            // issue 16 — settings + home
            staff("tutti.site_settings()"),
            staff("tutti.save_site_settings(text,bigint)"),
            staff("tutti.desk_counts()"),
            staff("tutti.failed_mails()"),
            staff("tutti.retry_mail(bigint)"),
            staff("tutti.overdue_invoices(integer)"));

    private ServerChecks() {
    }

    /**
     * Opens one connection as {@code config} says, checks the server, closes it.
     *
     * @throws ServerProblemException when the server is too new or too old for this client, or
     *         lacks a function; ServiceException BAD_CONFIGURATION when the connected role does
     *         not match {@code config}'s mode, OUTDATED_DATABASE when it is not hardened
     * @throws SQLException when the connection or a check fails (BackendFactory names the cause)
     */
    static void verify(ClientConfig config) throws SQLException {
        ClientConfig.Database settings = config.database();
        DatabaseVendor vendor = DatabaseVendor.fromJdbcUrl(settings.url());
        String where = settings.displayUrl() + " (from " + config.source() + ")";
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.connectionProperties())) {
            checkVersion(connection, vendor, where);
            if (vendor == DatabaseVendor.POSTGRESQL) {
                checkRole(connection, config, where); // before the functions: a wrong role may call none
            }
            checkFunctions(connection, vendor, config.mode(), where);
            if (vendor == DatabaseVendor.POSTGRESQL) {
                checkHardening(connection, where);
            }
        }
    }

    private static void checkVersion(Connection connection, DatabaseVendor vendor, String where) throws SQLException {
        MigrationVersion known = ShippedMigrations.latest(vendor);
        String found = null;
        if (exists(connection, vendor, "tutti.schema_version()")) {
            try (PreparedStatement p = connection.prepareStatement("select tutti.schema_version()");
                 ResultSet rs = p.executeQuery()) {
                found = rs.next() ? rs.getString(1) : null;
            }
        }
        if (found == null || MigrationVersion.fromVersion(found).compareTo(known) < 0) {
            throw new ServerProblemException(Problem.DATABASE_TOO_OLD, found, "The database at " + where
                    + " is at schema version " + (found == null ? "(none before 11)" : found) + ", older than version "
                    + known + " that this client needs: run 'tutti-schema migrate' with this version", null);
        }
        if (MigrationVersion.fromVersion(found).compareTo(known) > 0) {
            throw new ServerProblemException(Problem.CLIENT_TOO_OLD, found, "The database at " + where
                    + " is at schema version " + found + ", newer than version " + known
                    + " that this client knows: install the version of Tutti that goes with it", null);
        }
        LOG.info("The database at {} is at schema version {}, as this client", where, found);
    }

    private static void checkFunctions(Connection connection, DatabaseVendor vendor, Mode mode, String where)
            throws SQLException {
        List<String> signatures = REQUIRED_FUNCTIONS.stream()
                .filter(f -> f.modes().contains(mode) && (f.onH2() || vendor == DatabaseVendor.POSTGRESQL))
                .map(SqlFunction::signature)
                .toList();
        String missing = firstNotCallable(connection, vendor, signatures);
        if (missing != null) {
            throw new ServerProblemException(Problem.MISSING_FUNCTION, missing, "The database at "
                    + where + " lacks the SQL API function " + missing + " (or the login role may"
                    + " not call it): run 'tutti-schema migrate' with this version", null);
        }
    }

    /**
     * The first of {@code signatures} that does not exist or that the connected role may not call,
     * or null (H2: that does not exist; there are no roles). One query on PostgreSQL, a remote
     * server at every start.
     */
    private static String firstNotCallable(Connection connection, DatabaseVendor vendor, List<String> signatures)
            throws SQLException {
        if (vendor != DatabaseVendor.POSTGRESQL) {
            for (String signature : signatures) {
                if (!exists(connection, vendor, signature)) {
                    return signature;
                }
            }
            return null;
        }
        try (PreparedStatement p = connection.prepareStatement("select f.signature"
                + " from unnest(?::text[]) with ordinality as f(signature, position)"
                + " where to_regprocedure(f.signature) is null"
                + " or not has_function_privilege(to_regprocedure(f.signature), 'EXECUTE')"
                + " order by f.position limit 1")) {
            p.setArray(1, connection.createArrayOf("text", signatures.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The function exists (H2: a routine of that name in schema tutti, whatever its parameters). */
    private static boolean exists(Connection connection, DatabaseVendor vendor, String signature) throws SQLException {
        boolean postgres = vendor == DatabaseVendor.POSTGRESQL;
        try (PreparedStatement p = connection.prepareStatement(postgres
                ? "select to_regprocedure(?) is not null"
                : "select count(*) > 0 from information_schema.routines"
                        + " where lower(routine_schema) = 'tutti' and lower(routine_name) = ?")) {
            p.setString(1, postgres ? signature : nameOf(signature).toLowerCase(Locale.ROOT));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void checkHardening(Connection connection, String where) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("select tutti.security_ready()");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new ServiceException(ServiceException.Reason.OUTDATED_DATABASE,
                        "The database at " + where + " is not hardened, so no login can succeed: run"
                                + " 'tutti-schema harden' as a superuser ('tutti-schema check' lists what is missing)");
            }
        }
    }

    private static void checkRole(Connection connection, ClientConfig config, String where) throws SQLException {
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
    }
}
