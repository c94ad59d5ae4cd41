package org.tutti.client.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.StartupStep;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.H2Urls;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;

/**
 * The embedded demo database: an H2 file in {@code <data folder>/db}. The first start creates,
 * migrates and seeds it under a temporary name and renames it into place only when it is
 * complete, so an interrupted first start leaves nothing half-made (the next start begins
 * again). A lock file keeps a second Tutti from opening the same folder meanwhile.
 */
final class EmbeddedDemo {

    static final String USER = "sa";
    static final String PASSWORD = "";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDemo.class);
    private static final String NAME = "tutti";
    private static final String CREATING_NAME = "tutti-creating";
    private static final String H2_SUFFIX = ".mv.db";
    private static final String[] H2_FILE_SUFFIXES = {".mv.db", ".trace.db", ".lock.db", ".mv.db.tempFile"};

    /** Lock files this JVM holds. */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final long seed;
    private final int families;

    /**
     * @param folder   the {@code db} folder of the user's data folder
     * @param families how many families the first start generates
     */
    EmbeddedDemo(Path folder, long seed, int families) {
        this.folder = folder;
        this.seed = seed;
        this.families = families;
    }

    /** JDBC URL of the finished demo database. */
    String url() {
        return H2Urls.file(folder.resolve(NAME));
    }

    boolean exists() {
        return Files.isRegularFile(folder.resolve(NAME + H2_SUFFIX));
    }

    /**
     * Takes the demo folder for this process until the returned lock is closed.
     *
     * @throws ServiceException DEMO_DATABASE_FAILED when another Tutti holds it, or the folder
     *         cannot be created
     */
    AutoCloseable lock() {
        Path lockFile = folder.resolve(NAME + ".lock").toAbsolutePath().normalize();
        // Within one JVM, a second channel on the file must not even be opened: closing it could
        // release the first one's lock (POSIX locks belong to the process).
        if (!HELD_IN_THIS_JVM.add(lockFile)) {
            throw inUse(null);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                HELD_IN_THIS_JVM.remove(lockFile);
                throw inUse(channel);
            }
            FileChannel held = channel;
            return () -> {
                try {
                    lock.release();
                    held.close();
                } finally {
                    HELD_IN_THIS_JVM.remove(lockFile);
                }
            };
        } catch (OverlappingFileLockException e) {
            HELD_IN_THIS_JVM.remove(lockFile);
            throw inUse(channel);
        } catch (IOException e) {
            HELD_IN_THIS_JVM.remove(lockFile);
            closeQuietly(channel);
            throw new ServiceException(ServiceException.Reason.DEMO_DATABASE_FAILED,
                    "Cannot use the demo database folder " + folder + ": " + e, e);
        }
    }

    private ServiceException inUse(FileChannel channel) {
        closeQuietly(channel);
        return new ServiceException(ServiceException.Reason.DEMO_DATABASE_FAILED,
                "The demo database in " + folder + " is already in use by another Tutti window");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close the lock file: {}", e.toString());
        }
    }

    /**
     * First start: creates, migrates and seeds the database under a temporary name, then moves
     * it into place. Reports CREATING_DEMO, MIGRATING and SEEDING.
     */
    void create(StartupSteps steps) {
        Path creating = folder.resolve(CREATING_NAME);
        boolean complete = false;
        try {
            deleteH2Files(CREATING_NAME);
            JdbcDataSource dataSource = dataSource(H2Urls.file(creating));
            try (Connection holder = steps.step(StartupStep.CREATING_DEMO, () -> dataSource.getConnection())) {
                steps.step(StartupStep.MIGRATING,
                        () -> new SchemaMigrator(dataSource, DatabaseVendor.H2).migrate());
                steps.step(StartupStep.SEEDING, () -> {
                    new DemoDataGenerator(seed, families)
                            .generate(dataSource, fraction -> steps.progress(StartupStep.SEEDING, fraction));
                    try (Statement statement = holder.createStatement()) {
                        statement.execute("SHUTDOWN COMPACT");
                    }
                    Files.move(folder.resolve(CREATING_NAME + H2_SUFFIX), folder.resolve(NAME + H2_SUFFIX),
                            StandardCopyOption.ATOMIC_MOVE);
                    return null;
                });
            }
            complete = true;
            deleteH2Files(CREATING_NAME);
            LOG.info("Demo database created in {}", folder);
        } catch (Exception e) {
            throw failed("Cannot create the demo database in " + folder, e);
        } finally {
            if (!complete) {
                discard();
            }
        }
    }

    /**
     * Later starts: opens the database and applies the migrations this version brings, if any
     * (a demo made by an older Tutti is upgraded in place, its rows kept; the log says from which
     * version to which). Returns a connection that keeps the database open until the pool has started.
     */
    Connection openAndMigrate() {
        String url = url();
        Connection holder = null;
        try {
            holder = dataSource(url).getConnection();
            SchemaMigrator migrator = new SchemaMigrator(dataSource(url), DatabaseVendor.H2);
            String before = migrator.currentVersion().orElse("none");
            int applied = migrator.migrate();
            String after = migrator.currentVersion().orElse("none");
            if (applied > 0) {
                // an older Tutti made it: its data (the user's changes) stays, the schema moves on
                LOG.info("Demo database in {} upgraded from schema version {} to {} ({} migration(s) applied),"
                        + " its data kept", folder, before, after, applied);
            } else {
                LOG.info("Demo database in {} at schema version {}: nothing to migrate", folder, after);
            }
            return holder;
        } catch (Exception e) {
            if (holder != null) {
                try {
                    holder.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw failed("Cannot open or migrate the demo database in " + folder, e);
        }
    }

    ServiceException failed(String what, Throwable e) {
        if (e instanceof ServiceException service) {
            return service;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new ServiceException(ServiceException.Reason.DEMO_DATABASE_FAILED,
                        "The demo database in " + folder + " is already in use by another program", e);
            }
        }
        LOG.error(what, e);
        return new ServiceException(ServiceException.Reason.DEMO_DATABASE_FAILED, what + ": " + e.getMessage(), e);
    }

    private void discard() {
        try {
            deleteH2Files(CREATING_NAME);
        } catch (IOException e) {
            LOG.warn("Could not delete the unfinished demo database: {}", e.toString());
        }
    }

    private void deleteH2Files(String name) throws IOException {
        for (String suffix : H2_FILE_SUFFIXES) {
            Files.deleteIfExists(folder.resolve(name + suffix));
        }
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }
}
