package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.withinPatience;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;

/**
 * Attack: issue 12's family functions ({@code acknowledge_change}, {@code submit_changes} with the
 * pending ids the screen showed) called in the shapes a family may choose: rolled back, followed by
 * an error, left open. Nothing half-done survives, and a transaction left open keeps the front desk
 * waiting at most decide_change's lock timeout (2 s), never for ever. Uses F0023 and F0024, which no
 * other test touches.
 */
@Tag("postgres")
class AttackChangeFeedbackTest {

    private static final String ADDRESS2_PENDING = "SELECT MAX(id) FROM tutti.change_request WHERE family_id = ?"
            + " AND field_name = 'address2' AND status = 'PENDING'";

    private static SecuredDemo demo;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
    }

    /** A request of the family for address2, refused by the front desk with a comment. */
    private static long refusedRequest(As family, String token, long familyId, String value) throws SQLException {
        family.rows(token, "SELECT tutti.submit_changes(?, ?, ?)", "FAMILY", familyId,
                "{\"address2\": \"" + value + "\"}");
        long request = demo.number(ADDRESS2_PENDING, familyId);
        try (As staff = demo.as(STAFF)) {
            String accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
            staff.rows(accueil, "SELECT tutti.decide_change(?, false, 'Illisible', false)", request);
        }
        return request;
    }

    /** A tutti_family connection, autocommit off, bound to {@code token}, {@code sql} run and left open. */
    private static Connection leftOpen(String token, String sql, Object... parameters) throws SQLException {
        Connection a = connect(demo.db, FAMILY);
        a.setAutoCommit(false);
        bindSession(a, token);
        query(a, sql, parameters);
        return a;
    }

    private static String decide(long request, boolean accept) throws SQLException {
        try (As staff = demo.as(STAFF)) {
            String accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
            return sqlState(() -> staff.rows(accueil, "SELECT tutti.decide_change(?, ?, NULL, false)", request, accept));
        }
    }

    private static long unseen(long request) throws SQLException {
        return demo.number("SELECT count(*) FROM tutti.change_request WHERE id = ? AND seen_at IS NULL", request);
    }

    @Test
    void anAcknowledgementRolledBackOrFollowedByAnErrorLeavesTheRefusalShown() throws Exception {
        long familyId = demo.familyId("F0023");
        try (As family = demo.as(FAMILY)) {
            String token = family.login("BELLERIVE", "F0023", "bellerive");
            long request = refusedRequest(family, token, familyId, "Porte 1");

            try (Connection a = connect(demo.db, FAMILY)) {
                a.setAutoCommit(false);
                bindSession(a, token);
                assertThat(query(a, "SELECT tutti.acknowledge_change(?)", request)).containsExactly(List.of("true"));
                a.rollback();
                assertThat(unseen(request)).as("after ROLLBACK").isOne();

                bindSession(a, token);
                query(a, "SELECT tutti.acknowledge_change(?)", request);
                assertThat(sqlState(() -> query(a, "SELECT 1 / 0"))).isEqualTo("22012");
                a.commit(); // an aborted transaction: COMMIT rolls it back
                assertThat(unseen(request)).as("after an error in the same transaction").isOne();
            }
            assertThat(family.rows(token, "SELECT tutti.acknowledge_change(?)", request)).containsExactly(List.of("true"));
            assertThat(unseen(request)).as("acknowledged for real").isZero();
        }
    }

    @Test
    void aSubmissionRolledBackRecordsNothingAndQueuesNoMail() throws Exception {
        long familyId = demo.familyId("F0023");
        String mails = "SELECT count(*) FROM tutti.mail_outbox WHERE kind = 'CHANGE_ACK'";
        String requests = "SELECT count(*) FROM tutti.change_request WHERE family_id = ?";
        long mailsBefore = demo.number(mails);
        long requestsBefore = demo.number(requests, familyId);
        try (As family = demo.as(FAMILY); Connection a = connect(demo.db, FAMILY)) {
            String token = family.login("BELLERIVE", "F0023", "bellerive");
            a.setAutoCommit(false);
            bindSession(a, token);
            assertThat(query(a, "SELECT tutti.submit_changes(?, ?, ?::jsonb, ?::jsonb)", "FAMILY", familyId,
                    "{\"city\": \"Bellerive-Ouest\"}", "{\"city\": null}")).containsExactly(List.of("1"));
            a.rollback();
        }
        assertThat(demo.number(requests, familyId)).as("requests after ROLLBACK").isEqualTo(requestsBefore);
        assertThat(demo.number(mails)).as("CHANGE_ACK mails after ROLLBACK").isEqualTo(mailsBefore);
    }

    @Test
    void anAcknowledgementLeftOpenKeepsTheFrontDeskWaitingTwoSecondsAtMost() throws Exception {
        long familyId = demo.familyId("F0024");
        try (As family = demo.as(FAMILY)) {
            String token = family.login("BELLERIVE", "F0024", "bellerive");
            long request = refusedRequest(family, token, familyId, "Porte 2");
            try (Connection a = leftOpen(token, "SELECT tutti.acknowledge_change(?)", request)) {
                // a second receptionist's stale list: deciding the refused request again
                String state = withinPatience("decide_change while the family's acknowledgement is open",
                        () -> decide(request, true), a);
                assertThat(state).as("told to try again (lock_not_available)").isEqualTo("55P03");
            }
            assertThat(decide(request, true)).as("once the family's transaction ended").isEqualTo("TU409");
        }
    }

    @Test
    void aSubmissionLeftOpenKeepsTheFrontDeskWaitingTwoSecondsAtMost() throws Exception {
        long familyId = demo.familyId("F0024");
        try (As family = demo.as(FAMILY)) {
            String token = family.login("BELLERIVE", "F0024", "bellerive");
            family.rows(token, "SELECT tutti.submit_changes(?, ?, ?)", "FAMILY", familyId, "{\"address2\": \"Porte 3\"}");
            long request = demo.number(ADDRESS2_PENDING, familyId);
            // the family row locked by a second submission, left open
            try (Connection a = leftOpen(token, "SELECT tutti.submit_changes(?, ?, ?::jsonb, ?::jsonb)", "FAMILY",
                    familyId, "{\"city\": \"Bellerive-Est\"}", "{\"city\": null}")) {
                String state = withinPatience("decide_change while the family's submission is open",
                        () -> decide(request, true), a);
                assertThat(state).as("told to try again (lock_not_available)").isEqualTo("55P03");
            }
            assertThat(decide(request, true)).as("once the family's transaction ended").isEqualTo(AttackSupport.ACCEPTED);
            assertThat(demo.text("SELECT address2 FROM tutti.family WHERE id = ?", familyId)).isEqualTo("Porte 3");
        }
    }
}
