package org.tutti.schema;

import java.nio.file.Path;

/** JDBC URLs of the embedded H2 database, in the PostgreSQL compatibility mode the migrations rely on. */
public final class H2Urls {

    /**
     * Settings that make H2 accept the same SQL as PostgreSQL for our migrations and queries.
     * {@code BUILTIN_ALIAS_OVERRIDE} lets the unqualified {@code set_config(...)} of the SQL API
     * reach Tutti's Java function rather than the do-nothing built-in of H2's PostgreSQL mode; H2
     * does not store it in the database, so every URL carries it.
     */
    public static final String COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";BUILTIN_ALIAS_OVERRIDE=TRUE";

    private H2Urls() {
    }

    /** A file database at {@code base} (H2 adds {@code .mv.db}). */
    public static String file(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + COMPATIBILITY;
    }

    /** A private in-memory database that lives while one connection is open (tests). */
    public static String memory(String name) {
        return "jdbc:h2:mem:" + name + COMPATIBILITY + ";DB_CLOSE_DELAY=-1";
    }
}
