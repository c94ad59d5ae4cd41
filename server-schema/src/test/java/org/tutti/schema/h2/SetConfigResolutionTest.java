package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.H2Urls;
import org.tutti.schema.SchemaMigrator;

/**
 * The client calls {@code set_config('tutti.session', ?, true)} unqualified. On an H2 file
 * database reopened as the embedded demo reopens it, that call must reach Tutti's function,
 * whatever the connection's current schema.
 */
class SetConfigResolutionTest {

    @TempDir
    Path folder;

    private String url;

    @BeforeEach
    void migrateAndClose() throws SQLException {
        url = H2Urls.file(folder.resolve("demo"));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        new SchemaMigrator(dataSource, DatabaseVendor.H2).migrate();
        // no connection is left open: H2 closes the file database, the next connection reopens it
    }

    @Test
    void anUnqualifiedCallBindsTheSessionInEitherCurrentSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            SecurityCalls calls = new SecurityCalls(connection);
            assertThat(calls.scalar("SELECT CURRENT_SCHEMA")).isEqualTo("public");
            assertThat(calls.bind("token-in-public")).isEqualTo("token-in-public");
            assertThat(calls.scalar("SELECT @tutti_session")).isEqualTo("token-in-public");

            connection.setSchema("tutti");
            assertThat(calls.bind("token-in-tutti")).isEqualTo("token-in-tutti");
            assertThat(calls.scalar("SELECT @tutti_session")).isEqualTo("token-in-tutti");
            assertThat(calls.bind("")).isEmpty();
            assertThat(calls.scalar("SELECT @tutti_session")).isEqualTo("");
        }
    }

    /**
     * Why {@link H2Urls#COMPATIBILITY} carries BUILTIN_ALIAS_OVERRIDE: without it, H2's own
     * SET_CONFIG answers and binds nothing (H2 does not even load the aliases named set_config),
     * and the other functions still work. Opening the file once so does not harm it.
     */
    @Test
    void withoutTheOverrideH2sBuiltInSetConfigBindsNothing() throws SQLException {
        String plain = url.replace(";BUILTIN_ALIAS_OVERRIDE=TRUE", "");
        assertThat(plain).isNotEqualTo(url);
        try (Connection connection = DriverManager.getConnection(plain, "sa", "")) {
            SecurityCalls calls = new SecurityCalls(connection);
            assertThat(calls.bind("lost")).isEqualTo("lost");
            assertThat(calls.scalar("SELECT @tutti_session")).isNull();
            assertThat(calls.touch()).isFalse();
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            SecurityCalls calls = new SecurityCalls(connection);
            assertThat(calls.bind("kept")).isEqualTo("kept");
            assertThat(calls.scalar("SELECT @tutti_session")).isEqualTo("kept");
            assertThat(calls.scalar("SELECT tutti.set_config('tutti.session', 'also kept', true)")).isEqualTo("also kept");
        }
    }
}
