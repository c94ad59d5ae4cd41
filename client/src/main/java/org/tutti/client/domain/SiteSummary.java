package org.tutti.client.domain;

/** A site of the school as the login window lists it. */
public record SiteSummary(String code, String name) {
}
