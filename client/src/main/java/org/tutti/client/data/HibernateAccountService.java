package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountService;
import org.tutti.client.service.PasswordChangeResult;
import org.tutti.client.service.ServiceException;

/**
 * Passwords through the database's SQL API (SQL-API.md), the same calls on PostgreSQL and on
 * the embedded H2: {@code tutti.request_password(identifier, email)} (no session) and
 * {@code tutti.change_password(old, new)} (the bound session's account). Their refusals are
 * SQLSTATEs ({@code TU401}, {@code TU403}, {@code TU422} with a message, {@code TU429}), read
 * here before Hibernate turns them into a generic error. A refused call throws inside the
 * transaction, so that it is rolled back (a PostgreSQL transaction is unusable after an error).
 */
final class HibernateAccountService implements AccountService {

    static final String REQUEST_PASSWORD = "select tutti.request_password(?, ?)";
    static final String CHANGE_PASSWORD = "select tutti.change_password(?, ?)";

    static final String NO_SESSION = "TU401";
    static final String WRONG_PASSWORD = "TU403";
    static final String UNACCEPTABLE = "TU422";
    static final String TOO_MANY_REQUESTS = "TU429";

    private static final Logger LOG = LoggerFactory.getLogger(HibernateAccountService.class);

    private final Transactions transactions;

    HibernateAccountService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void requestPassword(String identifier, String email) {
        if (identifier == null || identifier.isBlank() || email == null || email.isBlank()) {
            throw new IllegalArgumentException("identifier and e-mail are required");
        }
        String id = identifier.strip().toUpperCase(Locale.ROOT);
        String mail = email.strip();
        transactions.inTransaction(null, session -> session.doReturningWork(connection -> {
            try (PreparedStatement request = connection.prepareStatement(REQUEST_PASSWORD)) {
                request.setString(1, id);
                request.setString(2, mail);
                request.execute();
            } catch (SQLException e) {
                if (TOO_MANY_REQUESTS.equals(e.getSQLState())) {
                    throw new ServiceException(ServiceException.Reason.RATE_LIMITED,
                            "Too many password requests for this identifier", e);
                }
                throw e;
            }
            return null;
        }));
        // whether the pair matched is the database's secret: the log does not know it either
        LOG.info("New password requested");
    }

    @Override
    public PasswordChangeResult changePassword(UserSession user, char[] current, char[] next) {
        try {
            if (user == null || user.token() == null) {
                throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "Not logged in");
            }
            if (current == null || next == null) {
                throw new IllegalArgumentException("both passwords are required");
            }
            transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
                try (PreparedStatement change = connection.prepareStatement(CHANGE_PASSWORD)) {
                    // JDBC takes Strings: they live only for this call
                    change.setString(1, new String(current));
                    change.setString(2, new String(next));
                    change.execute();
                } catch (SQLException e) {
                    throw refusal(e);
                }
                return null;
            }));
            LOG.info("Password changed: {}", user);
            return PasswordChangeResult.CHANGED;
        } catch (Refused refused) {
            LOG.info("Password change refused ({}): {}", refused.result, user);
            return refused.result;
        } finally {
            if (current != null) {
                Arrays.fill(current, '\0');
            }
            if (next != null) {
                Arrays.fill(next, '\0');
            }
        }
    }

    /** What {@code tutti.change_password}'s error means; rethrows anything that is not a refusal. */
    private static RuntimeException refusal(SQLException e) throws SQLException {
        String state = e.getSQLState();
        if (NO_SESSION.equals(state)) {
            return new ServiceException(ServiceException.Reason.SESSION_EXPIRED,
                    "The database no longer knows this session (ended or expired)", e);
        }
        if (WRONG_PASSWORD.equals(state)) {
            return new Refused(PasswordChangeResult.WRONG_CURRENT);
        }
        if (UNACCEPTABLE.equals(state)) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("equals_identifier")) {
                return new Refused(PasswordChangeResult.EQUALS_IDENTIFIER);
            }
            if (message.contains("too_common")) {
                return new Refused(PasswordChangeResult.TOO_COMMON);
            }
            if (message.contains("too_short")) {
                return new Refused(PasswordChangeResult.TOO_SHORT);
            }
            LOG.warn("Password refused for a reason this client does not know: {}", message);
            return new Refused(PasswordChangeResult.REFUSED);
        }
        throw e;
    }

    /** A refusal: thrown out of the transaction to roll it back, caught in {@link #changePassword}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PasswordChangeResult result;

        Refused(PasswordChangeResult result) {
            super(result.name(), null, false, false);
            this.result = result;
        }
    }
}
