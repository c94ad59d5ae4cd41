package org.tutti.client.service;

import java.util.List;
import org.tutti.client.domain.AccountFilter;
import org.tutti.client.domain.AccountLetter;
import org.tutti.client.domain.CreatedAccount;
import org.tutti.client.domain.FamilyAccount;
import org.tutti.client.domain.NewFamily;
import org.tutti.client.domain.UserSession;

/**
 * Comptes at the front desk (staff session only, its site's family accounts): list, create a
 * family with its account, hand over a first or new password by mail or by a printed letter,
 * lock and unlock. Each call is one SQL function of SQL-API.md ("Front desk — accounts").
 *
 * <p>Every method throws {@link ServiceException} NOT_FOUND for an account that is not one of the
 * site's, SESSION_EXPIRED, DATABASE_UNAVAILABLE or UNEXPECTED; the writes also
 * {@link AccountRefusedException}.
 */
public interface FamilyAccountsService {

    /** The most accounts Comptes lists at once; past that the screen asks for a narrower search. */
    int MAX_LISTED = 200;

    /**
     * The site's family accounts the filter keeps, of the families the words of {@code query} find
     * (identifier, names, e-mails, phones, students' names, as the Familles search reads them; blank:
     * every family), ordered by identifier, at most {@code maxRows}. A query over 100 characters is
     * refused ({@link AccountRefusedException}, TOO_LONG).
     */
    List<FamilyAccount> accounts(UserSession session, AccountFilter filter, String query, int maxRows);

    /** A new family and its account (no usable password yet). */
    CreatedAccount create(UserSession session, NewFamily family);

    /** A new password replaces the account's, mailed to its e-mail through the outbox. */
    void sendPasswordByMail(UserSession session, long accountId);

    /**
     * A new password replaces the account's; returns what its letter prints, the password
     * included (shown once: it is not kept anywhere).
     */
    AccountLetter issueLetter(UserSession session, long accountId);

    /** Locks (the family can no longer log in, its sessions end) or unlocks the account. */
    void setLocked(UserSession session, long accountId, boolean locked);
}
