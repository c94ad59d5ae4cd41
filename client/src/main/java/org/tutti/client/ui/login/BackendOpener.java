package org.tutti.client.ui.login;

import org.tutti.client.service.Backend;
import org.tutti.client.service.StartupListener;

/**
 * Opens the backend, reporting progress (in the application:
 * {@code listener -> BackendFactory.open(dataFolder, listener)}; in tests, a fake).
 * Called on a background thread.
 */
@FunctionalInterface
public interface BackendOpener {
    Backend open(StartupListener listener);
}
