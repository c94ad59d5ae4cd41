package org.tutti.client.domain;

/**
 * The logged-in account. {@code familyId} is null for staff. {@code token} is the session token
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

    @Override
    public String toString() {
        return "UserSession[" + role + " " + siteCode + "/" + identifier + "]";
    }
}
