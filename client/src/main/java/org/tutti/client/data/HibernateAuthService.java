package org.tutti.client.data;

import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.Account;
import org.tutti.client.domain.model.AppSession;
import org.tutti.client.domain.model.AuditEvent;
import org.tutti.client.domain.model.AuditKind;
import org.tutti.client.domain.model.Site;
import org.tutti.client.service.AuthService;

/**
 * Logs in against {@code tutti.account}: bcrypt in Java, failure counting and temporary lock,
 * one {@code app_session} row per login (token hash only), an audit row for every attempt.
 * The next step moves this into the database's own {@code tutti.login} function.
 */
final class HibernateAuthService implements AuthService {

    /** Failures within {@link #FAILURE_WINDOW} that lock the account. */
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(HibernateAuthService.class);

    /**
     * Checked when the identifier is unknown, so that a refusal always costs one bcrypt. Made
     * on first use, not at start-up.
     */
    private static final class DummyHash {
        static final String VALUE;

        static {
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            char[] nothing = Tokens.newToken(random).toCharArray();
            VALUE = OpenBSDBCrypt.generate("2a", nothing, salt, 10);
            Arrays.fill(nothing, '\0');
        }

        private DummyHash() {
        }
    }

    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HibernateAuthService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<UserSession> login(String siteCode, String identifier, char[] password) {
        try {
            if (siteCode == null || identifier == null || identifier.isBlank() || password == null
                    || password.length == 0) {
                return Optional.empty();
            }
            String site = siteCode.strip().toUpperCase(Locale.ROOT);
            String id = identifier.strip().toUpperCase(Locale.ROOT);
            return transactions.inTransaction(null, session -> attempt(session, site, id, password));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private Optional<UserSession> attempt(Session session, String siteCode, String identifier, char[] password) {
        Instant now = clock.instant();
        Site site = session.createSelectionQuery("from Site where code = :code", Site.class)
                .setParameter("code", siteCode)
                .uniqueResult();
        Account account = site == null ? null : session.createSelectionQuery(
                        "from Account where site.id = :site and identifier = :identifier", Account.class)
                .setParameter("site", site.getId())
                .setParameter("identifier", identifier)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .uniqueResult();

        if (account == null) {
            checkPassword(DummyHash.VALUE, password);
            audit(session, now, site, null, AuditKind.LOGIN_FAILURE,
                    site == null ? "unknown site" : "unknown identifier");
            LOG.info("Login refused on {}: unknown {}", siteCode, site == null ? "site" : "identifier");
            return Optional.empty();
        }
        boolean passwordMatches = checkPassword(account.getPasswordHash(), password);
        if (account.getLockedUntil() != null && account.getLockedUntil().isAfter(now)) {
            audit(session, now, site, account, AuditKind.LOGIN_FAILURE, "account locked");
            LOG.info("Login refused for account {}: locked", account.getId());
            return Optional.empty();
        }
        if (!account.isActive()) {
            audit(session, now, site, account, AuditKind.LOGIN_FAILURE, "inactive account");
            LOG.info("Login refused for account {}: inactive", account.getId());
            return Optional.empty();
        }
        if (!passwordMatches) {
            registerFailure(session, now, site, account);
            return Optional.empty();
        }

        account.setFailedAttempts(0);
        account.setFirstFailureAt(null);
        account.setLockedUntil(null);
        String token = Tokens.newToken(random);
        session.persist(new AppSession(account, Tokens.sha256Hex(token), now, now.plus(LiveSessions.IDLE_TIMEOUT)));
        audit(session, now, site, account, AuditKind.LOGIN_SUCCESS, null);
        LOG.info("Account {} logged in on {}", account.getId(), siteCode);
        Long familyId = account.getRole() == Role.FAMILY ? account.getFamily().getId() : null;
        return Optional.of(new UserSession(account.getId(), account.getRole(), site.getCode(), site.getName(),
                account.getIdentifier(), account.getDisplayName(), familyId, token));
    }

    /** Counts a wrong password; the {@value #MAX_FAILURES}th within the window locks the account. */
    private static void registerFailure(Session session, Instant now, Site site, Account account) {
        Instant first = account.getFirstFailureAt();
        if (first == null || !first.isAfter(now.minus(FAILURE_WINDOW))) {
            account.setFailedAttempts(1);
            account.setFirstFailureAt(now);
        } else {
            account.setFailedAttempts(account.getFailedAttempts() + 1);
        }
        audit(session, now, site, account, AuditKind.LOGIN_FAILURE,
                "wrong password (" + account.getFailedAttempts() + " of " + MAX_FAILURES + ")");
        if (account.getFailedAttempts() >= MAX_FAILURES) {
            account.setLockedUntil(now.plus(LOCK_DURATION));
            account.setFailedAttempts(0);
            account.setFirstFailureAt(null);
            audit(session, now, site, account, AuditKind.ACCOUNT_LOCKED,
                    MAX_FAILURES + " wrong passwords; locked until " + account.getLockedUntil());
            LOG.info("Account {} locked after {} wrong passwords", account.getId(), MAX_FAILURES);
        } else {
            LOG.info("Login refused for account {}: wrong password", account.getId());
        }
    }

    private static boolean checkPassword(String hash, char[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) {
            // a malformed stored hash, or a password bcrypt cannot take (over 72 bytes): a refusal
            LOG.warn("Password check impossible: {}", e.getMessage());
            return false;
        }
    }

    private static void audit(Session session, Instant now, Site site, Account account, AuditKind kind, String detail) {
        session.persist(new AuditEvent(now, site, account, kind, detail));
    }

    @Override
    public void logout(UserSession user) {
        if (user == null || user.token() == null) {
            return;
        }
        Instant now = clock.instant();
        transactions.inTransaction(user, session -> {
            int ended = session.createMutationQuery(
                            "update AppSession s set s.endedAt = :now"
                                    + " where s.tokenHash = :hash and s.endedAt is null")
                    .setParameter("now", now)
                    .setParameter("hash", Tokens.sha256Hex(user.token()))
                    .executeUpdate();
            if (ended > 0) {
                Account account = session.getReference(Account.class, user.accountId());
                Site site = session.createSelectionQuery("from Site where code = :code", Site.class)
                        .setParameter("code", user.siteCode())
                        .uniqueResult();
                audit(session, now, site, account, AuditKind.LOGOUT, null);
                LOG.info("Account {} logged out", user.accountId());
            }
            return ended;
        });
    }
}
