package org.tutti.client.service;

import java.util.List;
import org.tutti.client.domain.UserSession;

/** Validations (staff): the change requests families made, and the staff's decisions on them. */
public interface StaffChangesService {

    /** The PENDING requests of the session's site, oldest first. */
    List<PendingChange> pending(UserSession session);

    /**
     * Accepts or rejects one request through {@code tutti.decide_change}. Refusals the staff
     * member must see are results (conflict with the current value, already decided, not of this
     * site); a lost session throws {@link ServiceException} (SESSION_EXPIRED).
     *
     * @param comment optional (sent to the family with a rejection)
     * @param force   accept even though the row changed since the request
     */
    DecisionResult decide(UserSession session, long requestId, boolean accept, String comment, boolean force);
}
