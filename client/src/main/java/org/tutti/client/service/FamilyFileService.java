package org.tutti.client.service;

import java.util.List;
import java.util.Map;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.FamilyFileHeader;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;

/**
 * Famille and Élèves › Identité: a family reads its file and its students with the values
 * waiting for validation, and submits changes ({@code tutti.submit_changes}); it never updates
 * the rows itself.
 */
public interface FamilyFileService {

    /** What a change applies to (the database's {@code change_request.target}). */
    enum Target { FAMILY, STUDENT }

    FamilyFile loadFamily(UserSession user);

    /** The family's students, sorted by first name then last name. */
    List<StudentIdentity> students(UserSession user);

    StudentIdentity loadStudent(UserSession user, long studentId);

    /**
     * Submits {@code changes} (column name → new value, null to empty) for validation, without
     * checking what the screen showed as pending.
     *
     * @return the number of change requests recorded
     * @throws FieldRefusedException when the database refuses one field
     */
    default int submit(UserSession user, Target target, long id, Map<String, String> changes) {
        return submit(user, target, id, changes, null);
    }

    /**
     * Submits {@code changes} for validation; {@code shown} (may be null: no check) gives, for the
     * changed fields, the id of the pending request the screen showed (null: none), so that a value
     * another session of the family replaced meanwhile is refused ({@link Refusal#REPLACED}).
     *
     * @return the number of change requests recorded
     * @throws FieldRefusedException when the database refuses one field
     */
    int submit(UserSession user, Target target, long id, Map<String, String> changes, Map<String, Long> shown);

    /**
     * The front desk's path (issue 16): with a session viewing one family
     * ({@link UserSession#viewingFamily(long)}), applies {@code changes} (column name → new value,
     * null to empty) at once through {@code tutti.staff_edit}, with the checks and refusals a
     * family's changes get; audited with the values before and after. The family's pending requests
     * of the changed fields are superseded.
     *
     * @return the number of fields that changed (0: they already held these values)
     * @throws FieldRefusedException when the database refuses one field
     */
    int edit(UserSession viewing, Target target, long id, Map<String, String> changes);

    /** The front desk's header of the family viewed: identifier, name, e-mail, phone, account state. */
    FamilyFileHeader header(UserSession viewing);

    /** Marks a refused change of the session's family as seen: the screen stops showing it. */
    void acknowledge(UserSession user, long requestId);

    /** Why the database refused a field. */
    enum Refusal {
        /** The value breaks the field's rule ({@code invalid:<column>}). */
        INVALID,
        /** The field is not one a family may change ({@code unknown_field:<column>}). */
        UNKNOWN,
        /** Longer than the column ({@code too_long:<column>:<max>}); {@link FieldRefusedException#limit()}. */
        TOO_LONG,
        /** The value is the one already waiting for validation: nothing recorded ({@code already_pending:<column>}). */
        ALREADY_PENDING,
        /** Another session of the family replaced the pending value the screen showed ({@code replaced:<column>}). */
        REPLACED
    }

    /** The database refused a field's value; {@link #refusal()} says why. */
    final class FieldRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final Refusal refusal;
        private final int limit;

        public FieldRefusedException(String field, Refusal refusal, int limit, Throwable cause) {
            super(refusal + " " + field + (refusal == Refusal.TOO_LONG ? " (max " + limit + ")" : ""), cause);
            this.field = field;
            this.refusal = refusal;
            this.limit = limit;
        }

        public FieldRefusedException(String field, boolean unknown, Throwable cause) {
            this(field, unknown ? Refusal.UNKNOWN : Refusal.INVALID, 0, cause);
        }

        /** The column name. */
        public String field() {
            return field;
        }

        public boolean unknown() {
            return refusal == Refusal.UNKNOWN;
        }

        public Refusal refusal() {
            return refusal;
        }

        /** The length limit ({@link Refusal#TOO_LONG}), else 0. */
        public int limit() {
            return limit;
        }
    }
}
