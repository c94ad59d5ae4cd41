package org.tutti.client.service;

import org.tutti.client.domain.UserSession;

/**
 * The account's password: a new one by e-mail when it is lost (seed manual, section 2), and a
 * change by the logged-in user (menu Mot de passe). The rules (length, identifier, common
 * passwords, rate limit) are the database's (SQL-API.md); this service only reports its answers.
 */
public interface AccountService {

    /**
     * Asks the database to generate a new password for the account of {@code identifier} with
     * this e-mail address, and to queue the mail that carries it. Needs no session. Returns
     * normally whether or not the pair matched an account (the user is told the same thing
     * either way).
     *
     * @throws IllegalArgumentException when either value is blank (the screen checks first)
     * @throws ServiceException {@link ServiceException.Reason#RATE_LIMITED} after too many
     *         requests for this identifier within an hour, DATABASE_UNAVAILABLE, UNEXPECTED
     */
    void requestPassword(String identifier, String email);

    /**
     * Changes the logged-in account's password. Both arrays are cleared before returning.
     *
     * @return {@link PasswordChangeResult#CHANGED}, or why the database refused
     * @throws ServiceException SESSION_EXPIRED when the session has ended, DATABASE_UNAVAILABLE,
     *         UNEXPECTED
     */
    PasswordChangeResult changePassword(UserSession session, char[] current, char[] next);
}
