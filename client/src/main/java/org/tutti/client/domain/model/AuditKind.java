package org.tutti.client.domain.model;

/**
 * Kinds of {@link AuditEvent} the client writes. The column is free text (the database's own
 * functions may add kinds), so the entity exposes the kind as a string.
 */
public enum AuditKind {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    ACCOUNT_LOCKED,
    LOGOUT
}
