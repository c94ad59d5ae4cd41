package org.tutti.client.service;

import org.tutti.client.domain.SiteSettings;
import org.tutti.client.domain.UserSession;

/** Paramètres (staff): the session's site settings. */
public interface SiteSettingsService {

    /** The site's settings and whether the session may change them. */
    SiteSettings read(UserSession session);

    /**
     * Saves {@code settings} (their {@code version} is the one read); {@code logoChanged}: send the logo
     * (null removes it), else it stays as it is. Returns the new version.
     *
     * @throws DeskRefusedException FORBIDDEN without the settings right, INVALID / TOO_LONG with the field,
     *         STALE when someone else saved meanwhile, BUSY
     */
    long save(UserSession session, SiteSettings settings, boolean logoChanged);
}
