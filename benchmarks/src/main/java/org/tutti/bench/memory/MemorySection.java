package org.tutti.bench.memory;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tutti.bench.BenchContext;
import org.tutti.bench.BenchSection;
import org.tutti.bench.BenchServer;
import org.tutti.bench.Report;
import org.tutti.bench.Stats;
import org.tutti.bench.startup.BareWindow;

/**
 * Resident memory of the desktop client after logging in and after a keyboard tour of every
 * screen and window of the mode (family, then staff: the same jar with a staff configuration),
 * against the seeded PostgreSQL, under Xvfb, driven by xdotool. Compared: the packaged
 * app-image (its launcher, its {@code .cfg} options, AppCDS), the dev build ({@code java -jar},
 * default ergonomics) and, with {@code -Dbench.memory.variants=label|options;...}, the app-image's
 * runtime with its options plus the given ones (later options win), for weighing one lever at a
 * time. A diagnostic row runs with native memory tracking: what the RSS is made of.
 *
 * <p>The variants run interleaved, {@code -Dbench.memory.rounds} rounds (default 2). Every step
 * of the tour waits {@code -Dbench.memory.settle} ms (default 2500) and leaves a screenshot in
 * {@code benchmarks/target/work/memory/shots}; the windows seen are listed in the report, so a
 * tour that typed into nothing shows.
 */
public final class MemorySection implements BenchSection {

    private static final double MIB = 1024 * 1024;
    private static final String LOGIN_SHOWN = "Login window shown";
    private static final String BACKEND_READY = "Backend ready";
    private static final String LOGGED_IN = "Logged in:";

    private final long settleMillis = Long.getLong("bench.memory.settle", 2500);
    private final int rounds = Integer.getInteger("bench.memory.rounds", 2);
    private final String displayName = ":" + Integer.getInteger("bench.memory.display", 82);

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String title() {
        return "Memory: resident set and heap after every screen";
    }

    /**
     * One way of starting the client: a label, its command (before the mode's data folder), its JVM
     * options shown; a {@code reference} is the bare JavaFX window, measured once it is shown.
     */
    record Variant(String label, List<String> command, String options, boolean nmt, boolean reference) {

        Variant(String label, List<String> command, String options, boolean nmt) {
            this(label, command, options, nmt, false);
        }
    }

    /** What one run measured. */
    record Run(double rssLogin, double rssAfter, double rssAnon, double rssFile, double heapUsed, double heapCommitted,
            double metaspace, List<String> windows, String nmt, boolean loggedIn, long errors, Collected collected) {
    }

