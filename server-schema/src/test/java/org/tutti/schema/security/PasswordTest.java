package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.RELAY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;

/** tutti.request_password and tutti.change_password, called as the login roles. */
@Tag("postgres")
class PasswordTest {

    private static SecuredDemo demo;
    private static As family;

    @BeforeAll
    static void connect() throws SQLException {
        demo = SecuredDemo.get();
        family = demo.as(FAMILY);
    }

    @AfterAll
    static void close() throws SQLException {
        family.close();
    }

    private static String hash(String identifier) throws SQLException {
        return demo.text("SELECT password_hash FROM tutti.account WHERE identifier = ?", identifier);
    }

    private static void assertSqlState(ThrowingCallable call, String state, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(state);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void aWrongEmailChangesNothing() throws SQLException {
        String before = hash("F0005");
        long mails = demo.number("SELECT count(*) FROM tutti.mail_outbox");

        family.rows(null, "SELECT tutti.request_password('F0005', 'not-f0005@example.org')");
        family.rows(null, "SELECT tutti.request_password('F0005', NULL)");

        assertThat(hash("F0005")).isEqualTo(before);
        assertThat(demo.number("SELECT count(*) FROM tutti.mail_outbox")).isEqualTo(mails);
        assertThat(demo.number("SELECT count(*) FROM tutti.audit_event WHERE kind = 'PASSWORD_REQUEST_UNMATCHED' "
                + "AND detail LIKE 'F0005 <%'")).isEqualTo(2);
        assertThat(family.login("BELLERIVE", "F0005", "bellerive")).isNotNull();
    }

    @Test
    void theRightEmailReplacesThePasswordAndQueuesTheNewOne() throws SQLException {
        String before = hash("F0004");
        String oldSession = family.login("BELLERIVE", "F0004", "bellerive");
        assertThat(oldSession).isNotNull();

        String email = demo.text("SELECT email FROM tutti.account WHERE identifier = 'F0004'");
        family.rows(null, "SELECT tutti.request_password('f0004', ?)", email.toUpperCase(Locale.ROOT));

        assertThat(hash("F0004")).isNotEqualTo(before).startsWith("$2a$10$");
        assertThat(family.login("BELLERIVE", "F0004", "bellerive")).as("the old password").isNull();
        assertThat(family.ids(oldSession, "SELECT id FROM tutti.family")).as("sessions of the old password").isEmpty();

        List<List<String>> mail;
        try (As relay = demo.as(RELAY)) {
            mail = relay.rows(null, "SELECT recipient, subject, body_text, body_html, contains_secret, status, kind, "
                    + "next_attempt_at <= now(), site_id, secret FROM tutti.mail_outbox "
                    + "WHERE recipient = ? AND kind = 'PASSWORD_RESET'", email);
        }
        assertThat(mail).hasSize(1);
        List<String> row = mail.get(0);
        assertThat(row.get(1)).isEqualTo("Conservatoire de Bellerive — votre nouveau mot de passe");
        String name = demo.text("SELECT CASE f.civility WHEN 'MME' THEN 'Mme ' ELSE 'M. ' END || f.first_name || ' '"
                + " || f.last_name FROM tutti.family f JOIN tutti.account a ON a.family_id = f.id"
                + " WHERE a.identifier = 'F0004'");
        assertThat(row.get(2)).startsWith("Bonjour " + name + ",\n\n");
        assertThat(row.get(3)).contains("<p>Bonjour " + name + ",</p>");
        assertThat(row.get(2)).contains("Identifiant : F0004", "4 place de l'Orangerie", "69300 Bellerive",
                "« Conservatoire de Bellerive »", "Nouveau mot de passe : {{secret}}\n");
        assertThat(row.get(3)).contains("<strong>F0004</strong>", "4 place de l&#39;Orangerie", "<code>{{secret}}</code>")
                .doesNotContain("l'Orangerie");
        assertThat(row.subList(4, 9)).containsExactly("true", "PENDING", "PASSWORD_RESET", "true",
                String.valueOf(demo.siteId("BELLERIVE")));
        String newPassword = row.get(9);
        assertThat(newPassword).matches("[A-HJ-NP-Za-km-z2-9]{12}");
        assertThat(row.get(2)).as("the text body").doesNotContain(newPassword);
        assertThat(row.get(3)).as("the HTML body").doesNotContain(newPassword);

        assertThat(family.login("BELLERIVE", "F0004", newPassword)).as("the new password").isNotNull();
        assertThat(demo.number("SELECT count(*) FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id "
                + "WHERE a.identifier = 'F0004' AND e.kind = 'PASSWORD_RESET'")).isOne();
    }

    @Test
    void moreThanFiveRequestsAnHourForOnePairAreRefused() throws SQLException {
        for (int i = 0; i < 5; i++) {
            family.rows(null, "SELECT tutti.request_password('NOBODY', 'nobody@example.org')");
        }
        assertSqlState(() -> family.rows(null, "SELECT tutti.request_password('nobody', 'NOBODY@example.org')"),
                "TU429", "too many requests");
        assertSqlState(() -> family.rows(null, "SELECT tutti.request_password('NOBODY', 'nobody@example.org')"),
                "TU429", "too many requests");
        family.rows(null, "SELECT tutti.request_password('NOBODY', 'other@example.org')");
        family.rows(null, "SELECT tutti.request_password('SOMEBODY', 'nobody@example.org')");

        demo.execute("UPDATE tutti.audit_event SET occurred_at = occurred_at - interval '61 minutes' "
                + "WHERE detail = 'NOBODY <nobody@example.org>'");
        family.rows(null, "SELECT tutti.request_password('NOBODY', 'nobody@example.org')");
    }

    @Test
    void changePasswordRefusesThenChanges() throws SQLException {
        assertSqlState(() -> family.rows(null, "SELECT tutti.change_password('bellerive', 'un-nouveau-mot')"),
                "TU401", "no session");
        String token = family.login("BELLERIVE", "F0007", "bellerive");
        assertSqlState(() -> family.rows(token, "SELECT tutti.change_password('wrong', 'un-nouveau-mot')"),
                "TU403", "wrong password");
        assertSqlState(() -> family.rows(token, "SELECT tutti.change_password('bellerive', 'court')"),
                "TU422", "too_short");
        for (String common : List.of("password123", "PassWord123", "1234567890", "QWERTYUIOP")) {
            assertSqlState(() -> family.rows(token, "SELECT tutti.change_password('bellerive', ?)", common),
                    "TU422", "too_common");
        }
        try (As staff = demo.as(STAFF)) {
            String secretariat = staff.login("MONTFLEURY", "SECRETARIAT", "montfleury");
            assertSqlState(() -> staff.rows(secretariat, "SELECT tutti.change_password('montfleury', 'Secretariat')"),
                    "TU422", "equals_identifier");
            assertSqlState(() -> staff.rows(secretariat, "SELECT tutti.change_password('wrong', 'password123')"),
                    "TU403", "wrong password");
            assertSqlState(() -> staff.rows(secretariat, "SELECT tutti.change_password('montfleury', 'password123')"),
                    "TU422", "too_common");
        }
        assertThat(family.login("BELLERIVE", "F0007", "bellerive")).as("refusals change nothing").isNotNull();

        family.rows(token, "SELECT tutti.change_password('bellerive', 'un-nouveau-mot')");

        assertThat(family.login("BELLERIVE", "F0007", "bellerive")).isNull();
        assertThat(family.login("BELLERIVE", "F0007", "un-nouveau-mot")).isNotNull();
        assertThat(demo.number("SELECT count(*) FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id "
                + "WHERE a.identifier = 'F0007' AND e.kind = 'PASSWORD_CHANGED'")).isOne();
        assertThat(demo.number("SELECT count(*) FROM tutti.account WHERE identifier = 'F0007' "
                + "AND password_changed_at IS NOT NULL")).isOne();
    }
}
