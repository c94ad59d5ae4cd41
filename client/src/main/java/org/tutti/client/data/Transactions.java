package org.tutti.client.data;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;

/**
 * The only way the client talks to the database: one short transaction per unit of work, on
 * its own session, which starts by binding the caller's session token (see
 * {@link SessionBinder}; no query binds anything itself). Nothing relies on state that outlives
 * a transaction, so the client works behind PgBouncer's transaction pooling.
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** The work of one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Session session);
    }

    private final SessionFactory sessionFactory;
    private final SessionBinder binder;

    public Transactions(SessionFactory sessionFactory, SessionBinder binder) {
        this.sessionFactory = sessionFactory;
        this.binder = binder;
    }

    /**
     * Runs {@code work} in a read-write transaction for {@code user} (null before login);
     * commits if it returns, rolls back if it throws.
     *
     * @throws ServiceException SESSION_EXPIRED when {@code user}'s session ended or expired,
     *         DATABASE_UNAVAILABLE when the database cannot be reached, UNEXPECTED for other
     *         database errors
     */
    public <T> T inTransaction(UserSession user, Work<T> work) {
        return run(token(user), false, work);
    }

    /**
     * Like {@link #inTransaction} in a read-only transaction: once the session is bound (which
     * renews it, a write), PostgreSQL's transaction becomes {@code READ ONLY} (the binder's last
     * statement), and Hibernate keeps no snapshots for dirty checking.
     */
    public <T> T readOnly(UserSession user, Work<T> work) {
        return run(token(user), true, work);
    }

    /** {@link #readOnly} for a bare token: right after login, before there is a {@link UserSession}. */
    <T> T readOnlyWithToken(String token, Work<T> work) {
        return run(token, true, work);
    }

    private static String token(UserSession user) {
        return user == null ? null : user.token();
    }

    private <T> T run(String token, boolean readOnly, Work<T> work) {
        try (Session session = sessionFactory.openSession()) {
            session.setDefaultReadOnly(readOnly);
            Transaction tx = session.beginTransaction();
            try {
                binder.bind(session, token, readOnly);
                T result = work.run(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                throw e;
            }
        } catch (ServiceException e) {
            throw e;
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    private static void rollbackQuietly(Transaction tx, RuntimeException cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** Maps a persistence failure to what the user can be told. */
    static ServiceException translate(RuntimeException e) {
        if (isConnectionFailure(e)) {
            LOG.warn("Database unreachable: {}", e.toString());
            return new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE,
                    "The database cannot be reached", e);
        }
        LOG.error("Database error", e);
        return new ServiceException(ServiceException.Reason.UNEXPECTED, "Database error: " + e.getMessage(), e);
    }

    /** True when {@code e} or one of its causes says the connection could not be made or was lost. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
