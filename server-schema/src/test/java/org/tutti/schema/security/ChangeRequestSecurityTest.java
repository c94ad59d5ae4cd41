package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;
import org.tutti.schema.testing.SqlRows;

/**
 * Change requests on PostgreSQL as the login roles (SQL-API.md, "Change requests"): what row-level
 * security shows of them, that families still cannot change their rows directly, and that both
 * signatures of submit_changes answer (the JSON bound as a string or as jsonb). Uses F0020 and F0021,
 * which no other security test touches.
 */
@Tag("postgres")
class ChangeRequestSecurityTest {

    private static SecuredDemo demo;

    @BeforeAll
    static void connect() throws SQLException {
        demo = SecuredDemo.get();
    }

    @Test
    void familiesSeeTheirOwnRequestsAndStaffThoseOfTheirSite() throws SQLException {
        long f0020 = demo.familyId("F0020");
        long f0021 = demo.familyId("F0021");
        try (As family = demo.as(FAMILY); As staff = demo.as(STAFF)) {
            String token = family.login("BELLERIVE", "F0020", "bellerive");
            assertThat(family.rows(token, "SELECT tutti.submit_changes(?, ?, ?)", "FAMILY", f0020,
                    "{\"city\": \"Nérac\"}")).containsExactly(List.of("1"));
            assertThat(family.rows(token, "SELECT tutti.submit_changes('FAMILY', ?, ?::jsonb)", f0020,
                    "{\"address2\": \"Bâtiment B\"}")).containsExactly(List.of("1"));

            assertThat(family.ids(token, "SELECT id FROM tutti.change_request"))
                    .isEqualTo(demo.ids("SELECT id FROM tutti.change_request WHERE family_id = ?", f0020))
                    .isNotEmpty();
            assertThat(family.ids(token, "SELECT id FROM tutti.change_request WHERE family_id = ?", f0021)).isEmpty();

            String accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(staff.ids(accueil, "SELECT id FROM tutti.change_request")).isEqualTo(demo.ids(
                    "SELECT c.id FROM tutti.change_request c JOIN tutti.family f ON f.id = c.family_id"
                            + " JOIN tutti.site s ON s.id = f.site_id WHERE s.code = 'BELLERIVE'"));
            String secretariat = staff.login("MONTFLEURY", "SECRETARIAT", "montfleury");
            assertThat(staff.ids(secretariat, "SELECT id FROM tutti.change_request WHERE family_id = ?", f0020))
                    .isEmpty();
        }
    }

