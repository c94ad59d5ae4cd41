package org.tutti.client.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How the relay paces itself.
 *
 * @param pollInterval how often it looks for due mails without a notification
 * @param listen       whether to {@code LISTEN tutti_mail} (PostgreSQL only; ignored on H2)
 * @param giveUp       age of a row after which a failure is final ({@code FAILED})
 * @param backoffBase  delay after the first failure; doubled at each further failure
 * @param backoffMax   the longest delay between two attempts
 */
public record RelaySettings(Duration pollInterval, boolean listen, Duration giveUp, Duration backoffBase,
                            Duration backoffMax) {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GIVE_UP = Duration.ofHours(48);
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);

    public RelaySettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(giveUp, "giveUp");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
    }

    /** The defaults of SQL-API.md: poll every 30 s, LISTEN, give up after 48 h, back-off 30 s to 1 h. */
    public static RelaySettings defaults() {
        return new RelaySettings(DEFAULT_POLL, true, DEFAULT_GIVE_UP, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX);
    }

    public RelaySettings withPollInterval(Duration interval) {
        return new RelaySettings(interval, listen, giveUp, backoffBase, backoffMax);
    }

    /** The delay before the next attempt after {@code failedAttempts} attempts (1 after the first failure). */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        if (doublings >= 40) {
            return backoffMax;
        }
        Duration delay = backoffBase.multipliedBy(1L << doublings);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