    /** The same process once the measure is taken, after a full collection: how much of the heap was garbage. */
    record Collected(double rss, double heapUsed, double heapCommitted) {
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Report report = context.report();
        BenchServer server = context.server();
        Path work = context.workDir("memory");
        Path shots = Files.createDirectories(work.resolve("shots"));
        Process xvfb = startDisplay(work);
        try {
            List<Variant> variants = variants(context);
            List<String> modes = List.of(System.getProperty("bench.memory.modes", "family,staff").split(","));
            report.note("Each run: a fresh data folder with a per-user `tutti.json` against " + server.url()
                    + " (" + server.families() + " families), login by keyboard (xdotool on Xvfb " + displayName
                    + ", 1280×1024), " + settleMillis + " ms of settling after each step, then `/proc/PID/status` "
                    + "(VmRSS, RssAnon, RssFile) and `jcmd PID GC.heap_info`. " + rounds
                    + " rounds, variants interleaved; median (min–max). Screenshots of every step: " + shots + ".");
            for (String mode : modes) {
                Map<Variant, List<Run>> runs = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (Variant variant : variants) {
                        if (variant.nmt() && round > 0) {
                            continue;
                        }
                        String tag = mode + "-" + slug(variant.label()) + "-r" + round;
                        Run run = measure(variant, mode, server, work.resolve(tag), shots, tag);
                        System.out.printf(Locale.ROOT, "[memory] %s: RSS %.0f MiB after login, %.0f MiB after the tour; windows %s%n",
                                tag, run.rssLogin(), run.rssAfter(), run.windows());
                        runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
                    }
                }
                table(report, mode, runs);
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private List<Variant> variants(BenchContext context) throws IOException {
        List<Variant> variants = new ArrayList<>();
        Path image = context.packagedAppImage();
        Path cfg = image.resolve("lib/app/" + image.getFileName() + ".cfg");
        List<String> cfgOptions = List.of();
        List<String> classPath = List.of();
        if (Files.isRegularFile(cfg)) {
            Path app = image.resolve("lib/app");
            cfgOptions = cfgValues(cfg, "java-options=").stream().map(o -> o.replace("$APPDIR", app.toString())).toList();
            classPath = cfgValues(cfg, "app.classpath=").stream().map(o -> o.replace("$APPDIR", app.toString())).toList();
            if (!Boolean.getBoolean("bench.memory.noLauncher")) {
                variants.add(new Variant("packaged app-image (launcher)",
                        List.of(image.resolve("bin/" + image.getFileName()).toString()), shown(cfgOptions), false));
            }
        }
        if (Files.isRegularFile(context.devJar()) && !Boolean.getBoolean("bench.memory.noDev")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            variants.add(new Variant("dev build, java -jar", List.of(java, "-jar", context.devJar().toString()),
                    "(default ergonomics)", false));
        }
        if (!classPath.isEmpty()) {
            Path java = image.resolve("lib/runtime/bin/java");
            for (String spec : System.getProperty("bench.memory.variants", "").split(";")) {
                if (spec.isBlank()) {
                    continue;
                }
                String[] parts = spec.split("\\|", 2);
                List<String> extra = parts.length > 1 && !parts[1].isBlank() ? List.of(parts[1].trim().split("\\s+")) : List.of();
                variants.add(new Variant(parts[0].trim(), imageCommand(java, cfgOptions, extra, classPath), "cfg + " + String.join(" ", extra), false));
            }
            if (!Boolean.getBoolean("bench.memory.noBare")) {
                variants.add(bareWindow(java, cfgOptions));
            }
            if (!Boolean.getBoolean("bench.memory.noNmt")) {
                // -Dbench.memory.nmtOptions: the options of another variant, to see what its RSS is made of
                List<String> nmt = new ArrayList<>(List.of(System.getProperty("bench.memory.nmtOptions", "").trim().split("\\s+")));
                nmt.removeIf(String::isBlank);
                nmt.add("-XX:NativeMemoryTracking=summary");
                variants.add(new Variant("packaged, NMT (diagnostic)", imageCommand(java, cfgOptions, nmt, classPath),
                        "cfg + " + String.join(" ", nmt), true));
            }
        }
        return variants;
    }

    /**
     * The floor under the memory target: a bare JavaFX window (one Label) on the packaged runtime
     * (JavaFX in its modules) with the packaged options but without Tutti's AppCDS archive, which is dumped
     * for Tutti's class path (the runtime's own archive of the JDK's classes serves instead).
     */
    private static Variant bareWindow(Path java, List<String> cfgOptions) {
        List<String> options = cfgOptions.stream()
                .filter(o -> !o.startsWith("-XX:SharedArchiveFile=") && !o.startsWith("-Dtutti")).toList();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(List.of("-cp", BareWindow.classFolder().toString(), BareWindow.class.getName()));
        return new Variant("reference: bare JavaFX window (one Label), packaged runtime", command, shown(options), false, true);
    }

    private static List<String> imageCommand(Path java, List<String> cfgOptions, List<String> extra, List<String> classPath) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(cfgOptions);
        command.addAll(extra);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add("org.tutti.client.Launcher");
        return command;
    }

    private static String shown(List<String> options) {
        return String.join(" ", options.stream()
                .filter(o -> !o.startsWith("-Djpackage") && !o.startsWith("-Dfile.encoding") && !o.startsWith("-Dtutti"))
                .map(o -> o.replaceAll("=/.*/", "=…/"))
                .toList());
    }

