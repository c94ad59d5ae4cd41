package org.tutti.client.service;

/**
 * The database refused a billing operation for a reason staff must read (SQLSTATE TU409 / TU422
 * of the billing functions, see SQL-API.md "Billing").
 */
public class BillingRefusedException extends RuntimeException {

    public enum Reason {
        /** A value is invalid ({@code invalid:<what>}); detail: what. */
        INVALID,
        /** A text is too long ({@code too_long:<field>:<max>}); detail: the maximum. */
        TOO_LONG,
        /** An allocation is more than the invoice's balance ({@code over_allocation:<number>}); detail: the invoice number. */
        OVER_ALLOCATION,
        /** The allocations do not add up to the payment's amount ({@code amount_mismatch}). */
        AMOUNT_MISMATCH,
        /** A credit note larger than the invoice's balance ({@code credit_too_large}). */
        CREDIT_TOO_LARGE,
        /** The item is rented over part of these dates ({@code item_rented}). */
        ITEM_RENTED,
        /** The rental has already ended ({@code already_ended}). */
        ALREADY_ENDED,
        /** Another transaction holds the numbering or the invoice (lock timeout): try again ({@code busy}). */
        BUSY
    }

    private final Reason reason;
    private final String detail;

    public BillingRefusedException(Reason reason, String detail, Throwable cause) {
        super(reason + (detail == null ? "" : ":" + detail), cause);
        this.reason = reason;
        this.detail = detail;
    }

    public BillingRefusedException(Reason reason) {
        this(reason, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The refusal's detail (what is invalid, a maximum length, an invoice number), or null. */
    public String detail() {
        return detail;
    }
}
