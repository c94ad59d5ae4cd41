package org.tutti.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the benchmark sections in order and writes their tables to {@code -Dbench.report}
 * ({@code benchmarks/target/benchmark-report.md}). Run by {@code mvn -B -Pbenchmarks -DskipTests verify};
 * {@code -Dbench.sections=startup,memory} runs some only. A section that fails is reported as
 * such and the next one runs: the report says what could not be measured. With the arguments
 * {@code prepare N} it only seeds (once) and starts the cluster of N families.
 */
public final class Benchmarks {

    /** The sections, in the order of the report; a class not on the class path is reported as missing. */
    private static final List<String> SECTIONS = List.of(
            "org.tutti.bench.startup.StartupSection",
            "org.tutti.bench.memory.MemorySection",
            "org.tutti.bench.screens.ScreensSection",
            "org.tutti.bench.database.DatabaseSection",
            "org.tutti.bench.load.LoadSection");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path reportFile = Path.of(System.getProperty("bench.report", root.resolve("benchmarks/target/benchmark-report.md").toString()));
        Path cache = Path.of(System.getProperty("bench.cache", "/var/tmp/tutti-bench"));
        int families = Integer.getInteger("bench.families", 50_000);
        String only = System.getProperty("bench.sections", "");
        Set<String> wanted = only.isBlank() ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());

        if (args.length == 2 && args[0].equals("prepare")) {
            // seeds (once) and starts the cluster of that many families, for a later run
            BenchServer server = BenchServer.seeded(Integer.parseInt(args[1]), cache);
            System.out.println("[bench] " + server.url() + " ready (" + server.dataDir() + ")");
            System.exit(0);
        }
        Report report = new Report(reportFile);
        report.note("# Tutti — benchmark report\n\n" + machine(families));
        BenchContext context = new BenchContext(report, root, cache, families);
        List<String> failed = new ArrayList<>();
        for (String className : SECTIONS) {
            BenchSection section;
            try {
                section = (BenchSection) Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                report.note("(section " + className + " is not in this build)");
                continue;
            }
            if (!wanted.isEmpty() && !wanted.contains(section.name())) {
                continue;
            }
            report.heading(section.title());
            long started = System.nanoTime();
            try {
                section.run(context);
            } catch (Exception | Error e) {
                failed.add(section.name());
                Path trace = context.workDir(section.name()).resolve("failure.txt");
                java.io.StringWriter text = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(text));
                Files.writeString(trace, text.toString());
                report.note("**Not measured:** the section stopped: " + e + " (details in " + trace + ")");
            }
            report.note("_(section " + section.name() + ": " + (System.nanoTime() - started) / 1_000_000_000 + " s)_");
            report.write();
        }
        report.write();
        System.out.println("\n[bench] report written to " + reportFile + (failed.isEmpty() ? "" : "; sections that stopped: " + failed));
        // the sections' servers stay up for the next run; only this JVM ends
        System.exit(0);
    }

    private static String machine(int families) throws Exception {
        String cpu = "?";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return "Run " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "; "
                + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap for the benchmark JVM, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; load average at start " + String.format(Locale.ROOT, "%.2f", load)
                + "; main database: " + families + " families.";
    }
}
