package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hibernate.Session;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/**
 * {@link SessionBinder#sqlApi}: {@code set_config('tutti.session', …, true)}, then
 * {@code tutti.touch_session()} when a token is bound, then, for a read-only transaction on
 * PostgreSQL, {@code set transaction read only} (not {@code Connection.setReadOnly} before BEGIN:
 * touch_session() writes; PostgreSQL accepts READ ONLY after other statements, and it ends with the
 * transaction, so no pooled connection keeps it).
 *
 * <p>On PostgreSQL the three go in one round trip: one prepared statement holding them, which the
 * driver sends as three queries, in order, before a single Sync; a family at home pays the network's
 * latency once per call for them instead of three times. H2 (embedded, no network, no statement
 * lists in a prepared statement, read-only transactions ignored) is sent the first two one by one.
 */
final class SqlSessionBinder implements SessionBinder {

    static final String BIND = "select set_config('tutti.session', ?, true)";
    static final String TOUCH = "select tutti.touch_session()";
    static final String READ_ONLY = "set transaction read only";

    private final DatabaseVendor vendor;

    SqlSessionBinder(DatabaseVendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public void bind(Session session, String token, boolean readOnly) {
        boolean hasToken = token != null && !token.isEmpty();
        boolean live = session.doReturningWork(connection -> {
            if (vendor == DatabaseVendor.POSTGRESQL) {
                String statements = BIND + (hasToken ? "; " + TOUCH : "") + (readOnly ? "; " + READ_ONLY : "");
                try (PreparedStatement all = connection.prepareStatement(statements)) {
                    all.setString(1, hasToken ? token : "");
                    all.execute();
                    if (!hasToken) {
                        return true;
                    }
                    // the first result is set_config's, the second touch_session's
                    return all.getMoreResults() && isTrue(all.getResultSet());
                }
            }
            try (PreparedStatement bind = connection.prepareStatement(BIND)) {
                bind.setString(1, hasToken ? token : "");
                bind.executeQuery().close();
            }
            if (!hasToken) {
                return true;
            }
            try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                return isTrue(touch.executeQuery());
            }
        });
        if (!live) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED,
                    "The database no longer knows this session (ended or expired)");
        }
    }

    private static boolean isTrue(ResultSet result) throws SQLException {
        try (ResultSet rs = result) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
