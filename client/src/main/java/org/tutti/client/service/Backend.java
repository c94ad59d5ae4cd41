package org.tutti.client.service;

/**
 * Everything the user interface may call, once the database is open. Built off the JavaFX
 * thread at start-up by {@code org.tutti.client.data.BackendFactory}.
 */
public interface Backend extends AutoCloseable {

    /** True when running on the embedded demo database (shows the demo hint, the demo mailbox). */
    boolean isEmbeddedDemo();

    SiteService sites();

    AuthService auth();

    HomeService home();

    @Override
    void close();
}
