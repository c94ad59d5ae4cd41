package org.tutti.client.service;

/**
 * A failure the user must be told about. {@link #reason()} selects the message shown (from the
 * resource bundles); the cause is logged, never shown.
 */
public class ServiceException extends RuntimeException {

    /** Why a service call failed, as far as the user is concerned. */
    public enum Reason {
        /** The database cannot be reached (down, network lost, wrong address). */
        DATABASE_UNAVAILABLE,
        /** The configuration file is unreadable or incomplete. */
        BAD_CONFIGURATION,
        /**
         * The school's database does not have what this version of Tutti needs (the schema
         * differs, or the security migration with the SQL API is missing): IT must migrate it.
         */
        OUTDATED_DATABASE,
        /** The embedded demo database could not be created or opened (disk full, locked, corrupt). */
        DEMO_DATABASE_FAILED,
        /** The session ended or expired: log in again. */
        SESSION_EXPIRED,
        /** Too many requests of the same kind (new passwords for one identifier): try again later. */
        RATE_LIMITED,
        /**
         * The row asked for does not exist, or the session may not see it (the two are not told
         * apart: that would tell which ids exist).
         */
        NOT_FOUND,
        /** Anything else. */
        UNEXPECTED
    }

    private final Reason reason;

    public ServiceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ServiceException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
