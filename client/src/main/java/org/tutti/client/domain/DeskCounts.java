package org.tutti.client.domain;

/** The staff Accueil's counts for the session's site ({@code tutti.desk_counts()}). */
public record DeskCounts(int changesWaiting, int reenrolmentsWaiting, int mailsFailed, int invoicesOverdue,
        int accountsLocked) {
}
