package org.tutti.client.domain;

/** Which family accounts Comptes lists: all, the never used, the locked. */
public enum AccountFilter {
    ALL,
    NEVER_USED,
    LOCKED
}
