package org.tutti.client.domain;

import java.util.List;

/**
 * Everything Élèves › Cours, Historique and Répertoire list for one student, loaded in one
 * call so that switching tabs needs no query: this year's sheets (by day and time), earlier
 * years' sheets (newest year first, then department, discipline) and the events the student
 * took part in (newest first).
 */
public record StudentPedagogy(long studentId, List<CourseSheet> currentCourses, List<CourseSheet> history,
        List<RepertoireLine> repertoire) {

    public StudentPedagogy {
        currentCourses = List.copyOf(currentCourses);
        history = List.copyOf(history);
        repertoire = List.copyOf(repertoire);
    }
}
