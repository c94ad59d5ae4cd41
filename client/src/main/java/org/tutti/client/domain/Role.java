package org.tutti.client.domain;

/** Who logged in: a family at home, or a member of the school's staff at the front desk. */
public enum Role {
    FAMILY,
    STAFF
}
