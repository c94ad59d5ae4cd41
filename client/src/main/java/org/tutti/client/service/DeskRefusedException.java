package org.tutti.client.service;

/**
 * The database refused a settings save or a mail retry for a reason staff must read (SQL-API.md,
 * "Front desk — settings and Accueil").
 */
public class DeskRefusedException extends RuntimeException {

    public enum Reason {
        /** The account does not hold the settings right ({@code forbidden}). */
        FORBIDDEN,
        /** A value is invalid ({@code invalid:<field>}); detail: the field. */
        INVALID,
        /** A value is too long ({@code too_long:<field>:<max>}); detail: the field, max: the maximum. */
        TOO_LONG,
        /** Someone else saved the settings since they were read ({@code stale}). */
        STALE,
        /** Another transaction holds the row: try again ({@code busy}). */
        BUSY,
        /** The mail carried a password that is gone: issue a new one from Comptes ({@code secret_gone}). */
        SECRET_GONE,
        /** The mail is no longer failed ({@code not_failed}). */
        NOT_FAILED
    }

    private final Reason reason;
    private final String detail;
    private final String max;

    public DeskRefusedException(Reason reason, String detail, String max, Throwable cause) {
        super(reason + (detail == null ? "" : ":" + detail), cause);
        this.reason = reason;
        this.detail = detail;
        this.max = max;
    }

    public DeskRefusedException(Reason reason, String detail) {
        this(reason, detail, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The field refused ({@code name}, {@code online_payment_url}…), or null. */
    public String detail() {
        return detail;
    }

    /** The maximum length of a TOO_LONG refusal, or null. */
    public String max() {
        return max;
    }
}
