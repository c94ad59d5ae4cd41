package org.tutti.client.data;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.StatisticsSettings;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * One migrated and seeded database per vendor for the whole test JVM ({@value #FAMILIES}
 * families per site from the demo generator), with one Hibernate {@link Database} over each.
 * Tests that change rows use accounts no other test uses.
 */
final class SeededDatabases {

    static final int FAMILIES = 30;

    private static final Map<DatabaseVendor, Seeded> SEEDED = new EnumMap<>(DatabaseVendor.class);

    private SeededDatabases() {
    }

    /** A seeded database of {@code vendor} and Hibernate over it (statistics on). */
    record Seeded(TestDatabase db, Database database) {
        DatabaseBackend backend(Clock clock) {
            return new DatabaseBackend(database, false, () -> { }, clock);
        }
    }

    static synchronized Seeded get(DatabaseVendor vendor) {
        return SEEDED.computeIfAbsent(vendor, SeededDatabases::seed);
    }

    private static Seeded seed(DatabaseVendor vendor) {
        TestDatabase db = TestDatabases.fresh(vendor);
        new SchemaMigrator(db.dataSource(), vendor).migrate();
        try {
            new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, FAMILIES).generate(db.dataSource(), DemoProgress.NONE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot seed the " + vendor + " test database", e);
        }
        Database database = Database.open(db.url(), db.user(), db.password(), SessionBinder.NONE, Entities.ALL,
                Map.of(StatisticsSettings.GENERATE_STATISTICS, true));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        return new Seeded(db, database);
    }

    static List<DatabaseVendor> vendors() {
        return List.of(DatabaseVendor.values());
    }
}
