package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code tutti.schema_version()} on H2 (migration {@code db/migration/h2/V11__schema_version.sql}),
 * as {@code postgresql/V11}: the highest version in Flyway's history that was applied
 * successfully, compared as numbers; null when none.
 */
public final class SchemaVersion {

    private SchemaVersion() {
    }

    /** H2 passes its own connection. */
    public static String schemaVersion(Connection connection) throws SQLException {
        MigrationVersion highest = null;
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT version FROM tutti.flyway_schema_history WHERE success AND version IS NOT NULL");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                String text = rs.getString(1);
                if (!text.matches("[0-9]+([.][0-9]+)*")) {
                    continue;
                }
                MigrationVersion version = MigrationVersion.fromVersion(text);
                if (highest == null || version.compareTo(highest) > 0) {
                    highest = version;
                }
            }
        }
        return highest == null ? null : highest.getVersion();
    }
}
