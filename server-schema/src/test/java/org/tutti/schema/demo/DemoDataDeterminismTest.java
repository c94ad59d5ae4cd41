package org.tutti.schema.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;

class DemoDataDeterminismTest {

    private static final int FAMILIES = 25;

    @Test
    void sameSeedAndFamilyCountGiveTheSameRowsInEveryTable() throws SQLException {
        Map<String, List<List<String>>> first = dump(seeded(11));
        Map<String, List<List<String>>> second = dump(seeded(11));

        assertThat(first).hasSize(34);
        assertThat(first.keySet()).containsExactlyElementsOf(second.keySet());
        for (String table : first.keySet()) {
            assertThat(second.get(table)).as(table).isNotEmpty().containsExactlyElementsOf(first.get(table));
        }
    }

    @Test
    void anotherSeedGivesOtherFamilies() throws SQLException {
        DataSource a = seeded(11);
        DataSource b = seeded(12);
        String families = "SELECT identifier, last_name, first_name, address1, email FROM tutti.family ORDER BY id";

        assertThat(SqlRows.query(b, families)).hasSameSizeAs(SqlRows.query(a, families))
                .isNotEqualTo(SqlRows.query(a, families));
        assertThat(SqlRows.query(b, "SELECT identifier FROM tutti.family ORDER BY id"))
                .isEqualTo(SqlRows.query(a, "SELECT identifier FROM tutti.family ORDER BY id"));
    }

    private static DataSource seeded(long seed) throws SQLException {
        DataSource dataSource = TestDatabases.freshH2().dataSource();
        new SchemaMigrator(dataSource, DatabaseVendor.H2).migrate();
        new DemoDataGenerator(seed, FAMILIES).generate(dataSource, DemoProgress.NONE);
        return dataSource;
    }

    private static Map<String, List<List<String>>> dump(DataSource dataSource) throws SQLException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String table : SqlRows.tuttiTables(dataSource)) {
            if (table.equals("common_password")) {
                continue; // filled by the migrations, not by the generator
            }
            String order = table.equals("document_counter") ? "1, 2, 3" : "1"; // its key: site, series, year
            tables.put(table, SqlRows.query(dataSource, "SELECT * FROM tutti." + table + " ORDER BY " + order));
        }
        return tables;
    }
}
