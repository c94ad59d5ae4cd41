package org.tutti.client.domain;

import java.util.List;

/** What a family sees on Accueil: who it is, the current school year and its students. */
public record FamilyHome(
        String civility,
        String firstName,
        String lastName,
        String siteName,
        String schoolYear,
        List<StudentSummary> students) {

    public FamilyHome {
        students = List.copyOf(students);
    }
}
