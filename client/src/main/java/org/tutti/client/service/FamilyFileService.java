package org.tutti.client.service;

import java.util.List;
import java.util.Map;
import org.tutti.client.domain.FamilyFile;
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
     * Submits {@code changes} (column name → new value, null to empty) for validation.
     *
     * @return the number of change requests recorded
     * @throws FieldRefusedException when the database refuses one field (unknown or invalid)
     */
    int submit(UserSession user, Target target, long id, Map<String, String> changes);

    /** The database refused a field's value ({@code invalid}) or does not know the field ({@code unknown_field}). */
    final class FieldRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final boolean unknown;

        public FieldRefusedException(String field, boolean unknown, Throwable cause) {
            super((unknown ? "Unknown field: " : "Invalid value for: ") + field, cause);
            this.field = field;
            this.unknown = unknown;
        }

        /** The column name. */
        public String field() {
            return field;
        }

        public boolean unknown() {
            return unknown;
        }
    }
}
