package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.SecuredDemo.FAMILY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;

/**
 * Attack: guessing passwords without ever being locked out, by undoing the failure count.
 *
 * <p>{@code tutti.login} counts a wrong password and locks the account after five; if it writes that in
 * the caller's transaction, the caller guesses inside {@code BEGIN … ROLLBACK}, or in a statement that
 * fails on purpose after the call, and the count never survives. Uses M0003 and M0004, which no other
 * test touches (they end up locked).
 */
@Tag("postgres")
class AttackLockoutRollbackTest {

    private static final int GUESSES = 6;

    private static SecuredDemo demo;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
    }

    /** What the superuser and the right password say of the account after the guesses. */
    private static void assertLockedOut(String identifier) throws SQLException {
        long account = demo.number("SELECT a.id FROM tutti.account a JOIN tutti.site s ON s.id = a.site_id "
                + "WHERE s.code = 'MONTFLEURY' AND a.identifier = ?", identifier);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(demo.number("SELECT count(*) FROM tutti.audit_event WHERE account_id = ? "
                + "AND kind = 'LOGIN_FAILURE'", account)).as("LOGIN_FAILURE audit rows of %s", identifier)
                .isGreaterThanOrEqualTo(5);
        softly.assertThat(demo.number("SELECT count(*) FROM tutti.audit_event WHERE account_id = ? "
                + "AND kind = 'ACCOUNT_LOCKED'", account)).as("ACCOUNT_LOCKED audit rows of %s", identifier)
                .isGreaterThanOrEqualTo(1);
        softly.assertThat(demo.number("SELECT count(*) FROM tutti.account WHERE id = ? AND locked_until > now()",
                account)).as("%s locked (locked_until > now())", identifier).isOne();
        try (As family = demo.as(FAMILY)) {
            softly.assertThat(family.login("MONTFLEURY", identifier, "montfleury"))
                    .as("the right password of %s after %d wrong ones", identifier, GUESSES).isNull();
        }
        softly.assertAll();
    }

    /** {@code BEGIN; six wrong tutti.login(...); ROLLBACK}. */
    @Test
    void wrongPasswordsInARolledBackTransactionStillLockTheAccount() throws SQLException {
        try (Connection family = connect(demo.db, FAMILY)) {
            family.setAutoCommit(false);
            try (PreparedStatement login = family.prepareStatement("SELECT tutti.login('MONTFLEURY', 'M0003', ?)")) {
                for (int i = 0; i < GUESSES; i++) {
                    login.setString(1, "guess-" + i);
                    login.executeQuery().close();
                }
            }
            family.rollback();
        }
        assertLockedOut("M0003");
    }

    /**
     * A wrong login inside a statement that then fails, six times. (Written {@code length(...) / 0}
     * rather than {@code , 1/0}: the planner folds a constant {@code 1/0} and raises before the call.)
     */
    @Test
    void wrongPasswordsInAStatementThatFailsStillLockTheAccount() throws SQLException {
        try (Connection family = connect(demo.db, FAMILY);
             PreparedStatement login = family.prepareStatement(
                     "SELECT length(coalesce(tutti.login('MONTFLEURY', 'M0004', ?), '')) / 0")) {
            for (int i = 0; i < GUESSES; i++) {
                login.setString(1, "guess-" + i);
                assertThat(sqlState(() -> login.executeQuery().close()))
                        .as("division by zero after the call").isEqualTo("22012");
            }
        }
        assertLockedOut("M0004");
    }

    /**
     * Logins cancelled by the caller's own statement_timeout at every moment of their work (while the
     * recorder's connection opens, while it charges the attempt, while the password is checked): the
     * caller gets only the cancellation, no recorder connection stays open for it, and its next login
     * works. Uses F0023.
     */
    @Test
    void cancelledLoginsLeaveNoRecorderConnectionBehind() throws SQLException, InterruptedException {
        String recorder = demo.text("SELECT 'tutti_recorder_' || current_database()");
        try (Connection family = connect(demo.db, FAMILY); java.sql.Statement statement = family.createStatement()) {
            for (int timeout = 2; timeout <= 120; timeout += 6) {
                statement.execute("SET statement_timeout = '" + timeout + "ms'");
                String state = sqlState(() -> statement.executeQuery(
                        "SELECT tutti.login('BELLERIVE', 'F0023', 'guess')").close());
                assertThat(state).as("after %d ms", timeout).isIn(AttackSupport.ACCEPTED, "57014");
            }
            statement.execute("SET statement_timeout = 0");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            long open;
            do {
                open = demo.number("SELECT count(*) FROM pg_stat_activity WHERE usename = ?", recorder);
            } while (open > 0 && System.nanoTime() < deadline && !Thread.interrupted());
            assertThat(open).as("recorder connections still open").isZero();
            demo.execute("UPDATE tutti.account SET locked_until = NULL, failed_attempts = 0 WHERE identifier = 'F0023'");
            try (java.sql.ResultSet rs = statement.executeQuery("SELECT tutti.login('BELLERIVE', 'F0023', 'bellerive')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the next login on the same connection").isNotNull();
            }
        }
    }
}
