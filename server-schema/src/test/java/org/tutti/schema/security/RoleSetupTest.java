package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.ShippedMigrations;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/** Roles, ownership, grants and RLS as the catalogs show them; migrating again, and another database of the cluster. */
@Tag("postgres")
class RoleSetupTest {

    private static final String LOGIN_ROLES = "('tutti_family', 'tutti_staff', 'tutti_relay')";

    private static List<String> column(DataSource db, String sql) throws SQLException {
        return SqlRows.query(db, sql).stream().map(row -> row.get(0)).toList();
    }

    @Test
    void loginRolesOwnNothingAndNeverBypassRowLevelSecurity() throws SQLException {
        DataSource db = SecuredDemo.get().db.dataSource();
        assertThat(SqlRows.query(db, "SELECT rolname, rolsuper, rolbypassrls, rolcanlogin, rolcreaterole FROM pg_roles "
                + "WHERE rolname LIKE 'tutti\\_%' AND rolname NOT LIKE 'tutti\\_recorder%' ORDER BY rolname")).containsExactly(
                List.of("tutti_family", "false", "false", "true", "false"),
                List.of("tutti_owner", "false", "true", "false", "false"),
                List.of("tutti_relay", "false", "false", "true", "false"),
                List.of("tutti_staff", "false", "false", "true", "false"));
        assertThat(SqlRows.query(db, "SELECT DISTINCT rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb "
                + "FROM pg_roles WHERE rolname LIKE 'tutti\\_recorder\\_%'")).as("the recorder roles (harden)")
                .containsExactly(List.of("false", "false", "true", "false", "false"));
        String owners = "SELECT owner::regrole::text FROM (SELECT relowner AS owner FROM pg_class UNION ALL "
                + "SELECT proowner FROM pg_proc UNION ALL SELECT nspowner FROM pg_namespace UNION ALL "
                + "SELECT typowner FROM pg_type UNION ALL SELECT datdba FROM pg_database) o WHERE owner::regrole::text IN "
                + LOGIN_ROLES;
        assertThat(column(db, owners)).isEmpty();
        assertThat(column(db, "SELECT r.rolname FROM pg_roles r WHERE r.rolname IN " + LOGIN_ROLES
                + " AND pg_has_role(r.oid, 'tutti_owner', 'MEMBER')")).isEmpty();
    }

