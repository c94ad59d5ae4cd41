package org.tutti.schema;

import java.util.Locale;

/** The two databases Tutti runs on. Migrations common to both live in {@code db/migration/common}. */
public enum DatabaseVendor {
    POSTGRESQL("postgresql"),
    H2("h2");

    private final String migrationFolder;

    DatabaseVendor(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Classpath folder of the migrations that only this vendor runs. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    public static DatabaseVendor fromJdbcUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("Unsupported database URL (expected jdbc:postgresql: or jdbc:h2:): " + url);
    }
}
