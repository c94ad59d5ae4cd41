package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.tutti.client.service.DecisionResult.Outcome;

/**
 * What the front desk's decision functions ({@code tutti.decide_change},
 * {@code tutti.decide_reenrolment}) share on the client: the arguments (request, accept,
 * comment) and the refusal that leaves the transaction with an outcome the staff member reads,
 * not an error.
 */
final class StaffDecisions {

    private StaffDecisions() {
    }

    /** Binds (request id, accept, comment) as parameters 1 to 3; a blank comment is none. */
    static void bind(PreparedStatement decide, long requestId, boolean accept, String comment) throws SQLException {
        decide.setLong(1, requestId);
        decide.setBoolean(2, accept);
        if (comment == null || comment.isBlank()) {
            decide.setNull(3, Types.VARCHAR);
        } else {
            decide.setString(3, comment.strip());
        }
    }

    /** Thrown out of the decision's transaction (which rolls back) with what the staff member is told. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Outcome outcome;

        Refused(Outcome outcome) {
            super(outcome.name(), null, false, false);
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }
}
