package org.tutti.client.data;

import org.hibernate.Session;
import org.tutti.schema.DatabaseVendor;

/**
 * Runs first in every transaction, before the transaction's work: the one place where the
 * caller's identity is handed to the database (SQL-API.md, "Session binding").
 *
 * <p>The standard binder, {@link #sqlApi}, executes
 * {@code SELECT set_config('tutti.session', <token>, true)} (transaction-local, so it survives
 * PgBouncer's transaction pooling) with the token, or {@code ''} when nobody is logged in: it
 * binds always, so that a pooled connection never carries a previous caller's session. When a
 * token was bound it then asks {@code tutti.touch_session()}, which renews the session; false
 * means the session ended or expired, and the binder throws
 * {@link org.tutti.client.service.ServiceException.Reason#SESSION_EXPIRED SESSION_EXPIRED}, which
 * rolls the transaction back before any work is done. A read-only transaction is then made
 * {@code READ ONLY} on PostgreSQL. PostgreSQL's row-level security and H2's functions of the same
 * names (the embedded demo) resolve the bound token.
 */
@FunctionalInterface
public interface SessionBinder {

    /** Binds through the SQL API; see the class comment ({@link SqlSessionBinder}). */
    static SessionBinder sqlApi(DatabaseVendor vendor) {
        return new SqlSessionBinder(vendor);
    }

    /**
     * Binds {@code token} (null before login: listing sites, logging in) to the transaction just
     * begun on {@code session}; {@code readOnly}: the transaction's work only reads.
     *
     * @throws org.tutti.client.service.ServiceException SESSION_EXPIRED when the database does
     *         not know the token as a live session
     */
    void bind(Session session, String token, boolean readOnly);
}
