package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.committed;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The front desk's account functions on PostgreSQL (SQL-API.md, "Front desk — accounts") against a family that
 * runs any SQL as tutti_family, a front desk of another site, and a front desk that shadows what the functions
 * use in its temporary schema: on a hardened demo of its own (8 families: F0001–F0005 at BELLERIVE, M0001–M0003
 * at MONTFLEURY). F0002 is the victim.
 */
@Tag("postgres")
class AttackAccountsTest {

    private static final String NEW_FAMILY = "{\"civility\": \"M\", \"last_name\": \"Intrus\", \"first_name\": \"Ivan\","
            + " \"address1\": \"1 rue du Port\", \"postal_code\": \"13002\", \"city\": \"Marseille\","
            + " \"country\": \"France\", \"email\": \"ivan@example.org\"}";

    private static TestDatabase db;
    private static long victim;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        victim = number("SELECT id FROM tutti.account WHERE identifier = 'F0002'");
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    /** Everything the account functions write: to compare before and after. */
    private static List<Object> footprint() throws SQLException {
        return List.of(number("SELECT COUNT(*) FROM tutti.family"), number("SELECT COUNT(*) FROM tutti.account"),
                number("SELECT SUM(version) FROM tutti.account"), number("SELECT COUNT(*) FROM tutti.mail_outbox"),
                number("SELECT COALESCE(SUM(last_number), 0) FROM tutti.identifier_counter"),
                number("SELECT COUNT(*) FROM tutti.audit_event WHERE family_id IS NOT NULL"),
                SqlRows.query(db.dataSource(), "SELECT password_hash FROM tutti.account WHERE id = ?", victim));
    }

    @Test
    void aFamilyCannotCallTheAccountFunctionsNorReadTheCounter() throws SQLException {
        List<Object> before = footprint();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("family_accounts", attempt(family, token, "SELECT * FROM tutti.family_accounts('ALL', '', 1000)"));
            outcomes.put("create_family_account", attempt(family, token,
                    "SELECT * FROM tutti.create_family_account(?)", NEW_FAMILY));
            outcomes.put("issue_first_password", attempt(family, token,
                    "SELECT tutti.issue_first_password(?, 'LETTER')", victim));
            outcomes.put("set_account_locked", attempt(family, token, "SELECT tutti.set_account_locked(?, true)", victim));
            outcomes.put("account_letter", attempt(family, token, "SELECT * FROM tutti.account_letter(?)", victim));
            outcomes.put("staff_family_account", attempt(family, token,
                    "SELECT * FROM tutti.staff_family_account(?)", victim));
            outcomes.put("next_family_identifier", attempt(family, token, "SELECT tutti.next_family_identifier(1)"));
            outcomes.put("read the counter", attempt(family, token, "SELECT * FROM tutti.identifier_counter"));
            outcomes.put("read the counter without a session", attempt(family, null,
                    "SELECT * FROM tutti.identifier_counter"));
            outcomes.put("write the counter", attempt(family, token, "UPDATE tutti.identifier_counter SET last_number = 0"));
            assertThat(outcomes).containsOnly(outcomes.keySet().stream().map(k -> Map.entry(k, "42501"))
                    .toArray(Map.Entry[]::new));
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void anotherSitesFrontDeskCannotListCreateForLockResetNorReadALetter() throws SQLException {
        List<Object> before = footprint();
        try (Connection staff = connect(db, STAFF)) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            assertThat(AttackSupport.query(staff, "SELECT 1")).isNotEmpty();
            staff.setAutoCommit(false);
            AttackSupport.bindSession(staff, secretariat);
            assertThat(AttackSupport.query(staff, "SELECT identifier FROM tutti.family_accounts('ALL', '', 1000)"))
                    .extracting(r -> r.get(0)).containsExactly("M0001", "M0002", "M0003");
            staff.rollback();
            staff.setAutoCommit(true);
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("reset", attempt(staff, secretariat, "SELECT tutti.issue_first_password(?, 'LETTER')", victim));
            outcomes.put("mail", attempt(staff, secretariat, "SELECT tutti.issue_first_password(?, 'MAIL')", victim));
            outcomes.put("lock", attempt(staff, secretariat, "SELECT tutti.set_account_locked(?, true)", victim));
            outcomes.put("letter", attempt(staff, secretariat, "SELECT * FROM tutti.account_letter(?)", victim));
            outcomes.put("lock without the function", attempt(staff, secretariat,
                    "UPDATE tutti.account SET active = false WHERE id = ?", victim));
            assertThat(outcomes).containsExactly(Map.entry("reset", "TU403"), Map.entry("mail", "TU403"),
                    Map.entry("lock", "TU403"), Map.entry("letter", "TU403"),
                    Map.entry("lock without the function", AttackSupport.ACCEPTED + ": 0 row(s)"));
            // a family created by MONTFLEURY's front desk is MONTFLEURY's, whatever it sends
            String created = committed(staff, secretariat, "SELECT identifier FROM tutti.create_family_account(?)",
                    NEW_FAMILY);
            assertThat(created).isEqualTo("M0004");
            assertThat(attempt(staff, secretariat, "SELECT * FROM tutti.create_family_account(?)",
                    NEW_FAMILY.replace("}", ", \"site_id\": 1}"))).isEqualTo("TU422");
        }
        assertThat(SqlRows.query(db.dataSource(), "SELECT s.code FROM tutti.family f JOIN tutti.site s ON s.id = f.site_id"
                + " WHERE f.identifier = 'M0004'")).containsExactly(List.of("MONTFLEURY"));
        List<Object> after = footprint();
        assertThat(after.get(6)).as("the victim's password").isEqualTo(before.get(6));
        try (Connection family = connect(db, FAMILY)) {
            login(family, "BELLERIVE", "F0002", "bellerive");
        }
    }

    @Test
    void temporaryObjectsOfTheCallerDoNotChangeWhatTheFunctionsDo() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_staff");
        }
        try (Connection staff = connect(db, STAFF); Statement statement = staff.createStatement()) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(sqlState(() -> statement.execute("CREATE TEMPORARY TABLE account AS SELECT * FROM"
                    + " tutti.family_accounts('ALL', '', 1000) WHERE false"))).isEqualTo(AttackSupport.ACCEPTED);
            assertThat(sqlState(() -> statement.execute("CREATE FUNCTION pg_temp.new_password() RETURNS text"
                    + " LANGUAGE sql AS $$ SELECT 'shadowed-password' $$"))).isEqualTo(AttackSupport.ACCEPTED);
            assertThat(sqlState(() -> statement.execute("CREATE TABLE pg_temp.identifier_counter (site_id bigint,"
                    + " last_number bigint)"))).isEqualTo(AttackSupport.ACCEPTED);
            long own = number("SELECT id FROM tutti.account WHERE identifier = 'F0004'");
            String password = committed(staff, accueil, "SELECT tutti.issue_first_password(?, 'LETTER')", own);
            assertThat(password).isNotEqualTo("shadowed-password").hasSize(12);
            String identifier = committed(staff, accueil, "SELECT identifier FROM tutti.create_family_account(?)",
                    NEW_FAMILY);
            assertThat(identifier).isEqualTo("F0006");
            try (Connection family = connect(db, FAMILY)) {
                login(family, "BELLERIVE", "F0004", password);
            }
        }
    }
}
