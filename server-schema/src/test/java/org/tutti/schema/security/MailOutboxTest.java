package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.RELAY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tutti.schema.security.SecuredDemo.As;
import org.tutti.schema.testing.TestDatabases;

/**
 * The outbox of issue 4 on PostgreSQL (SQL-API.md, "Mail outbox"), as the login roles: the secret
 * column, the tutti_mail notification, what the relay may do and what nobody else may read.
 */
@Tag("postgres")
class MailOutboxTest {

    /** Long enough for a loaded machine; getNotifications returns as soon as one arrives. */
    private static final int NOTIFICATION_TIMEOUT_MILLIS = 20_000;

    private static SecuredDemo demo;

    @BeforeAll
    static void connect() throws SQLException {
        demo = SecuredDemo.get();
    }

    private static void requestPassword(String identifier) throws SQLException {
        try (As family = demo.as(FAMILY)) {
            family.rows(null, "SELECT tutti.request_password(?, ?)", identifier,
                    demo.text("SELECT email FROM tutti.account WHERE identifier = ?", identifier));
        }
    }

    private static long resetMailId(String identifier) throws SQLException {
        return demo.number("SELECT m.id FROM tutti.mail_outbox m JOIN tutti.account a ON a.email = m.recipient "
                + "WHERE a.identifier = ? AND m.kind = 'PASSWORD_RESET'", identifier);
    }

    @Test
    void theRelayListeningOnTuttiMailHearsOfTheNewRowOnCommit() throws SQLException {
        try (Connection relay = TestDatabases.connectAs(demo.db, RELAY, SecuredDemo.rolePassword(RELAY))) {
            relay.setAutoCommit(true);
            try (Statement statement = relay.createStatement()) {
                statement.execute("LISTEN tutti_mail");
            }
            PGConnection listener = relay.unwrap(PGConnection.class);

            requestPassword("F0013");
            assertThat(resetMailId("F0013")).isPositive();

            List<String> payloads = new ArrayList<>();
            PGNotification[] notifications = listener.getNotifications(NOTIFICATION_TIMEOUT_MILLIS);
            assertThat(notifications).as("a notification within %d ms", NOTIFICATION_TIMEOUT_MILLIS).isNotEmpty();
            for (PGNotification notification : notifications) {
                assertThat(notification.getName()).isEqualTo("tutti_mail");
                payloads.add(notification.getParameter());
            }
            // no id: a family listening too must not tell a matched lost-password request from an unmatched one
            assertThat(payloads).containsExactly("");
        }
    }

    @Test
    void theRelayReadsTheSecretAndScrubsItWhenItMarksTheRowSent() throws SQLException {
        requestPassword("F0014");
        long id = resetMailId("F0014");
        try (As relay = demo.as(RELAY)) {
            List<List<String>> queued = relay.rows(null, "SELECT id, secret, contains_secret FROM tutti.mail_outbox "
                    + "WHERE status = 'PENDING' AND next_attempt_at <= now() AND id = ? "
                    + "ORDER BY created_at, id FOR UPDATE SKIP LOCKED", id);
            assertThat(queued).hasSize(1);
            String secret = queued.get(0).get(1);
            assertThat(secret).matches("[A-HJ-NP-Za-km-z2-9]{12}");
            assertThat(queued.get(0).get(2)).isEqualTo("true");

            assertThat(relay.update(null, "UPDATE tutti.mail_outbox SET attempts = attempts + 1, last_error = 'smtp: 451', "
                    + "next_attempt_at = now() + interval '1 minute' WHERE id = ?", id)).isOne();
            assertThat(relay.update(null, "UPDATE tutti.mail_outbox SET status = 'SENT', sent_at = now(), "
                    + "attempts = attempts + 1, secret = NULL WHERE id = ? AND status = 'PENDING'", id)).isOne();
        }
        assertThat(demo.text("SELECT status || ' ' || attempts || ' ' || coalesce(secret, '<null>') "
                + "FROM tutti.mail_outbox WHERE id = ?", id)).isEqualTo("SENT 2 <null>");
        assertThat(demo.number("SELECT count(*) FROM tutti.mail_outbox WHERE id = ? "
                + "AND body_text LIKE '%{{secret}}%' AND body_html LIKE '%<code>{{secret}}</code>%'", id)).isOne();
    }

    @Test
    void onlyChangePasswordReadsTheCommonPasswords() throws SQLException {
        assertThat(demo.number("SELECT count(*) FROM tutti.common_password")).isEqualTo(10_000);
        assertThat(demo.text("SELECT c.relowner::regrole || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity "
                + "FROM pg_class c WHERE c.oid = 'tutti.common_password'::regclass")).isEqualTo("tutti_owner true true");
        assertThat(demo.number("SELECT count(*) FROM information_schema.role_table_grants "
                + "WHERE table_schema = 'tutti' AND table_name = 'common_password' "
                + "AND grantee IN ('PUBLIC', 'tutti_family', 'tutti_staff', 'tutti_relay')")).isZero();
        for (String role : List.of(FAMILY, STAFF, RELAY)) {
            try (As as = demo.as(role)) {
                assertThatThrownBy(() -> as.execute(null, "SELECT count(*) FROM tutti.common_password")).as(role)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void familiesAndStaffNeitherReadTheOutboxNorItsSecrets() throws SQLException {
        requestPassword("F0015");
        String accueil;
        try (As family = demo.as(FAMILY); As staff = demo.as(STAFF)) {
            String token = family.login("BELLERIVE", "F0016", "bellerive");
            accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(token).isNotNull();
            assertThat(accueil).isNotNull();
            for (String sql : List.of("SELECT secret FROM tutti.mail_outbox", "SELECT count(*) FROM tutti.mail_outbox",
                    "UPDATE tutti.mail_outbox SET secret = NULL")) {
                assertThatThrownBy(() -> family.execute(token, sql)).as("family: " + sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThatThrownBy(() -> staff.execute(accueil, sql)).as("staff: " + sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(demo.number("SELECT count(*) FROM tutti.mail_outbox WHERE id = ? AND secret IS NOT NULL",
                resetMailId("F0015"))).isOne();
    }

    @Test
    void theTriggerFunctionIsTuttiOwnersAndNobodyElseMayRunIt() throws SQLException {
        assertThat(demo.text("SELECT p.proowner::regrole || ' ' || p.prosecdef FROM pg_proc p "
                + "WHERE p.oid = 'tutti.notify_mail()'::regprocedure")).isEqualTo("tutti_owner false");
        for (String role : List.of("public", FAMILY, STAFF, RELAY)) {
            assertThat(demo.text("SELECT has_function_privilege(?, 'tutti.notify_mail()', 'EXECUTE')::text", role))
                    .as(role).isEqualTo("false");
        }
        assertThat(demo.text("SELECT tgenabled::text FROM pg_trigger "
                + "WHERE tgrelid = 'tutti.mail_outbox'::regclass AND tgname = 'mail_outbox_notify'")).isEqualTo("O");
    }
}
