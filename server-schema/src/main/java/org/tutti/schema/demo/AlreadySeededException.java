package org.tutti.schema.demo;

/** The database already holds data: seeding again would mix two schools. */
public final class AlreadySeededException extends IllegalStateException {
    public AlreadySeededException(String message) {
        super(message);
    }
}
