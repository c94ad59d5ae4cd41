package org.tutti.client.domain;

import java.time.Instant;

/**
 * What a staff member sees on Accueil: who and where, and the day's work at the desk.
 *
 * @param pendingChanges the site's change requests waiting for a decision
 * @param oldestPending  when the oldest of them was sent, or null when none waits
 * @param decidedToday   the site's requests accepted or refused since midnight (local time)
 */
public record StaffHome(String siteCode, String siteName, String staffName, String schoolYear,
        int pendingChanges, Instant oldestPending, int decidedToday) {

    /** Who and where, with nothing waiting and nothing decided. */
    public StaffHome(String siteCode, String siteName, String staffName, String schoolYear) {
        this(siteCode, siteName, staffName, schoolYear, 0, null, 0);
    }
}
