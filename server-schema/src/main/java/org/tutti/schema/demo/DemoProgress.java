package org.tutti.schema.demo;

/** Receives the progress of a long demo-data generation, from any thread. */
@FunctionalInterface
public interface DemoProgress {

    DemoProgress NONE = fraction -> { };

    /** @param fraction of the work done, from 0 to 1 */
    void update(double fraction);
}
