package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.SecuredDemo.FAMILY;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tutti.schema.security.SecuredDemo.As;

/**
 * Attack: telling which identifiers (and which identifier + e-mail pairs) exist, although login and
 * request_password answer the same either way.
 *
 * <p>If a failed login with a real identifier writes the failure count in the caller's transaction and
 * an unknown identifier does not, the caller reads the difference in the per-transaction statistics
 * ({@code pg_stat_get_xact_tuples_updated('tutti.account'::regclass)}, {@code pg_stat_xact_user_tables})
 * before rolling back; the same goes for request_password (a mail row only for a matching pair), and for
 * the {@code tutti_mail} notification that a listening family receives only when a mail was queued.
 * Uses M0005, M0006, M0007 and M0008, which no other test touches.
 */
@Tag("postgres")
class AttackOracleTest {

    /** Long enough for a loaded machine; getNotifications returns as soon as one arrives. */
    private static final int NOTIFICATION_WAIT_MILLIS = 5_000;

    private static final String WRITES = "SELECT string_agg(c.relname || ' +' || pg_stat_get_xact_tuples_inserted(c.oid)"
            + " || ' ~' || pg_stat_get_xact_tuples_updated(c.oid) || ' -' || pg_stat_get_xact_tuples_deleted(c.oid), ', '"
            + " ORDER BY c.relname) FROM pg_class c WHERE c.relnamespace = 'tutti'::regnamespace AND c.relname IN (%s)";

