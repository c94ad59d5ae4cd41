package org.tutti.client.service;

/**
 * The database refused an absence or evaluation entered at the front desk for a reason staff must
 * read (TU409 / TU422 of {@code tutti.record_absences} and {@code tutti.record_evaluation}, see
 * SQL-API.md "Front desk — pedagogy"), with the line concerned when one is.
 */
public class PedagogyRefusedException extends RuntimeException {

    public enum Reason {
        /** A value is invalid ({@code invalid:<field>}). */
        INVALID,
        /** A text is too long ({@code too_long:<field>:<max>}). */
        TOO_LONG,
        /** Another entry holds these students (lock timeout): try again. */
        BUSY
    }

    private final Reason reason;
    private final String field;
    private final Long enrolmentId;

    public PedagogyRefusedException(Reason reason, String field, Long enrolmentId, Throwable cause) {
        super(reason + (field == null ? "" : ":" + field) + (enrolmentId == null ? "" : " (enrolment " + enrolmentId + ")"),
                cause);
        this.reason = reason;
        this.field = field;
        this.enrolmentId = enrolmentId;
    }

    public Reason reason() {
        return reason;
    }

    /** The field refused ({@code mark}, {@code reason}, {@code absence_date}…), or null. */
    public String field() {
        return field;
    }

    /** The line concerned (an evaluation's enrolment), or null when the refusal concerns the whole entry. */
    public Long enrolmentId() {
        return enrolmentId;
    }
}
