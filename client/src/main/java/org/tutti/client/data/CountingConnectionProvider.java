package org.tutti.client.data;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.hikaricp.internal.HikariCPConnectionProvider;

/**
 * The pool of {@link Database}, counting every statement the client executes: Hibernate's own and
 * those the services run on the bare connection ({@code doWork}, the session binder), which
 * Hibernate's statistics do not see. A statement executed once per row (N+1) counts once per row.
 * Installed only when statistics are asked for ({@link Database#STATISTICS_PROPERTY}, tests):
 * production connections are not wrapped.
 */
public final class CountingConnectionProvider extends HikariCPConnectionProvider {

    private static final AtomicLong ALL = new AtomicLong();
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final AtomicLong executed = new AtomicLong();

    /** Statements executed through every counting pool of this JVM (the benchmarks read differences). */
    public static long executedInJvm() {
        return ALL.get();
    }

    /** Statements executed through this pool. */
    long executed() {
        return executed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, connection, (method, result) -> {
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, this::counted);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, this::counted);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, this::counted);
            }
            return result;
        });
    }

    private Object counted(Method method, Object result) {
        if (EXECUTIONS.contains(method.getName())) {
            executed.incrementAndGet();
            ALL.incrementAndGet();
        }
        return result;
    }

    /** What to do with a method's result (wrap it, count the call). */
    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args.length == 1 && args[0] == type) {
                return target;
            }
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingConnectionProvider.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }
}
