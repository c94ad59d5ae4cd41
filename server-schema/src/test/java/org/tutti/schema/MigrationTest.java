package org.tutti.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
