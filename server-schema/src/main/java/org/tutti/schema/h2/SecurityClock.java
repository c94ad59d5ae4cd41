package org.tutti.schema.h2;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time the H2 security functions work with (PostgreSQL's {@code now()}). The system clock,
 * unless a test of this package replaces it to see a lock or a session expire without waiting.
 */
final class SecurityClock {

    private static volatile Clock clock = Clock.systemUTC();

    private SecurityClock() {
    }

    /** Now, in UTC, to the microsecond (the precision of the timestamp columns). */
    static OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Tests only: replaces the clock; {@link #reset()} restores the system clock. */
    static void set(Clock testClock) {
        clock = testClock;
    }

    static void reset() {
        clock = Clock.systemUTC();
    }
}
