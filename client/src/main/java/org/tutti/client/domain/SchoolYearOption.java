package org.tutti.client.domain;

/** A school year a campaign may target ({@code 2027-2028}). */
public record SchoolYearOption(long id, String label) {
}
