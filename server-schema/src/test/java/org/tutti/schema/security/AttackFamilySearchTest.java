package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The family search on PostgreSQL (SQL-API.md, "Front desk — search") against a family that runs any SQL as
 * tutti_family and a front desk of another site: on a hardened demo of its own (8 families: F0001–F0005 at
 * BELLERIVE, M0001–M0003 at MONTFLEURY). Nobody but the function reads the search rows, no login role uses the
 * extensions' schema, and a site's staff never finds another site's family.
 */
@Tag("postgres")
class AttackFamilySearchTest {

    private static final String SEARCH = "SELECT identifier FROM tutti.search_families(?, 200)";

    private static TestDatabase db;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
    }

    private static List<String> found(Connection connection, String token, String text) throws SQLException {
        connection.setAutoCommit(false);
        try {
            bindSession(connection, token);
            return query(connection, SEARCH, text).stream().map(row -> row.get(0)).toList();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** What a login role tries around the search, each statement in a transaction of its own. */
    private static Map<String, String> probes(Connection connection, String token) throws SQLException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("read the search rows", attempt(connection, token, "SELECT document FROM tutti.family_search"));
        outcomes.put("write the search rows", attempt(connection, token,
                "UPDATE tutti.family_search SET site_id = site_id"));
        outcomes.put("fold", attempt(connection, token, "SELECT tutti.fold('Léa')"));
        outcomes.put("search document", attempt(connection, token, "SELECT tutti.family_search_document(1)"));
        outcomes.put("refresh", attempt(connection, token, "SELECT tutti.refresh_family_search(1)"));
        outcomes.put("query words", attempt(connection, token, "SELECT tutti.search_query_words('x')"));
        outcomes.put("unaccent", attempt(connection, token, "SELECT tutti_ext.unaccent('Léa')"));
        outcomes.put("similarity", attempt(connection, token, "SELECT tutti_ext.similarity('a', 'b')"));
        outcomes.put("a temporary look-alike", attempt(connection, token,
                "CREATE TEMP TABLE family_search (family_id bigint)"));
        return outcomes;
    }

    @Test
    void aFamilyCanNeitherSearchNorReadWhatTheSearchReads() throws SQLException {
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            Map<String, String> outcomes = probes(family, token);
            outcomes.put("search", attempt(family, token, SEARCH, "f"));
            assertThat(outcomes).allSatisfy((what, outcome) -> assertThat(outcome).as(what).isEqualTo("42501"));
        }
    }

    @Test
    void theFrontDeskSearchesOnlyThroughTheFunction() throws SQLException {
        try (Connection staff = connect(db, STAFF)) {
            String token = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(probes(staff, token)).allSatisfy((what, outcome) -> assertThat(outcome).as(what)
                    .isEqualTo("42501"));
        }
    }

    @Test
    void aSitesStaffNeverFindsAnotherSitesFamily() throws SQLException {
        List<List<String>> montfleury = SqlRows.query(db.dataSource(), "SELECT f.identifier, f.last_name, f.email,"
                + " f.phone_mobile, (SELECT min(s.first_name) FROM tutti.student s WHERE s.family_id = f.id)"
                + " FROM tutti.family f JOIN tutti.site t ON t.id = f.site_id WHERE t.code = 'MONTFLEURY'");
        List<List<String>> bellerive = SqlRows.query(db.dataSource(), "SELECT f.identifier, f.last_name, f.email,"
                + " f.phone_mobile, (SELECT min(s.first_name) FROM tutti.student s WHERE s.family_id = f.id)"
                + " FROM tutti.family f JOIN tutti.site t ON t.id = f.site_id WHERE t.code = 'BELLERIVE'");
        try (Connection staff = connect(db, STAFF)) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            for (List<String> family : montfleury) {
                assertThat(found(staff, secretariat, family.get(0))).as("its own site").contains(family.get(0));
                for (String text : family) {
                    if (text != null && !text.equals("null")) {
                        assertThat(found(staff, accueil, text)).as(text).allMatch(id -> id.startsWith("F"));
                    }
                }
            }
            for (List<String> family : bellerive) {
                assertThat(found(staff, accueil, family.get(0))).as("its own site").contains(family.get(0));
                for (String text : family) {
                    if (text != null && !text.equals("null")) {
                        assertThat(found(staff, secretariat, text)).as(text).allMatch(id -> id.startsWith("M"));
                    }
                }
            }
            assertThat(found(staff, accueil, "m")).isNotEmpty().allMatch(id -> id.startsWith("F"));
        }
    }

    @Test
    void theLoginRolesCannotUseTheExtensionsSchema() throws SQLException {
        assertThat(SqlRows.query(db.dataSource(), "SELECT r.rolname, has_schema_privilege(r.rolname, 'tutti_ext', 'USAGE')"
                + " FROM pg_roles r WHERE r.rolname IN ('tutti_family', 'tutti_staff', 'tutti_relay') ORDER BY 1"))
                .containsExactly(List.of("tutti_family", "false"), List.of("tutti_relay", "false"),
                        List.of("tutti_staff", "false"));
        assertThat(SqlRows.query(db.dataSource(), "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n"
                + " ON n.oid = e.extnamespace WHERE e.extname IN ('unaccent', 'pg_trgm') ORDER BY 1"))
                .containsExactly(List.of("pg_trgm", "tutti_ext"), List.of("unaccent", "tutti_ext"));
    }
}
