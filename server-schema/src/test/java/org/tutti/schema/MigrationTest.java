package org.tutti.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

@Tag("postgres")
class MigrationTest {

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void migrationsApplyOnceAndCreateTheDataModel(DatabaseVendor vendor) throws SQLException {
        TestDatabase db = TestDatabases.fresh(vendor);
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), vendor);
        assertThat(migrator.pendingCount()).isPositive();

        assertThat(migrator.migrate()).isPositive();

        assertThat(migrator.pendingCount()).isZero();
        assertThat(new SchemaMigrator(db.dataSource(), vendor).migrate()).as("second migrate").isZero();
        assertThat(migrator.appliedMigrations()).first().asString().startsWith("1 data model");
        assertThat(tables(db)).contains("site", "account", "family", "student", "course", "enrolment", "invoice",
                "payment_allocation", "reenrolment_campaign", "uploaded_document", "mail_outbox", "audit_event",
                "common_password");
    }

    /** A version is the same logical step on both vendors: both end at the same versions. */
    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void bothVendorsApplyTheSameVersions(DatabaseVendor vendor) throws SQLException {
        TestDatabase db = TestDatabases.fresh(vendor);
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), vendor);
        migrator.migrate();
        List<String> versions = new ArrayList<>();
        for (String line : migrator.appliedMigrations()) {
            versions.add(line.substring(0, line.indexOf(' ')));
        }
        assertThat(versions).startsWith("1", "2", "3", "4", "5", "6", "7", "8");
        // every version shipped for the vendor, and the same versions for both vendors
        assertThat(versions).containsExactlyElementsOf(
                ShippedMigrations.versions(vendor).stream().map(Object::toString).toList());
        assertThat(ShippedMigrations.versions(vendor)).isEqualTo(ShippedMigrations.versions(
                vendor == DatabaseVendor.H2 ? DatabaseVendor.POSTGRESQL : DatabaseVendor.H2));
        assertThat(SqlRows.query(db.dataSource(), "SELECT tutti.schema_version()"))
                .as("the version the client reads at start").containsExactly(List.of(versions.get(versions.size() - 1)));
    }

    /**
     * Version 14 on a database that already holds invoices (an older demo, an import): a site whose invoices
     * carry one prefix keeps it, and its counters start after the numbers already issued.
     */
    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void billingNumbersGoOnAfterTheInvoicesOfAnOlderDatabase(DatabaseVendor vendor) throws SQLException {
        TestDatabase db = TestDatabases.fresh(vendor);
        Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(db.dataSource())
                .schemas(SchemaMigrator.SCHEMA).defaultSchema(SchemaMigrator.SCHEMA).createSchemas(true)
                .locations(SchemaMigrator.COMMON_LOCATION, vendor.migrationLocation()).failOnMissingLocations(false)
                .target("13").load().migrate();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tutti.site (id, code, name, address1, postal_code, city) VALUES"
                    + " (1, 'BELLERIVE', 'Conservatoire', '1 rue', '69300', 'Bellerive'),"
                    + " (2, 'MONTFLEURY', 'École', '2 rue', '38240', 'Montfleury'),"
                    + " (3, 'VIDE', 'Sans facture', '3 rue', '38000', 'Ailleurs')");
            s.execute("INSERT INTO tutti.school_year (id, label, start_date, end_date, is_current) VALUES"
                    + " (1, '2025-2026', DATE '2025-09-01', DATE '2026-08-31', FALSE),"
                    + " (2, '2026-2027', DATE '2026-09-01', DATE '2027-08-31', TRUE)");
            s.execute("INSERT INTO tutti.family (id, site_id, identifier, civility, last_name, first_name, address1,"
                    + " postal_code, city, created_at) VALUES (1, 1, 'F0001', 'MME', 'Martin', 'Léa', '1 rue', '69300',"
                    + " 'Bellerive', CURRENT_TIMESTAMP), (2, 2, 'M0001', 'M', 'Roux', 'Paul', '2 rue', '38240',"
                    + " 'Montfleury', CURRENT_TIMESTAMP)");
            String invoice = "INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date,"
                    + " due_date, total_amount, status) VALUES ";
            s.execute(invoice + "(1, 1, 1, 'BEL-2025-000003', 'COTISATION', DATE '2025-10-01', DATE '2025-10-31', 10, 'PAID'),"
                    + " (1, 1, 2, 'BEL-2026-000007', 'COTISATION', DATE '2026-10-01', DATE '2026-10-31', 10, 'ISSUED'),"
                    + " (1, 1, 2, 'BEL-2026-000005', 'LOCATION', DATE '2026-10-01', DATE '2026-10-31', 10, 'ISSUED'),"
                    + " (2, 2, 2, 'MON-2026-000002', 'COTISATION', DATE '2026-10-01', DATE '2026-10-31', 10, 'ISSUED'),"
                    + " (2, 2, 2, 'FACT-12', 'COTISATION', DATE '2026-10-01', DATE '2026-10-31', 10, 'ISSUED'),"
                    + " (2, 2, 2, 'MFY-2026-000009', 'COTISATION', DATE '2026-10-01', DATE '2026-10-31', 10, 'ISSUED')");
            s.execute("INSERT INTO tutti.payment (site_id, family_id, receipt_number, payment_date, amount, method) VALUES"
                    + " (1, 1, 'BEL-R-0000042', DATE '2025-10-15', 10, 'CASH')");
        }

        assertThat(new SchemaMigrator(db.dataSource(), vendor).migrate()).isPositive();

        assertThat(SqlRows.query(db.dataSource(), "SELECT code, document_prefix FROM tutti.site ORDER BY id"))
                .as("two prefixes at MONTFLEURY: its code stays the prefix").containsExactly(
                        List.of("BELLERIVE", "BEL"), List.of("MONTFLEURY", "null"), List.of("VIDE", "null"));
        assertThat(SqlRows.query(db.dataSource(), "SELECT site_id, series, \"year\", last_number"
                + " FROM tutti.document_counter ORDER BY site_id, series, \"year\""))
                .as("receipts of the older format (no year) take no number of the new one")
                .containsExactly(List.of("1", "INVOICE", "2025", "3"), List.of("1", "INVOICE", "2026", "7"));
    }

    static List<String> tables(TestDatabase db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'tutti' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
