package org.tutti.client.domain;

import java.util.List;

/**
 * The follow-up window of one course sheet: the sheet, its evaluations (oldest first) and its
 * absences (oldest first).
 */
public record CourseFollowUp(CourseSheet sheet, List<EvaluationLine> evaluations, List<AbsenceLine> absences) {

    public CourseFollowUp {
        evaluations = List.copyOf(evaluations);
        absences = List.copyOf(absences);
    }
}
