package org.tutti.client.domain;

/** What a staff member sees on Accueil. */
public record StaffHome(String siteCode, String siteName, String staffName, String schoolYear) {
}