    @Test
    void familiesStillCannotChangeTheirRowsDirectly() throws SQLException {
        long f0021 = demo.familyId("F0021");
        long student = demo.number("SELECT MIN(id) FROM tutti.student WHERE family_id = ?", f0021);
        String city = demo.text("SELECT city FROM tutti.family WHERE id = ?", f0021);
        try (As family = demo.as(FAMILY)) {
            String token = family.login("BELLERIVE", "F0021", "bellerive");
            for (String sql : List.of("UPDATE tutti.family SET city = 'Agen' WHERE id = " + f0021,
                    "UPDATE tutti.student SET first_name = 'Zoé' WHERE id = " + student,
                    "UPDATE tutti.change_request SET status = 'ACCEPTED' WHERE family_id = " + f0021,
                    "INSERT INTO tutti.change_request (family_id, target, target_id, field_name, target_version,"
                            + " submitted_by, submitted_at) VALUES (" + f0021 + ", 'FAMILY', " + f0021
                            + ", 'city', 0, 1, now())")) {
                assertThatThrownBy(() -> family.update(token, sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            assertThatThrownBy(() -> family.rows(token, "SELECT tutti.decide_change(1, true, NULL, true)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        assertThat(demo.text("SELECT city FROM tutti.family WHERE id = ?", f0021)).isEqualTo(city);
    }

    @Test
    void theFunctionsAreOwnedByTuttiOwnerAndNotExecutableByPublic() throws SQLException {
        String api = "p.proname IN ('submit_changes', 'decide_change', 'acknowledge_change')";
        assertThat(demo.text("SELECT string_agg(DISTINCT pg_get_userbyid(p.proowner)::text, ',')"
                + " FROM pg_proc p WHERE " + api)).isEqualTo("tutti_owner");
        // submit_changes: (text, bigint, jsonb|text) and, since version 10, (text, bigint, jsonb|text, jsonb|text)
        assertThat(demo.number("SELECT COUNT(*) FROM pg_proc p WHERE " + api
                + " AND p.prosecdef AND 'search_path=pg_catalog, tutti, pg_temp' = ANY (p.proconfig)"))
                .isEqualTo(6);
        // nothing else set, but the front desk's bounded wait (version 12)
        assertThat(SqlRows.query(demo.db.dataSource(), "SELECT p.proname::text, array_to_string(p.proconfig, ',')"
                + " FROM pg_proc p WHERE " + api + " AND cardinality(p.proconfig) > 1"))
                .containsExactly(List.of("decide_change", "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s"));
        assertThat(demo.number("SELECT COUNT(*) FROM pg_proc p WHERE " + api
                + " AND has_function_privilege('public', p.oid, 'EXECUTE')")).isZero();
        assertThat(demo.number("SELECT COUNT(*) FROM pg_proc p WHERE p.proname = 'decide_change'"
                + " AND has_function_privilege('tutti_family', p.oid, 'EXECUTE')")).isZero();
        assertThat(demo.number("SELECT COUNT(*) FROM pg_proc p WHERE p.proname IN ('submit_changes', 'acknowledge_change')"
                + " AND has_function_privilege('tutti_staff', p.oid, 'EXECUTE')")).isZero();
        assertThat(demo.number("SELECT COUNT(*) FROM pg_proc p WHERE p.proname IN ('change_max_length',"
                + " 'strip_format_characters', 'change_value') AND (has_function_privilege('tutti_family', p.oid, 'EXECUTE')"
                + " OR has_function_privilege('tutti_staff', p.oid, 'EXECUTE'))")).isZero();
    }

    @Test
    void aFamilyMarksOnlyItsOwnRefusedRequestsAsSeen() throws SQLException {
        long f0020 = demo.familyId("F0020");
        long f0021 = demo.familyId("F0021");
        try (As family = demo.as(FAMILY); As staff = demo.as(STAFF)) {
            String own = family.login("BELLERIVE", "F0020", "bellerive");
            String other = family.login("BELLERIVE", "F0021", "bellerive");
            family.rows(other, "SELECT tutti.submit_changes(?, ?, ?)", "FAMILY", f0021, "{\"address2\": \"Porte 4\"}");
            long othersRequest = demo.number("SELECT MAX(id) FROM tutti.change_request WHERE family_id = ?"
                    + " AND field_name = 'address2' AND status = 'PENDING'", f0021);
            String accueil = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
            staff.rows(accueil, "SELECT tutti.decide_change(?, false, 'Illisible', false)", othersRequest);

            // another family's refused request, by the function and by hand: refused, nothing recorded
            assertThatThrownBy(() -> family.rows(own, "SELECT tutti.acknowledge_change(?)", othersRequest))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("TU403"));
            assertThatThrownBy(() -> family.update(own, "UPDATE tutti.change_request SET seen_at = now() WHERE id = "
                    + othersRequest))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThat(demo.number("SELECT COUNT(*) FROM tutti.change_request WHERE id = ? AND seen_at IS NULL",
                    othersRequest)).isOne();
            assertThat(family.rows(other, "SELECT tutti.acknowledge_change(?)", othersRequest))
                    .containsExactly(List.of("true"));
            assertThat(demo.number("SELECT COUNT(*) FROM tutti.change_request WHERE id = ? AND seen_at IS NOT NULL",
                    othersRequest)).isOne();
        }
    }
}
