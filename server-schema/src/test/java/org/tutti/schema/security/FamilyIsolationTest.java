package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;
import org.tutti.schema.testing.SqlRows;

/** Connected as tutti_family: a family session sees its own rows, and nothing else; no session sees the sites. */
@Tag("postgres")
class FamilyIsolationTest {

    private static final String GARBAGE_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static SecuredDemo demo;
    private static As family;
    /** Family id → (table → the ids it owns), for families that between them have rows in every table. */
    private static final Map<Long, Map<String, Set<Long>>> EXPECTED = new LinkedHashMap<>();

    @BeforeAll
    static void chooseFamilies() throws SQLException {
        demo = SecuredDemo.get();
        family = demo.as(FAMILY);
        Set<String> covered = new TreeSet<>();
        List<Long> candidates = new ArrayList<>(List.of(demo.familyId("F0001"), demo.familyId("F0002"),
                demo.familyId("M0001")));
        candidates.addAll(demo.ids("SELECT id FROM tutti.family ORDER BY id"));
        for (long familyId : candidates) {
            if (EXPECTED.containsKey(familyId) || (EXPECTED.size() >= 3 && covered.size() == VisibleRows.ofFamily().size())) {
                continue;
            }
            Map<String, Set<Long>> owned = expected(familyId);
            boolean coversMore = owned.entrySet().stream().anyMatch(e -> !e.getValue().isEmpty() && !covered.contains(e.getKey()));
            if (EXPECTED.size() < 3 || coversMore) {
                EXPECTED.put(familyId, owned);
                owned.forEach((table, ids) -> {
                    if (!ids.isEmpty()) {
                        covered.add(table);
                    }
                });
            }
        }
        assertThat(covered).as("tables with rows for the chosen families").isEqualTo(VisibleRows.ofFamily().keySet());
    }

    @AfterAll
    static void close() throws SQLException {
        family.close();
    }

