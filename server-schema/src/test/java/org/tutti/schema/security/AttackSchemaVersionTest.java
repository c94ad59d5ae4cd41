package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.RELAY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.ShippedMigrations;

/**
 * Attack: {@code tutti.schema_version()} (V11), the SECURITY DEFINER function that lets the login
 * roles learn the schema version without reading Flyway's history. A login role learns the
 * version and nothing else, cannot make the function read a table of its own, and a role it was
 * not granted to cannot call it.
 */
@Tag("postgres")
class AttackSchemaVersionTest {

    private static final String LATEST = ShippedMigrations.latest(DatabaseVendor.POSTGRESQL).toString();

    @Test
    void theLoginRolesLearnTheVersionButCannotReadOrChangeTheHistory() throws SQLException {
        SecuredDemo demo = SecuredDemo.get();
        for (String role : new String[] {FAMILY, STAFF}) {
            try (Connection c = connect(demo.db, role); Statement s = c.createStatement()) {
                assertThat(value(c, "SELECT tutti.schema_version()")).as(role).isEqualTo(LATEST);
                assertThat(sqlState(() -> s.executeQuery("SELECT * FROM tutti.flyway_schema_history").close()))
                        .as("%s reads the history", role).isEqualTo("42501");
                assertThat(sqlState(() -> s.executeUpdate("UPDATE tutti.flyway_schema_history SET version = '99'")))
                        .as("%s rewrites the history", role).isEqualTo("42501");
            }
        }
    }

    @Test
    void aRoleItWasNotGrantedToCannotCallIt() throws SQLException {
        SecuredDemo demo = SecuredDemo.get();
        try (Connection relay = connect(demo.db, RELAY); Statement s = relay.createStatement()) {
            assertThat(sqlState(() -> s.executeQuery("SELECT tutti.schema_version()").close())).isEqualTo("42501");
        }
        assertThat(demo.text("SELECT has_function_privilege('public', 'tutti.schema_version()', 'EXECUTE')::text"))
                .as("PUBLIC may execute it").isEqualTo("false");
        assertThat(demo.text("SELECT array_to_string(proconfig, ';') || ' ' || prosecdef::text FROM pg_proc"
                + " WHERE oid = 'tutti.schema_version()'::regprocedure"))
                .isEqualTo("search_path=pg_catalog, tutti, pg_temp true");
    }

    /**
     * The caller's search_path and temporary objects are not what the function reads (a hardened
     * server refuses the login roles temporary tables; the table is tried anyway, should that change).
     */
    @Test
    void aTemporaryHistoryOfTheCallersIsNotRead() throws SQLException {
        SecuredDemo demo = SecuredDemo.get();
        try (Connection family = connect(demo.db, FAMILY); Statement s = family.createStatement()) {
            String created = sqlState(() -> s.execute("CREATE TEMPORARY TABLE flyway_schema_history"
                    + " (version text, success boolean, installed_rank int)"));
            assertThat(created).isIn(ACCEPTED, "42501");
            if (created.equals(ACCEPTED)) {
                s.execute("INSERT INTO pg_temp.flyway_schema_history VALUES ('999', true, 1)");
            }
            assertThat(sqlState(() -> s.execute("SET search_path = pg_temp, tutti, public"))).isEqualTo(ACCEPTED);

            assertThat(value(family, "SELECT tutti.schema_version()")).isEqualTo(LATEST);
        }
    }
}
