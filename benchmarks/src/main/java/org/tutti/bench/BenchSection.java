package org.tutti.bench;

/**
 * One part of the benchmark report (start-up, memory, screens, database, load). A section measures
 * and adds tables to the report; it never asserts: a target is read from the output.
 */
public interface BenchSection {

    /** The name used by {@code -Dbench.sections=} (lower case, one word). */
    String name();

    /** The heading of this section in the report. */
    String title();

    void run(BenchContext context) throws Exception;
}
