package org.tutti.client.ui.staff;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.PendingChange;
import org.tutti.client.service.StaffChangesService;

/**
 * Validations in memory: {@link #pending} is what the list shows; a decision takes the request
 * off it, unless an answer queued in {@link #answers} says otherwise (conflict, already decided).
 */
public class FakeStaffChanges implements StaffChangesService {

    public final List<PendingChange> pending = new ArrayList<>();
    /** Answers for the next decisions, in order; when empty, the decision succeeds. */
    public final Deque<DecisionResult> answers = new ArrayDeque<>();
    /** "id accept/reject [force] comment" for each decision. */
    public final List<String> calls = new ArrayList<>();
    public int loads;

    public static PendingChange family(long id, long familyId, String identifier, String name, String field,
            String oldValue, String newValue, int minute) {
        return new PendingChange(id, familyId, identifier, "MME", name, "FAMILY", null, null, field, oldValue, newValue,
                oldValue, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * minute));
    }

    public static PendingChange student(long id, long familyId, String identifier, String name, long studentId,
            String studentName, String field, String oldValue, String newValue, int minute) {
        return new PendingChange(id, familyId, identifier, "MME", name, "STUDENT", studentId, studentName, field, oldValue,
                newValue, oldValue, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * minute));
    }

    @Override
    public List<PendingChange> pending(UserSession session) {
        loads++;
        return List.copyOf(pending);
    }

    @Override
    public DecisionResult decide(UserSession session, long requestId, boolean accept, String comment, boolean force) {
        calls.add(requestId + " " + (accept ? "accept" : "reject") + (force ? " force" : "")
                + (comment == null || comment.isBlank() ? "" : " " + comment));
        DecisionResult answer = answers.poll();
        if (answer != null && answer.outcome() != Outcome.ACCEPTED && answer.outcome() != Outcome.REJECTED) {
            if (answer.outcome() == Outcome.ALREADY_DECIDED) {
                pending.removeIf(c -> c.requestId() == requestId);
            }
            return answer;
        }
        pending.removeIf(c -> c.requestId() == requestId);
        return DecisionResult.of(accept ? Outcome.ACCEPTED : Outcome.REJECTED);
    }
}
