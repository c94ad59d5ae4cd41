package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AuthService;
import org.tutti.client.service.ServiceException;

/**
 * Logs in and out through the database's SQL API (SQL-API.md), the same calls on PostgreSQL and
 * on the embedded H2: {@code tutti.login} checks the password, counts failures, locks, audits
 * and returns a session token (or NULL for every refusal); {@code tutti.session_info()} then
 * says who the token belongs to; {@code tutti.logout()} ends it. Nothing about passwords or
 * lockout is decided here.
 */
final class HibernateAuthService implements AuthService {

    static final String LOGIN = "select tutti.login(?, ?, ?)";
    static final String SESSION_INFO = "select account_id, role, site_code, site_name, identifier, display_name,"
            + " family_id from tutti.session_info()";
    static final String LOGOUT = "select tutti.logout()";

    private static final Logger LOG = LoggerFactory.getLogger(HibernateAuthService.class);

    private final Transactions transactions;

    HibernateAuthService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<UserSession> login(String siteCode, String identifier, char[] password) {
        try {
            if (siteCode == null || siteCode.isBlank() || identifier == null || identifier.isBlank()
                    || password == null || password.length == 0) {
                return Optional.empty();
            }
            String site = siteCode.strip().toUpperCase(Locale.ROOT);
            String id = identifier.strip().toUpperCase(Locale.ROOT);
            // read-write: a refusal is counted (and may lock the account) in this transaction
            String token = transactions.inTransaction(null, session -> session.doReturningWork(connection -> {
                try (PreparedStatement login = connection.prepareStatement(LOGIN)) {
                    login.setString(1, site);
                    login.setString(2, id);
                    // JDBC takes a String: it lives only for this call
                    login.setString(3, new String(password));
                    try (ResultSet rs = login.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }));
            if (token == null) {
                LOG.info("Login refused on {}", site);
                return Optional.empty();
            }
            UserSession user = sessionInfo(token);
            LOG.info("Logged in on {}: {}", site, user);
            return Optional.of(user);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Who {@code token} belongs to, as the database says ({@code tutti.session_info()}). */
    private UserSession sessionInfo(String token) {
        return transactions.readOnlyWithToken(token, session -> session.doReturningWork(connection -> {
            try (PreparedStatement info = connection.prepareStatement(SESSION_INFO); ResultSet rs = info.executeQuery()) {
                if (!rs.next()) {
                    // the binder has just renewed this session: it cannot be gone unless the
                    // database disagrees with itself
                    throw new ServiceException(ServiceException.Reason.UNEXPECTED,
                            "tutti.session_info() has no row for a session tutti.login() has just opened");
                }
                long familyId = rs.getLong(7);
                Long family = rs.wasNull() ? null : familyId;
                return new UserSession(rs.getLong(1), Role.valueOf(rs.getString(2).strip()), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), family, token);
            }
        }));
    }

    @Override
    public void logout(UserSession user) {
        if (user == null || user.token() == null) {
            return;
        }
        try {
            transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
                try (PreparedStatement logout = connection.prepareStatement(LOGOUT)) {
                    logout.execute();
                }
                return null;
            }));
            LOG.info("Logged out: {}", user);
        } catch (ServiceException e) {
            if (e.reason() != ServiceException.Reason.SESSION_EXPIRED) {
                throw e;
            }
            LOG.info("Logout of {}: the session had already ended or expired", user);
        }
    }
}
