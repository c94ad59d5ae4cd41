package org.tutti.client.documents;

import java.nio.file.Path;

/**
 * Why {@link DocumentInspector} refused a file. The screen turns the reason into words; the
 * file, its size and the limit are given for them.
 */
public class DocumentRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No file at that path (or a blank path). */
        NOT_FOUND,
        /** The path is a folder. */
        DIRECTORY,
        /** The file exists but cannot be read (rights, locked, I/O error). */
        UNREADABLE,
        /** The file has no content. */
        EMPTY,
        /** Larger than the limit: {@link #size()} and {@link #limit()} say by how much. */
        TOO_LARGE,
        /** Neither JPEG, PNG nor PDF by its first bytes, whatever its name says. */
        UNSUPPORTED,
        /** Starts like a JPEG or PNG but cannot be decoded as an image. */
        BROKEN_IMAGE,
        /** Starts like a PDF but cannot be read (truncated, damaged). */
        BROKEN_PDF,
        /** A PDF protected by a password (its content cannot be read without it). */
        ENCRYPTED_PDF
    }

    private final Reason reason;
    private final transient Path path;
    private final long size;
    private final long limit;

    public DocumentRefusedException(Reason reason, Path path, long size, long limit, Throwable cause) {
        super(reason + ": " + path, cause);
        this.reason = reason;
        this.path = path;
        this.size = size;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    /** The path as given. */
    public Path path() {
        return path;
    }

    /** The file's size in bytes (0 when unknown). */
    public long size() {
        return size;
    }

    /** The limit in bytes the file was checked against. */
    public long limit() {
        return limit;
    }
}
