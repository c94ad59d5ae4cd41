package org.tutti.client.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.AccountFilter;
import org.tutti.client.domain.AccountLetter;
import org.tutti.client.domain.CreatedAccount;
import org.tutti.client.domain.FamilyAccount;
import org.tutti.client.domain.NewFamily;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountRefusedException;
import org.tutti.client.service.AccountRefusedException.Reason;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.service.ServiceException;

/**
 * Comptes at the front desk: each call is one account function of the SQL API
 * ({@code tutti.family_accounts}, {@code create_family_account}, {@code issue_first_password},
 * {@code set_account_locked}, {@code account_letter}) in a transaction bound to the staff session;
 * the database decides what the session may see and change (its site's family accounts).
 */
final class SqlFamilyAccountsService implements FamilyAccountsService {

    static final String ACCOUNTS = "select account_id, family_id, identifier, family_name, email, created_at,"
            + " last_login_at, locked, locked_until, never_used from tutti.family_accounts(?, ?, ?)";
    static final String CREATE = "select account_id, family_id, identifier from tutti.create_family_account(?)";
    static final String ISSUE = "select tutti.issue_first_password(?, ?)";
    static final String LOCK = "select tutti.set_account_locked(?, ?)";
    /** The letter's columns in the order {@link BillingRows#letterhead} and {@link BillingRows#addressee} read them. */
    static final String LETTER = "select site_name, site_address1, site_address2, site_postal_code, site_city,"
            + " site_phone, site_email, site_logo, civility, first_name, last_name, address1, address2, postal_code,"
            + " city, country, identifier from tutti.account_letter(?)";

    private static final Pattern REFUSAL = Pattern.compile(
            "(?<![A-Za-z_])(invalid|too_long|busy)(?![A-Za-z_])(?::([a-z_0-9]*))?(?::([0-9]*))?");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger LOG = LoggerFactory.getLogger(SqlFamilyAccountsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    SqlFamilyAccountsService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<FamilyAccount> accounts(UserSession user, AccountFilter filter, String query, int maxRows) {
        Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ACCOUNTS)) {
                statement.setString(1, filter.name());
                statement.setString(2, SqlFamilySearchService.searched(query));
                statement.setInt(3, maxRows);
                List<FamilyAccount> accounts = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(new FamilyAccount(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getBoolean(8), instant(rs, 9),
                                rs.getBoolean(10)));
                    }
                }
                return accounts;
            } catch (SQLException e) {
                throw refusal(e);
            }
        }));
    }

    private static OffsetDateTime instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    @Override
    public CreatedAccount create(UserSession user, NewFamily family) {
        Visibility.ofStaff(user);
        ObjectNode json = JSON.createObjectNode();
        put(json, "civility", family.civility());
        put(json, "last_name", family.lastName());
        put(json, "first_name", family.firstName());
        put(json, "address1", family.address1());
        put(json, "address2", family.address2());
        put(json, "postal_code", family.postalCode());
        put(json, "city", family.city());
        put(json, "country", family.country());
        put(json, "phone_home", family.phoneHome());
        put(json, "phone_mobile", family.phoneMobile());
        put(json, "phone_work", family.phoneWork());
        put(json, "email", family.email());
        String text;
        try {
            text = JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable", e);
        }
        CreatedAccount created = call(user, CREATE, statement -> statement.setString(1, text),
                rs -> new CreatedAccount(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        LOG.info("Family {} and its account {} created: {}", created.familyId(), created.identifier(), user);
        return created;
    }

    private static void put(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value.strip());
        }
    }

    @Override
    public void sendPasswordByMail(UserSession user, long accountId) {
        Visibility.ofStaff(user);
        call(user, ISSUE, statement -> {
            statement.setLong(1, accountId);
            statement.setString(2, "MAIL");
        }, rs -> rs.getString(1));
        LOG.info("A new password of account {} queued by mail: {}", accountId, user);
    }

    @Override
    public AccountLetter issueLetter(UserSession user, long accountId) {
        Visibility.ofStaff(user);
        AccountLetter letter = transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try {
                String password;
                try (PreparedStatement statement = connection.prepareStatement(ISSUE)) {
                    statement.setLong(1, accountId);
                    statement.setString(2, "LETTER");
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        password = rs.getString(1);
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(LETTER)) {
                    statement.setLong(1, accountId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return new AccountLetter(BillingRows.letterhead(rs, 1), rs.getBytes(8), rs.getString(5),
                                BillingRows.addressee(rs, 9), rs.getString(9), rs.getString(17), password,
                                LocalDate.now());
                    }
                }
            } catch (SQLException e) {
                throw refusal(e);
            }
        }));
        LOG.info("A new password of account {} issued for a letter: {}", accountId, user);
        return letter;
    }

    @Override
    public void setLocked(UserSession user, long accountId, boolean locked) {
        Visibility.ofStaff(user);
        call(user, LOCK, statement -> {
            statement.setLong(1, accountId);
            statement.setBoolean(2, locked);
        }, rs -> null);
        LOG.info("Account {} {}: {}", accountId, locked ? "locked" : "unlocked", user);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One account function in a transaction bound to the session: its first row read, or null. */
    private <T> T call(UserSession user, String sql, Binder binder, Reader<T> reader) {
        return transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? reader.read(rs) : null;
                }
            } catch (SQLException e) {
                throw refusal(e);
            }
        }));
    }

    /**
     * TU401 a session that ended, TU403 (another site's account, no such account) NOT_FOUND, TU409
     * / TU422 and a lock timeout an {@link AccountRefusedException}; anything else as it is.
     */
    static RuntimeException refusal(SQLException e) throws SQLException {
        String state = e.getSQLState();
        if (HibernateAccountService.NO_SESSION.equals(state)) {
            return ReenrolmentRows.sessionExpired(e);
        }
        if ("TU403".equals(state)) {
            return new ServiceException(ServiceException.Reason.NOT_FOUND,
                    "Not an account of the session's site (or no such account)", e);
        }
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            return new AccountRefusedException(Reason.BUSY, null, null, e);
        }
        if (!"TU409".equals(state) && !HibernateAccountService.UNACCEPTABLE.equals(state)) {
            throw e;
        }
        Matcher matcher = REFUSAL.matcher(ReenrolmentRows.message(e));
        if (!matcher.find()) {
            throw e;
        }
        String field = matcher.group(2) == null || matcher.group(2).isEmpty() ? null : matcher.group(2);
        return switch (matcher.group(1)) {
            case "invalid" -> new AccountRefusedException(Reason.INVALID, field, null, e);
            case "too_long" -> new AccountRefusedException(Reason.TOO_LONG, field, matcher.group(3), e);
            default -> new AccountRefusedException(Reason.BUSY, null, null, e);
        };
    }
}
