package org.tutti.client.domain;

import java.time.LocalDate;

/**
 * A site's re-enrolment campaign for a target school year.
 *
 * @param status           {@code OPEN}, {@code CLOSED} or {@code DRAFT} (as stored)
 * @param maxDocumentBytes the site's limit for one imported document ({@code site.max_document_bytes})
 */
public record ReenrolmentCampaign(long id, long targetYearId, String targetYear, LocalDate opensOn, LocalDate closesOn,
        String status, long maxDocumentBytes) {

    /** Whether families may send requests on {@code today}: open, and today within its dates. */
    public boolean acceptsRequestsOn(LocalDate today) {
        return "OPEN".equals(status) && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }
}
