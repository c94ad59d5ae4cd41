package org.tutti.client.service;

import java.util.Optional;
import org.tutti.client.domain.UserSession;

public interface AuthService {
    /**
     * Logs in. Empty for every kind of refusal (unknown site or identifier, wrong password,
     * locked or inactive account): the user is told one generic message. The password array
     * is cleared before returning.
     *
     * @throws ServiceException when the database cannot be reached
     */
    Optional<UserSession> login(String siteCode, String identifier, char[] password);

    /** Ends the session at the database; safe to call twice. */
    void logout(UserSession session);
}
