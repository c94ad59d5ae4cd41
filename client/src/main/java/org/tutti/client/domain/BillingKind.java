package org.tutti.client.domain;

/** The two kinds of invoice, one tab each: fees (Facturation cotisations) and rentals (Facturation locations). */
public enum BillingKind {
    FEES("COTISATION"),
    RENTALS("LOCATION");

    private final String code;

    BillingKind(String code) {
        this.code = code;
    }

    /** The value of {@code tutti.invoice.kind}. */
    public String code() {
        return code;
    }

    public static BillingKind ofCode(String code) {
        for (BillingKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown invoice kind " + code);
    }
}
