package org.tutti.client.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.config.ClientConfig;
import org.tutti.client.config.ClientConfigLoader;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ServerProblemException;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.StartupListener;
import org.tutti.schema.demo.DemoDataGenerator;

/**
 * Opens the database and builds the services. Runs off the JavaFX thread; reports progress.
 * With no configuration file: the embedded demo in {@code dataFolder} (created, migrated and
 * seeded on first start, reused afterwards). With a {@code tutti.json}: the school's PostgreSQL,
 * whose schema IT migrates with the server tools (the client never migrates it).
 *
 * <p>The user interface calls {@code BackendFactory.open(DataFolder.resolve(), listener)} once,
 * on a background thread, and closes the returned {@link Backend} when the application exits
 * (which closes Hibernate, the pool and releases the demo folder).
 */
public final class BackendFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BackendFactory.class);

    private BackendFactory() {
    }

    /** @throws ServiceException with a reason the login window can explain */
    public static Backend open(Path dataFolder, StartupListener listener) {
        return open(dataFolder, listener, ClientConfigLoader.standard(dataFolder), DemoDataGenerator.DEMO_FAMILIES);
    }

    /** As {@link #open(Path, StartupListener)}, with the configuration folders and demo size chosen (tests). */
    static Backend open(Path dataFolder, StartupListener listener, ClientConfigLoader configLoader, int demoFamilies) {
        StartupSteps steps = new StartupSteps(listener);
        Optional<ClientConfig> config;
        try {
            config = steps.step(StartupStep.CONFIGURING, configLoader::load);
        } catch (ServiceException e) {
            throw e;
        } catch (Exception e) {
            throw new ServiceException(ServiceException.Reason.BAD_CONFIGURATION,
                    "Cannot read the configuration: " + e.getMessage(), e);
        }
        if (config.isPresent()) {
            Backend backend = openServer(config.get(), steps);
            steps.ready();
            return backend;
        }
        EmbeddedDemo demo = new EmbeddedDemo(dataFolder.resolve("db"), DemoDataGenerator.DEFAULT_SEED, demoFamilies);
        DatabaseBackend backend = openEmbeddedDemo(demo, steps);
        steps.ready();
        try {
            // after READY: the login window never waits for the mail classes
            backend.startDemoRelay(dataFolder, demo.url(), EmbeddedDemo.USER, EmbeddedDemo.PASSWORD);
        } catch (RuntimeException e) {
            LOG.warn("The demo mail relay could not start; mails stay queued: {}", e.toString());
        }
        return backend;
    }

    private static Backend openServer(ClientConfig config, StartupSteps steps) {
        ClientConfig.Database settings = config.database();
        try {
            return steps.step(StartupStep.CONNECTING, () -> {
                ServerChecks.verify(config);
                Database database = Database.open(settings.url(), settings.user(), settings.password(),
                        settings.timeouts());
                return backend(database, false, () -> { }, settings.unverifiedServer().orElse(null));
            });
        } catch (ServiceException e) {
            if (e.reason() == ServiceException.Reason.BAD_CONFIGURATION
                    || e.reason() == ServiceException.Reason.OUTDATED_DATABASE) {
                throw logged(e);
            }
            throw logged(serverFailure(config, e));
        } catch (Exception e) {
            throw logged(serverFailure(config, e));
        }
    }

    /**
     * {@code e} after one log line that names the cause (its message); the stack only at debug
     * level: the login window explains it, nothing else logs it again.
     */
    private static ServiceException logged(ServiceException e) {
        LOG.error("{}", e.getMessage());
        LOG.debug("Opening the database failed", e);
        return e;
    }

    /** The services over {@code database}; closes it if they cannot be built. */
    private static DatabaseBackend backend(Database database, boolean embeddedDemo, AutoCloseable onClose,
            String unverifiedServer) {
        try {
            return new DatabaseBackend(database, embeddedDemo, onClose, unverifiedServer);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static ServiceException serverFailure(ClientConfig config, Exception e) {
        String where = config.database().displayUrl() + " (from " + config.source() + ")";
        if (ConnectionFailures.find(e, SchemaManagementException.class) != null) {
            return new ServiceException(ServiceException.Reason.OUTDATED_DATABASE,
                    "The database at " + where + " does not have the schema this version of Tutti expects: "
                            + e.getMessage(), e);
        }
        Optional<ServerProblemException> explained = ConnectionFailures.explain(e, config.database(), where);
        if (explained.isPresent()) {
            return explained.get();
        }
        return new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE,
                "Cannot connect to the database at " + where + ": " + e, e);
    }

    private static DatabaseBackend openEmbeddedDemo(EmbeddedDemo demo, StartupSteps steps) {
        AutoCloseable lock = demo.lock();
        boolean opened = false;
        Connection holder = null;
        try {
            boolean firstStart = !demo.exists();
            if (firstStart) {
                demo.create(steps);
            } else {
                // this connection keeps H2 open from the migration to the pool's start
                holder = steps.step(StartupStep.MIGRATING, demo::openAndMigrate);
            }
            DatabaseBackend backend = steps.step(StartupStep.CONNECTING, () -> backend(
                    Database.open(demo.url(), EmbeddedDemo.USER, EmbeddedDemo.PASSWORD),
                    true, lock, null));
            opened = true;
            return backend;
        } catch (Exception e) {
            throw demo.failed("Cannot open the demo database", e);
        } finally {
            closeQuietly(holder);
            if (!opened) {
                release(lock);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not close the start-up connection: {}", e.toString());
        }
    }

    private static void release(AutoCloseable lock) {
        try {
            lock.close();
        } catch (Exception e) {
            LOG.warn("Could not release the demo database folder: {}", e.toString());
        }
    }
}
