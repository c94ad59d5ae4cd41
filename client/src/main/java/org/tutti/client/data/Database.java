package org.tutti.client.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.StatisticsSettings;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.hikaricp.internal.HikariCPConnectionProvider;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.ClientConfig;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;

/**
 * Hibernate over a small HikariCP pool, on H2 (PostgreSQL mode) or PostgreSQL. Flyway owns the
 * schema: Hibernate only validates that every entity matches it, and refuses to start otherwise.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * {@code -Dtutti.database.statistics=true}: Hibernate's statistics and a count of every
     * statement executed ({@link CountingConnectionProvider}), for the benchmarks; off by default
     * (no statistics, connections not wrapped). Tests ask for the same with the setting
     * {@code hibernate.generate_statistics}.
     */
    public static final String STATISTICS_PROPERTY = "tutti.database.statistics";

    /** A desktop client needs few connections; the server serves hundreds of clients. */
    static final int POOL_SIZE = 4;
    /** How long a request waits for a connection of the pool (at least). */
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private final DatabaseVendor vendor;
    private final SessionFactory sessionFactory;
    private final Transactions transactions;

    private Database(DatabaseVendor vendor, SessionFactory sessionFactory) {
        this.vendor = vendor;
        this.sessionFactory = sessionFactory;
        this.transactions = new Transactions(sessionFactory, SessionBinder.sqlApi(vendor));
    }

    /**
     * Connects, validates the mapping against the schema and starts the pool.
     *
     * @throws RuntimeException (Hibernate's or the pool's) when the database cannot be reached or
     *         the schema does not match; {@link BackendFactory} explains it to the user
     */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, Entities.ALL, Map.of());
    }

    /**
     * As {@link #open(String, String, String)}, every connection of the pool giving up on a
     * silent server after {@code timeouts} (PostgreSQL; H2 is in the process or on this disk).
     */
    public static Database open(String url, String user, String password, ClientConfig.Timeouts timeouts) {
        Map<String, Object> settings = new HashMap<>();
        if (DatabaseVendor.fromJdbcUrl(url) == DatabaseVendor.POSTGRESQL) {
            timeouts.driverProperties().forEach((name, value) -> settings.put("hibernate.hikari.dataSource." + name, value));
            // the pool waits for a new connection a little longer than the driver does, so that the
            // driver's error (which says why) arrives first
            settings.put("hibernate.hikari.connectionTimeout",
                    String.valueOf(Math.max(CONNECTION_TIMEOUT_MILLIS, (timeouts.loginSeconds() + 2) * 1000L)));
        }
        return open(url, user, password, Entities.ALL, settings);
    }

    /** As {@link #open(String, String, String)} with other entities or settings (tests). */
    static Database open(String url, String user, String password, List<Class<?>> entities,
            Map<String, ?> extraSettings) {
        DatabaseVendor vendor = DatabaseVendor.fromJdbcUrl(url);
        long start = System.nanoTime();
        boolean statistics = Boolean.getBoolean(STATISTICS_PROPERTY)
                || Boolean.parseBoolean(String.valueOf(extraSettings.get(StatisticsSettings.GENERATE_STATISTICS)));
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("tutti")
                .managedClasses(entities)
                .jdbcUrl(url)
                .jdbcCredentials(user, password == null ? "" : password)
                .jdbcPoolSize(POOL_SIZE)
                .defaultSchema(SchemaMigrator.SCHEMA)
                .schemaToolingAction(Action.VALIDATE)
                .property("hibernate.connection.provider_class", HikariCPConnectionProvider.class.getName())
                .property("hibernate.hikari.poolName", "tutti")
                .property("hibernate.hikari.minimumIdle", "1")
                .property("hibernate.hikari.connectionTimeout", String.valueOf(CONNECTION_TIMEOUT_MILLIS))
                // status columns are varchar + CHECK on both databases, not H2's native ENUM type
                .property(MappingSettings.PREFER_NATIVE_ENUM_TYPES, false)
                .properties(extraSettings);
        if (statistics) {
            configuration.property(StatisticsSettings.GENERATE_STATISTICS, true)
                    .property("hibernate.connection.provider_class", CountingConnectionProvider.class.getName());
        }
        SessionFactory sessionFactory = configuration.createEntityManagerFactory();
        LOG.info("Hibernate started on {} with the schema validated in {} ms", vendor,
                (System.nanoTime() - start) / 1_000_000);
        return new Database(vendor, sessionFactory);
    }

    public DatabaseVendor vendor() {
        return vendor;
    }

    public Transactions transactions() {
        return transactions;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * Statements executed through this database's pool, Hibernate's and the bare connection's;
     * -1 unless statistics were asked for ({@link #STATISTICS_PROPERTY}).
     */
    long statementsExecuted() {
        ConnectionProvider provider = sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .getService(ConnectionProvider.class);
        return provider instanceof CountingConnectionProvider counting ? counting.executed() : -1;
    }

    /** Closes Hibernate and its pool (every connection). */
    @Override
    public void close() {
        if (sessionFactory.isOpen()) {
            sessionFactory.close();
        }
    }
}
