package org.tutti.client.ui.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.ServiceException.Reason;

/**
 * What the user is told when background work fails, the same way on every screen: one message
 * per {@link ServiceException.Reason} (from the bundles, see {@link #defaultKey}), except where a
 * screen has something more specific to say ({@link #with}); any other failure (a bug, a
 * {@code RuntimeException}) gets the screen's own "unexpected" text, as does
 * {@link Reason#UNEXPECTED}. The failure is logged here, once, with what failed: technical
 * details go to the log, never to the screen. Immutable: a screen keeps its instance in a
 * constant.
 *
 * <pre>{@code
 * static final Failures FAILURES = Failures.of("Pedagogical file", "pedagogy.error.unexpected")
 *         .with(Reason.NOT_FOUND, "pedagogy.error.notFound");
 * error.set(FAILURES.message(failure));
 * }</pre>
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final String what;
    private final Map<Reason, String> keys;

    private Failures(String what, Map<Reason, String> keys) {
        this.what = what;
        this.keys = keys;
    }

    /**
     * The common messages, with {@code unexpectedKey} for unexpected failures.
     *
     * @param what what failed, in English, for the log ("Family file", "Login")
     */
    public static Failures of(String what, String unexpectedKey) {
        Map<Reason, String> keys = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            keys.put(reason, defaultKey(reason));
        }
        keys.put(Reason.UNEXPECTED, Objects.requireNonNull(unexpectedKey));
        return new Failures(Objects.requireNonNull(what), keys);
    }

    /** The same messages, except {@code key} for {@code reason} (what this screen says instead). */
    public Failures with(Reason reason, String key) {
        Map<Reason, String> changed = new EnumMap<>(keys);
        changed.put(Objects.requireNonNull(reason), Objects.requireNonNull(key));
        return new Failures(what, changed);
    }

    /**
     * The bundle key of the message every screen shows for {@code reason} unless it says
     * otherwise. The three reasons that only opening the database raises (configuration, schema,
     * demo database) have the login window's texts: nothing else opens the database.
     */
    public static String defaultKey(Reason reason) {
        return switch (reason) {
            case DATABASE_UNAVAILABLE -> "error.unavailable";
            case BAD_CONFIGURATION -> "startup.error.configuration";
            case OUTDATED_DATABASE -> "startup.error.outdated";
            case DEMO_DATABASE_FAILED -> "startup.error.demo";
            case SESSION_EXPIRED -> "error.sessionExpired";
            case RATE_LIMITED -> "error.rateLimited";
            case NOT_FOUND -> "error.notFound";
            case UNEXPECTED -> "error.unexpected";
        };
    }

    /** The common message for {@code reason} (the login window saying why the session ended). */
    public static String text(Reason reason) {
        return I18n.get(defaultKey(reason));
    }

    /** The bundle key of the message for {@code failure}, without logging. */
    public String key(Throwable failure) {
        return keys.get(failure instanceof ServiceException se ? se.reason() : Reason.UNEXPECTED);
    }

    /** The message for {@code failure}, after logging it (expected reasons briefly, others with their stack). */
    public String message(Throwable failure) {
        log(failure);
        return I18n.get(key(failure));
    }

    private void log(Throwable failure) {
        if (!(failure instanceof ServiceException se)) {
            LOG.error("{}: unexpected failure", what, failure);
            return;
        }
        switch (se.reason()) {
            case SESSION_EXPIRED -> LOG.info("{}: the session has expired", what);
            case DATABASE_UNAVAILABLE -> LOG.warn("{}: the database cannot be reached", what, se);
            case NOT_FOUND, RATE_LIMITED -> LOG.info("{}: {}: {}", what, se.reason(), se.getMessage());
            default -> LOG.error("{}: {}", what, se.reason(), se);
        }
    }
}
