package org.tutti.client.service;

import java.util.Optional;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.UserSession;

/**
 * Élèves › Réinscription (family): the site's open campaign, a student's form, and the request
 * sent through {@code tutti.submit_reenrolment}. A lost session throws {@link ServiceException}
 * (SESSION_EXPIRED); a database away, DATABASE_UNAVAILABLE.
 */
public interface ReenrolmentService {

    /**
     * The family's site's campaign when it accepts requests today (status OPEN, today within its
     * dates, the database's date); empty otherwise: the Réinscription tab is shown only then.
     */
    Optional<ReenrolmentCampaign> openCampaign(UserSession session);

    /**
     * The student's form for the open campaign: this year's courses, the site's document types,
     * and the request already sent, if any. NOT_FOUND when the student is not the family's or no
     * campaign is open.
     */
    ReenrolmentForm form(UserSession session, long studentId);

    /**
     * Sends the request (choices, comment and documents in one transaction, confirmation mail
     * queued). Returns the new request's id.
     *
     * @throws ReenrolmentRefusedException what the database refused, and why
     * @throws ServiceException NOT_FOUND when the student is not the family's, or when a course or
     *         document type the form showed is no longer the student's or the campaign's
     *         ({@code invalid:<what>}): the form is to be read again
     */
    long submit(UserSession session, ReenrolmentDraft draft);

    /** The content of one of the family's imported documents. NOT_FOUND when not the family's. */
    byte[] documentContent(UserSession session, long documentId);
}
