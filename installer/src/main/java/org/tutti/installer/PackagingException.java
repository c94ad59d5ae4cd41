package org.tutti.installer;

/** Stops the build with a message for whoever runs it (Maven prints it, without a stack trace). */
public class PackagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
