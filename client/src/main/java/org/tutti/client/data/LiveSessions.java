package org.tutti.client.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;

/**
 * Keeps sessions alive while they are used: each service call of a logged-in user checks that
 * its session has neither ended nor expired and pushes the expiry {@link #IDLE_TIMEOUT} ahead.
 */
final class LiveSessions {

    /** A session ends after this long without use. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final Transactions transactions;
    private final Clock clock;

    LiveSessions(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Renews {@code user}'s session.
     *
     * @throws ServiceException SESSION_EXPIRED when it ended or expired
     */
    void touch(UserSession user) {
        Instant now = clock.instant();
        int updated = transactions.inTransaction(user, session -> session.createMutationQuery(
                        "update AppSession s"
                                + " set s.lastSeenAt = :now, s.expiresAt = :expires"
                                + " where s.tokenHash = :hash and s.account.id = :account"
                                + " and s.endedAt is null and s.expiresAt > :now")
                .setParameter("now", now)
                .setParameter("expires", now.plus(IDLE_TIMEOUT))
                .setParameter("hash", Tokens.sha256Hex(user.token()))
                .setParameter("account", user.accountId())
                .executeUpdate());
        if (updated == 0) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "The session ended or expired");
        }
    }
}
