package org.tutti.client.data;

import java.nio.file.Path;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.StartupListener;

/**
 * Opens the database and builds the services. Runs off the JavaFX thread; reports progress.
 * With no configuration file: the embedded demo in {@code dataFolder} (created, migrated and
 * seeded on first start, reused afterwards).
 */
public final class BackendFactory {

    private BackendFactory() {
    }

    /** @throws ServiceException with a reason the login window can explain */
    public static Backend open(Path dataFolder, StartupListener listener) {
        throw new ServiceException(ServiceException.Reason.UNEXPECTED, "not implemented yet");
    }
}
