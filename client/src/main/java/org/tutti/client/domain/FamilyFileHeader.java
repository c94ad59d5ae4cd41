package org.tutti.client.domain;

/**
 * The header of a family's file at the front desk (issue 16): its identifier, its responsible
 * adult's civility and names (as stored), e-mail and phone (the mobile, else the home one), and
 * the state of its account.
 */
public record FamilyFileHeader(long familyId, String identifier, String civility, String firstName, String lastName,
        String email, String phone, AccountState account) {

    /** The family's account: none, usable, locked after failed logins, or deactivated. */
    public enum AccountState { NONE, ACTIVE, LOCKED, INACTIVE }
}
