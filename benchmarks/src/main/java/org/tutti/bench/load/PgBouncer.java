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
import org.tutti.bench.BenchServer;

/**
 * Debian's PgBouncer on loopback in transaction mode, in front of a benchmark cluster, configured as
 * the IT manual (chapter 4) tells a school to, but for TLS (loopback here): {@code auth_type = hba}
 * with SCRAM secrets copied from {@code pg_authid}, {@code max_client_conn} for every family's
 * connection. Run by the PostgreSQL user when the benchmark runs as root; stopped by {@link #close()}.
 */
final class PgBouncer implements AutoCloseable {

    final int pool;
    private final int port;
    private final Path dir;
    private final String database;

    private PgBouncer(int pool, int port, Path dir, String database) {
        this.pool = pool;
        this.port = port;
        this.dir = dir;
        this.database = database;
    }

    static PgBouncer start(BenchServer server, Path work, int port, int pool, int maxClientConn)
            throws IOException, InterruptedException, SQLException {
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
                "logfile = " + dir.resolve("pgbouncer.log"),
                "pidfile = " + dir.resolve("pgbouncer.pid"),
                ""));
        Files.deleteIfExists(dir.resolve("pgbouncer.pid"));
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
        String command = "ulimit -n " + (maxClientConn + 4 * pool + 100) + " && pgbouncer -d -q " + dir.resolve("pgbouncer.ini");
        run(asRoot() ? List.of("runuser", "-u", "postgres", "--", "sh", "-c", command) : List.of("sh", "-c", command));
        PgBouncer bouncer = new PgBouncer(pool, port, dir, database);
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

    /** The URL a family's tutti.json names to go through it (the manual's {@code prepareThreshold=0}). */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
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
