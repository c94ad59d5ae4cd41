package org.tutti.schema.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import org.tutti.schema.demo.AlreadySeededException;

/** Turns what went wrong into one line of English for the command line, without a stack trace. */
final class FailureMessages {

    static final String ALREADY_SEEDED = "the database already holds data; seed-demo runs only on an empty database";

    private FailureMessages() {
    }

    static String describe(Throwable failure, String url, String user) {
        if (failure instanceof CliFailure) {
            return failure.getMessage();
        }
        if (find(failure, AlreadySeededException.class) != null) {
            return ALREADY_SEEDED;
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("28")) {
            return "authentication failed for user \"" + (user == null ? "" : user) + "\"";
        }
        String network = networkReason(failure);
        if (network != null || state.startsWith("08")) {
            return "cannot connect to " + maskPassword(url) + ": "
                    + (network != null ? network : firstLine(sql.getMessage()));
        }
        if (state.equals("3D000")) {
            return firstLine(sql.getMessage()); // database "x" does not exist
        }
        if (state.equals("90020")) {
            return "the H2 database " + maskPassword(url) + " is in use by another process; close it first";
        }
        if (sql != null) {
            return "database error: " + firstLine(sql.getMessage());
        }
        String message = firstLine(failure.getMessage());
        return message.isEmpty() ? failure.getClass().getSimpleName() : message;
    }

    private static String networkReason(Throwable failure) {
        if (find(failure, ConnectException.class) != null) {
            return "connection refused";
        }
        UnknownHostException unknownHost = find(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return "unknown host " + unknownHost.getMessage();
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "connection timed out";
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        return null;
    }

    /** Hides a password given as a URL parameter. */
    static String maskPassword(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The first line of a driver message, without PostgreSQL's severity and H2's error code suffix. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        line = line.replaceFirst("^(FATAL|ERROR): +", "");
        line = line.replaceFirst(" ?\\[\\d{5}-\\d+]$", "");
        return line.isEmpty() ? line : line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
