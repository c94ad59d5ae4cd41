package org.tutti.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.tutti.schema.cli.TuttiSchemaCli;

/**
 * A PostgreSQL cluster of this machine (Debian's PostgreSQL 15: {@code initdb} and {@code pg_ctl} on
 * the PATH) seeded with the demo school at a given number of families, kept in
 * {@code ${bench.cache}/pg<families>} between runs: seeding 50,000 families takes many minutes, so
 * it happens once per machine. Started by the PostgreSQL user when the benchmark runs as root
 * (PostgreSQL refuses root). Loopback only, scram-sha-256 as on a school's server; every role's
 * password is {@value #PASSWORD}. Database {@code tutti}, migrated and hardened by {@code tutti-schema}.
 */
public final class BenchServer {

    public static final String PASSWORD = "bench";
    /**
     * The database the sections use ({@code -Dbench.database}, default {@code tutti}); a copy made
     * with {@code CREATE DATABASE x TEMPLATE tutti} lets one try a migration or write rows without
     * touching the shared one.
     */
    public static final String DATABASE = System.getProperty("bench.database", "tutti");
    private static final String SEEDED_MARKER = "tutti-bench-seeded";

    private final int families;
    private final Path dataDir;
    private final Path socketDir;
    private final int port;

    private BenchServer(int families, Path cache, int port) {
        this.families = families;
        this.dataDir = cache.resolve("pg" + families);
        this.socketDir = cache;
        this.port = port;
    }

    /** The cluster seeded with {@code families} families, created and seeded first if need be, started. */
    public static BenchServer seeded(int families, Path cache) throws IOException, InterruptedException {
        int port = Integer.getInteger("bench.port." + families, families == 50_000 ? 55432 : families == 2_000 ? 55433 : 55434);
        BenchServer server = new BenchServer(families, cache, port);
        server.ensure();
        return server;
    }

    public int families() {
        return families;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A connection as {@code role} (postgres, tutti_owner is reached by SET ROLE, tutti_family, tutti_staff…). */
    public Connection connect(String role) throws SQLException {
        return connect(DATABASE, role);
    }

    /** A connection to another database of the cluster ({@code postgres}, a copy of {@code tutti}). */
    public Connection connect(String database, String role) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private void ensure() throws IOException, InterruptedException {
        Files.createDirectories(socketDir);
        if (Files.isDirectory(dataDir) && !Files.exists(dataDir.resolve(SEEDED_MARKER))) {
            System.out.println("[bench] " + dataDir + " was not seeded to the end: made again");
            stopQuietly();
            run(List.of("rm", "-rf", dataDir.toString()));
        }
        boolean fresh = !Files.isDirectory(dataDir);
        if (fresh) {
            initCluster();
        }
        start();
        if (fresh) {
            seed();
        } else {
            // a cluster seeded by an earlier build: this build's pending migrations, if any
            cli("migrate");
        }
    }

    private void initCluster() throws IOException, InterruptedException {
        if (asRoot()) {
            run(List.of("chown", "postgres", socketDir.toString()));
        }
        runAsPostgres("initdb -D " + dataDir + " -U postgres --auth-local=trust --auth-host=scram-sha-256"
                + " -E UTF8 --locale=C.UTF-8 --pwfile=" + passwordFile());
        String conf = String.join("\n",
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + socketDir + "'",
                // room for the load section's direct clients (2,000) beside PgBouncer's pool
                "max_connections = 2300",
                "shared_buffers = 1GB",
                "work_mem = 8MB",
                "track_io_timing = on",
                "");
        Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private Path passwordFile() throws IOException, InterruptedException {
        Path file = socketDir.resolve("superuser-password");
        Files.writeString(file, PASSWORD + "\n");
        if (asRoot()) {
            run(List.of("chown", "postgres", file.toString()));
        }
        return file;
    }

    private void start() throws IOException, InterruptedException {
        if (statusRunning()) {
            return;
        }
        runAsPostgres("pg_ctl -D " + dataDir + " -l " + dataDir + ".log -w -t 120 start");
    }

    private boolean statusRunning() throws IOException, InterruptedException {
        return runAsPostgresStatus("pg_ctl -D " + dataDir + " status") == 0;
    }

    /** Stops the cluster (the load section restarts nothing; a later run starts it again). */
    public void stopQuietly() {
        try {
            if (Files.isDirectory(dataDir)) {
                runAsPostgresStatus("pg_ctl -D " + dataDir + " -m fast stop");
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("[bench] could not stop " + dataDir + ": " + e.getMessage());
        }
    }

    private void seed() throws IOException, InterruptedException {
        try (Connection c = connect("postgres", "postgres"); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            s.execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + " on port " + port, e);
        }
        long started = System.nanoTime();
        cli("migrate");
        for (String role : List.of("tutti_family", "tutti_staff", "tutti_relay")) {
            cli("role-password", role, PASSWORD);
        }
        System.out.println("[bench] seeding " + families + " families into " + dataDir + " (once per machine; "
                + "about 20 minutes for 50,000 on 2 cores)");
        cli("seed-demo", "--families", Integer.toString(families));
        try (Connection c = connect("postgres"); var s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IOException("VACUUM ANALYZE failed", e);
        }
        Files.writeString(dataDir.resolve(SEEDED_MARKER), "seeded in "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s\n");
    }

    private void cli(String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", url(), "--user", "postgres", "--password", PASSWORD));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TuttiSchemaCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        System.out.print(out);
        if (status != 0) {
            throw new IOException("tutti-schema " + command[0] + " failed (" + status + "): " + err);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void runAsPostgres(String command) throws IOException, InterruptedException {
        int status = runAsPostgresStatus(command);
        if (status != 0) {
            throw new IOException("failed (" + status + "): " + command);
        }
    }

    private static int runAsPostgresStatus(String command) throws IOException, InterruptedException {
        List<String> argv = asRoot() ? List.of("runuser", "-u", "postgres", "--", "sh", "-c", command)
                : List.of("sh", "-c", command);
        return status(argv);
    }

    private static void run(List<String> argv) throws IOException, InterruptedException {
        int status = status(argv);
        if (status != 0) {
            throw new IOException("failed (" + status + "): " + argv);
        }
    }

    private static int status(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).inheritIO().start();
        return process.waitFor();
    }
}
