package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.TestDatabases;

/**
 * The session resolved once per transaction (V26, ADR 0022): {@code tutti.touch_session()} writes a binding
 * that the policies' session functions read instead of resolving the token at every statement. What a
 * transaction sees must not change, and a login role must not be able to forge, keep or borrow a binding:
 * it holds the tutti_family password and runs any SQL (rollbacks, savepoints, a second token, pg_temp
 * objects, another connection). Uses F0008, F0011 and M0008, which no other test touches, and ACCUEIL's logins.
 */
@Tag("postgres")
class SessionBindingTest {

    private static final String GARBAGE_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String STUDENTS = "SELECT id FROM tutti.student";

    private static SecuredDemo demo;
    private static Set<Long> studentsOfF0008;
    private static Set<Long> studentsOfF0011;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
        studentsOfF0008 = demo.ids("SELECT id FROM tutti.student WHERE family_id = ?", demo.familyId("F0008"));
        studentsOfF0011 = demo.ids("SELECT id FROM tutti.student WHERE family_id = ?", demo.familyId("F0011"));
        assertThat(studentsOfF0008).as("students of F0008").isNotEmpty();
        assertThat(studentsOfF0011).as("students of F0011").isNotEmpty().doesNotContainAnyElementsOf(studentsOfF0008);
    }

    /** set_config then touch_session(), as the client binds a transaction; answers touch_session()'s result. */
    private static String bindAndTouch(Connection connection, String token) throws SQLException {
        bindSession(connection, token);
        return value(connection, "SELECT tutti.touch_session()");
    }

    private static Set<Long> ids(Connection connection, String sql) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        for (List<String> row : query(connection, sql)) {
            ids.add(Long.parseLong(row.get(0)));
        }
        return ids;
    }

    /**
     * The front desk deactivates F0008 (its account row, not a session row: touch_session() holds the session's
     * row until the family's transaction ends), as the superuser; {@code false} puts it back.
     */
    private static void f0008Active(boolean active) throws SQLException {
        assertThat(demo.execute("UPDATE tutti.account SET active = ? WHERE identifier = 'F0008'", active)).isOne();
    }

    @Test
    void aBoundTransactionSeesWhatItsTokenSeesInEveryTable() throws SQLException {
        long family = demo.familyId("M0008");
        long familySite = demo.siteId("MONTFLEURY");
        long bellerive = demo.siteId("BELLERIVE");
        SoftAssertions softly = new SoftAssertions();
        try (Connection c = connect(demo.db, FAMILY)) {
            String token = login(c, "MONTFLEURY", "M0008", "montfleury");
            c.setAutoCommit(false);
            softly.assertThat(bindAndTouch(c, token)).isEqualTo("true");
            for (Map.Entry<String, String> table : VisibleRows.ofFamily().entrySet()) {
                softly.assertThat(ids(c, "SELECT id FROM tutti." + table.getKey())).as("M0008, bound, " + table.getKey())
                        .isEqualTo(demo.ids(String.format(table.getValue(), family, familySite)));
            }
            softly.assertThat(query(c, "SELECT tutti.current_family(), tutti.current_staff_site(), "
                    + "tutti.current_account() = (SELECT id FROM tutti.account)"))
                    .containsExactly(List.of(Long.toString(family), "null", "true"));
            c.rollback();
        }
        try (Connection c = connect(demo.db, STAFF)) {
            String token = login(c, "BELLERIVE", "ACCUEIL", "bellerive");
            c.setAutoCommit(false);
            softly.assertThat(bindAndTouch(c, token)).isEqualTo("true");
            for (Map.Entry<String, String> table : VisibleRows.ofStaff().entrySet()) {
                softly.assertThat(ids(c, "SELECT id FROM tutti." + table.getKey())).as("ACCUEIL, bound, " + table.getKey())
                        .isEqualTo(demo.ids(String.format(table.getValue(), bellerive)));
            }
            softly.assertThat(query(c, "SELECT tutti.current_family(), tutti.current_staff_site()"))
                    .containsExactly(List.of("null", Long.toString(bellerive)));
            c.rollback();
        }
        softly.assertAll();
    }

    @Test
    void noLoginRoleReadsWritesOrCallsTheBindings() throws SQLException {
        SoftAssertions softly = new SoftAssertions();
        for (String role : List.of(FAMILY, STAFF)) {
            try (Connection c = connect(demo.db, role)) {
                for (String sql : List.of("SELECT * FROM tutti.session_binding",
                        "INSERT INTO tutti.session_binding VALUES (pg_backend_pid(), pg_current_xact_id(), 'x', 1, 1, 1, 1)",
                        "UPDATE tutti.session_binding SET family_id = 1",
                        "DELETE FROM tutti.session_binding",
                        "SELECT * FROM tutti.transaction_binding",
                        "SELECT tutti.bound_session_id()")) {
                    softly.assertThat(attempt(c, null, sql)).as(role + ": " + sql).isEqualTo("42501");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aBindingFollowsTheTokenSetNowAndEndsWithItsTransaction() throws SQLException {
        try (Connection c = connect(demo.db, FAMILY)) {
            String f0008 = login(c, "BELLERIVE", "F0008", "bellerive");
            String f0011 = login(c, "BELLERIVE", "F0011", "bellerive");
            c.setAutoCommit(false);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(bindAndTouch(c, f0008)).isEqualTo("true");
            softly.assertThat(ids(c, STUDENTS)).as("bound to F0008").isEqualTo(studentsOfF0008);
            bindSession(c, f0011);
            softly.assertThat(ids(c, STUDENTS)).as("F0011's token set after F0008's touch").isEqualTo(studentsOfF0011);
            for (String token : new String[] {"", GARBAGE_TOKEN}) {
                bindSession(c, token);
                softly.assertThat(ids(c, STUDENTS)).as("token '%s' set after the touch", token).isEmpty();
                softly.assertThat(value(c, "SELECT tutti.current_family()")).isEqualTo("null");
            }
            bindSession(c, f0008);
            softly.assertThat(ids(c, STUDENTS)).as("F0008's token again").isEqualTo(studentsOfF0008);
            c.commit();

            bindSession(c, "");
            softly.assertThat(ids(c, STUDENTS)).as("the next transaction, no token").isEmpty();
            softly.assertThat(query(c, "SELECT tutti.current_account(), tutti.current_family()"))
                    .containsExactly(List.of("null", "null"));
            c.rollback();
            softly.assertAll();
        }
    }

    @Test
    void anAccountDeactivatedElsewhereIsRefusedFromTheNextTransactionAndARolledBackTouchBindsNothing()
            throws SQLException {
        try (Connection c = connect(demo.db, FAMILY)) {
            String token = login(c, "BELLERIVE", "F0008", "bellerive");
            c.setAutoCommit(false);
            SoftAssertions softly = new SoftAssertions();
            try {
                softly.assertThat(bindAndTouch(c, token)).isEqualTo("true");
                f0008Active(false);
                softly.assertThat(ids(c, STUDENTS)).as("the bound transaction after the deactivation (ADR 0022)")
                        .isEqualTo(studentsOfF0008);
                c.commit();
                softly.assertThat(bindAndTouch(c, token)).as("the next transaction").isEqualTo("false");
                softly.assertThat(ids(c, STUDENTS)).as("the next transaction").isEmpty();
                c.rollback();

                f0008Active(true);
                bindSession(c, token);
                try (Statement statement = c.createStatement()) {
                    statement.execute("SAVEPOINT before_touch");
                    softly.assertThat(value(c, "SELECT tutti.touch_session()")).isEqualTo("true");
                    statement.execute("ROLLBACK TO SAVEPOINT before_touch");
                }
                f0008Active(false);
                softly.assertThat(ids(c, STUDENTS)).as("a touch rolled back to its savepoint, then the deactivation")
                        .isEmpty();
                c.rollback();
            } finally {
                c.rollback();
                f0008Active(true);
            }
            softly.assertAll();
        }
    }

    @Test
    void aLogoutEndsWhatItsOwnTransactionSees() throws SQLException {
        try (Connection c = connect(demo.db, FAMILY)) {
            String token = login(c, "MONTFLEURY", "M0008", "montfleury");
            c.setAutoCommit(false);
            assertThat(bindAndTouch(c, token)).isEqualTo("true");
            assertThat(ids(c, STUDENTS)).isNotEmpty();
            query(c, "SELECT tutti.logout()");
            assertThat(ids(c, STUDENTS)).as("after logout(), same transaction").isEmpty();
            assertThat(value(c, "SELECT tutti.current_account()")).isEqualTo("null");
            c.commit();
        }
    }

    @Test
    void anotherConnectionCannotBorrowABindingEvenPretendingToBeItsProcess() throws SQLException {
        String database = TestDatabases.databaseName(demo.db);
        demo.execute("GRANT TEMPORARY ON DATABASE " + database + " TO tutti_family"); // the worst case: harden revokes it
        try (Connection owner = connect(demo.db, FAMILY); Connection thief = connect(demo.db, FAMILY)) {
            String token = login(owner, "BELLERIVE", "F0011", "bellerive");
            owner.setAutoCommit(false);
            assertThat(bindAndTouch(owner, token)).isEqualTo("true");
            String ownerPid = value(owner, "SELECT pg_backend_pid()");
            String ownerXact = value(owner, "SELECT pg_current_xact_id()");

            thief.setAutoCommit(false);
            SoftAssertions softly = new SoftAssertions();
            bindSession(thief, "");
            softly.assertThat(ids(thief, STUDENTS)).as("another connection while the binding is live").isEmpty();
            try (Statement statement = thief.createStatement()) {
                statement.execute("CREATE FUNCTION pg_temp.pg_backend_pid() RETURNS integer LANGUAGE sql AS 'SELECT "
                        + ownerPid + "'");
                statement.execute("CREATE FUNCTION pg_temp.pg_current_xact_id_if_assigned() RETURNS xid8 LANGUAGE sql "
                        + "AS 'SELECT ''" + ownerXact + "''::xid8'");
                statement.execute("SET LOCAL search_path = pg_temp, tutti, pg_catalog");
            }
            softly.assertThat(ids(thief, STUDENTS)).as("with pg_temp functions answering the owner's process").isEmpty();
            softly.assertThat(value(thief, "SELECT tutti.current_family()")).isEqualTo("null");
            thief.rollback();
            owner.rollback();
            softly.assertAll();
        } finally {
            demo.execute("REVOKE TEMPORARY ON DATABASE " + database + " FROM tutti_family");
        }
    }

    @Test
    void aStaffTokenBindsNothingOnAFamilyConnection() throws SQLException {
        String staffToken;
        try (Connection staff = connect(demo.db, STAFF)) {
            staffToken = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
        }
        try (Connection c = connect(demo.db, FAMILY)) {
            c.setAutoCommit(false);
            assertThat(bindAndTouch(c, staffToken)).isEqualTo("false");
            assertThat(query(c, "SELECT tutti.current_account(), tutti.current_staff_site()"))
                    .containsExactly(List.of("null", "null"));
            c.rollback();
            assertThat(attempt(c, staffToken, "SELECT id FROM tutti.family")).isEqualTo(ACCEPTED + ": 0 row(s)");
        }
    }
}
