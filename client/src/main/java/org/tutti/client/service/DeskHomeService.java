package org.tutti.client.service;

import java.util.List;
import org.tutti.client.domain.DeskCounts;
import org.tutti.client.domain.FailedMail;
import org.tutti.client.domain.OverdueInvoice;
import org.tutti.client.domain.UserSession;

/** The staff Accueil: what waits at the desk, and the lists its counts open. */
public interface DeskHomeService {

    DeskCounts counts(UserSession session);

    /** The site's mails the relay gave up on, newest first. */
    List<FailedMail> failedMails(UserSession session);

    /**
     * Puts a failed mail back in the queue.
     *
     * @throws DeskRefusedException SECRET_GONE (a password mail: issue a new password), NOT_FAILED, BUSY
     */
    void retryMail(UserSession session, long mailId);

    /** The most overdue invoices the desk's window lists at once (the oldest). */
    int MAX_OVERDUE_LISTED = 500;

    /** The site's invoices with a balance past their due date, oldest due first, at most {@code maxRows}. */
    List<OverdueInvoice> overdueInvoices(UserSession session, int maxRows);
}
