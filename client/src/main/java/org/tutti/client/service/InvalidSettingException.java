package org.tutti.client.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A number in {@code tutti.json} is out of its range or not a number: a BAD_CONFIGURATION that
 * the login window explains with the file, the setting, its range and what was found (the
 * message, in English, is for the log).
 */
public final class InvalidSettingException extends ServiceException {

    private final Path file;
    private final String setting;
    private final int min;
    private final int max;
    private final String found;

    /**
     * @param setting the setting as the file spells it, such as {@code database.loginTimeoutSeconds}
     * @param found   what the file says, as written
     */
    public InvalidSettingException(Path file, String setting, int min, int max, String found, Throwable cause) {
        super(Reason.BAD_CONFIGURATION, "The configuration file " + file + " is unusable: \"" + setting
                + "\" must be a whole number of seconds between " + min + " and " + max + " (found " + found + ")",
                cause);
        this.file = Objects.requireNonNull(file);
        this.setting = Objects.requireNonNull(setting);
        this.min = min;
        this.max = max;
        this.found = found;
    }

    public Path file() {
        return file;
    }

    public String setting() {
        return setting;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String found() {
        return found;
    }
}
