package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.RELAY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;

/** Connected as tutti_staff: the rows of the session's site only. As tutti_relay: the outbox only. */
@Tag("postgres")
class StaffAndRelayTest {

    private static SecuredDemo demo;
    private static As staff;

    @BeforeAll
    static void connect() throws SQLException {
        demo = SecuredDemo.get();
        staff = demo.as(STAFF);
    }

    @AfterAll
    static void close() throws SQLException {
        staff.close();
    }

    private static Set<Long> expected(String sql, long siteId) throws SQLException {
        return demo.ids(String.format(sql, siteId));
    }

    @Test
    void aStaffSessionSeesItsSiteAndNothingOfTheOther() throws SQLException {
        long bellerive = demo.siteId("BELLERIVE");
        long montfleury = demo.siteId("MONTFLEURY");
        String accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = staff.login("montfleury", "secretariat", "montfleury");
        assertThat(accueil).isNotNull();
        assertThat(secretariat).isNotNull();

        for (Map.Entry<String, String> table : VisibleRows.ofStaff().entrySet()) {
            String select = "SELECT id FROM tutti." + table.getKey();
            Set<Long> ofBellerive = expected(table.getValue(), bellerive);
            Set<Long> ofMontfleury = expected(table.getValue(), montfleury);
            assertThat(ofBellerive).as(table.getKey() + " of BELLERIVE").isNotEmpty();
            if (!table.getKey().startsWith("reenrolment_") && !table.getKey().equals("uploaded_document")) {
                assertThat(ofMontfleury).as(table.getKey() + " of MONTFLEURY").isNotEmpty(); // its campaign is closed
            }
            assertThat(staff.ids(accueil, select)).as(table.getKey() + " seen by ACCUEIL").isEqualTo(ofBellerive);
            assertThat(staff.ids(secretariat, select)).as(table.getKey() + " seen by SECRETARIAT").isEqualTo(ofMontfleury);
            if (!table.getKey().equals("school_year") && !ofMontfleury.isEmpty()) {
                assertThat(ofBellerive).as(table.getKey()).doesNotContainAnyElementsOf(ofMontfleury);
            }
            assertThat(staff.ids(null, select)).as(table.getKey() + " without a session").isEmpty();
        }
    }

    @Test
    void aStaffSessionChangesItsSiteRowsOnly() throws SQLException {
        String accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
        long belleriveFamily = demo.familyId("F0010");
        long montfleuryFamily = demo.familyId("M0002");
        long montfleury = demo.siteId("MONTFLEURY");
        String montfleuryPhone = demo.text("SELECT phone_home FROM tutti.family WHERE id = ?", montfleuryFamily);

        assertThat(staff.update(accueil, "UPDATE tutti.family SET phone_home = '0478000010', version = version + 1 "
                + "WHERE id = ?", belleriveFamily)).isEqualTo(1);
        assertThat(demo.text("SELECT phone_home FROM tutti.family WHERE id = ?", belleriveFamily)).isEqualTo("0478000010");
        assertThat(staff.update(accueil, "UPDATE tutti.family SET phone_home = '0476000000' WHERE id = ?",
                montfleuryFamily)).isZero();
        assertThat(demo.text("SELECT phone_home FROM tutti.family WHERE id = ?", montfleuryFamily)).isEqualTo(montfleuryPhone);

        long bellerive = demo.siteId("BELLERIVE");
        assertThat(staff.update(accueil, "INSERT INTO tutti.room (site_id, name, capacity) VALUES (?, 'Salle test', 4)",
                bellerive)).isEqualTo(1);
        assertThat(staff.update(accueil, "DELETE FROM tutti.room WHERE name = 'Salle test'")).isEqualTo(1);
        for (String sql : List.of(
                "INSERT INTO tutti.room (site_id, name, capacity) VALUES (" + montfleury + ", 'Salle pirate', 4)",
                "UPDATE tutti.family SET site_id = " + montfleury + " WHERE id = " + belleriveFamily,
                // billing rows are written through the functions only (V14), whatever their site
                "DELETE FROM tutti.payment_allocation WHERE payment_id IN (SELECT id FROM tutti.payment WHERE site_id = "
                        + montfleury + ")",
                "INSERT INTO tutti.rental (rental_item_id, family_id, start_date, end_date, monthly_fee) VALUES ("
                        + "(SELECT min(id) FROM tutti.rental_item), " + montfleuryFamily
                        + ", DATE '2026-09-01', DATE '2027-06-30', 10)",
                "SELECT password_hash FROM tutti.account",
                "UPDATE tutti.account SET password_hash = '$2a$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234'",
                "SELECT address1 FROM tutti.site",
                "SELECT * FROM tutti.app_session",
                "SELECT * FROM tutti.mail_outbox",
                "SELECT * FROM tutti.audit_event",
                "UPDATE tutti.school_year SET is_current = false",
                "TRUNCATE tutti.family")) {
            assertThatThrownBy(() -> staff.execute(accueil, sql)).as(sql)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
        }
        assertThat(demo.number("SELECT site_id FROM tutti.family WHERE id = ?", belleriveFamily)).isEqualTo(bellerive);
    }

    @Test
    void theRelayReadsAndUpdatesTheOutboxOnly() throws SQLException {
        try (As family = demo.as(FAMILY)) {
            family.rows(null, "SELECT tutti.request_password('F0011', ?)",
                    demo.text("SELECT email FROM tutti.account WHERE identifier = 'F0011'"));
        }
        long outbox = demo.number("SELECT count(*) FROM tutti.mail_outbox");
        assertThat(demo.number("SELECT count(*) FROM tutti.mail_outbox m JOIN tutti.account a ON a.email = m.recipient "
                + "WHERE a.identifier = 'F0011' AND m.kind = 'PASSWORD_RESET'")).isOne();
        try (As relay = demo.as(RELAY)) {
            assertThat(relay.ids(null, "SELECT id FROM tutti.mail_outbox")).hasSize((int) outbox);
            long id = demo.number("SELECT max(id) FROM tutti.mail_outbox");
            assertThat(relay.update(null, "UPDATE tutti.mail_outbox SET attempts = attempts + 1, "
                    + "last_error = 'smtp: timeout' WHERE id = ?", id)).isEqualTo(1);
            assertThat(demo.text("SELECT last_error FROM tutti.mail_outbox WHERE id = ?", id)).isEqualTo("smtp: timeout");
            for (String sql : List.of(
                    "DELETE FROM tutti.mail_outbox",
                    "INSERT INTO tutti.mail_outbox (kind, recipient, subject, body_text, next_attempt_at, created_at) "
                            + "VALUES ('X', 'x@example.org', 'x', 'x', now(), now())",
                    "SELECT id FROM tutti.family",
                    "SELECT code FROM tutti.site",
                    "SELECT * FROM tutti.audit_event",
                    "SELECT tutti.login('BELLERIVE', 'F0001', 'bellerive')",
                    "SELECT tutti.request_password('F0001', 'f0001@example.org')")) {
                assertThatThrownBy(() -> relay.execute(null, sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
            }
        }
    }
}
