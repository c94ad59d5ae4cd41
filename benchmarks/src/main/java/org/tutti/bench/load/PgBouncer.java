package org.tutti.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tutti.bench.BenchServer;

/**
 * Debian's PgBouncer on loopback in transaction mode, in front of a benchmark cluster, configured as
 * the IT manual (chapter 4) tells a school to, but for TLS (loopback here): {@code auth_type = hba}
 * with SCRAM secrets copied from {@code pg_authid}, {@code max_client_conn} for every family's
 * connection. Run by the PostgreSQL user when the benchmark runs as root; stopped by {@link #close()}.
 *
 * <p>Two set-ups. Without prepared statements (the IT manual's for PgBouncer 1.18, Debian 12's), the
 * clients run with {@code prepareThreshold=0}; the executable is {@code pgbouncer} on the PATH unless
 * {@code -Dbench.pgbouncerBinary} names another. With prepared statements ({@code preparedStatements
 * > 0}: {@code max_prepared_statements}, PgBouncer 1.21 and later) the clients keep the driver's
 * default {@code prepareThreshold}; the executable is {@code -Dbench.pgbouncerPreparedBinary}, by
 * default the one {@code benchmarks/src/main/sh/build-pgbouncer.sh} builds from Debian 13's source
 * ({@link #BUILT}) when it is there, else {@code pgbouncer} on the PATH.
 */
final class PgBouncer implements AutoCloseable {

    /** Where {@code build-pgbouncer.sh} installs PgBouncer by default. */
    static final Path BUILT = Path.of("/var/tmp/tutti-bench/pgbouncer/bin/pgbouncer");
    private static final Pattern VERSION = Pattern.compile("PgBouncer (\\d+)\\.(\\d+)");

    final int pool;
    private final int port;
    private final Path dir;
    private final String database;
    private final int preparedStatements;

    private PgBouncer(int pool, int port, Path dir, String database, int preparedStatements) {
        this.pool = pool;
        this.port = port;
        this.dir = dir;
        this.database = database;
        this.preparedStatements = preparedStatements;
    }

    static String binary(boolean prepared) {
        if (!prepared) {
            return System.getProperty("bench.pgbouncerBinary", "pgbouncer");
        }
        return System.getProperty("bench.pgbouncerPreparedBinary",
                Files.isExecutable(BUILT) ? BUILT.toString() : "pgbouncer");
    }

    /** The version an executable prints ({@code PgBouncer 1.24.1} → {@code [1, 24]}), or null. */
    static int[] version(String binary) {
        try {
            Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher m = VERSION.matcher(out);
            return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether a version ({@link #version}) tracks prepared statements in transaction mode (1.21 and later). */
    static boolean tracksPreparedStatements(int[] version) {
        return version != null && (version[0] > 1 || version[1] >= 21);
    }

    static PgBouncer start(BenchServer server, Path work, int port, int pool, int maxClientConn)
            throws IOException, InterruptedException, SQLException {
        return start(server, work, port, pool, maxClientConn, 0);
    }

    static PgBouncer start(BenchServer server, Path work, int port, int pool, int maxClientConn,
            int preparedStatements) throws IOException, InterruptedException, SQLException {
        Path dir = Files.createDirectories(work.resolve("pgbouncer"));
        String database = BenchServer.DATABASE;
        List<String> users = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select rolname, rolpassword from pg_authid where rolname in ('tutti_family', 'tutti_staff')")) {
            while (rs.next()) {
                users.add("\"" + rs.getString(1) + "\" \"" + rs.getString(2) + "\"");
            }
        }
        Files.writeString(dir.resolve("userlist.txt"), String.join("\n", users) + "\n");
        Files.writeString(dir.resolve("pgbouncer_hba.conf"), String.join("\n",
                "# TYPE  DATABASE  USER          ADDRESS       METHOD",
                "host    " + database + "  tutti_family  127.0.0.1/32  scram-sha-256",
                "host    " + database + "  tutti_staff   127.0.0.1/32  scram-sha-256", ""));
        Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                database + " = host=127.0.0.1 port=" + server.port() + " dbname=" + database,
                "",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "pool_mode = transaction",
                "auth_type = hba",
                "auth_hba_file = " + dir.resolve("pgbouncer_hba.conf"),
                "auth_file = " + dir.resolve("userlist.txt"),
                "max_client_conn = " + maxClientConn,
                "default_pool_size = " + pool,
                "max_db_connections = " + 2 * pool,
                preparedStatements > 0 ? "max_prepared_statements = " + preparedStatements : "",
                "server_reset_query = RESET ALL",
                "server_reset_query_always = 1",
                "logfile = " + dir.resolve("pgbouncer.log"),
                "pidfile = " + dir.resolve("pgbouncer.pid"),
                ""));
        Files.deleteIfExists(dir.resolve("pgbouncer.pid"));
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
        String command = "ulimit -n " + (maxClientConn + 4 * pool + 100) + " && " + binary(preparedStatements > 0) + " -d -q " + dir.resolve("pgbouncer.ini");
        run(asRoot() ? List.of("runuser", "-u", "postgres", "--", "sh", "-c", command) : List.of("sh", "-c", command));
        PgBouncer bouncer = new PgBouncer(pool, port, dir, database, preparedStatements);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("PgBouncer did not start; see " + dir.resolve("pgbouncer.log"), e);
                }
                Thread.sleep(100);
            }
        }
        return bouncer;
    }

    /**
     * The URL a family's tutti.json names to go through it: the manual's {@code prepareThreshold=0}
     * unless this PgBouncer tracks prepared statements.
     */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + (preparedStatements > 0 ? "" : "?prepareThreshold=0");
    }

    long pid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("pgbouncer.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        long pid = pid();
        if (pid > 0) {
            run(List.of("kill", Long.toString(pid)));
            for (int i = 0; i < 100 && Files.exists(Path.of("/proc/" + pid)); i++) {
                Thread.sleep(100);
            }
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).inheritIO().start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException("failed (" + status + "): " + argv);
        }
    }
}
