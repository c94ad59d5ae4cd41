package org.tutti.client.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDetail;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.SchoolYearOption;
import org.tutti.client.domain.UserSession;

/**
 * Réinscriptions (staff): the site's campaign and its document types, the requests and the
 * decisions on them (through {@code tutti.decide_reenrolment}). Every call is limited to the
 * staff member's site (row-level security on PostgreSQL, the same filter on H2).
 */
public interface StaffReenrolmentService {

    /** The site's campaign: the one for the latest target year, if any. */
    Optional<ReenrolmentCampaign> campaign(UserSession session);

    /** The school years a campaign may target: those after the current one. */
    List<SchoolYearOption> targetYears(UserSession session);

    /**
     * Creates or updates the site's campaign for that year with these dates, and opens it
     * ({@code open}) or closes it.
     *
     * @throws ReenrolmentRefusedException INVALID_DATES
     * @throws ServiceException NOT_FOUND for a year not among {@link #targetYears}
     */
    ReenrolmentCampaign saveCampaign(UserSession session, long targetYearId, LocalDate opensOn, LocalDate closesOn,
            boolean open);

    /** The campaign's document types, by name, with how many documents use each. */
    List<DocumentType> documentTypes(UserSession session, long campaignId);

    /**
     * @throws ReenrolmentRefusedException DUPLICATE (the same name in any case), TOO_LONG (detail: 120)
     * @throws IllegalArgumentException for a blank name
     */
    DocumentType addDocumentType(UserSession session, long campaignId, String name, boolean required);

    /**
     * @throws ReenrolmentRefusedException IN_USE (renamed while a document uses it; required may
     *         change), DUPLICATE, TOO_LONG
     */
    DocumentType updateDocumentType(UserSession session, long documentTypeId, String name, boolean required);

    /** @throws ReenrolmentRefusedException IN_USE */
    void removeDocumentType(UserSession session, long documentTypeId);

    /** The campaign's requests, newest first. */
    List<ReenrolmentSummary> requests(UserSession session, long campaignId);

    /** One request with its choices, comment and documents (contents read on demand). */
    ReenrolmentDetail detail(UserSession session, long requestId);

    /** The content of a document of the site's requests. */
    byte[] documentContent(UserSession session, long documentId);

    /**
     * Accepts or refuses the request; the family is told by e-mail. ALREADY_DECIDED when another
     * staff member decided first (nothing written), FORBIDDEN when not of this site.
     *
     * @throws ReenrolmentRefusedException BUSY when another transaction holds the request (the
     *         database waits 2 s at most: try again), TOO_LONG over 2000 characters of comment
     */
    DecisionResult decide(UserSession session, long requestId, boolean accept, String comment);
}
