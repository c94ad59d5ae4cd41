package org.tutti.client.service;

/**
 * The database refused an account operation for a reason staff must read (SQLSTATE TU409 / TU422
 * of the account functions, see SQL-API.md "Front desk — accounts").
 */
public class AccountRefusedException extends RuntimeException {

    public enum Reason {
        /** A value is invalid ({@code invalid:<field>}); detail: the field. */
        INVALID,
        /** A text is too long ({@code too_long:<field>:<max>}); detail: the field, maximum: its limit. */
        TOO_LONG,
        /** Another transaction holds the account or the numbering (lock timeout): try again. */
        BUSY
    }

    private final Reason reason;
    private final String field;
    private final String maximum;

    public AccountRefusedException(Reason reason, String field, String maximum, Throwable cause) {
        super(reason + (field == null ? "" : ":" + field), cause);
        this.reason = reason;
        this.field = field;
        this.maximum = maximum;
    }

    public Reason reason() {
        return reason;
    }

    /** The field refused ({@code postal_code}), or null. */
    public String field() {
        return field;
    }

    /** The maximum length of a TOO_LONG field, or null. */
    public String maximum() {
        return maximum;
    }
}
