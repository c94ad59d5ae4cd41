package org.tutti.client.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current values of one file (family or student) and the values waiting for validation,
 * both keyed by column name ({@code last_name}, {@code postal_code}…, as in
 * {@code change_request.field_name}). A value is the text the database stores (dates as ISO
 * {@code yyyy-mm-dd}, enums by name); an absent value is null.
 */
public record FieldValues(Map<String, String> current, Map<String, String> pending) {

    public FieldValues {
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        pending = Collections.unmodifiableMap(new LinkedHashMap<>(pending));
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
