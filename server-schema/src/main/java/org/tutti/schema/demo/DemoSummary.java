package org.tutti.schema.demo;

import java.util.Map;

/** Rows written per table by one generation, in insertion order. */
public record DemoSummary(Map<String, Long> rowsPerTable) {
    public DemoSummary {
        rowsPerTable = Map.copyOf(rowsPerTable);
    }
}
