package org.tutti.schema.cli;

/** A failure already worded for the user: its message is printed as is, on one line. */
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