    @Test
    void tuttiOwnerOwnsTheSchemaAndEverythingInIt() throws SQLException {
        DataSource db = SecuredDemo.get().db.dataSource();
        assertThat(column(db, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'tutti'"))
                .containsExactly("tutti_owner");
        assertThat(column(db, "SELECT DISTINCT relowner::regrole::text FROM pg_class "
                + "WHERE relnamespace = 'tutti'::regnamespace AND relname NOT LIKE 'flyway\\_schema\\_history%'"))
                .containsExactly("tutti_owner");
        assertThat(column(db, "SELECT DISTINCT proowner::regrole::text FROM pg_proc "
                + "WHERE pronamespace = 'tutti'::regnamespace")).containsExactly("tutti_owner");
        assertThat(column(db, "SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'")).containsExactly("pgcrypto");
    }

    @Test
    void rowLevelSecurityIsForcedOnEveryTableButTheSiteList() throws SQLException {
        DataSource db = SecuredDemo.get().db.dataSource();
        List<String> tables = SqlRows.tuttiTables(db);
        assertThat(column(db, "SELECT relname FROM pg_class WHERE relnamespace = 'tutti'::regnamespace AND relkind = 'r' "
                + "AND relrowsecurity AND relforcerowsecurity ORDER BY relname"))
                .containsExactlyElementsOf(tables.stream().filter(t -> !t.equals("site")).toList());
    }

    @Test
    void onlyTheApiIsExecutableAndDefinersPinTheirSearchPath() throws SQLException {
        DataSource db = SecuredDemo.get().db.dataSource();
        List<String> familyApi = List.of("acknowledge_change", "change_password", "current_account", "current_family",
                "current_staff_site", "login", "logout", "request_password", "schema_version", "security_ready",
                "session_info", "submit_changes", "submit_changes", "submit_changes", "submit_changes",
                "submit_reenrolment", "touch_session");
        List<String> staffApi = List.of(
                "account_letter", "change_password", "create_family_account", "create_rental", "current_account",
                "current_family", "current_staff_site", "decide_change", "decide_reenrolment", "desk_counts",
                "end_rental", "failed_mails", "family_accounts", "family_history", "family_mail_text",
                "family_mails", "issue_credit_note", "issue_first_password", "issue_invoice", "login", "logout",
                "overdue_invoices", "record_absences", "record_evaluation", "record_payment", "request_password",
                "retry_mail", "save_site_settings", "schema_version", "search_families", "security_ready",
                "session_info", "set_account_locked", "site_settings", "staff_edit", "touch_session");
        List<String> api = List.of(
                "account_letter", "acknowledge_change", "audit_change_decided", "audit_invoice_issued",
                "audit_payment_recorded", "audit_reenrolment_decided", "audit_rental", "carry_site", "change_password",
                "create_family_account", "create_rental", "current_account", "current_family", "current_staff_site",
                "decide_change", "decide_reenrolment", "desk_counts", "end_rental", "failed_mails",
                "family_accounts", "family_history", "family_mail_text", "family_mails", "family_search_on_family",
                "family_search_on_member", "guard_document_type", "inherit_site", "issue_credit_note",
                "issue_first_password",
                "issue_invoice", "login", "logout", "loopback", "loopback_close", "loopback_exec", "loopback_open",
                "mail_outbox_family", "overdue_invoices", "rec_login_begin", "rec_login_end", "rec_password_change",
                "rec_password_request", "rec_ping", "record_absences", "record_evaluation", "record_payment",
                "request_password", "retry_mail", "save_site_settings", "schema_version", "search_families",
                "security_ready", "session_info", "set_account_locked", "site_settings", "staff_edit",
                "submit_changes", "submit_changes", "submit_changes", "submit_changes", "submit_reenrolment",
                "touch_session");
        for (String role : List.of("tutti_family", "tutti_staff")) {
            assertThat(column(db, "SELECT proname FROM pg_proc WHERE pronamespace = 'tutti'::regnamespace "
                    + "AND has_function_privilege('" + role + "', oid, 'EXECUTE') ORDER BY proname"))
                    .as(role).containsExactlyElementsOf(role.equals("tutti_family") ? familyApi : staffApi);
        }
        assertThat(column(db, "SELECT proname FROM pg_proc WHERE pronamespace = 'tutti'::regnamespace "
                + "AND has_function_privilege('tutti_relay', oid, 'EXECUTE')")).isEmpty();
        assertThat(column(db, "SELECT proname FROM pg_proc p, aclexplode(p.proacl) a WHERE p.pronamespace = "
                + "'tutti'::regnamespace AND a.grantee = 0")).as("granted to PUBLIC").isEmpty();
        assertThat(column(db, "SELECT proname FROM pg_proc WHERE pronamespace = 'tutti'::regnamespace AND prosecdef "
                + "ORDER BY proname")).containsExactlyElementsOf(api);
        assertThat(column(db, "SELECT proname FROM pg_proc WHERE pronamespace = 'tutti'::regnamespace "
                + "AND NOT (proconfig @> ARRAY['search_path=pg_catalog, tutti, pg_temp'])")).as("search_path").isEmpty();
        assertThat(column(db, "SELECT DISTINCT privilege_type FROM information_schema.role_table_grants "
                + "WHERE grantee IN " + LOGIN_ROLES + " AND privilege_type IN ('TRUNCATE', 'REFERENCES', 'TRIGGER')"))
                .isEmpty();
    }

    @Test
    void migratingAgainAppliesNothingAndAnotherDatabaseOfTheClusterMigratesToo() throws SQLException {
        DataSource first = SecuredDemo.get().db.dataSource();
        assertThat(new SchemaMigrator(first, DatabaseVendor.POSTGRESQL).migrate()).isZero();

        TestDatabase second = TestDatabases.freshPostgres();
        SchemaMigrator migrator = new SchemaMigrator(second.dataSource(), DatabaseVendor.POSTGRESQL);
        assertThat(migrator.migrate()).isEqualTo(ShippedMigrations.versions(DatabaseVendor.POSTGRESQL).size());
        assertThat(migrator.appliedMigrations()).last().asString()
                .startsWith(ShippedMigrations.latest(DatabaseVendor.POSTGRESQL) + " ");
        assertThat(column(second.dataSource(), "SELECT DISTINCT relowner::regrole::text FROM pg_class "
                + "WHERE relnamespace = 'tutti'::regnamespace AND relname NOT LIKE 'flyway\\_schema\\_history%'"))
                .containsExactly("tutti_owner");
        assertThat(new SchemaMigrator(second.dataSource(), DatabaseVendor.POSTGRESQL).migrate()).isZero();
    }

    @Test
    void afterEveryMigrateNewObjectsGoToTheOwnerWithRowLevelSecurityAndNoPublicExecute() throws SQLException {
        TestDatabase db = TestDatabases.freshPostgres();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tutti.later_table (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)");
            s.execute("CREATE SEQUENCE tutti.later_sequence");
            s.execute("CREATE FUNCTION tutti.later_function() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        }

        assertThat(new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate()).isZero();

        DataSource ds = db.dataSource();
        assertThat(column(ds, "SELECT relname || ' ' || relowner::regrole::text FROM pg_class WHERE relname IN "
                + "('later_table', 'later_sequence', 'later_table_id_seq') ORDER BY relname"))
                .containsExactly("later_sequence tutti_owner", "later_table tutti_owner", "later_table_id_seq tutti_owner");
        assertThat(column(ds, "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = 'later_table'"))
                .containsExactly("true");
        assertThat(column(ds, "SELECT proowner::regrole::text || ' ' || has_function_privilege('tutti_family', oid, "
                + "'EXECUTE') FROM pg_proc WHERE proname = 'later_function'")).containsExactly("tutti_owner false");
    }

    @Test
    void pgcryptoAlreadyInstalledInAnotherSchemaIsUsedThere() throws SQLException {
        TestDatabase db = TestDatabases.freshPostgres();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA crypto");
            s.execute("CREATE EXTENSION pgcrypto WITH SCHEMA crypto");
        }
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        assertThat(SqlRows.query(db.dataSource(), "SELECT tutti.bcrypt_matches('secret', tutti.bcrypt_hash('secret')), "
                + "tutti.bcrypt_matches('other', tutti.bcrypt_hash('secret')), char_length(tutti.new_password())"))
                .containsExactly(List.of("true", "false", "12"));
    }
}
