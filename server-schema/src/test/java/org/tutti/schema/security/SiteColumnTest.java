package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The site column of the rows staff policies filter (V23, ADR 0020): every copy equals its parent's
 * site, the staff see exactly the rows their site's families, campaigns, invoices and payments reach
 * (the rule the former subquery policies stated), a forged site is overwritten, a row pointed at
 * another site's parent is refused, a family cannot write it, and a parent that moves takes its rows
 * along. Uses F0001, the last student and a family with evaluations (BELLERIVE) and M0011 (MONTFLEURY); every change is rolled back.
 */
@Tag("postgres")
class SiteColumnTest {

    /** Each table with the parent its site is copied from: table, key column, parent table. */
    static final List<List<String>> TABLES = List.of(
            List.of("student", "family_id", "family"),
            List.of("change_request", "family_id", "family"),
            List.of("rental", "family_id", "family"),
            List.of("enrolment", "student_id", "student"),
            List.of("event_participation", "student_id", "student"),
            List.of("reenrolment_request", "student_id", "student"),
            List.of("evaluation", "enrolment_id", "enrolment"),
            List.of("absence", "enrolment_id", "enrolment"),
            List.of("reenrolment_choice", "request_id", "reenrolment_request"),
            List.of("uploaded_document", "request_id", "reenrolment_request"),
            List.of("document_type", "campaign_id", "reenrolment_campaign"),
            List.of("invoice_line", "invoice_id", "invoice"),
            List.of("payment_allocation", "payment_id", "payment"));

    /** The site a row reached through its parents before V23, written without the new column. */
    private static final java.util.Map<String, String> FORMER_SITE = java.util.Map.ofEntries(
            java.util.Map.entry("student", "(SELECT f.site_id FROM tutti.family f WHERE f.id = t.family_id)"),
            java.util.Map.entry("change_request", "(SELECT f.site_id FROM tutti.family f WHERE f.id = t.family_id)"),
            java.util.Map.entry("rental", "(SELECT f.site_id FROM tutti.family f WHERE f.id = t.family_id)"),
            java.util.Map.entry("enrolment", "(SELECT f.site_id FROM tutti.student s JOIN tutti.family f"
                    + " ON f.id = s.family_id WHERE s.id = t.student_id)"),
            java.util.Map.entry("event_participation", "(SELECT f.site_id FROM tutti.student s JOIN tutti.family f"
                    + " ON f.id = s.family_id WHERE s.id = t.student_id)"),
            java.util.Map.entry("reenrolment_request", "(SELECT f.site_id FROM tutti.student s JOIN tutti.family f"
                    + " ON f.id = s.family_id WHERE s.id = t.student_id)"),
            java.util.Map.entry("evaluation", "(SELECT f.site_id FROM tutti.enrolment e JOIN tutti.student s"
                    + " ON s.id = e.student_id JOIN tutti.family f ON f.id = s.family_id WHERE e.id = t.enrolment_id)"),
            java.util.Map.entry("absence", "(SELECT f.site_id FROM tutti.enrolment e JOIN tutti.student s"
                    + " ON s.id = e.student_id JOIN tutti.family f ON f.id = s.family_id WHERE e.id = t.enrolment_id)"),
            java.util.Map.entry("reenrolment_choice", "(SELECT f.site_id FROM tutti.reenrolment_request r"
                    + " JOIN tutti.student s ON s.id = r.student_id JOIN tutti.family f ON f.id = s.family_id"
                    + " WHERE r.id = t.request_id)"),
            java.util.Map.entry("uploaded_document", "(SELECT f.site_id FROM tutti.reenrolment_request r"
                    + " JOIN tutti.student s ON s.id = r.student_id JOIN tutti.family f ON f.id = s.family_id"
                    + " WHERE r.id = t.request_id)"),
            java.util.Map.entry("document_type", "(SELECT c.site_id FROM tutti.reenrolment_campaign c"
                    + " WHERE c.id = t.campaign_id)"),
            java.util.Map.entry("invoice_line", "(SELECT i.site_id FROM tutti.invoice i WHERE i.id = t.invoice_id)"),
            java.util.Map.entry("payment_allocation", "(SELECT p.site_id FROM tutti.payment p WHERE p.id = t.payment_id)"));

