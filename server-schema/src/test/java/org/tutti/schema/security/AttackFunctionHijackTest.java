package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.SecuredDemo.FAMILY;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Attack: hijacking the SECURITY DEFINER functions through the caller's temporary schema.
 *
 * <p>A function that pins {@code search_path = pg_catalog, tutti} still looks type and relation names up
 * in the caller's {@code pg_temp} first, since pg_temp is searched first whenever the path does not name
 * it. A family creates a temporary domain called {@code text} whose CHECK calls a temporary function,
 * then calls {@code tutti.login} (or {@code tutti.request_password}): their {@code DECLARE ... text}
 * variables now have the family's domain as type, so the check runs, as {@code tutti_owner}, when the
 * block starts; it grants the family {@code account.password_hash} and a policy that shows every
 * account. The attacks that succeed rewrite grants, so each runs on a database of its own.
 */
@Tag("postgres")
class AttackFunctionHijackTest {

    /** The family's temporary function: as tutti_owner, opens every password hash to tutti_family. */
    private static final String HIJACK_FUNCTION = """
            CREATE FUNCTION pg_temp.hijack(value pg_catalog.text) RETURNS pg_catalog.bool
            LANGUAGE plpgsql AS $body$
            BEGIN
                IF current_user = 'tutti_owner' THEN
                    EXECUTE 'GRANT SELECT (password_hash) ON tutti.account TO tutti_family';
                    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy p WHERE p.polname = 'hijacked') THEN
                        EXECUTE 'CREATE POLICY hijacked ON tutti.account FOR SELECT TO tutti_family USING (true)';
                    END IF;
                END IF;
                PERFORM pg_catalog.set_config('attack.ran_as', current_user, false);
                RETURN true;
            END
            $body$""";

    /** A temporary type named like the built-in one that login's and request_password's DECLAREs use. */
    private static final String HIJACK_DOMAIN =
            "CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (pg_temp.hijack(VALUE))";

    /**
     * Replays the exploit on a new tutti_family connection (each statement on its own, autocommit): the
     * temporary function and domain, then a call of {@code entry}. Answers each step's outcome and the
     * role the temporary function ran as (null when it never ran).
     */
    private static Map<String, String> exploit(TestDatabase db, String entry) throws SQLException {
        Map<String, String> steps = new LinkedHashMap<>();
        try (Connection family = connect(db, FAMILY); Statement statement = family.createStatement()) {
            steps.put("create temporary function", sqlState(() -> statement.execute(HIJACK_FUNCTION)));
            steps.put("create temporary domain text", sqlState(() -> statement.execute(HIJACK_DOMAIN)));
            steps.put(entry, sqlState(() -> statement.execute(entry)));
            steps.put("hijack ran as", value(family, "SELECT current_setting('attack.ran_as', true)"));
        }
        return steps;
    }

    /** What the exploit is after, checked as the superuser and by a new tutti_family connection. */
    private static void assertNothingWasGained(SoftAssertions softly, TestDatabase db, String entry,
                                               Map<String, String> steps) throws SQLException {
        softly.assertThat(steps.get("hijack ran as")).as("%s: the family's temporary function ran as the owner (%s)",
                entry, steps).isNotEqualTo("tutti_owner");
        softly.assertThat(SqlRows.query(db.dataSource(), "SELECT has_column_privilege('tutti_family', 'tutti.account', "
                + "'password_hash', 'SELECT')")).as("%s: tutti_family may read password_hash", entry)
                .containsExactly(List.of("false"));
        softly.assertThat(SqlRows.query(db.dataSource(), "SELECT polname FROM pg_policy WHERE polname = 'hijacked'"))
                .as("%s: the family's policy on account", entry).isEmpty();
        try (Connection family = connect(db, FAMILY); Statement statement = family.createStatement()) {
            softly.assertThat(sqlState(() -> statement.executeQuery("SELECT identifier, password_hash FROM tutti.account")
                    .close())).as("%s: reading every password hash", entry).isEqualTo("42501");
            softly.assertThat(value(family, "SELECT count(*) FROM tutti.account"))
                    .as("%s: accounts a connection without a session sees", entry).isEqualTo("0");
        }
    }

    /**
     * On a hardened database: the family may not create temporary objects at all (TEMP revoked from
     * PUBLIC), and the exploit through login and through request_password gains nothing.
     */
    @Test
    void aFamilyCannotPlantTemporaryTypesAndTheHijackGainsNothing() throws SQLException {
        TestDatabase db = AttackSupport.hardenedDemo(DemoDataGenerator.MIN_FAMILIES);
        SoftAssertions softly = new SoftAssertions();
        for (String entry : List.of("SELECT tutti.login('BELLERIVE', 'F0001', 'bellerive')",
                "SELECT tutti.request_password('F0002', 'nobody@example.org')")) {
            Map<String, String> steps = exploit(db, entry);
            assertNothingWasGained(softly, db, entry, steps);
            softly.assertThat(steps.get("create temporary function")).as("%s: %s", entry, steps).isEqualTo("42501");
            softly.assertThat(steps.get("create temporary domain text")).as("%s: %s", entry, steps).isEqualTo("42501");
        }
        try (Connection family = connect(db, FAMILY); Statement statement = family.createStatement()) {
            softly.assertThat(sqlState(() -> statement.execute("CREATE TEMP TABLE t (i int)")))
                    .as("CREATE TEMP TABLE").isEqualTo("42501");
        }
        softly.assertAll();
    }

