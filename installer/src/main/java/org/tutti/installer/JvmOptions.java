package org.tutti.installer;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the packaged launchers pass (jpackage {@code --java-options}, in the launcher's
 * {@code .cfg}). Measured and explained in installer/README.md, the ADR 0016 and, for the memory
 * budget, the ADR 0018 (benchmarks' memory section).
 */
public final class JvmOptions {

    /**
     * Heap cap of the desktop application: a leak shows as an error instead of eating the family's
     * memory. SerialGC grows the heap up to the cap before it collects the old generation in full,
     * so the cap is also what a long session ends up holding (ADR 0018: the tour of every screen
     * at 50,000 families runs in it; under software rendering, where JavaFX keeps its frame
     * buffers in the heap, 110 MB of it stay live after that tour).
     */
    static final String DESKTOP_HEAP = "-Xmx128m";
    /**
     * A small initial heap that grows as needed: otherwise the JVM starts with 1/64 of the RAM
     * (up to the cap), and SerialGC's young generation, sized from it, is touched in full.
     */
    static final String DESKTOP_INITIAL_HEAP = "-Xms32m";
    /**
     * One collector thread and no region bookkeeping: less memory and CPU for a small interactive
     * heap. Measured (installer/README.md): the family app logged in on the demo, RSS 378-386 MB
     * with SerialGC and -Xms32m, 401-428 MB with G1 (-Xmx384m for both).
     */
    static final String GC = "-XX:+UseSerialGC";
    /** The heap gives memory back after a full collection (a PDF, a long list) instead of keeping its peak. */
    static final List<String> HEAP_SHRINKS = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /**
     * C1 only, with a code cache to match: no C2 compiler arenas nor its larger code (ADR 0018);
     * a form-and-table application never runs long enough in one loop for C2 to pay back.
     */
    static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m");
    /** The AppCDS archive dumped from the build's class list, at build for the app-image, at install for the package. */
    static final String CDS_ARCHIVE = "-XX:SharedArchiveFile=$APPDIR/tutti.jsa";
    /** A missing or unusable archive is silently ignored (the JVM then loads classes from the jars). */
    static final String CDS_AUTO = "-Xshare:auto";
    /**
     * Map the archive at the address it was dumped for, relocating it only when that address is
     * taken: this JDK 17 relocates always by default (ArchiveRelocationMode=1, for address
     * randomisation), which costs ~350 ms on the 95 MB archive (measured: median 2.04 s to the
     * login window with mode 0, 2.40 s with the default). A diagnostic flag: the runtime is ours.
     */
    static final List<String> CDS_NO_RELOCATION = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    /** With IT's file baked in, finding no tutti.json at all is a configuration error, not the demo. */
    static final String CONFIG_REQUIRED = "-Dtutti.config.required=true";

    /** The relay's heap: it sends mail, one at a time. */
    static final String RELAY_HEAP = "-Xmx128m";
    /** Where the relay's rolling log goes (the service's state directory). */
    static final String RELAY_HOME = "-Dtutti.home=/var/lib/tutti-relay";

    private JvmOptions() {
    }

    /** The desktop editions' options; {@code configBaked} when IT's tutti.json is in the package. */
    public static List<String> desktop(boolean configBaked) {
        List<String> options = new ArrayList<>(List.of(DESKTOP_INITIAL_HEAP, DESKTOP_HEAP, GC));
        options.addAll(HEAP_SHRINKS);
        options.addAll(C1_ONLY);
        options.addAll(List.of("-Dfile.encoding=UTF-8", CDS_ARCHIVE, CDS_AUTO));
        options.addAll(CDS_NO_RELOCATION);
        if (configBaked) {
            options.add(CONFIG_REQUIRED);
        }
        return List.copyOf(options);
    }

    /** The relay launcher's options (Linux service: its log in /var/lib/tutti-relay/logs). */
    public static List<String> relay() {
        return List.of(RELAY_HEAP, GC, "-Dfile.encoding=UTF-8", RELAY_HOME);
    }

    /** tutti-schema's options: a migration or a demo generation, run by hand. */
    public static List<String> schema() {
        return List.of("-Xmx256m", GC, "-Dfile.encoding=UTF-8");
    }
}
