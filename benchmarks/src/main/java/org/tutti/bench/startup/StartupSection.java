package org.tutti.bench.startup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tutti.bench.BenchContext;
import org.tutti.bench.BenchSection;
import org.tutti.bench.BenchServer;
import org.tutti.bench.Report;
import org.tutti.bench.Stats;
import org.tutti.client.TuttiApp;
import org.tutti.client.data.BackendFactory;
import org.tutti.client.service.Backend;
import org.tutti.client.service.StartupListener;

/**
 * Start-up as a user sees it: from the launch of a process to its window mapped on the X
 * display ({@link XMapWatcher}), for the dev build ({@code java -jar tutti.jar}), the packaged
 * family app-image and a bare JavaFX window ({@link BareWindow}, same class path, same launcher
 * shape), interleaved round by round after one warm-up round; then login → Accueil on the embedded
 * demo and on the seeded PostgreSQL.
 *
 * <p>Properties: {@code bench.startupRounds} (7), {@code bench.loginRuns} (5),
 * {@code bench.display} (the display to start Xvfb on when {@code DISPLAY} is unset, {@code :81}),
 * {@code bench.startupJvmArgs} (extra JVM options for the dev build and the bare window, e.g.
 * {@code -Dprism.order=sw}), {@code bench.appImage} (another app-image folder than the build's);
 * {@code bench.baselineJar} and {@code bench.baselineAppImage} add a "before" row of each kind, in
 * the same rounds.
 */
public final class StartupSection implements BenchSection {