    /**
     * The search_path fix on its own: on a hardened database where the superuser gave TEMPORARY back to
     * tutti_family, the temporary domain exists but the functions (search_path ending with pg_temp) no
     * longer resolve {@code text} to it.
     */
    @Test
    void withTemporaryObjectsAllowedAgainTheDefinersStillIgnoreTheFamilysTypes() throws SQLException {
        TestDatabase db = AttackSupport.hardenedDemo(DemoDataGenerator.MIN_FAMILIES);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_family");
        }
        SoftAssertions softly = new SoftAssertions();
        for (String entry : List.of("SELECT tutti.login('BELLERIVE', 'F0001', 'bellerive')",
                "SELECT tutti.request_password('F0002', 'nobody@example.org')")) {
            Map<String, String> steps = exploit(db, entry);
            softly.assertThat(steps.get("create temporary domain text")).as("the scene: %s", steps).isEqualTo(ACCEPTED);
            softly.assertThat(steps.get(entry)).as("%s still answers: %s", entry, steps).isEqualTo(ACCEPTED);
            assertNothingWasGained(softly, db, entry, steps);
        }
        softly.assertAll();
    }

    /**
     * Issue 12's definers with a live session: with TEMPORARY given back, a logged-in family plants the
     * domain and calls submit_changes with the ids its screen showed, then acknowledge_change; both
     * answer as usual and the family's function never runs as the owner.
     */
    @Test
    void theChangeFeedbackDefinersIgnoreTheFamilysTemporaryTypes() throws SQLException {
        TestDatabase db = AttackSupport.hardenedDemo(DemoDataGenerator.MIN_FAMILIES);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_family");
        }
        long familyId = SqlRows.number(db.dataSource(), "SELECT id FROM tutti.family WHERE identifier = 'F0001'");
        String submit = "SELECT tutti.submit_changes('FAMILY', ?, '{\"address2\": \"Porte 9\"}'::jsonb, '{}'::jsonb)";
        String acknowledge = "SELECT tutti.acknowledge_change(-1)";
        Map<String, String> steps = new LinkedHashMap<>();
        try (Connection family = connect(db, FAMILY); Statement statement = family.createStatement()) {
            String token = value(family, "SELECT tutti.login('BELLERIVE', 'F0001', 'bellerive')");
            steps.put("create temporary function", sqlState(() -> statement.execute(HIJACK_FUNCTION)));
            steps.put("create temporary domain text", sqlState(() -> statement.execute(HIJACK_DOMAIN)));
            family.setAutoCommit(false);
            bindSession(family, token);
            steps.put(submit, sqlState(() -> query(family, submit, familyId)));
            family.commit();
            bindSession(family, token);
            steps.put(acknowledge, sqlState(() -> query(family, acknowledge)));
            family.rollback();
            steps.put("hijack ran as", value(family, "SELECT current_setting('attack.ran_as', true)"));
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(steps.get("create temporary domain text")).as("the scene: %s", steps).isEqualTo(ACCEPTED);
        softly.assertThat(steps.get(submit)).as("submit_changes still answers: %s", steps).isEqualTo(ACCEPTED);
        softly.assertThat(steps.get(acknowledge)).as("an unknown request: %s", steps).isEqualTo("TU403");
        softly.assertThat(SqlRows.number(db.dataSource(), "SELECT count(*) FROM tutti.change_request WHERE family_id = ?"
                + " AND field_name = 'address2' AND new_value = 'Porte 9' AND status = 'PENDING'", familyId))
                .as("the change recorded as usual").isEqualTo(1);
        assertNothingWasGained(softly, db, "submit_changes and acknowledge_change", steps);
        softly.assertAll();
    }

    /**
     * The catalogue: every SECURITY DEFINER function of schema tutti pins exactly
     * {@code search_path=pg_catalog, tutti, pg_temp}; every other function of it that sets a search_path
     * puts pg_temp last (definers call them, and they then run as tutti_owner too).
     */
    @Test
    void everyFunctionOfTheSchemaSearchesTheTemporarySchemaLast() throws SQLException {
        SecuredDemo demo = SecuredDemo.get();
        assertThat(demo.number("SELECT count(*) FROM pg_proc WHERE pronamespace = 'tutti'::regnamespace AND prosecdef"))
                .as("SECURITY DEFINER functions checked").isGreaterThan(10);
        assertThat(SqlRows.query(demo.db.dataSource(), "SELECT p.oid::regprocedure::text, "
                + "coalesce(array_to_string(p.proconfig, ' | '), '<no setting>') FROM pg_proc p "
                + "WHERE p.pronamespace = 'tutti'::regnamespace AND p.prosecdef "
                + "AND NOT coalesce('search_path=pg_catalog, tutti, pg_temp' = ANY (p.proconfig), false) ORDER BY 1"))
                .as("definers without the setting search_path=pg_catalog, tutti, pg_temp").isEmpty();
        assertThat(demo.number("SELECT count(*) FROM pg_proc p, unnest(p.proconfig) c "
                + "WHERE p.pronamespace = 'tutti'::regnamespace AND NOT p.prosecdef AND c LIKE 'search\\_path=%'"))
                .as("other functions with a search_path").isGreaterThan(0);
        assertThat(SqlRows.query(demo.db.dataSource(), "SELECT p.oid::regprocedure::text, c FROM pg_proc p, "
                + "unnest(p.proconfig) c WHERE p.pronamespace = 'tutti'::regnamespace AND NOT p.prosecdef "
                + "AND c LIKE 'search\\_path=%' AND btrim((regexp_split_to_array(substr(c, 13), ','))"
                + "[cardinality(regexp_split_to_array(substr(c, 13), ','))]) <> 'pg_temp' ORDER BY 1"))
                .as("functions whose search_path does not end with pg_temp").isEmpty();
    }
}
