package org.tutti.client.service;

/**
 * The database refused a re-enrolment request, or a staff change to a campaign, for a reason the
 * user must read (SQLSTATE TU409 / TU422 of {@code tutti.submit_reenrolment}, see SQL-API.md).
 *
 * @see Reason
 */
public class ReenrolmentRefusedException extends RuntimeException {

    public enum Reason {
        /** Neither administrative re-enrolment nor a course was ticked ({@code nothing_chosen}). */
        NOTHING_CHOSEN,
        /** Both administrative re-enrolment and courses were ticked ({@code both_chosen}). */
        BOTH_CHOSEN,
        /** A required document is missing ({@code missing_document:<type id>}); detail: the type id. */
        MISSING_DOCUMENT,
        /** A document is over the site's limit ({@code too_large:<max bytes>}); detail: the limit. */
        TOO_LARGE,
        /** A document is empty ({@code empty}). */
        EMPTY,
        /** A document is not JPEG, PNG or PDF by its content ({@code unsupported_type}). */
        UNSUPPORTED_TYPE,
        /** A text is too long ({@code too_long:<field>:<max>}); detail: the maximum. */
        TOO_LONG,
        /** The campaign closed (or its dates passed) meanwhile ({@code campaign_closed}). */
        CAMPAIGN_CLOSED,
        /** A request was already sent for this student (the other parent's computer) ({@code already_sent}). */
        ALREADY_SENT,
        /** Another session holds the student's request (lock timeout): try again ({@code busy}). */
        BUSY,
        /** Staff: the document type is used by a request, it cannot be renamed or removed ({@code in_use}). */
        IN_USE,
        /** Staff: a document type of that name already exists in the campaign ({@code duplicate}). */
        DUPLICATE,
        /** Staff: the dates are invalid (end not after start) ({@code invalid_dates}). */
        INVALID_DATES
    }

    private final Reason reason;
    private final String detail;

    public ReenrolmentRefusedException(Reason reason, String detail, Throwable cause) {
        super(reason + (detail == null ? "" : ":" + detail), cause);
        this.reason = reason;
        this.detail = detail;
    }

    public ReenrolmentRefusedException(Reason reason) {
        this(reason, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The refusal's detail (a type id, a limit in bytes, a maximum length), or null. */
    public String detail() {
        return detail;
    }
}
