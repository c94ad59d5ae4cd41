package org.tutti.schema.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.H2Urls;
import picocli.CommandLine.Option;

/** Where the database is: the options every subcommand shares, defaulting to the TUTTI_DB_* variables. */
final class DatabaseOptions {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final String SCHEMA_OWNER = "tutti_owner";

    @Option(names = "--url", paramLabel = "<jdbc-url>", defaultValue = "${env:TUTTI_DB_URL}",
            description = "JDBC URL: jdbc:postgresql://host:port/db or jdbc:h2:file:/path (H2's PostgreSQL mode "
                    + "is added when the URL sets no MODE). Default: $$TUTTI_DB_URL.")
    String url;

    @Option(names = "--user", defaultValue = "${env:TUTTI_DB_USER}", description = "Database user. Default: $$TUTTI_DB_USER.")
    String user;

    @Option(names = "--password", defaultValue = "${env:TUTTI_DB_PASSWORD}", description = "Database password. Default: $$TUTTI_DB_PASSWORD.")
    String password;

    DatabaseVendor vendor() {
        if (url == null || url.isBlank()) {
            throw new CliFailure("no database URL: give --url or set TUTTI_DB_URL");
        }
        try {
            return DatabaseVendor.fromJdbcUrl(url);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("unsupported database URL " + FailureMessages.maskPassword(url)
                    + ": expected jdbc:postgresql:… or jdbc:h2:…", e);
        }
    }

    /** A plain (unpooled) data source; the connection is tried at once so that a bad URL fails here. */
    DataSource openDataSource() {
        DataSource dataSource = vendor() == DatabaseVendor.POSTGRESQL ? postgres() : h2();
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            throw new CliFailure(describe(e), e);
        }
        return dataSource;
    }

    /**
     * Like {@link #openDataSource()}, but on PostgreSQL a user that is a member of tutti_owner
     * without being a superuser acts as tutti_owner (startup option {@code role}), so that
     * seed-demo and info see past row-level security as a superuser does (ADR 6).
     */
    DataSource openDataSourceAsSchemaOwner() {
        DataSource dataSource = openDataSource();
        if (!(dataSource instanceof PGSimpleDataSource postgres) || !actsAsSchemaOwner(dataSource)) {
            return dataSource;
        }
        postgres.setOptions("-c role=" + SCHEMA_OWNER);
        return dataSource;
    }

    private boolean actsAsSchemaOwner(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet owner = statement.executeQuery(
                    "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '" + SCHEMA_OWNER + "'")) {
                if (!owner.next()) {
                    return false;
                }
            }
            try (ResultSet member = statement.executeQuery("SELECT NOT r.rolsuper AND pg_catalog.pg_has_role(current_user, '"
                    + SCHEMA_OWNER + "', 'MEMBER') FROM pg_catalog.pg_roles r WHERE r.rolname = current_user")) {
                return member.next() && member.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new CliFailure(describe(e), e);
        }
    }

    String describe(Throwable failure) {
        return FailureMessages.describe(failure, url, user);
    }

    private DataSource postgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        if (!url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts")) {
            dataSource.setReWriteBatchedInserts(true); // multi-row INSERTs: the demo generator's batches get ~3× faster
        }
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setApplicationName("tutti-schema");
        return dataSource;
    }

    private DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        boolean hasMode = url.toUpperCase(Locale.ROOT).contains(";MODE=");
        dataSource.setURL(hasMode ? url : url + H2Urls.COMPATIBILITY);
        dataSource.setUser(user == null ? "" : user);
        dataSource.setPassword(password == null ? "" : password);
        return dataSource;
    }
}
