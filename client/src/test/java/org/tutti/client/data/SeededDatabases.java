package org.tutti.client.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * families per site from the demo generator, the same seed on both, hence the same ids), with
 * Hibernate {@link Database}s over it as the client connects in real life.
 *
 * <p>On PostgreSQL the services run as the login roles {@code tutti_family} and
 * {@code tutti_staff}, never as the superuser, which would bypass row-level security and the
 * column privileges and prove nothing. H2 (the embedded demo) has no roles: one connection as
 * {@code sa} serves both. {@link Seeded#admin()} is the superuser's, for mapping tests and
 * for setting up what a test needs. Tests that change rows use accounts no other test uses.
 */
final class SeededDatabases {

    static final int FAMILIES = 30;

    /** Password the tests give the login roles (IT sets its own with {@code tutti-schema role-password}). */
    static final String ROLE_PASSWORD = "role-password-for-tests";

    private static final Map<DatabaseVendor, Seeded> SEEDED = new EnumMap<>(DatabaseVendor.class);

    private SeededDatabases() {
    }

    /**
     * A seeded database with Hibernate over it (statistics on) as the superuser ({@code admin}),
     * as {@code tutti_family} ({@code family}) and as {@code tutti_staff} ({@code staff}); on H2
     * all three are one.
     */
    record Seeded(TestDatabase db, Database admin, Database family, Database staff) {
        DatabaseBackend familyBackend() {
            return new DatabaseBackend(family, false, () -> { });
        }

        DatabaseBackend staffBackend() {
            return new DatabaseBackend(staff, false, () -> { });
        }

        /** The backend for an account of {@code identifier} (staff accounts are ACCUEIL…). */
        DatabaseBackend backendFor(String identifier) {
            return identifier.toUpperCase(java.util.Locale.ROOT).startsWith("ACCUEIL") ? staffBackend() : familyBackend();
        }

        DatabaseVendor vendor() {
            return db.vendor();
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
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the " + vendor + " test database", e);
        }
        Database admin = open(db.url(), db.user(), db.password());
        if (vendor == DatabaseVendor.H2) {
            return new Seeded(db, admin, admin, admin);
        }
        Database family = open(loginRoleUrl(db), "tutti_family", setRolePassword(db, "tutti_family"));
        Database staff = open(loginRoleUrl(db), "tutti_staff", setRolePassword(db, "tutti_staff"));
        return new Seeded(db, admin, family, staff);
    }

    private static Database open(String url, String user, String password) {
        Database database = Database.open(url, user, password, Entities.ALL,
                Map.of(StatisticsSettings.GENERATE_STATISTICS, true));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        return database;
    }

    /** Gives a login role of the (cluster-wide) embedded server {@link #ROLE_PASSWORD}; returns it. */
    static String setRolePassword(TestDatabase db, String role) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + role + " PASSWORD '" + ROLE_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of " + role + " (is the security migration there?)", e);
        }
        return ROLE_PASSWORD;
    }

    /** The URL of {@code db} without the superuser's name that the embedded server's URLs carry. */
    static String loginRoleUrl(TestDatabase db) {
        String url = db.url();
        int parameters = url.indexOf('?');
        String name = url.substring(url.lastIndexOf('/') + 1, parameters < 0 ? url.length() : parameters);
        return "jdbc:postgresql://localhost:" + TestDatabases.server().getPort() + "/" + name;
    }

    static List<DatabaseVendor> vendors() {
        return List.of(DatabaseVendor.values());
    }
}
