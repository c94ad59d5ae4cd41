package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.TOKEN_HASH;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.RELAY;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;

/**
 * Attack: keeping a stolen session alive, and abusing the mail relay's rights.
 *
 * <p>A thief holding a family's token keeps using it after the family changed its password, or for days by
 * touching it every few minutes; the relay's login (whose password sits next to the relay) redirects
 * queued mails, the new passwords in them included, to another address, or reads secrets of mails already
 * sent. Uses F0017, F0018, M0014, M0015 and M0016, which no other test touches.
 */
@Tag("postgres")
class AttackSessionsRelayTest {

    private static SecuredDemo demo;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
    }

    private static String email(String identifier) throws SQLException {
        return demo.text("SELECT email FROM tutti.account WHERE identifier = ?", identifier);
    }

    private static String touch(As family, String token) throws SQLException {
        return family.rows(token, "SELECT tutti.touch_session()").get(0).get(0);
    }

    /** (a) The family changes its password in one session: the thief's other session ends, its own goes on. */
    @Test
    void changingThePasswordEndsTheOtherSessions() throws SQLException {
        try (As family = demo.as(FAMILY)) {
            String mine = family.login("BELLERIVE", "F0017", "bellerive");
            String thief = family.login("BELLERIVE", "F0017", "bellerive");
            assertThat(mine).isNotNull();
            assertThat(thief).isNotNull();
            family.rows(mine, "SELECT tutti.change_password('bellerive', 'Un-nouveau-secret-17')");
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(touch(family, thief)).as("the other session after the change").isEqualTo("false");
            softly.assertThat(touch(family, mine)).as("the session that changed the password").isEqualTo("true");
            softly.assertAll();
        }
    }

    /** (b) A lost-password request with the family's pair ends every earlier session. */
    @Test
    void aPasswordResetEndsEverySession() throws SQLException {
        try (As family = demo.as(FAMILY)) {
            String first = family.login("BELLERIVE", "F0018", "bellerive");
            String second = family.login("BELLERIVE", "F0018", "bellerive");
            family.rows(null, "SELECT tutti.request_password('F0018', ?)", email("F0018"));
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(touch(family, first)).as("first session after the reset").isEqualTo("false");
            softly.assertThat(touch(family, second)).as("second session after the reset").isEqualTo("false");
            softly.assertAll();
        }
    }

    /**
     * (c) However active, a session ends 12 hours after its login (setting session_lifetime_hours of
     * tutti.setting, 12 by default): created 13 hours ago and never idle, it is over; 11 hours, it is not.
     */
    @Test
    void aSessionEndsTwelveHoursAfterItsLoginHoweverActive() throws SQLException {
        try (As family = demo.as(FAMILY)) {
            String old = family.login("MONTFLEURY", "M0014", "montfleury");
            String younger = family.login("MONTFLEURY", "M0014", "montfleury");
            String age = "UPDATE tutti.app_session SET created_at = now() - ?::interval, last_seen_at = now(), "
                    + "expires_at = now() + interval '20 minutes' WHERE token_hash = " + TOKEN_HASH;
            assertThat(demo.execute(age, "13 hours", old)).isOne();
            assertThat(demo.execute(age, "11 hours", younger)).isOne();
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(touch(family, old)).as("a session logged in 13 hours ago").isEqualTo("false");
            softly.assertThat(touch(family, younger)).as("a session logged in 11 hours ago").isEqualTo("true");
            softly.assertAll();
        }
    }

    /** (d) The relay may record a delivery, not rewrite a mail (recipient, subject, bodies, secret). */
    @Test
    void theRelayUpdatesTheDeliveryColumnsOnly() throws SQLException {
        try (As family = demo.as(FAMILY)) {
            family.rows(null, "SELECT tutti.request_password('M0015', ?)", email("M0015"));
        }
        long mail = demo.number("SELECT max(id) FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET' AND recipient = ?",
                email("M0015"));
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        try (Connection relay = connect(demo.db, RELAY)) {
            for (String column : List.of("recipient", "subject", "body_text", "body_html", "secret")) {
                String sql = "UPDATE tutti.mail_outbox SET " + column + " = 'evil@example.org' WHERE id = ?";
                outcomes.put(sql, attempt(relay, null, sql, mail));
                expected.put(sql, "42501");
            }
            for (String sql : List.of("UPDATE tutti.mail_outbox SET attempts = attempts + 1, last_error = 'smtp: 451', "
                            + "next_attempt_at = now() + interval '1 minute', version = version + 1 WHERE id = ?",
                    "UPDATE tutti.mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, "
                            + "version = version + 1 WHERE id = ?")) {
                outcomes.put(sql, attempt(relay, null, sql, mail));
                expected.put(sql, AttackSupport.ACCEPTED + ": 1 row(s)");
            }
        }
        assertThat(outcomes).as("the relay's updates of a PENDING mail (each rolled back)").isEqualTo(expected);
    }

    /** (e) A secret is readable only while its mail is PENDING, and cannot be stored on any other. */
    @Test
    void aSecretLeavesWithItsMail() throws SQLException {
        String email = email("M0016");
        assertThat(demo.number("SELECT count(*) FROM tutti.request_password('M0016', ?)", email)).isOne();
        long mail = demo.number("SELECT max(id) FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET' AND recipient = ?",
                email);
        SoftAssertions softly = new SoftAssertions();
        try (As relay = demo.as(RELAY)) {
            softly.assertThat(relay.rows(null, "SELECT secret IS NOT NULL FROM tutti.mail_outbox WHERE id = ?", mail))
                    .as("the secret of the PENDING mail").containsExactly(List.of("true"));
            softly.assertThat(relay.update(null, "UPDATE tutti.mail_outbox SET status = 'SENT', sent_at = now(), "
                    + "attempts = attempts + 1, version = version + 1 WHERE id = ?", mail)).as("marked SENT").isOne();
            softly.assertThat(relay.rows(null, "SELECT secret FROM tutti.mail_outbox WHERE id = ?", mail))
                    .as("the secret once the mail is SENT").containsExactly(List.of("null"));
        }
        try (Connection superuser = demo.db.dataSource().getConnection()) {
            softly.assertThat(attempt(superuser, null, "INSERT INTO tutti.mail_outbox (kind, recipient, subject, body_text, "
                    + "status, sent_at, attempts, next_attempt_at, created_at, secret) VALUES ('PASSWORD_RESET', "
                    + "'x@example.org', 'x', '{{secret}}', 'SENT', now(), 1, now(), now(), 'Secret-12345')"))
                    .as("the superuser inserts a SENT mail with a secret").isEqualTo("23514");
            softly.assertThat(attempt(superuser, null, "UPDATE tutti.mail_outbox SET secret = 'Secret-12345' WHERE id = ?",
                    mail)).as("the superuser stores a secret on the SENT mail (23514 or 42501)").isIn("23514", "42501");
        }
        softly.assertAll();
    }
}
