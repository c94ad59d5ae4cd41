package org.tutti.client.service;

import java.util.List;
import org.tutti.client.domain.FamilyMatch;
import org.tutti.client.domain.UserSession;

/**
 * Familles at the front desk: the staff session's families found by what a receptionist types
 * (server-schema/SQL-API.md, "Front desk — search": {@code tutti.search_families}).
 */
public interface FamilySearchService {

    /** At most this many families answer a search. */
    int MAX_RESULTS = 100;

    /**
     * The site's families that every word of {@code text} finds (the start of a word of their
     * identifier, names, e-mails, phone numbers or students' names; accents and case ignored; a
     * phone number typed with or without spaces, dots or +33), at most {@link #MAX_RESULTS}: the
     * identifier typed first, then the names that start with the text, then by name. Empty for a
     * blank text.
     */
    List<FamilyMatch> search(UserSession session, String text);
}
