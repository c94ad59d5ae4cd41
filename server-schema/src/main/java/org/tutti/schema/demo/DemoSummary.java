package org.tutti.schema.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows written per table by one generation, in insertion order. */
public record DemoSummary(Map<String, Long> rowsPerTable) {
    public DemoSummary {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
