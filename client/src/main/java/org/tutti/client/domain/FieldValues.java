package org.tutti.client.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current values of one file (family or student) and the values waiting for validation,
 * both keyed by column name ({@code last_name}, {@code postal_code}…, as in
 * {@code change_request.field_name}). A value is the text the database stores (dates as ISO
 * {@code yyyy-mm-dd}, enums by name); an absent value is null. {@code pendingIds} holds the id of
 * each pending value's request (the screen sends them back with a change, so that the database
 * tells when another session of the family replaced one meanwhile); {@code refused} the changes
 * the staff refused that the family has not marked as seen.
 */
public record FieldValues(Map<String, String> current, Map<String, String> pending, Map<String, Long> pendingIds,
        List<RefusedChange> refused) {

    public FieldValues {
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        pending = Collections.unmodifiableMap(new LinkedHashMap<>(pending));
        pendingIds = Collections.unmodifiableMap(new LinkedHashMap<>(pendingIds));
        refused = List.copyOf(refused);
    }

    /** Values without request ids nor refused changes (tests, screens that do not send). */
    public FieldValues(Map<String, String> current, Map<String, String> pending) {
        this(current, pending, Map.of(), List.of());
    }

    /** The id of the request waiting for validation on {@code field}, or null. */
    public Long pendingId(String field) {
        return pendingIds.get(field);
    }

    public String current(String field) {
        return current.get(field);
    }

    /** True when a change of {@code field} waits for validation. */
    public boolean isPending(String field) {
        return pending.containsKey(field);
    }

    /** The value waiting for validation (may be null: a field to be emptied). */
    public String pending(String field) {
        return pending.get(field);
    }

    /** What the form shows: the pending value when there is one, else the current value. */
    public String shown(String field) {
        return isPending(field) ? pending.get(field) : current.get(field);
    }

    public boolean anyPending() {
        return !pending.isEmpty();
    }
}
