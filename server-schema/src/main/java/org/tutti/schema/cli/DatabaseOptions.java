package org.tutti.schema.cli;

import java.sql.Connection;
import java.sql.SQLException;
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