    private static List<String> cfgValues(Path cfg, String prefix) throws IOException {
        return Files.readAllLines(cfg).stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private Run measure(Variant variant, String mode, BenchServer server, Path dir, Path shots, String tag) throws Exception {
        deleteTree(dir);
        Path xdg = Files.createDirectories(dir.resolve("xdg"));
        Path data = Files.createDirectories(xdg.resolve("tutti"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(data.resolve("tutti.json"), "{\"mode\": \"" + mode + "\",\n \"database\": {\"url\": \"" + server.url()
                + "\", \"user\": \"tutti_" + mode + "\", \"password\": \"" + BenchServer.PASSWORD + "\", \"allowUnverifiedTls\": true}}\n");
        Path log = data.resolve("logs/tutti.log");
        ProcessBuilder builder = new ProcessBuilder(variant.command()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app-output.txt").toFile());
        builder.environment().put("DISPLAY", displayName);
        builder.environment().put("XDG_DATA_HOME", xdg.toString());
        builder.environment().put("HOME", home.toString());
        Process app = builder.start();
        long pid = app.pid();
        try {
            if (variant.reference()) {
                awaitWindow(BareWindow.TITLE, app, 60);
                pause(settleMillis);
                double rssShown = status(pid).getOrDefault("VmRSS", Double.NaN);
                pause(settleMillis);
                return measured(pid, rssShown, List.of(), "", false, log, dir);
            }
            waitForLog(log, LOGIN_SHOWN, app, 120);
            waitForLog(log, BACKEND_READY, app, 180);
            String window = awaitWindow("Tutti", app, 10);
            xdo("windowfocus", "--sync", window);
            xdo("type", "--delay", "60", "staff".equals(mode) ? "ACCUEIL" : "F0001");
            xdo("key", "Tab");
            xdo("type", "--delay", "60", "bellerive");
            xdo("key", "Return");
            boolean loggedIn = waitForLog(log, LOGGED_IN, app, 60);
            pause(settleMillis * 2);
            shoot(shots, tag + "-00-login");
            double rssLogin = status(pid).getOrDefault("VmRSS", Double.NaN);
            List<String> windows = new ArrayList<>();
            if (loggedIn) {
                tour(mode, shots, tag, windows);
            }
            String nmt = variant.nmt() ? jcmd(pid, "VM.native_memory", "summary") : "";
            if (variant.nmt()) {
                Files.writeString(dir.resolve("nmt.txt"), nmt);
            }
            return measured(pid, rssLogin, windows, nmt, loggedIn, log, dir);
        } finally {
            app.destroy();
            if (!app.waitFor(10, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** The run's figures now (RSS, heap, metaspace, errors logged), then after a full collection. */
    private Run measured(long pid, double rssFirst, List<String> windows, String nmt, boolean loggedIn, Path log, Path dir)
            throws Exception {
        Map<String, Double> status = status(pid);
        Map<String, Double> heap = heap(pid);
        return new Run(rssFirst, status.getOrDefault("VmRSS", Double.NaN), status.getOrDefault("RssAnon", Double.NaN),
                status.getOrDefault("RssFile", Double.NaN), heap.getOrDefault("used", Double.NaN),
                heap.getOrDefault("committed", Double.NaN), heap.getOrDefault("metaspace", Double.NaN), windows, nmt, loggedIn,
                errors(log, dir.resolve("app-output.txt")), afterFullCollection(pid, dir));
    }

    /**
     * {@code jcmd PID GC.run}, a settling pause, then the RSS and the heap again; the live objects
     * by class go to {@code histogram.txt} in the run's folder (what holds the heap).
     */
    private Collected afterFullCollection(long pid, Path dir) throws Exception {
        jcmd(pid, "GC.run");
        pause(settleMillis);
        Map<String, Double> heap = heap(pid);
        Collected collected = new Collected(status(pid).getOrDefault("VmRSS", Double.NaN), heap.getOrDefault("used", Double.NaN),
                heap.getOrDefault("committed", Double.NaN));
        Files.writeString(dir.resolve("histogram.txt"), jcmd(pid, "GC.class_histogram"));
        return collected;
    }

    /** Every screen and window of the mode, by keyboard (src-docs/accessibility.md). */
    private void tour(String mode, Path shots, String tag, List<String> windows) throws Exception {
        List<String[]> steps = new ArrayList<>();
        if ("staff".equals(mode)) {
            steps.add(new String[] {"accueil", "ctrl+1"});
            steps.add(new String[] {"validations", "ctrl+7"});
            steps.add(new String[] {"reinscriptions", "ctrl+8"});
            steps.add(new String[] {"familles", "ctrl+9"});
            // the search answers in seconds at 50,000 families under load: the file opens from its results
            steps.add(new String[] {"familles-recherche", "type:Ferrari", "wait:10000"});
            steps.add(new String[] {"famille-dossier", "Tab", "Down", "Return"});
            steps.add(new String[] {"famille-dossier-ferme", "Escape"});
            steps.add(new String[] {"comptes", "ctrl+shift+c"});
            steps.add(new String[] {"pedagogie", "ctrl+shift+e"});
            steps.add(new String[] {"parametres", "ctrl+comma"});
            steps.add(new String[] {"ctrl2", "ctrl+2"});
            steps.add(new String[] {"ctrl3", "ctrl+3"});
            steps.add(new String[] {"ctrl4", "ctrl+4"});
            steps.add(new String[] {"ctrl5", "ctrl+5"});
            steps.add(new String[] {"ctrl6", "ctrl+6"});
            steps.add(new String[] {"raccourcis", "F1"});
            steps.add(new String[] {"raccourcis-ferme", "Escape"});
            steps.add(new String[] {"accueil-fin", "ctrl+1"});
        } else {
            // Accueil is shown after the login with the first course table focused
            steps.add(new String[] {"accueil-cours", "Down", "Return"});
            steps.add(new String[] {"accueil-cours-ferme", "Escape"});
            steps.add(new String[] {"famille", "ctrl+2"});
            steps.add(new String[] {"eleves", "ctrl+3"});
            steps.add(new String[] {"eleves-autre", "alt+Down", "Down", "Return"});
            steps.add(new String[] {"eleves-cours", "Tab", "ctrl+Tab"});
            steps.add(new String[] {"eleves-historique", "ctrl+Tab"});
            steps.add(new String[] {"eleves-repertoire", "ctrl+Tab"});
            steps.add(new String[] {"eleves-reinscription", "ctrl+Tab"});
            steps.add(new String[] {"eleves-fiche-fenetre", "ctrl+Tab", "ctrl+Tab", "Tab", "Down", "Return"});
            steps.add(new String[] {"eleves-fiche-fenetre-ferme", "Escape"});
            // the invoices arrive after the screen: keys sent before them would select nothing
            steps.add(new String[] {"facturation-pdf", "ctrl+4", "wait:4000", "Down", "Return"});
            steps.add(new String[] {"facturation-pdf-ferme", "Escape"});
            steps.add(new String[] {"facturation-reglements", "ctrl+Tab"});
            steps.add(new String[] {"accessibilite", "ctrl+5"});
            steps.add(new String[] {"mot-de-passe", "ctrl+6"});
            steps.add(new String[] {"raccourcis", "F1"});
            steps.add(new String[] {"raccourcis-ferme", "Escape"});
            steps.add(new String[] {"accueil-fin", "ctrl+1"});
        }
        int index = 1;
        for (String[] step : steps) {
            if (!step[0].endsWith("-ferme")) {
                closeSecondaryWindows();
            }
            int before = xdoLines("search", "--onlyvisible", "--name", ".").size();
            for (int i = 1; i < step.length; i++) {
                focusTopWindow();
                if (step[i].startsWith("wait:")) {
                    pause(Long.parseLong(step[i].substring(5)));
                } else if (step[i].startsWith("type:")) {
                    xdo("type", "--delay", "60", step[i].substring(5));
                } else {
                    xdo("key", step[i]);
                }
                pause(step.length > 2 ? settleMillis / 2 : 0);
            }
            if (("Return".equals(step[step.length - 1]) && !step[0].endsWith("-autre")) || "F1".equals(step[step.length - 1])) {
                // a window opens: under load it may take seconds; the next step must not type into it unseen
                for (int i = 0; i < 40 && xdoLines("search", "--onlyvisible", "--name", ".").size() <= before; i++) {
                    pause(250);
                }
            }
            pause(settleMillis);
            shoot(shots, String.format(Locale.ROOT, "%s-%02d-%s", tag, index++, step[0]));
            List<String> names = windowNames();
            windows.add(step[0] + ": " + String.join(" + ", names));
        }
    }

    /** Escape on every window above the main one (a window left open would take the next keys). */
    private void closeSecondaryWindows() throws Exception {
        for (int i = 0; i < 4; i++) {
            List<String> ids = xdoLines("search", "--onlyvisible", "--name", ".");
            if (ids.size() <= 1) {
                return;
            }
            xdoQuiet("windowfocus", "--sync", ids.get(ids.size() - 1));
            xdoQuiet("key", "Escape");
            pause(settleMillis / 2);
        }
    }

    /** Keys go to the focused window; without a window manager the newest visible window is focused by hand. */
    private void focusTopWindow() throws Exception {
        List<String> ids = xdoLines("search", "--onlyvisible", "--name", ".");
        if (!ids.isEmpty()) {
            xdoQuiet("windowfocus", ids.get(ids.size() - 1));
        }
    }

    private List<String> windowNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (String id : xdoLines("search", "--onlyvisible", "--name", ".")) {
            String name = xdo("getwindowname", id).strip();
            names.add(name.replace("Tutti — ", ""));
        }
        return names;
    }

    /**
     * The first visible window named {@code title} (a part of it); fails when {@code app} ends
     * first or after {@code seconds}.
     */
    private String awaitWindow(String title, Process app, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            List<String> ids = xdoLines("search", "--onlyvisible", "--name", title);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            if (!app.isAlive()) {
                throw new IOException("the process ended (exit " + app.exitValue() + ") before its window \"" + title + "\" showed");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no visible window \"" + title + "\" on " + displayName + " after " + seconds + " s");
            }
            pause(200);
        }
    }

    private void table(Report report, String mode, Map<Variant, List<Run>> runs) {
        report.subheading(("staff".equals(mode) ? "Staff mode (ACCUEIL)" : "Family mode (F0001)") + ": every screen and window");
        List<List<String>> rows = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        for (Map.Entry<Variant, List<Run>> entry : runs.entrySet()) {
            List<Run> list = entry.getValue();
            long loggedIn = list.stream().filter(Run::loggedIn).count();
            String opened = list.stream().map(r -> Long.toString(secondaryWindows(r.windows()))).collect(java.util.stream.Collectors.joining(", "));
            boolean reference = entry.getKey().reference();
            rows.add(List.of(entry.getKey().label(), "`" + entry.getKey().options() + "`",
                    mib(list, Run::rssLogin), mib(list, Run::rssAfter), mib(list, Run::rssAnon), mib(list, Run::rssFile),
                    mib(list, Run::heapUsed) + " / " + mib(list, Run::heapCommitted), mib(list, Run::metaspace),
                    mib(list, r -> r.collected().rss()) + "; " + mib(list, r -> r.collected().heapUsed()) + " / "
                            + mib(list, r -> r.collected().heapCommitted()),
                    reference ? "–" : loggedIn + "/" + list.size(), reference ? "–" : opened,
                    Long.toString(list.stream().mapToLong(Run::errors).sum())));
            if (entry.getKey().nmt() && !list.isEmpty()) {
                diagnostics.add(nmtSummary(list.get(0).nmt()));
            }
        }
        report.table(List.of("build", "JVM options", "RSS after login (MiB)", "RSS after every screen (MiB)", "of which anon",
                "of which file", "heap used / committed (MiB)", "metaspace used (MiB)",
                "then after a full collection: RSS; heap used / committed (MiB)", "logged in",
                "windows opened", "errors logged"), rows);
        if (runs.keySet().stream().anyMatch(Variant::reference)) {
            report.note("The reference row is a bare JavaFX window (one Label, no login, no screen) started like the packaged app"
                    + " but without Tutti's AppCDS archive: its \"after login\" column is its RSS " + settleMillis
                    + " ms after the window shows, its \"after every screen\" column the same " + settleMillis
                    + " ms later. It is the floor under"
                    + " the 200 MiB target on this display: JavaFX, its pipeline and the JVM before any of Tutti.");
        }
        for (String d : diagnostics) {
            report.note("What the RSS is made of (native memory tracking, committed MiB, packaged options, after the tour): " + d);
        }
        runs.values().stream().flatMap(List::stream).findFirst().ifPresent(run ->
                report.note("Windows after each step (first run): " + String.join("; ", run.windows())
                        + ". Expected: family 4 windows opened (a course, a course sheet, an invoice PDF, the shortcuts), staff 2"
                        + " (a family file, the shortcuts); fewer means the tour missed a window."));
    }

    /** The distinct windows besides the main one seen during the tour (family: 4 expected, staff: 2). */
    static long secondaryWindows(List<String> steps) {
        return steps.stream().map(step -> step.substring(step.indexOf(": ") + 2)).flatMap(w -> java.util.Arrays.stream(w.split(" \\+ ")))
                .filter(name -> !name.contains("Conservatoire de") && !name.isBlank()).distinct().count();
    }

    private static String mib(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        List<Double> values = runs.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).boxed().toList();
        if (values.isEmpty()) {
            return "–";
        }
        Stats stats = Stats.of(values);
        return values.size() == 1 ? String.format(Locale.ROOT, "%.0f", stats.median())
                : String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", stats.median(), stats.min(), stats.max());
    }

    private static final Pattern NMT_LINE = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);

    static String nmtSummary(String nmt) {
        List<String> parts = new ArrayList<>();
        Matcher m = NMT_LINE.matcher(nmt);
        while (m.find()) {
            double committed = Long.parseLong(m.group(2)) / 1024.0;
            if (committed >= 1) {
                parts.add(m.group(1).trim() + " " + String.format(Locale.ROOT, "%.0f", committed));
            }
        }
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(nmt);
        String head = total.find() ? "total " + Long.parseLong(total.group(1)) / 1024 + "; " : "";
        return head + String.join(", ", parts);
    }

    /** Lines of the log and the output that report an error (an OutOfMemoryError above all). */
    private static long errors(Path log, Path output) throws IOException {
        long count = 0;
        for (Path file : List.of(log, output)) {
            if (Files.isRegularFile(file)) {
                count += Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains(" ERROR ") || l.contains("OutOfMemoryError")).count();
            }
        }
        return count;
    }

    /** VmRSS, RssAnon, RssFile, RssShmem of {@code pid}, in MiB. */
    static Map<String, Double> status(long pid) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            Matcher m = Pattern.compile("^(VmRSS|RssAnon|RssFile|RssShmem):\\s+(\\d+) kB").matcher(line);
            if (m.find()) {
                values.put(m.group(1), Long.parseLong(m.group(2)) / 1024.0);
            }
        }
        return values;
    }

