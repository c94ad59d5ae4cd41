package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.withinPatience;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;

/**
 * Attack: keeping others from logging in or recovering their password (denial of service).
 *
 * <p>If login or request_password lock a row (or take an advisory lock) in the caller's transaction, a
 * family calls it and leaves the transaction open: everybody else's call for that account waits for
 * ever. And a quota per identifier lets a stranger spend the owner's lost-password requests. Every
 * wait here is bounded ({@link AttackSupport#PATIENCE}). Uses ACCUEIL (logins only), M0009, M0010,
 * M0011 and M0012, which no other test touches.
 */
@Tag("postgres")
class AttackStallTest {

    private static SecuredDemo demo;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
    }

    private static String email(String identifier) throws SQLException {
        return demo.text("SELECT email FROM tutti.account WHERE identifier = ?", identifier);
    }

    /** Connection A: tutti_family, autocommit off, the statement run and its transaction left open. */
    private static Connection leftOpen(String sql, Object... parameters) throws SQLException {
        Connection a = connect(demo.db, FAMILY);
        a.setAutoCommit(false);
        query(a, sql, parameters);
        return a;
    }

    private static String login(String role, String site, String identifier, String password) throws SQLException {
        try (As b = demo.as(role)) {
            return b.login(site, identifier, password);
        }
    }

    private static String requestPassword(String identifier, String email) throws SQLException {
        try (As b = demo.as(FAMILY)) {
            b.rows(null, "SELECT tutti.request_password(?, ?)", identifier, email);
            return "answered";
        }
    }

    /** A: a family's wrong login of the front desk's account, left open; B: the front desk logs in. */
    @Test
    void aStaffLoginLeftOpenByAFamilyDoesNotKeepTheFrontDeskOut() throws Exception {
        try (Connection a = leftOpen("SELECT tutti.login('BELLERIVE', 'ACCUEIL', 'x')")) {
            String token = withinPatience("ACCUEIL's login as tutti_staff",
                    () -> login(STAFF, "BELLERIVE", "ACCUEIL", "bellerive"), a);
            assertThat(token).as("ACCUEIL's token").isNotNull();
        }
    }

    /** A: a wrong login of family account M0010, left open; B: M0010 logs in with its password. */
    @Test
    void aWrongLoginLeftOpenDoesNotKeepTheAccountOut() throws Exception {
        try (Connection a = leftOpen("SELECT tutti.login('MONTFLEURY', 'M0010', 'not-the-password')")) {
            String token = withinPatience("M0010's login", () -> login(FAMILY, "MONTFLEURY", "M0010", "montfleury"), a);
            assertThat(token).as("M0010's token").isNotNull();
        }
    }

    /** A: request_password for M0009 (the right pair) left open; B: the same request. */
    @Test
    void aPasswordRequestLeftOpenDoesNotKeepOthersWaiting() throws Exception {
        String email = email("M0009");
        try (Connection a = leftOpen("SELECT tutti.request_password('M0009', ?)", email)) {
            assertThat(withinPatience("B's request_password for M0009 while A's is open",
                    () -> requestPassword("M0009", email), a)).isEqualTo("answered");
        }
    }

    /** A holds the advisory lock that the first request_password took for identifier M0009; B: a request for it. */
    @Test
    void theAdvisoryLockOfTheFirstVersionKeepsNobodyWaiting() throws Exception {
        try (Connection a = leftOpen("SELECT pg_advisory_lock(hashtextextended('tutti.request_password ' || 'M0009', 0))")) {
            assertThat(withinPatience("B's request_password for M0009 while A holds its advisory lock",
                    () -> requestPassword("M0009", "not-m0009@example.org"), a)).isEqualTo("answered");
        }
    }

    /** A stranger's five requests with wrong e-mails do not spend the owner's quota. */
    @Test
    void aStrangersRequestsDoNotStopTheOwnersRequest() throws SQLException {
        String email = email("M0011");
        String resetMails = "SELECT count(*) FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET' AND recipient = ?";
        long before = demo.number(resetMails, email);
        try (As stranger = demo.as(FAMILY)) {
            for (int i = 1; i <= 5; i++) {
                stranger.rows(null, "SELECT tutti.request_password('M0011', ?)", "stranger-" + i + "@example.org");
            }
        }
        assertThat(sqlState(() -> requestPassword("M0011", email))).as("the owner's request after the stranger's five")
                .isEqualTo(ACCEPTED);
        assertThat(demo.number(resetMails, email)).as("PASSWORD_RESET mails to M0011").isEqualTo(before + 1);
    }

    /** The quota of one pair still holds: the sixth request within an hour is refused. */
    @Test
    void theSixthRequestOfOnePairWithinAnHourIsRefused() throws SQLException {
        String email = email("M0012");
        for (int i = 1; i <= 5; i++) {
            assertThat(sqlState(() -> requestPassword("M0012", email))).as("request %d", i).isEqualTo(ACCEPTED);
        }
        assertThat(sqlState(() -> requestPassword("M0012", email))).as("request 6").isEqualTo("TU429");
    }

    /** No statement and no open transaction of a login role lasts for ever by default. */
    @Test
    void theLoginRolesHaveTimeOuts() throws SQLException {
        SoftAssertions softly = new SoftAssertions();
        for (String role : List.of(FAMILY, STAFF)) {
            try (As as = demo.as(role)) {
                List<String> settings = as.rows(null, "SELECT current_setting('statement_timeout'), "
                        + "current_setting('idle_in_transaction_session_timeout')").get(0);
                softly.assertThat(settings.get(0)).as("statement_timeout of %s", role).isNotEqualTo("0");
                softly.assertThat(settings.get(1)).as("idle_in_transaction_session_timeout of %s", role)
                        .isNotEqualTo("0");
            }
        }
        softly.assertAll();
    }
}
