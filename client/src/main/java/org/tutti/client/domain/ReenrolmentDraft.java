package org.tutti.client.domain;

import java.util.List;

/** What Valider sends: administrative re-enrolment or courses (never both), a comment, the documents. */
public record ReenrolmentDraft(long studentId, boolean administrative, List<Long> enrolmentIds, String comment,
        List<NewDocument> documents) {

    public ReenrolmentDraft {
        enrolmentIds = List.copyOf(enrolmentIds);
        documents = List.copyOf(documents);
    }
}
