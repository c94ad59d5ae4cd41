package org.tutti.client.service;

import java.util.Objects;

/**
 * The school's database could not be opened for a reason the login window names in its own
 * words, rather than the generic "cannot reach the database": the user (or IT, whom the user
 * calls) learns whether to check the Internet connection, retry later, fix {@code tutti.json},
 * update Tutti or migrate the database. The message, in English, is for the log, which names the
 * cause once.
 */
public final class ServerProblemException extends ServiceException {

    /** What went wrong, as far as the user and IT are concerned. */
    public enum Problem {
        /** The server took the connection but did not answer in time (frozen, overloaded, a firewall). */
        TIMEOUT(Reason.DATABASE_UNAVAILABLE),
        /** Nothing listens at the address (server stopped, wrong port). */
        REFUSED(Reason.DATABASE_UNAVAILABLE),
        /** The server's name cannot be found (no network, or a wrong name in tutti.json). */
        UNKNOWN_HOST(Reason.DATABASE_UNAVAILABLE),
        /** The TLS connection failed: certificate not trusted, or TLS not offered by the server. */
        TLS(Reason.BAD_CONFIGURATION),
        /** The database named in the URL does not exist on the server (SQLSTATE 3D000). */
        NO_DATABASE(Reason.BAD_CONFIGURATION),
        /** The server refused the configured login role or its password (SQLSTATE 28P01, 28000). */
        WRONG_LOGIN(Reason.BAD_CONFIGURATION),
        /** The database's schema is newer than this client knows: update Tutti. */
        CLIENT_TOO_OLD(Reason.OUTDATED_DATABASE),
        /** The database's schema is older than this client needs: IT must migrate it. */
        DATABASE_TOO_OLD(Reason.OUTDATED_DATABASE),
        /** A function of the SQL API the client calls is missing, or the login role may not call it. */
        MISSING_FUNCTION(Reason.OUTDATED_DATABASE);

        private final Reason reason;

        Problem(Reason reason) {
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Problem problem;
    private final String detail;

    /**
     * @param detail what the message names, such as the missing function's signature; may be null
     */
    public ServerProblemException(Problem problem, String detail, String message, Throwable cause) {
        super(Objects.requireNonNull(problem).reason(), message, cause);
        this.problem = problem;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    /** What the message names (the missing function's signature), or null. */
    public String detail() {
        return detail;
    }
}
