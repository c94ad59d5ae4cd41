package org.tutti.client.data;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.tutti.client.service.Backend;

/**
 * The client's own services (its Hibernate set-up, session binder and SQL) over one pool of
 * {@code poolSize} connections, for the load benchmark: N simulated families share one
 * {@link Database} (one Hibernate start, not N) whose pool holds one connection per family, opened
 * before the run. In the client's package because {@link Database#open(String, String, String,
 * java.util.List, Map)} with other settings is package-private (the application's pool is 4).
 */
public final class BenchBackends {

    private BenchBackends() {
    }

    /** The services over a pool of {@code poolSize} connections, all opened before this returns (or after {@code fillMillis}). */
    public static Opened open(String url, String user, String password, int poolSize, long fillMillis) {
        Database database = Database.open(url, user, password, Entities.ALL, Map.of(
                "hibernate.connection.pool_size", String.valueOf(poolSize),
                "hibernate.hikari.maximumPoolSize", String.valueOf(poolSize),
                "hibernate.hikari.minimumIdle", String.valueOf(poolSize),
                // opening hundreds of connections at once takes longer than the application's 10 s
                "hibernate.hikari.connectionTimeout", "60000"));
        HikariDataSource pool = ((SessionFactoryImplementor) database.sessionFactory()).getServiceRegistry()
                .requireService(ConnectionProvider.class).unwrap(HikariDataSource.class);
        long deadline = System.currentTimeMillis() + fillMillis;
        int last = -1;
        long grewAt = System.currentTimeMillis();
        // until full, or until the server has refused more for 15 s (a role's connection limit)
        while (pool.getHikariPoolMXBean().getTotalConnections() < poolSize && System.currentTimeMillis() < deadline
                && System.currentTimeMillis() - grewAt < 15_000) {
            int now = pool.getHikariPoolMXBean().getTotalConnections();
            if (now != last) {
                last = now;
                grewAt = System.currentTimeMillis();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Opened(new DatabaseBackend(database, false, () -> { }), pool);
    }

    /** The services and their pool (closed with the services). */
    public record Opened(Backend backend, HikariDataSource pool) {

        public int connections() {
            return pool.getHikariPoolMXBean().getTotalConnections();
        }
    }
}