    private static SecuredDemo demo;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
    }

    private static String email(String identifier) throws SQLException {
        return demo.text("SELECT email FROM tutti.account WHERE identifier = ?", identifier);
    }

    /**
     * As tutti_family, in one transaction (rolled back): a wrong password for {@code identifier}, then what
     * {@code statistics} shows; or the SQLSTATE that reading them raised.
     */
    private static String familyReads(String identifier, String statistics) throws SQLException {
        try (Connection family = connect(demo.db, FAMILY)) {
            family.setAutoCommit(false);
            try {
                query(family, "SELECT tutti.login('MONTFLEURY', ?, 'not-the-password')", identifier);
                return query(family, statistics).toString();
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                family.rollback();
            }
        }
    }

    /**
     * The statistics as tutti_family: refused, whatever the identifier. (The cumulative view is the same
     * oracle once the counts are flushed, on a quiet server or by comparing before and after.)
     */
    @Test
    void aFamilyCannotReadThePerTransactionStatistics() throws SQLException {
        Map<String, String> statistics = new LinkedHashMap<>();
        statistics.put("pg_stat_get_xact_tuples_*()", "SELECT 'account updated ' "
                + "|| pg_stat_get_xact_tuples_updated('tutti.account'::regclass) || ', audit_event inserted ' "
                + "|| pg_stat_get_xact_tuples_inserted('tutti.audit_event'::regclass)");
        statistics.put("pg_stat_xact_user_tables", "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del "
                + "FROM pg_stat_xact_user_tables WHERE schemaname = 'tutti' "
                + "AND n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname");
        statistics.put("pg_stat_xact_all_tables", "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del "
                + "FROM pg_stat_xact_all_tables WHERE schemaname = 'tutti' "
                + "AND n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname");
        statistics.put("pg_stat_user_tables (cumulative)", "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del "
                + "FROM pg_stat_user_tables WHERE schemaname = 'tutti' AND relname IN ('account', 'audit_event') "
                + "ORDER BY relname");
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> read : statistics.entrySet()) {
            String known = familyReads("M0005", read.getValue());
            String unknown = familyReads("M9999", read.getValue());
            softly.assertThat(known).as("%s after a wrong password of the real M0005 (unknown M9999: %s)",
                    read.getKey(), unknown).isEqualTo("42501");
            softly.assertThat(unknown).as("%s after a wrong password of the unknown M9999", read.getKey())
                    .isEqualTo("42501");
        }
        softly.assertAll();
    }

    /**
     * What the caller's transaction writes, as a superuser sees it in the statistics (superusers may call
     * login and still read them): nothing, whether the call failed or succeeded, matched or not.
     */
    private static String writesOf(List<String> tables, String call, Object... parameters) throws SQLException {
        try (Connection superuser = demo.db.dataSource().getConnection()) {
            superuser.setAutoCommit(false);
            try {
                query(superuser, call, parameters);
                return value(superuser, String.format(WRITES, "'" + String.join("', '", tables) + "'"));
            } finally {
                superuser.rollback();
            }
        }
    }

    private static String nothingWritten(List<String> tables) {
        List<String> zero = new ArrayList<>();
        for (String table : tables.stream().sorted().toList()) {
            zero.add(table + " +0 ~0 -0");
        }
        return String.join(", ", zero);
    }

    /**
     * Login as the superuser: a wrong password of a real identifier, an unknown identifier and a success
     * leave the same per-transaction statistics, none (every write is in a transaction of its own).
     */
    @Test
    void loginWritesNothingInTheCallersTransactionWhateverTheOutcome() throws SQLException {
        List<String> tables = List.of("account", "app_session", "audit_event");
        String login = "SELECT tutti.login('MONTFLEURY', ?, ?)";
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("wrong password of the real M0005", writesOf(tables, login, "M0005", "not-the-password"));
        writes.put("unknown identifier M9999", writesOf(tables, login, "M9999", "not-the-password"));
        writes.put("right password of M0005", writesOf(tables, login, "M0005", "montfleury"));
        Map<String, String> none = new LinkedHashMap<>();
        writes.keySet().forEach(call -> none.put(call, nothingWritten(tables)));
        assertThat(writes).as("rows written in the caller's transaction (+ inserted ~ updated - deleted)")
                .isEqualTo(none);
    }

    /** request_password as the superuser: a matching pair and a wrong one leave the same statistics, none. */
    @Test
    void requestPasswordWritesNothingInTheCallersTransactionMatchedOrNot() throws SQLException {
        List<String> tables = List.of("account", "app_session", "audit_event", "mail_outbox");
        String request = "SELECT tutti.request_password(?, ?)";
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("matching pair of M0006", writesOf(tables, request, "M0006", email("M0006")));
        writes.put("M0006 with another e-mail", writesOf(tables, request, "M0006", "not-m0006@example.org"));
        Map<String, String> none = new LinkedHashMap<>();
        writes.keySet().forEach(call -> none.put(call, nothingWritten(tables)));
        assertThat(writes).as("rows written in the caller's transaction (+ inserted ~ updated - deleted)")
                .isEqualTo(none);
    }

    /** A transaction that may write nothing still logs in: the caller's transaction is not where login writes. */
    @Test
    void aLoginInAReadOnlyTransactionStillWorks() throws SQLException {
        String token;
        try (Connection family = connect(demo.db, FAMILY)) {
            family.setAutoCommit(false);
            try (Statement statement = family.createStatement()) {
                statement.execute("SET TRANSACTION READ ONLY");
            }
            try {
                token = value(family, "SELECT tutti.login('MONTFLEURY', 'M0008', 'montfleury')");
            } catch (SQLException e) {
                token = "SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
            }
            family.rollback();
        }
        assertThat(token).as("login of M0008 in a READ ONLY transaction").matches("[0-9A-Za-z_-]{40,}");
        try (As family = demo.as(FAMILY)) {
            assertThat(family.rows(token, "SELECT tutti.touch_session()")).containsExactly(List.of("true"));
        }
    }

    /** The notifications a tutti_family connection listening on tutti_mail receives after its own call. */
    private static List<String> heardAfter(Connection family, int ownPid, String sql, Object... parameters)
            throws SQLException {
        PGConnection listener = family.unwrap(PGConnection.class);
        listener.getNotifications(); // nothing left over
        query(family, sql, parameters);
        List<String> heard = new ArrayList<>();
        PGNotification[] notifications = listener.getNotifications(NOTIFICATION_WAIT_MILLIS);
        for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
            heard.add(notification.getName() + " '" + notification.getParameter() + "' from "
                    + (notification.getPID() == ownPid ? "this connection" : "another connection"));
        }
        return heard;
    }

    /**
     * A family LISTENs on tutti_mail and asks for M0007's password with the right pair, then with a wrong
     * one: what it hears (channel, payload, which backend sent it) is the same both times.
     */
    @Test
    void listeningOnTuttiMailDoesNotTellAMatchedRequestFromAnUnmatchedOne() throws SQLException {
        try (Connection family = connect(demo.db, FAMILY)) {
            try (Statement statement = family.createStatement()) {
                statement.execute("LISTEN tutti_mail");
            }
            int pid = Integer.parseInt(value(family, "SELECT pg_backend_pid()"));
            List<String> matched = heardAfter(family, pid, "SELECT tutti.request_password(?, ?)", "M0007",
                    email("M0007"));
            List<String> unmatched = heardAfter(family, pid, "SELECT tutti.request_password(?, ?)", "M0007",
                    "not-m0007@example.org");
            assertThat(matched).as("heard after a matched request (an unmatched one: %s)", unmatched)
                    .isEqualTo(unmatched);
        }
    }
}
