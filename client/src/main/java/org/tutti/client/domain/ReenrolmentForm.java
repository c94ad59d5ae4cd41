package org.tutti.client.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a student's Réinscription tab shows: the courses to tick, the documents asked for, and the
 * request already sent for this campaign, if any.
 */
public record ReenrolmentForm(long studentId, ReenrolmentCampaign campaign, List<ReenrolmentCourse> courses,
        List<DocumentType> documentTypes, Optional<SentReenrolment> sent) {

    public ReenrolmentForm {
        courses = List.copyOf(courses);
        documentTypes = List.copyOf(documentTypes);
    }
}
