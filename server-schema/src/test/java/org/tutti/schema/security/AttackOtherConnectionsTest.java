package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.SecuredDemo.FAMILY;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;

/**
 * Attack: a family watching, cancelling or killing the other families' connections (which all log in as
 * the same role, tutti_family), and using what PostgreSQL grants PUBLIC by default: temporary objects,
 * large objects, objects in schema public, as many connections as the server allows.
 */
@Tag("postgres")
class AttackOtherConnectionsTest {

    private static SecuredDemo demo;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
    }

    /** Another family's connection, its last statement (a login written with literals) still on show. */
    private static Connection victim(String marker) throws SQLException {
        Connection victim = AttackSupport.connect(demo.db, FAMILY);
        try (Statement statement = victim.createStatement()) {
            statement.execute("SET application_name = '" + marker + "'");
            statement.executeQuery("SELECT tutti.login('BELLERIVE', 'VICTIM', 'password-of-" + marker + "')").close();
        }
        return victim;
    }

    private static boolean alive(Connection connection) throws SQLException {
        try {
            return connection.isValid(5) && "1".equals(AttackSupport.value(connection, "SELECT 1"));
        } catch (SQLException e) {
            return false;
        }
    }

    /** {@code pg_stat_activity} and the functions under it: another family's statements, with what they bind. */
    @Test
    void aFamilyCannotWatchOtherConnections() throws SQLException {
        String marker = "victim-" + UUID.randomUUID();
        try (Connection victim = victim(marker); Connection family = connect(demo.db, FAMILY)) {
            Map<String, String> watched = new LinkedHashMap<>();
            watched.put("pg_stat_activity", attempt(family, null,
                    "SELECT query, client_addr FROM pg_stat_activity WHERE query LIKE ?", "%" + marker + "%"));
            watched.put("pg_stat_get_activity(NULL)", attempt(family, null,
                    "SELECT query FROM pg_stat_get_activity(NULL) WHERE query LIKE ?", "%" + marker + "%"));
            watched.put("pg_stat_get_backend_pid(1)", attempt(family, null, "SELECT pg_stat_get_backend_pid(1)"));
            watched.put("pg_stat_get_backend_activity(…)", attempt(family, null, "SELECT pg_stat_get_backend_activity(b) "
                    + "FROM generate_series(1, 200) b WHERE pg_stat_get_backend_activity(b) LIKE ?", "%" + marker + "%"));
            Map<String, String> refused = new LinkedHashMap<>();
            watched.keySet().forEach(view -> refused.put(view, "42501"));
            assertThat(watched).as("what a family reads of another family's connection; its statement: "
                    + SqlRows.query(demo.db.dataSource(), "SELECT query FROM pg_stat_activity "
                    + "WHERE application_name = ?", marker)).isEqualTo(refused);
        }
    }

    /** {@code pg_cancel_backend} and {@code pg_terminate_backend} on another family's connection. */
    @Test
    void aFamilyCannotCancelOrTerminateAnotherConnection() throws SQLException {
        String marker = "victim-" + UUID.randomUUID();
        try (Connection victim = victim(marker); Connection family = connect(demo.db, FAMILY)) {
            long pid = demo.number("SELECT pid FROM pg_stat_activity WHERE application_name = ?", marker);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(attempt(family, null, "SELECT pg_cancel_backend(?)", (int) pid))
                    .as("pg_cancel_backend(victim)").isEqualTo("42501");
            softly.assertThat(attempt(family, null, "SELECT pg_terminate_backend(?)", (int) pid))
                    .as("pg_terminate_backend(victim)").isEqualTo("42501");
            softly.assertThat(alive(victim)).as("the victim's connection is still alive").isTrue();
            softly.assertAll();
        }
    }

    /** Temporary tables, large objects and tables in schema public: each refused (rolled back anyway). */
    @Test
    void whatPublicMayDoByDefaultIsRefused() throws SQLException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (Connection family = connect(demo.db, FAMILY)) {
            for (String sql : List.of("CREATE TEMP TABLE t (i int)", "SELECT lo_create(0)", "SELECT lo_from_bytea(0, 'x')",
                    "SELECT lo_creat(-1)", "CREATE TABLE public.x (i int)")) {
                outcomes.put(sql, attempt(family, null, sql));
            }
        }
        Map<String, String> refused = new LinkedHashMap<>();
        outcomes.keySet().forEach(sql -> refused.put(sql, "42501"));
        assertThat(outcomes).isEqualTo(refused);
    }

    /** Families cannot take every connection of the server (the staff and the relay keep theirs). */
    @Test
    void familyConnectionsAreCappedBelowTheServersMaximum() throws SQLException {
        try (Connection family = connect(demo.db, FAMILY)) {
            List<String> limits = query(family, "SELECT rolconnlimit, current_setting('max_connections')::int "
                    + "FROM pg_roles WHERE rolname = 'tutti_family'").get(0);
            int limit = Integer.parseInt(limits.get(0));
            assertThat(limit).as("connection limit of tutti_family (max_connections %s)", limits.get(1))
                    .isPositive().isLessThan(Integer.parseInt(limits.get(1)));
        }
    }
}
