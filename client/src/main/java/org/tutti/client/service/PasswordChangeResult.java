package org.tutti.client.service;

/** The database's answer to a password change ({@code tutti.change_password}). */
public enum PasswordChangeResult {
    /** The new password replaces the old one from the next login on. */
    CHANGED,
    /** The current password given is not the account's (SQLSTATE TU403). */
    WRONG_CURRENT,
    /** Fewer than {@link #MIN_LENGTH} characters (TU422 {@code too_short}). */
    TOO_SHORT,
    /** The new password is the identifier, whatever the case (TU422 {@code equals_identifier}). */
    EQUALS_IDENTIFIER,
    /** Among the 10,000 most common passwords (TU422 {@code too_common}). */
    TOO_COMMON,
    /** Refused for a rule this version of the client does not know (another TU422 message). */
    REFUSED;

    /** The database's minimum length, checked by the screen before sending too. */
    public static final int MIN_LENGTH = 10;
}
