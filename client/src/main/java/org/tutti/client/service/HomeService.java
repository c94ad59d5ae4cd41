package org.tutti.client.service;

import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.UserSession;

/** The content of Accueil. */
public interface HomeService {
    /** @throws IllegalArgumentException for a staff session */
    FamilyHome familyHome(UserSession session);

    /** @throws IllegalArgumentException for a family session */
    StaffHome staffHome(UserSession session);
}
