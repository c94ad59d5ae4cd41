package org.tutti.client.data;

import org.hibernate.Session;
import org.tutti.client.domain.UserSession;

/**
 * Runs first in every transaction, before the transaction's work: the one place where the
 * caller's identity is handed to the database.
 *
 * <p>PostgreSQL enforces family isolation with row-level security policies that resolve
 * {@code current_setting('tutti.session')} to a live session. The binder for PostgreSQL
 * therefore executes {@code SELECT set_config('tutti.session', <token>, true)} (transaction-local,
 * so it survives PgBouncer's transaction pooling). H2 has no row-level security, and the
 * services filter every query by the session's family themselves.
 */
@FunctionalInterface
public interface SessionBinder {

    /** Binds nothing: the database sees no session (H2, and PostgreSQL until the policies exist). */
    SessionBinder NONE = (session, user) -> { };

    /**
     * Binds {@code user} (null before login: listing sites, logging in) to the transaction just
     * begun on {@code session}.
     */
    void bind(Session session, UserSession user);
}
