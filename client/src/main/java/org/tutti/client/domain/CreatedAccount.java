package org.tutti.client.domain;

/** A family and its account just created: the identifier the site's pattern gave it. */
public record CreatedAccount(long accountId, long familyId, String identifier) {
}
