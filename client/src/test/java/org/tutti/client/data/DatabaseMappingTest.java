package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.hikaricp.internal.HikariCPConnectionProvider;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.schema.DatabaseVendor;

/** The entities match the schema Flyway made, on both databases, and read the rows it holds. */
@Tag("postgres")
class DatabaseMappingTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void hibernateValidatesEveryEntityAgainstTheMigratedSchema(DatabaseVendor vendor) {
        var db = SeededDatabases.get(vendor).db();
        try (Database database = Database.open(db.url(), db.user(), db.password())) {
            assertThat(database.vendor()).isEqualTo(vendor);
            List<Class<?>> mapped = database.sessionFactory().getMetamodel().getEntities().stream()
                    .<Class<?>>map(EntityType::getJavaType).toList();
            assertThat(mapped).containsExactlyInAnyOrderElementsOf(Entities.ALL);
            ConnectionProvider pool = database.sessionFactory().getSessionFactoryOptions().getServiceRegistry()
                    .requireService(ConnectionProvider.class);
            assertThat(pool).isInstanceOf(HikariCPConnectionProvider.class);
            assertThat(pool.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(Database.POOL_SIZE);
        }
    }

    /** Proves the validation above is switched on: a column the schema lacks stops the start. */
    @ParameterizedTest
    @MethodSource("vendors")
    void aMappingThatDisagreesWithTheSchemaIsRefused(DatabaseVendor vendor) {
        var db = SeededDatabases.get(vendor).db();
        List<Class<?>> entities = new ArrayList<>(Entities.ALL);
        entities.add(SiteWithAnExtraColumn.class);
        assertThatThrownBy(() -> Database.open(db.url(), db.user(), db.password(), entities, Map.of())
                        .close())
                .hasRootCauseInstanceOf(SchemaManagementException.class)
                .rootCause().hasMessageContaining("motto");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void everyEntityReadsItsTableRowForRow(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        Sql sql = new Sql(seeded.db().dataSource());
        for (Class<?> entity : Entities.ALL) {
            String table = entity.getAnnotation(Table.class).name();
            long rows = sql.count("select count(*) from tutti." + table);
            List<?> loaded = seeded.admin().transactions().readOnly(null, session -> session
                    .createSelectionQuery("from " + entity.getSimpleName(), entity)
                    .getResultList());
            assertThat(loaded).as(table).hasSize((int) rows);
        }
    }

    @Entity(name = "SiteWithAnExtraColumn")
    @Table(schema = "tutti", name = "site")
    static class SiteWithAnExtraColumn {
        @Id
        private Long id;

        @Column(name = "motto")
        private String motto;

        @Version
        private Long version;

        protected SiteWithAnExtraColumn() {
        }
    }
}
