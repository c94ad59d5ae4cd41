package org.tutti.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies Tutti's Flyway migrations. The only way the schema changes, for the command line,
 * the embedded demo and the tests alike.
 */
public final class SchemaMigrator {

    public static final String SCHEMA = "tutti";
    static final String COMMON_LOCATION = "classpath:db/migration/common";

    private final Flyway flyway;
    private final DataSource dataSource;
    private final DatabaseVendor vendor;
    private Hardening.Outcome hardening;

    public SchemaMigrator(DataSource dataSource, DatabaseVendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations(COMMON_LOCATION, vendor.migrationLocation())
                .failOnMissingLocations(false)
                .load();
    }

    /**
     * Applies pending migrations; returns how many were applied. On PostgreSQL the superuser step
     * follows ({@link Hardening#applyIfPossible}) when something of it is missing and the user is a
     * superuser; {@link #hardening()} tells what happened.
     */
    public int migrate() {
        MigrateResult result = flyway.migrate();
        if (vendor == DatabaseVendor.POSTGRESQL) {
            try {
                hardening = Hardening.applyIfPossible(dataSource);
            } catch (SQLException e) {
                throw new IllegalStateException("hardening failed: " + e.getMessage(), e);
            }
        }
        return result.migrationsExecuted;
    }

    /** What the last {@link #migrate()} did of the hardening step; empty on H2 or before a migrate. */
    public Optional<Hardening.Outcome> hardening() {
        return Optional.ofNullable(hardening);
    }

    /** Applied migrations, oldest first, as "version description (state)" lines; Flyway's own markers left out. */
    public List<String> appliedMigrations() {
        List<String> lines = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            if (info.getType().isSynthetic()) {
                continue; // e.g. "<< Flyway Schema Creation >>"
            }
            lines.add(info.getVersion() + " " + info.getDescription() + " (" + info.getState().getDisplayName() + ")");
        }
        return lines;
    }

    /** The version of the last migration applied ("21"); empty on an empty database. */
    public Optional<String> currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? Optional.empty() : Optional.of(current.getVersion().getVersion());
    }

    /** Number of migrations known to this build but not yet applied. */
    public int pendingCount() {
        return flyway.info().pending().length;
    }
}
