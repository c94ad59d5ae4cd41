package org.tutti.client.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code tutti.json} names a database on another computer without asking for a verified TLS
 * connection, and does not allow it explicitly: a BAD_CONFIGURATION that the login window
 * explains with the file and the two settings (the message, in English, is for logs and the
 * relay's standard error).
 */
public final class UnverifiedTlsException extends ServiceException {

    private final Path file;
    private final String urlSetting;
    private final String optOutSetting;

    /**
     * @param urlSetting    the setting to fix, such as {@code database.url}
     * @param optOutSetting the explicit opt-out, such as {@code database.allowUnverifiedTls}
     */
    public UnverifiedTlsException(Path file, String urlSetting, String optOutSetting, String message) {
        super(Reason.BAD_CONFIGURATION, message);
        this.file = Objects.requireNonNull(file);
        this.urlSetting = Objects.requireNonNull(urlSetting);
        this.optOutSetting = Objects.requireNonNull(optOutSetting);
    }

    /** The configuration file refused. */
    public Path file() {
        return file;
    }

    /** The setting that must ask for verification, such as {@code database.url}. */
    public String urlSetting() {
        return urlSetting;
    }

    /** The setting that accepts the risk explicitly, such as {@code database.allowUnverifiedTls}. */
    public String optOutSetting() {
        return optOutSetting;
    }
}