    private static SecuredDemo demo;
    private static long bellerive;
    private static long montfleury;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
        bellerive = demo.siteId("BELLERIVE");
        montfleury = demo.siteId("MONTFLEURY");
    }

    @Test
    void everyCopyIsItsParentsSiteAndTheStaffSeeTheFormerRows() throws SQLException {
        SoftAssertions soft = new SoftAssertions();
        try (Connection staff = connect(demo.db, STAFF)) {
            String token = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            for (List<String> table : TABLES) {
                String name = table.get(0);
                soft.assertThat(demo.number("SELECT count(*) FROM tutti." + name + " t JOIN tutti." + table.get(2)
                        + " p ON p.id = t." + table.get(1) + " WHERE t.site_id IS DISTINCT FROM p.site_id"))
                        .as("%s rows whose site is not their parent's", name).isZero();
                Set<Long> former = demo.ids("SELECT t.id FROM tutti." + name + " t WHERE " + FORMER_SITE.get(name)
                        + " = ?", bellerive);
                Set<Long> seen = ids(staff, token, "SELECT t.id FROM tutti." + name + " t");
                soft.assertThat(seen).as("%s rows ACCUEIL sees", name).isEqualTo(former);
            }
            soft.assertThat(demo.number("SELECT count(*) FROM tutti.evaluation WHERE site_id = ?", montfleury))
                    .as("the other site has rows the staff do not see").isPositive();
        }
        soft.assertAll();
    }

    @Test
    void aForgedSiteIsOverwrittenAndAnotherSitesParentIsRefused() throws SQLException {
        long student = demo.number("SELECT max(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.site_id = ?", bellerive);
        long otherFamily = demo.familyId("M0011");
        try (Connection staff = connect(demo.db, STAFF)) {
            String token = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            staff.setAutoCommit(false);
            try {
                bindSession(staff, token);
                assertThat(AttackSupport.value(staff, "UPDATE tutti.student SET site_id = ? WHERE id = ? RETURNING site_id",
                        montfleury, student)).as("the site written by the staff").isEqualTo(String.valueOf(bellerive));
            } finally {
                staff.rollback();
                staff.setAutoCommit(true);
            }
            assertThat(attempt(staff, token, "UPDATE tutti.student SET family_id = ? WHERE id = ?", otherFamily, student))
                    .as("a student moved to another site's family").isEqualTo("42501");
            long otherStudent = demo.number("SELECT min(id) FROM tutti.student WHERE family_id = ?", otherFamily);
            long course = demo.number("SELECT min(id) FROM tutti.course WHERE site_id = ?", bellerive);
            assertThat(attempt(staff, token, "INSERT INTO tutti.enrolment (student_id, course_id, enrolled_on, site_id)"
                    + " VALUES (?, ?, current_date, ?)", otherStudent, course, bellerive))
                    .as("an enrolment of another site's student, its site forged").isEqualTo("42501");
        }
        assertThat(demo.number("SELECT site_id FROM tutti.student WHERE id = ?", student)).isEqualTo(bellerive);
    }

    @Test
    void aFamilyCannotWriteTheSite() throws SQLException {
        long student = demo.number("SELECT min(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = 'F0001'");
        try (Connection family = connect(demo.db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            assertThat(attempt(family, token, "UPDATE tutti.student SET site_id = ? WHERE id = ?", montfleury, student))
                    .isIn("42501", "accepted: 0 row(s)");
            for (String trigger : List.of("inherit_site", "carry_site")) {
                assertThat(attempt(family, token, "SELECT tutti." + trigger + "()")).as(trigger + " called directly")
                        .isEqualTo("42501");
            }
        }
        assertThat(demo.number("SELECT site_id FROM tutti.student WHERE id = ?", student)).isEqualTo(bellerive);
    }

    @Test
    void aFamilyMovedToAnotherSiteTakesItsRowsAlong() throws SQLException {
        long family = demo.number("SELECT min(s.family_id) FROM tutti.evaluation e JOIN tutti.enrolment n"
                + " ON n.id = e.enrolment_id JOIN tutti.student s ON s.id = n.student_id WHERE e.site_id = ?", bellerive);
        try (Connection owner = demo.db.dataSource().getConnection()) {
            owner.setAutoCommit(false);
            try {
                try (PreparedStatement move = owner.prepareStatement("UPDATE tutti.family SET site_id = ? WHERE id = ?")) {
                    move.setLong(1, montfleury);
                    move.setLong(2, family);
                    assertThat(move.executeUpdate()).isEqualTo(1);
                }
                SoftAssertions soft = new SoftAssertions();
                for (List<String> table : TABLES) {
                    soft.assertThat(count(owner, "SELECT count(*) FROM tutti." + table.get(0) + " t JOIN tutti."
                            + table.get(2) + " p ON p.id = t." + table.get(1)
                            + " WHERE t.site_id IS DISTINCT FROM p.site_id")).as("%s after the move", table.get(0)).isZero();
                }
                soft.assertThat(count(owner, "SELECT count(*) FROM tutti.evaluation e JOIN tutti.enrolment n"
                        + " ON n.id = e.enrolment_id JOIN tutti.student s ON s.id = n.student_id"
                        + " WHERE s.family_id = " + family + " AND e.site_id = " + montfleury))
                        .as("the family's evaluations, three levels down, moved").isPositive();
                soft.assertAll();
            } finally {
                owner.rollback();
            }
        }
    }

    private static Set<Long> ids(Connection connection, String token, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try {
            bindSession(connection, token);
            Set<Long> ids = new java.util.TreeSet<>();
            for (List<String> row : AttackSupport.query(connection, sql)) {
                ids.add(Long.parseLong(row.get(0)));
            }
            return ids;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
