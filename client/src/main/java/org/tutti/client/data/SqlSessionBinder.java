package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;
import org.tutti.client.service.ServiceException;

/** {@link SessionBinder#SQL_API}: {@code set_config('tutti.session', …, true)}, then {@code tutti.touch_session()}. */
final class SqlSessionBinder implements SessionBinder {

    static final String BIND = "select set_config('tutti.session', ?, true)";
    static final String TOUCH = "select tutti.touch_session()";

    @Override
    public void bind(Session session, String token) {
        boolean hasToken = token != null && !token.isEmpty();
        boolean live = session.doReturningWork(connection -> {
            try (PreparedStatement bind = connection.prepareStatement(BIND)) {
                bind.setString(1, hasToken ? token : "");
                bind.executeQuery().close();
            }
            if (!hasToken) {
                return true;
            }
            try (PreparedStatement touch = connection.prepareStatement(TOUCH); ResultSet rs = touch.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (!live) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED,
                    "The database no longer knows this session (ended or expired)");
        }
    }
}
