package org.tutti.client.data;

import static org.tutti.client.data.ReenrolmentRows.list;

import java.util.List;
import org.tutti.client.domain.FamilyMatch;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilySearchService;

/**
 * Familles at the front desk: one call of {@code tutti.search_families} (PostgreSQL: the
 * unaccent + trigram search of the staff session's site; H2: its Java counterpart), in a
 * read-only transaction bound to the session. A text longer than the function takes is cut.
 */
final class SqlFamilySearchService implements FamilySearchService {

    static final String SEARCH = "select family_id, identifier, family_name, students, phones, email, city"
            + " from tutti.search_families(?, ?)";

    /** What tutti.search_families reads of a text at most. */
    static final int MAX_TEXT = 100;

    private final Transactions transactions;

    SqlFamilySearchService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** What the database's searches read of a text typed: stripped, {@link #MAX_TEXT} characters at most. */
    static String searched(String text) {
        String typed = text == null ? "" : text.strip();
        return typed.codePointCount(0, typed.length()) <= MAX_TEXT ? typed
                : typed.substring(0, typed.offsetByCodePoints(0, MAX_TEXT));
    }

    @Override
    public List<FamilyMatch> search(UserSession user, String text) {
        if (!user.isStaff()) {
            throw new IllegalArgumentException("the family search is the front desk's");
        }
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        String query = searched(typed);
        return transactions.readOnly(user, session -> list(session, SEARCH,
                rs -> new FamilyMatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)),
                query, MAX_RESULTS));
    }
}