    private static final long TIMEOUT_MS = 90_000;

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "Start-up: launch → login window, login → Accueil";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Report report = context.report();
        Path jar = context.devJar();
        if (!Files.isRegularFile(jar)) {
            report.note("**Not measured:** no " + jar + " (build the client first).");
            return;
        }
        Path work = context.workDir("startup");
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = System.getProperty("bench.display", ":81");
            xvfb = startXvfb(display);
        }
        try (XMapWatcher watcher = new XMapWatcher(display)) {
            Path demoHome = work.resolve("xdg").resolve("tutti");
            prepareDemo(demoHome);
            windowTable(context, watcher, display, jar, demoHome, work);
            loginTable(context, display, jar, demoHome, work);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static Process startXvfb(String display) throws IOException, InterruptedException {
        if (new ProcessBuilder("xdpyinfo", "-display", display).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0) {
            return null; // already there (started by hand): use it
        }
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x1024x24")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100; i++) {
            if (new ProcessBuilder("xdpyinfo", "-display", display).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0) {
                return xvfb;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Xvfb " + display + " did not start");
    }

    /** The demo database, created once: every measured start opens an existing data folder. */
    private static void prepareDemo(Path home) throws IOException {
        if (Files.isDirectory(home) && Files.exists(home.resolve("demo-ready"))) {
            return;
        }
        Files.createDirectories(home);
        try (Backend backend = BackendFactory.open(home, StartupListener.NONE)) {
            backend.sites().listSites();
        }
        Files.writeString(home.resolve("demo-ready"), "");
    }

    private record Subject(String name, List<String> command, Map<String, String> env) {
    }

    private static void windowTable(BenchContext context, XMapWatcher watcher, String display, Path jar,
                                    Path demoHome, Path work) throws Exception {
        Report report = context.report();
        int rounds = Integer.getInteger("bench.startupRounds", 7);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> extra = extraJvmArgs();
        Map<String, String> env = Map.of("DISPLAY", display);

        List<Subject> subjects = new ArrayList<>();
        List<String> dev = new ArrayList<>(List.of(java));
        dev.addAll(extra);
        dev.addAll(List.of("-Dtutti.home=" + demoHome, "-jar", jar.toString()));
        subjects.add(new Subject("dev build (java -jar tutti.jar)", dev, env));
        String baselineJar = System.getProperty("bench.baselineJar", "");
        if (!baselineJar.isBlank()) {
            List<String> before = new ArrayList<>(dev);
            before.set(before.size() - 1, Path.of(baselineJar).toAbsolutePath().toString());
            subjects.add(new Subject("dev build, baseline (" + baselineJar + ")", before, env));
        }

        String otherImage = System.getProperty("bench.appImage", "");
        Path image = otherImage.isBlank() ? context.packagedAppImage() : Path.of(otherImage);
        Path launcher = image.resolve("bin").resolve(image.getFileName().toString());
        boolean packaged = Files.isExecutable(launcher);
        if (packaged) {
            // the app-image has its own JVM options; its data folder is $XDG_DATA_HOME/tutti
            subjects.add(new Subject("packaged app-image (bin/" + launcher.getFileName() + ")", List.of(launcher.toString()),
                    Map.of("DISPLAY", display, "XDG_DATA_HOME", demoHome.getParent().toString())));
            String baselineImage = System.getProperty("bench.baselineAppImage", "");
            if (!baselineImage.isBlank()) {
                Path other = Path.of(baselineImage);
                subjects.add(new Subject("packaged app-image, baseline (" + other + ")",
                        List.of(other.resolve("bin").resolve(other.getFileName().toString()).toString()),
                        Map.of("DISPLAY", display, "XDG_DATA_HOME", demoHome.getParent().toString())));
            }
        } else {
            report.note("The packaged app-image is not built (" + image + "): its row is missing. "
                    + "`mvn -B -o -pl installer -am verify -DskipTests` builds it.");
        }
        List<String> bare = new ArrayList<>(List.of(java));
        bare.addAll(extra);
        bare.addAll(List.of("-cp", barePath(jar), BareWindow.class.getName()));
        subjects.add(new Subject("bare JavaFX window (one Label)", bare, env));

        Map<String, List<Long>> samples = new LinkedHashMap<>();
        subjects.forEach(s -> samples.put(s.name(), new ArrayList<>()));
        Path log = work.resolve("startup-launch.log");
        for (int round = 0; round <= rounds; round++) {
            for (int i = 0; i < subjects.size(); i++) {
                // A B C, B C A, C A B, …: no subject always follows the same one
                Subject subject = subjects.get((i + round) % subjects.size());
                long millisTimes1000 = timeToWindow(watcher, subject, log);
                if (round > 0) {
                    samples.get(subject.name()).add(millisTimes1000);
                }
                System.out.printf("[startup] round %d %s: %.1f ms%n", round, subject.name(), millisTimes1000 / 1e6);
            }
        }
        double bareMedian = Stats.ofNanos(samples.get(subjects.get(subjects.size() - 1).name())).median();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : samples.entrySet()) {
            Stats s = Stats.ofNanos(e.getValue());
            rows.add(List.of(e.getKey(), Stats.format(s.median()), s.spread(),
                    String.format(Locale.ROOT, "%.2f", s.median() / bareMedian)));
        }
        report.subheading("Launch → window mapped (ms), " + rounds + " interleaved rounds after one warm-up");
        report.note("Measured from outside: the process is launched and the X server's MapNotify of its first "
                + "top-level window (xev on the root window's substructure, stamped on arrival: sub-millisecond "
                + "resolution, no polling) ends the sample; the process is then killed. GTK glass under Xvfb "
                + "(display " + display + "), existing demo data folder" + (extra.isEmpty() ? "" : ", JVM options " + extra) + ".");
        report.table(List.of("subject", "median", "min–max", "ratio to bare window"), rows);
    }

    private static List<String> extraJvmArgs() {
        String extra = System.getProperty("bench.startupJvmArgs", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    /** tutti.jar, its lib/ folder and these classes: the class path of {@code java -jar tutti.jar}, plus the bare window. */
    private static String barePath(Path jar) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(jar.toString());
        try (Stream<Path> lib = Files.list(jar.resolveSibling("lib"))) {
            lib.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        }
        entries.add(BareWindow.classFolder().toString());
        return String.join(File.pathSeparator, entries);
    }

    /** Nanoseconds from launch to the window mapped. */
    private static long timeToWindow(XMapWatcher watcher, Subject subject, Path log) throws Exception {
        watcher.clear();
        ProcessBuilder builder = new ProcessBuilder(subject.command())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(subject.env());
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            XMapWatcher.Mapped mapped = watcher.awaitWindowOf(process.pid(), TIMEOUT_MS);
            if (mapped == null) {
                throw new IllegalStateException(subject.name() + ": no window within " + TIMEOUT_MS + " ms (see " + log + ")");
            }
            return mapped.nanos() - launched;
        } finally {
            kill(process);
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static void loginTable(BenchContext context, String display, Path jar, Path demoHome, Path work) throws Exception {
        Report report = context.report();
        int runs = Integer.getInteger("bench.loginRuns", 5);
        if (runs <= 0) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<List<String>> rows = new ArrayList<>();
        rows.add(loginRow("embedded demo (H2), F0001", java, display, jar, demoHome, runs, work));
        try {
            BenchServer server = context.server();
            Path pgHome = Files.createDirectories(work.resolve("pg" + server.families()));
            Files.writeString(pgHome.resolve("tutti.json"), "{\"mode\": \"family\", \"database\": {\"url\": \"" + server.url()
                    + "\", \"user\": \"tutti_family\", \"password\": \"" + BenchServer.PASSWORD + "\"}}\n", StandardCharsets.UTF_8);
            rows.add(loginRow("PostgreSQL, " + server.families() + " families, F0001", java, display, jar, pgHome, runs, work));
        } catch (IOException | RuntimeException e) {
            report.note("PostgreSQL row not measured: " + e);
        }
        report.subheading("Login submitted → Accueil (ms), dev build, " + runs + " starts each");
        report.note("In each start (`-Dtutti.benchmark=login`) the application logs in by itself once the database is "
                + "open and prints the time from the submission to the first frame of the Accueil screen, then to the "
                + "first frame showing its data (the loading row hidden). A fresh JVM each time: the first login of a day.");
        report.table(List.of("database", "first frame median", "min–max", "data shown median", "min–max"), rows);
    }

    private static List<String> loginRow(String label, String java, String display, Path jar, Path home, int runs, Path work)
            throws Exception {
        List<Long> frame = new ArrayList<>();
        List<Long> loaded = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(extraJvmArgs());
            command.addAll(List.of("-D" + TuttiApp.BENCHMARK_PROPERTY + "=" + TuttiApp.BENCHMARK_LOGIN,
                    "-Dtutti.home=" + home, "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DISPLAY", display);
            builder.environment().put("TUTTI_BENCHMARK_SITE", "BELLERIVE");
            builder.environment().put("TUTTI_BENCHMARK_USER", "F0001");
            builder.environment().put("TUTTI_BENCHMARK_PASSWORD", "bellerive");
            Process process = builder.start();
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } finally {
                kill(process);
            }
            Long f = marker(output, TuttiApp.ACCUEIL_FRAME_MARKER);
            Long l = marker(output, TuttiApp.ACCUEIL_LOADED_MARKER);
            if (f == null || l == null) {
                Path log = work.resolve("login-failed.log");
                Files.writeString(log, output);
                throw new IllegalStateException(label + ": no Accueil marker (output in " + log + ")");
            }
            frame.add(f);
            loaded.add(l);
            System.out.printf("[startup] login %s: Accueil frame %d ms, data %d ms%n", label, f, l);
        }
        Stats f = Stats.of(frame);
        Stats l = Stats.of(loaded);
        return List.of(label, Stats.format(f.median()), f.spread(), Stats.format(l.median()), l.spread());
    }

    private static Long marker(String output, String marker) {
        for (String line : output.split("\n")) {
            if (line.startsWith(marker)) {
                try {
                    return Long.parseLong(line.substring(marker.length()).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