    private static Map<String, Set<Long>> expected(long familyId) throws SQLException {
        long siteId = demo.number("SELECT site_id FROM tutti.family WHERE id = ?", familyId);
        Map<String, Set<Long>> owned = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : VisibleRows.ofFamily().entrySet()) {
            owned.put(table.getKey(), demo.ids(String.format(table.getValue(), familyId, siteId)));
        }
        return owned;
    }

    private static String login(long familyId) throws SQLException {
        String site = demo.text("SELECT s.code FROM tutti.site s JOIN tutti.family f ON f.site_id = s.id WHERE f.id = ?",
                familyId);
        String identifier = demo.text("SELECT identifier FROM tutti.account WHERE family_id = ?", familyId);
        String token = family.login(site, identifier, site.equals("BELLERIVE") ? "bellerive" : "montfleury");
        assertThat(token).as("login of " + identifier).isNotNull();
        return token;
    }

    @Test
    void everyTableIsAccountedFor() throws SQLException {
        List<String> accounted = new ArrayList<>(VisibleRows.ofFamily().keySet());
        accounted.add("site");
        accounted.addAll(List.of(VisibleRows.HIDDEN));
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(SqlRows.tuttiTables(demo.db.dataSource()));
    }

    @Test
    void aFamilySeesItsOwnRowsInEveryTableAndNothingOfAnyOtherFamily() throws SQLException {
        for (Map.Entry<Long, Map<String, Set<Long>>> chosen : EXPECTED.entrySet()) {
            String token = login(chosen.getKey());
            for (Map.Entry<String, Set<Long>> table : chosen.getValue().entrySet()) {
                assertThat(family.ids(token, "SELECT id FROM tutti." + table.getKey()))
                        .as("family %d, table %s", chosen.getKey(), table.getKey())
                        .isEqualTo(table.getValue());
            }
        }
    }

    @Test
    void twoFamiliesShareNoPersonalRow() throws SQLException {
        Map<String, Set<Long>> a = EXPECTED.get(demo.familyId("F0001"));
        Map<String, Set<Long>> b = EXPECTED.get(demo.familyId("F0002"));
        String tokenB = login(demo.familyId("F0002"));
        for (String table : List.of("family", "student", "account", "enrolment", "evaluation", "absence", "invoice",
                "invoice_line", "payment", "payment_allocation")) {
            assertThat(a.get(table)).as(table + " of F0001").isNotEmpty();
            assertThat(family.ids(tokenB, "SELECT id FROM tutti." + table)).as(table + " with F0002's token")
                    .isEqualTo(b.get(table)).doesNotContainAnyElementsOf(a.get(table));
        }
        assertThat(family.ids(tokenB, "SELECT id FROM tutti.family WHERE identifier = 'F0001'")).isEmpty();
    }

    @Test
    void withoutALiveSessionOnlyTheSitesAreVisible() throws SQLException {
        long f0001 = demo.familyId("F0001");
        String expired = login(f0001);
        demo.execute("UPDATE tutti.app_session SET created_at = now() - interval '2 hours', "
                + "last_seen_at = now() - interval '2 hours', expires_at = now() - interval '1 minute' "
                + "WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", expired);
        String loggedOut = login(f0001);
        family.rows(loggedOut, "SELECT tutti.logout()");
        String staffToken;
        try (As staff = demo.as(STAFF)) {
            staffToken = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
        }
        assertThat(staffToken).isNotNull();

        List<String> noSession = new ArrayList<>();
        noSession.add(null);
        noSession.addAll(List.of("", GARBAGE_TOKEN, "' OR '1'='1", expired, loggedOut, staffToken));
        for (String token : noSession) {
            for (String table : VisibleRows.ofFamily().keySet()) {
                assertThat(family.ids(token, "SELECT id FROM tutti." + table)).as(table + " with token " + token).isEmpty();
            }
            assertThat(family.rows(token, "SELECT code, name FROM tutti.site ORDER BY code"))
                    .extracting(row -> row.get(0)).containsExactly("BELLERIVE", "MONTFLEURY");
            assertThat(family.rows(token, "SELECT * FROM tutti.session_info()")).isEmpty();
            assertThat(family.rows(token, "SELECT tutti.current_account(), tutti.current_family(), "
                    + "tutti.current_staff_site(), tutti.touch_session()"))
                    .containsExactly(List.of("null", "null", "null", "false"));
        }
    }

    @Test
    void writesSecretsAndInternalsAreRefused() throws SQLException {
        long a = demo.familyId("F0001");
        long b = demo.familyId("F0002");
        String token = login(a);
        long invoice = demo.number("SELECT min(id) FROM tutti.invoice WHERE family_id = ?", a);
        long site = demo.siteId("BELLERIVE");
        String before = SqlRows.query(demo.db.dataSource(), "SELECT phone_home, version FROM tutti.family WHERE id IN (?, ?) "
                + "ORDER BY id", a, b).toString();
        long invoices = demo.number("SELECT count(*) FROM tutti.invoice");
        long payments = demo.number("SELECT count(*) FROM tutti.payment");

        List<String> refused = List.of(
                "UPDATE tutti.family SET phone_home = '0600000000' WHERE id = " + b,
                "UPDATE tutti.family SET phone_home = '0600000000' WHERE id = " + a,
                "UPDATE tutti.student SET first_name = 'X' WHERE family_id = " + a,
                "DELETE FROM tutti.family WHERE id = " + b,
                "UPDATE tutti.invoice SET total_amount = 0 WHERE id = " + invoice,
                "DELETE FROM tutti.invoice WHERE id = " + invoice,
                "INSERT INTO tutti.payment (site_id, family_id, receipt_number, payment_date, amount, method) VALUES ("
                        + site + ", " + a + ", 'R-HACK', DATE '2026-11-28', 1000, 'CASH')",
                "UPDATE tutti.payment SET amount = 1 WHERE family_id = " + a,
                "UPDATE tutti.evaluation SET mark = 20",
                "DELETE FROM tutti.absence",
                "UPDATE tutti.account SET email = 'x@example.org'",
                "INSERT INTO tutti.change_request (family_id, target, target_id, field_name, target_version, "
                        + "submitted_by, submitted_at) VALUES (" + a + ", 'FAMILY', " + a + ", 'email', 0, 1, now())",
                "TRUNCATE tutti.invoice",
                "SELECT password_hash FROM tutti.account",
                "SELECT * FROM tutti.account",
                "SELECT * FROM tutti.app_session",
                "SELECT * FROM tutti.mail_outbox",
                "SELECT * FROM tutti.audit_event",
                "SELECT email FROM tutti.teacher",
                "SELECT address1 FROM tutti.site",
                "SELECT tutti.bound_session_id()",
                "SELECT tutti.claim_ownership()",
                "SELECT tutti.bcrypt_hash('x')",
                "SELECT tutti.new_password()",
                "SELECT tutti.audit(NULL, NULL, 'LOGIN_SUCCESS', 'forged')",
                "SET ROLE tutti_owner",
                "CREATE TABLE tutti.mine (id integer)");
        for (String sql : refused) {
            assertThatThrownBy(() -> family.execute(token, sql)).as(sql)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
        }

        assertThat(SqlRows.query(demo.db.dataSource(), "SELECT phone_home, version FROM tutti.family WHERE id IN (?, ?) "
                + "ORDER BY id", a, b).toString()).isEqualTo(before);
        assertThat(demo.number("SELECT count(*) FROM tutti.invoice")).isEqualTo(invoices);
        assertThat(demo.number("SELECT count(*) FROM tutti.payment")).isEqualTo(payments);
        assertThat(demo.number("SELECT count(*) FROM tutti.audit_event WHERE detail = 'forged'")).isZero();
    }

    @Test
    void aFamilyReadsItsAccountWithoutTheHashAndTeachersByName() throws SQLException {
        long a = demo.familyId("F0001");
        String token = login(a);
        assertThat(family.rows(token, "SELECT identifier, role, email FROM tutti.account"))
                .containsExactly(List.of("F0001", "FAMILY", "f0001@example.org"));
        assertThat(family.rows(token, "SELECT * FROM tutti.session_info()"))
                .containsExactly(List.of(demo.text("SELECT id FROM tutti.account WHERE identifier = 'F0001'"), "FAMILY",
                        "BELLERIVE", "Conservatoire de Bellerive", "F0001",
                        demo.text("SELECT display_name FROM tutti.account WHERE identifier = 'F0001'"), String.valueOf(a)));
        assertThat(family.rows(token, "SELECT last_name, first_name FROM tutti.teacher")).isNotEmpty();
    }
}
