package org.tutti.schema.demo;

import javax.sql.DataSource;

/**
 * Writes a believable, deterministic French music school into an empty, migrated database.
 * Same seed and family count, same rows.
 */
public final class DemoDataGenerator {

    /** Families in the embedded demo (first start of the client). */
    public static final int DEMO_FAMILIES = 300;
    public static final long DEFAULT_SEED = 2026L;

    private final long seed;
    private final int families;

    public DemoDataGenerator(long seed, int families) {
        this.seed = seed;
        this.families = families;
    }

    /**
     * Generates everything in one transaction.
     *
     * @throws AlreadySeededException when the database already holds data (nothing is written)
     * @throws java.sql.SQLException on a database error (everything is rolled back)
     */
    public DemoSummary generate(DataSource dataSource, DemoProgress progress) throws java.sql.SQLException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
