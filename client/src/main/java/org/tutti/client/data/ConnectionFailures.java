package org.tutti.client.data;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.postgresql.util.GT;
import org.tutti.client.config.ClientConfig;
import org.tutti.client.service.ServerProblemException;
import org.tutti.client.service.ServerProblemException.Problem;

/**
 * Why a connection to the school's server failed, read from the driver's exception: the SQLSTATE
 * when the server answered (no such database, login refused), the network exception under it
 * otherwise (unknown name, refused, silent, TLS).
 */
final class ConnectionFailures {

    /** pgjdbc's messages, in the language it uses (it translates them). */
    private static final String LOGIN_TIMED_OUT = GT.tr("Connection attempt timed out.");
    private static final String NO_TLS = GT.tr("The server does not support SSL.");

    private ConnectionFailures() {
    }

    /**
     * The cause named, when it is one of {@link Problem}'s connection problems; empty otherwise
     * (the caller reports the database as unavailable).
     *
     * @param where the URL without parameters and the file, for the message
     */
    static Optional<ServerProblemException> explain(Throwable failure, ClientConfig.Database settings, String where) {
        if (hasState(failure, "3D000")) {
            return problem(Problem.NO_DATABASE, "the database named in the URL does not exist on the server"
                    + " (SQLSTATE 3D000)", failure, where);
        }
        String loginState = hasState(failure, "28P01") ? "28P01" : hasState(failure, "28000") ? "28000" : null;
        if (loginState != null) {
            return problem(Problem.WRONG_LOGIN, "the server refused the login role \"" + settings.user()
                    + "\" or its password (SQLSTATE " + loginState + ")", failure, where);
        }
        Throwable unknownHost = find(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return problem(Problem.UNKNOWN_HOST, "the server's name cannot be found (" + unknownHost.getMessage()
                    + ")", failure, where);
        }
        if (find(failure, ConnectException.class) != null) {
            return problem(Problem.REFUSED, "the connection was refused: nothing listens at that address and port"
                    + " (server stopped, wrong port, or a firewall)", failure, where);
        }
        Throwable tls = find(failure, SSLException.class);
        if (tls == null) {
            tls = find(failure, GeneralSecurityException.class);
        }
        if (tls != null || hasMessage(failure, NO_TLS)) {
            return problem(Problem.TLS, "the TLS connection failed ("
                    + (tls == null ? NO_TLS : tls.getMessage()) + ")", failure, where);
        }
        if (find(failure, SocketTimeoutException.class) != null || hasMessage(failure, LOGIN_TIMED_OUT)) {
            ClientConfig.Timeouts t = settings.timeouts();
            return problem(Problem.TIMEOUT, "the server did not answer in time (connect " + t.connectSeconds()
                    + " s, login " + t.loginSeconds() + " s, socket " + t.socketSeconds() + " s)", failure, where);
        }
        return Optional.empty();
    }

    private static Optional<ServerProblemException> problem(Problem problem, String cause, Throwable failure,
            String where) {
        return Optional.of(new ServerProblemException(problem, null,
                "Cannot open the database at " + where + ": " + cause, failure));
    }

    /** The first of {@code failure}'s causes (itself included) of that type, or null. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return causes(failure).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static boolean hasMessage(Throwable failure, String message) {
        return causes(failure).anyMatch(t -> message.equals(t.getMessage()));
    }

    private static boolean hasState(Throwable failure, String state) {
        return causes(failure).anyMatch(t -> t instanceof SQLException sql && state.equals(sql.getSQLState()));
    }

    /** {@code failure} and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }
}
