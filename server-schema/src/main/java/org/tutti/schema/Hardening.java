package org.tutti.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The superuser step that the migrations cannot take (ADR 0009, SQL-API.md "Hardening"): dblink and
 * the per-database recorder role behind {@code tutti.loopback()}, the revocation of what PostgreSQL
 * grants PUBLIC by default, the cap on family connections and the login roles' time-outs. The SQL
 * is one script ({@code harden.sql}) that IT may also run with psql; {@link #check} reads the live
 * database and says, item by item, what is in place.
 */
public final class Hardening {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._:\\-/]{1,255}");

    /** What a run of the script may vary. */
    public record Options(String loopbackHost, int familyConnections) {

        public static final Options DEFAULT = new Options("127.0.0.1", 0);

        public Options {
            if (loopbackHost == null || !HOST_NAME.matcher(loopbackHost).matches()) {
                throw new IllegalArgumentException("not a host name or address: " + loopbackHost);
            }
            if (familyConnections < 0) {
                throw new IllegalArgumentException("family connections must be 0 (automatic) or more");
            }
        }
    }

    /** One line of {@code tutti-schema check}. */
    public record Item(String name, boolean ok, String detail) {

        /** {@code OK      name} or {@code MISSING name: detail}. */
        public String line() {
            return (ok ? "OK      " : "MISSING ") + name + (ok || detail == null ? "" : ": " + detail);
        }
    }

    /** What {@link #applyIfPossible} did. */
    public enum Outcome {
        /** The database was hardened by this call. */
        APPLIED,
        /** Every item was in place already. */
        ALREADY_IN_PLACE,
        /** Something is missing and the user is not a superuser: IT must run {@link #script}. */
        NEEDS_SUPERUSER
    }

    private static final String SCRIPT = "/org/tutti/schema/harden.sql";
    private static final List<String> LOGIN_ROLES = List.of("tutti_family", "tutti_staff", "tutti_relay");

    private Hardening() {
    }

    /** The script with these options in it, ready for psql. */
    public static String script(Options options) {
        try (InputStream in = Hardening.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{loopback_host}}", options.loopbackHost())
                    .replace("{{family_connections}}", Integer.toString(options.familyConnections()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script (a superuser's connection). */
    public static void apply(DataSource dataSource, Options options) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(script(options));
        }
    }

    /** Hardens when something is missing and the user may: what a superuser's migrate does. */
    public static Outcome applyIfPossible(DataSource dataSource) throws SQLException {
        if (check(dataSource).stream().allMatch(Item::ok)) {
            return Outcome.ALREADY_IN_PLACE;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!isSuperuser(connection)) {
                return Outcome.NEEDS_SUPERUSER;
            }
        }
        apply(dataSource, Options.DEFAULT);
        return Outcome.APPLIED;
    }

    static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Every hardening item and every role's attributes, as found in the live database. */
    public static List<Item> check(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return new Checker(connection).items();
        }
    }

    /** The per-database recorder role's name, as harden.sql derives it. */
    static String recorderRole(String database) {
        String name = "tutti_recorder_" + database.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    @FunctionalInterface
    private interface ColumnReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final class Checker {

        private final Connection connection;
        private final List<Item> items = new ArrayList<>();

        Checker(Connection connection) {
            this.connection = connection;
        }

        List<Item> items() throws SQLException {
            boolean migrated = bool("SELECT to_regprocedure('tutti.rec_login_begin(text)') IS NOT NULL");
            add("schema tutti at version 8 or later", migrated, "run tutti-schema migrate");
            if (migrated) {
                List<String> offenders = texts("""
                        SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
                         WHERE p.pronamespace = 'tutti'::regnamespace
                           AND NOT coalesce('search_path=pg_catalog, tutti, pg_temp' = ANY (p.proconfig), false)
                         ORDER BY 1""");
                add("every function of schema tutti pins search_path = pg_catalog, tutti, pg_temp",
                        offenders.isEmpty(), String.join(", ", offenders));
            }
            add("dblink installed, none of its functions executable by PUBLIC", bool("""
                    SELECT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'dblink')
                       AND NOT EXISTS (SELECT FROM pg_catalog.pg_proc p
                                         JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass
                                                                    AND d.objid = p.oid AND d.deptype = 'e'
                                         JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'dblink'
                                        WHERE has_function_privilege('public', p.oid, 'EXECUTE'))"""),
                    "run tutti-schema harden as a superuser");
            String recorder = recorderRole(text("SELECT current_database()"));
            if (migrated) {
                checkLoopback(recorder);
                add("role tutti_recorder may run every tutti.rec_* function", bool("""
                        SELECT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'tutti_recorder')
                           AND NOT EXISTS (SELECT FROM pg_catalog.pg_proc p
                                            WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname LIKE 'rec\\_%'
                                              AND NOT has_function_privilege('tutti_recorder', p.oid, 'EXECUTE'))"""),
                        "run tutti-schema harden as a superuser");
            }
            add("PUBLIC has no TEMPORARY or CREATE right on the database", bool("""
                    SELECT NOT has_database_privilege('public', current_database(), 'TEMPORARY')
                       AND NOT has_database_privilege('public', current_database(), 'CREATE')"""),
                    "REVOKE TEMPORARY, CREATE ON DATABASE … FROM PUBLIC (tutti-schema harden)");
            add("PUBLIC has no CREATE right on schema public", bool("""
                    SELECT to_regnamespace('public') IS NULL
                        OR NOT has_schema_privilege('public', 'public', 'CREATE')"""),
                    "REVOKE CREATE ON SCHEMA public FROM PUBLIC (tutti-schema harden)");
            add("PUBLIC cannot cancel or terminate other connections", noPublicExecute(
                    "p.proname IN ('pg_terminate_backend', 'pg_cancel_backend')"), "run tutti-schema harden");
            add("PUBLIC cannot watch other connections (pg_stat_activity, pg_locks and their functions)",
                    noPublicExecute("p.proname IN ('pg_stat_get_activity', 'pg_lock_status', 'pg_blocking_pids') "
                            + "OR p.proname LIKE 'pg\\_stat\\_get\\_backend\\_%'")
                            && bool("SELECT NOT has_table_privilege('public', 'pg_catalog.pg_stat_activity', 'SELECT') "
                            + "AND NOT has_table_privilege('public', 'pg_catalog.pg_locks', 'SELECT')"),
                    "run tutti-schema harden");
            add("PUBLIC cannot read statistics (pg_stat_get_* and the per-transaction pg_stat_xact_* views)",
                    noPublicExecute("p.proname LIKE 'pg\\_stat\\_get\\_%'")
                            && bool("SELECT NOT EXISTS (SELECT FROM pg_catalog.pg_class c "
                            + "WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relname LIKE 'pg\\_stat\\_xact\\_%' "
                            + "AND has_table_privilege('public', c.oid, 'SELECT'))"),
                    "run tutti-schema harden");
            add("PUBLIC cannot create or import large objects",
                    noPublicExecute("p.proname IN ('lo_create', 'lo_creat', 'lo_import', 'lo_from_bytea')"),
                    "run tutti-schema harden");
            int maxConnections = Integer.parseInt(text("SELECT current_setting('max_connections')"));
            String limit = text("SELECT rolconnlimit::text FROM pg_catalog.pg_roles WHERE rolname = 'tutti_family'");
            int familyLimit = limit == null ? -1 : Integer.parseInt(limit);
            add("tutti_family connections capped below max_connections (" + familyLimit + " of " + maxConnections + ")",
                    familyLimit > 0 && familyLimit < maxConnections, "run tutti-schema harden");
            for (String role : List.of("tutti_family", "tutti_staff")) {
                add(role + " has statement_timeout and idle_in_transaction_session_timeout", bool("""
                        SELECT EXISTS (SELECT FROM pg_catalog.pg_db_role_setting s
                                         JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
                                        WHERE r.rolname = ? AND s.setdatabase = 0
                                          AND EXISTS (SELECT FROM unnest(s.setconfig) c WHERE c LIKE 'statement\\_timeout=%')
                                          AND EXISTS (SELECT FROM unnest(s.setconfig) c
                                                       WHERE c LIKE 'idle\\_in\\_transaction\\_session\\_timeout=%'))""",
                        role), "run tutti-schema harden");
            }
            checkRoles(recorder);
            return items;
        }

        private void checkLoopback(String recorder) {
            String who;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT tutti.loopback('SELECT tutti.rec_ping()')")) {
                who = rs.next() ? rs.getString(1) : null;
            } catch (SQLException e) {
                add("the recorder (" + recorder + ") answers through the loopback", false,
                        firstLine(e.getMessage()) + " (run tutti-schema harden; pg_hba.conf must ask " + recorder
                                + " for a password on the loopback)");
                return;
            }
            add("the recorder (" + recorder + ") answers through the loopback", recorder.equals(who),
                    "it answered as " + who);
        }

        private void checkRoles(String recorder) throws SQLException {
            add("role tutti_owner: NOLOGIN BYPASSRLS", bool("""
                    SELECT coalesce((SELECT NOT rolcanlogin AND rolbypassrls AND NOT rolsuper
                                       FROM pg_catalog.pg_roles WHERE rolname = 'tutti_owner'), false)"""),
                    "ALTER ROLE tutti_owner NOLOGIN BYPASSRLS NOSUPERUSER");
            List<String> logins = new ArrayList<>(LOGIN_ROLES);
            logins.add(recorder);
            for (String role : logins) {
                add("role " + role + ": LOGIN, no SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS, "
                        + "not a member of tutti_owner, owns nothing", bool("""
                        SELECT coalesce((SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole
                                                AND NOT rolreplication AND NOT rolbypassrls
                                                AND NOT pg_catalog.pg_has_role(oid, 'tutti_owner', 'MEMBER')
                                                AND NOT EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.relowner = r.oid)
                                                AND NOT EXISTS (SELECT FROM pg_catalog.pg_proc p WHERE p.proowner = r.oid)
                                           FROM pg_catalog.pg_roles r WHERE rolname = ?), false)""", role),
                        "missing, or with attributes it must not have");
            }
        }

        private boolean noPublicExecute(String condition) throws SQLException {
            return bool("SELECT NOT EXISTS (SELECT FROM pg_catalog.pg_proc p WHERE p.pronamespace = "
                    + "'pg_catalog'::regnamespace AND (" + condition + ") AND has_function_privilege('public', p.oid, "
                    + "'EXECUTE'))");
        }

        private void add(String name, boolean ok, String detail) {
            items.add(new Item(name, ok, detail));
        }

        private boolean bool(String sql, String... parameters) throws SQLException {
            List<Boolean> rows = column(sql, rs -> rs.getBoolean(1), parameters);
            return !rows.isEmpty() && rows.get(0);
        }

        private String text(String sql, String... parameters) throws SQLException {
            List<String> rows = texts(sql, parameters);
            return rows.isEmpty() ? null : rows.get(0);
        }

        private List<String> texts(String sql, String... parameters) throws SQLException {
            return column(sql, rs -> rs.getString(1), parameters);
        }

        /** The first column of every row of {@code sql}, read by {@code reader}. */
        private <T> List<T> column(String sql, ColumnReader<T> reader, String... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                    return rows;
                }
            }
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "";
            }
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end);
        }
    }
}
