package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.client.domain.StartupStep.CONFIGURING;
import static org.tutti.client.domain.StartupStep.CONNECTING;
import static org.tutti.client.domain.StartupStep.MIGRATING;
import static org.tutti.client.domain.StartupStep.READY;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.ClientConfigLoader;
import org.tutti.client.service.Backend;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.H2Urls;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.ShippedMigrations;
import org.tutti.schema.demo.DemoDataGenerator;

/**
 * Issue 17, upgrades: a newer Tutti installed over an older one opens the embedded demo the older
 * one made in the user's data folder, migrates it to its own schema and keeps what the user changed.
 */
class DemoUpgradeTest {

    /** The schema an older Tutti shipped (issue 16's pedagogy step, before the settings and Accueil). */
    private static final String OLDER_VERSION = "20";
    private static final int FAMILIES = 5;

    @TempDir
    Path dataFolder;

    @Test
    @Tag("slow")
    void aDemoMadeByAnOlderTuttiIsMigratedAndKeepsTheUsersChanges() throws Exception {
        JdbcDataSource older = dataSource(dataFolder.resolve("db").resolve("tutti"));
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(older)
                .schemas(SchemaMigrator.SCHEMA)
                .defaultSchema(SchemaMigrator.SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration/common", DatabaseVendor.H2.migrationLocation())
                .failOnMissingLocations(false)
                .target(OLDER_VERSION)
                .load()
                .migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, FAMILIES).generate(older, fraction -> { });
        try (Connection c = older.getConnection(); Statement s = c.createStatement()) {
            // the family changed its address with the older Tutti
            assertThat(s.executeUpdate("update tutti.family set address1 = '12 rue des Lilas' where identifier = 'F0001'"))
                    .isEqualTo(1);
            s.execute("SHUTDOWN");
        }
        assertThat(new SchemaMigrator(older, DatabaseVendor.H2).currentVersion()).contains(OLDER_VERSION);

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedDemo.class);
        log.start();
        logger.addAppender(log);
        StepRecorder steps = new StepRecorder();
        try (Backend backend = BackendFactory.open(dataFolder, steps, new ClientConfigLoader(List.of(dataFolder)),
                FAMILIES)) {
            assertThat(steps.steps()).as("reused, not created again").containsExactly(CONFIGURING, MIGRATING,
                    CONNECTING, READY);
            assertThat(backend.isEmbeddedDemo()).isTrue();
            assertThat(backend.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray())).isPresent();
        } finally {
            logger.detachAppender(log);
        }

        String latest = ShippedMigrations.latest(DatabaseVendor.H2).getVersion();
        assertThat(latest).isNotEqualTo(OLDER_VERSION);
        JdbcDataSource upgraded = dataSource(dataFolder.resolve("db").resolve("tutti"));
        assertThat(new SchemaMigrator(upgraded, DatabaseVendor.H2).currentVersion()).contains(latest);
        assertThat(addressOf(upgraded, "F0001")).isEqualTo("12 rue des Lilas");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("upgraded from schema version " + OLDER_VERSION + " to " + latest)
                        && line.contains("its data kept"));
    }

    private static String addressOf(JdbcDataSource dataSource, String identifier) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("select address1 from tutti.family where identifier = ?")) {
            p.setString(1, identifier);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static JdbcDataSource dataSource(Path database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Urls.file(database));
        dataSource.setUser(EmbeddedDemo.USER);
        dataSource.setPassword(EmbeddedDemo.PASSWORD);
        return dataSource;
    }
}
