package org.tutti.client.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code tutti.json} cannot be used, or a packaged edition finds none: a BAD_CONFIGURATION that
 * the login window explains in plain words with the file read (or the paths searched) and what is
 * wrong with it. The message, in English and with the technical detail, is for the log.
 * (A timeout out of range and an unverified TLS connection have their own classes,
 * {@link InvalidSettingException} and {@link UnverifiedTlsException}.)
 */
public final class ConfigurationFileException extends ServiceException {

    /** What is wrong, as the login window explains it. */
    public enum Problem {
        /** No file in any folder searched, and this installation needs one; details: the files searched. */
        NOT_FOUND,
        /** The file exists but cannot be read (rights, a folder of that name). */
        UNREADABLE,
        /** Not valid JSON; details: the line and the column. */
        NOT_JSON,
        /** A section is absent; details: its name ({@code database}). */
        MISSING_SECTION,
        /** A setting is absent; details: its name ({@code database.user}). */
        MISSING_SETTING,
        /** {@code mode} is neither family nor staff; details: the value found. */
        BAD_MODE,
        /** The URL is not a PostgreSQL one; details: the setting ({@code database.url}). */
        NOT_POSTGRES_URL,
        /** The CA certificate named by {@code sslrootcert} does not exist; details: its absolute path. */
        CA_CERTIFICATE_MISSING
    }

    private final Problem problem;
    private final Path file;
    private final List<String> details;

    /**
     * @param file    the file read; null for {@link Problem#NOT_FOUND}
     * @param details what the window names besides the file (see each {@link Problem})
     * @param message the log's explanation, in English
     */
    public ConfigurationFileException(Problem problem, Path file, List<String> details, String message,
            Throwable cause) {
        super(Reason.BAD_CONFIGURATION, message, cause);
        this.problem = Objects.requireNonNull(problem);
        this.file = file;
        this.details = List.copyOf(details);
    }

    public Problem problem() {
        return problem;
    }

    /** The file read; empty when none was found. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** What the window names besides the file, in the order of {@link Problem}'s description. */
    public List<String> details() {
        return details;
    }
}
