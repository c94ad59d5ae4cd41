package org.tutti.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationSmokeTest {
    @Test
    void h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2Urls.memory("smoke"));
        assertThat(new SchemaMigrator(ds, DatabaseVendor.H2).migrate()).isGreaterThan(0);
    }

    @Test
    void postgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            assertThat(new SchemaMigrator(pg.getPostgresDatabase(), DatabaseVendor.POSTGRESQL).migrate()).isGreaterThan(0);
        }
    }
}
