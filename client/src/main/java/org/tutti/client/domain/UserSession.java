package org.tutti.client.domain;

/**
 * The logged-in account. {@code familyId} is null for staff, except while the front desk views
 * one family's file ({@link #viewingFamily(long)}). {@code token} is the session token
 * bound at the start of each transaction (src-docs/architecture.md, "The security model in one
 * page"); never logged, never shown.
 */
public record UserSession(
        long accountId,
        Role role,
        String siteCode,
        String siteName,
        String identifier,
        String displayName,
        Long familyId,
        String token) {

    public boolean isStaff() {
        return role == Role.STAFF;
    }

    /**
     * The front desk looking at one family's file (issue 16): the same staff session (token,
     * account, site) narrowed to that family, so that the family screens read that family's rows.
     * The database still judges every row by the staff session's site.
     */
    public UserSession viewingFamily(long familyId) {
        if (!isStaff()) {
            throw new IllegalStateException("Only the front desk views another family: " + this);
        }
        return new UserSession(accountId, role, siteCode, siteName, identifier, displayName, familyId, token);
    }

    /** A staff session narrowed to one family by {@link #viewingFamily(long)}. */
    public boolean isViewingFamily() {
        return isStaff() && familyId != null;
    }

    @Override
    public String toString() {
        return "UserSession[" + role + " " + siteCode + "/" + identifier + "]";
    }
}