    /** Heap used and committed, metaspace used (MiB), from {@code jcmd PID GC.heap_info} (Serial, G1 or Parallel). */
    static Map<String, Double> heap(long pid) throws Exception {
        return parseHeapInfo(jcmd(pid, "GC.heap_info"));
    }

    static Map<String, Double> parseHeapInfo(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        double used = 0;
        double committed = 0;
        boolean any = false;
        Pattern generation = Pattern.compile("^\\s*(def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen)\\s+total (\\d+)K, used (\\d+)K",
                Pattern.MULTILINE);
        Matcher m = generation.matcher(text);
        while (m.find()) {
            committed += Long.parseLong(m.group(2)) / 1024.0;
            used += Long.parseLong(m.group(3)) / 1024.0;
            any = true;
        }
        if (any) {
            values.put("used", used);
            values.put("committed", committed);
        }
        Matcher meta = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K").matcher(text);
        if (meta.find()) {
            values.put("metaspace", Long.parseLong(meta.group(1)) / 1024.0);
        }
        return values;
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        argv.addAll(List.of(command));
        return exec(argv, null);
    }

    private Process startDisplay(Path work) throws IOException {
        Path socket = Path.of("/tmp/.X11-unix/X" + displayName.substring(1));
        if (Files.exists(socket)) {
            return null;
        }
        Process xvfb = new ProcessBuilder("Xvfb", displayName, "-nolisten", "tcp", "-screen", "0", "1280x1024x24")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        for (int i = 0; i < 50 && !Files.exists(socket); i++) {
            pause(100);
        }
        return xvfb;
    }

    private void shoot(Path shots, String name) {
        try {
            exec(List.of("import", "-window", "root", "-resize", "50%", shots.resolve(name + ".png").toString()), displayName);
        } catch (Exception e) {
            // a missing ImageMagick costs the screenshots, not the figures
        }
    }

    private static boolean waitForLog(Path log, String line, Process app, long seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return true;
            }
            if (!app.isAlive()) {
                throw new IOException("the client exited (" + app.exitValue() + ") before \"" + line + "\" in " + log);
            }
            pause(200);
        }
        if (LOGIN_SHOWN.equals(line) || BACKEND_READY.equals(line)) {
            throw new IOException("no \"" + line + "\" in " + log + " within " + seconds + " s");
        }
        return false;
    }

    private String xdo(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("xdotool"));
        argv.addAll(List.of(args));
        return exec(argv, displayName);
    }

    private void xdoQuiet(String... args) {
        try {
            xdo(args);
        } catch (Exception e) {
            // a window that closed meanwhile
        }
    }

    private List<String> xdoLines(String... args) throws Exception {
        try {
            return xdo(args).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String exec(List<String> argv, String display) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + ": " + output);
        }
        return output;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
