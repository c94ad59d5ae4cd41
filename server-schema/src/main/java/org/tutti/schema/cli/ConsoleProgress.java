package org.tutti.schema.cli;

import java.io.PrintWriter;
import org.tutti.schema.demo.DemoProgress;

/** A percentage rewritten in place on the terminal; silent when the output is not a terminal. */
final class ConsoleProgress implements DemoProgress {

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private int shown = -1;

    ConsoleProgress(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    @Override
    public void update(double fraction) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (enabled && percent != shown) {
            shown = percent;
            err.print("\r" + label + " " + percent + " %");
            err.flush();
        }
    }

    /** Ends the line, if one was started. */
    void finish() {
        if (enabled && shown >= 0) {
            err.println();
            err.flush();
        }
    }
}
