package org.tutti.client.service;

import java.util.List;
import org.tutti.client.domain.SiteSummary;

public interface SiteService {
    /** The sites a user can log in to, ordered by name. */
    List<SiteSummary> listSites();
}
