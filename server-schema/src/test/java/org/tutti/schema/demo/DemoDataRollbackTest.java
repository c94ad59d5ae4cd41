package org.tutti.schema.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.testing.SqlRows.number;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.testing.TestDatabases;

class DemoDataRollbackTest {

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    @Tag("postgres")
    void aFailedGenerationLeavesNothingBehind(DatabaseVendor vendor) throws SQLException {
        DataSource db = TestDatabases.fresh(vendor).dataSource();
        new SchemaMigrator(db, vendor).migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // A year the generator also writes: its unique label makes the generation fail late, in a batch.
            s.executeUpdate("INSERT INTO tutti.school_year (id, label, start_date, end_date) "
                    + "VALUES (1000, '2026-2027', DATE '2026-09-01', DATE '2027-08-31')");
        }

        assertThatThrownBy(() -> new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, 20).generate(db, DemoProgress.NONE))
                .isInstanceOf(SQLException.class);

        assertThat(number(db, "SELECT COUNT(*) FROM tutti.site")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.family")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.evaluation")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.school_year")).isEqualTo(1);
    }

    @Test
    void tooFewFamiliesForTheDemoAccountsIsRefused() {
        assertThatThrownBy(() -> new DemoDataGenerator(1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3");
    }
}
