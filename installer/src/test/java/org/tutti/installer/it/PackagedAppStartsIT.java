package org.tutti.installer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.cli.TuttiSchemaCli;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The family edition's app-image, as jpackage built it, starts on a display and reaches a real
 * PostgreSQL: the packaged runtime holds every module Tutti needs (the login window appears, the
 * database answers) and nothing Tutti does not need (no javafx.web).
 *
 * <p>The app runs under a private Xvfb with a private data folder ({@code XDG_DATA_HOME}) holding
 * the per-user {@code tutti.json}, and a private {@code user.home} (JavaFX and Java write caches
 * there). Without Xvfb on the PATH the start-up test is skipped, unless
 * {@code TUTTI_REQUIRE_DISPLAY=1} (CI) turns the missing package into a failure.
 */
class PackagedAppStartsIT {

    /**
     * The app-image folder (bin/tutti-family, lib/app, lib/runtime): {@code -Dtutti.appImage.family},
     * else {@code tutti-family} in {@code -Dtutti.appImages}, else where the installer module builds it.
     */
    static final Path APP_IMAGE = Path.of(System.getProperty("tutti.appImage.family",
            System.getProperty("tutti.appImages", "target/jpackage/app-image") + "/tutti-family")).toAbsolutePath();

    static {
        // the embedded PostgreSQL's files under target/, as in the other modules' tests
        if (System.getProperty("ot.epg.working-dir") == null) {
            System.setProperty("ot.epg.working-dir", Path.of("target/embedded-pg").toAbsolutePath().toString());
        }
    }
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("tutti.it.startSeconds", 180));
    static final String ROLE_PASSWORD = "family-password-for-the-packaged-app";

    /** What a packaged runtime that misses a module or a native library prints. */
    static final List<String> FAILURE_SIGNS = List.of("ClassNotFoundException", "NoClassDefFoundError",
            "Unsupported JavaFX configuration", "UnsatisfiedLinkError", "Error initializing QuantumRenderer");

    @TempDir
    Path work;

    /** A private Xvfb on the first free display number; skips (or fails, in CI) without Xvfb. */
    private static Display startDisplay() throws IOException, InterruptedException {
        Optional<Path> binary = onPath(System.getProperty("tutti.it.xvfb", "Xvfb"));
        if (binary.isEmpty()) {
            String why = "Xvfb is not installed (Debian package xvfb; the app also needs libgtk-3-0)";
            if ("1".equals(System.getenv("TUTTI_REQUIRE_DISPLAY"))) {
                fail(why + ", and TUTTI_REQUIRE_DISPLAY=1 asks for the packaged app to be started");
            }
            Assumptions.abort(why + ": the packaged app's start-up is not checked (TUTTI_REQUIRE_DISPLAY=1 makes this a failure)");
        }
        // -displayfd: Xvfb takes the first free display number and writes it once it accepts clients
        Process xvfb = new ProcessBuilder(binary.get().toString(), "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            xvfb.destroy();
            fail("Xvfb did not start (exit " + (xvfb.waitFor(5, TimeUnit.SECONDS) ? xvfb.exitValue() : "?") + ")");
        }
        return new Display(xvfb, ":" + number.strip());
    }

    /** A running Xvfb and its display name ({@code :N}). */
    private record Display(Process xvfb, String name) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }

    @Test
    void theFamilyAppImageShowsTheLoginWindowAndReachesItsServer() throws Exception {
        Path launcher = APP_IMAGE.resolve("bin/tutti-family");
        assertThat(launcher).as("the family app-image's launcher (built by the installer module in pre-integration-test)")
                .isExecutable();
        try (Display display = startDisplay()) {
            String config = familyConfig(seededServer());
            Map<String, Double> packaged = startAndWatch(List.of(launcher.toString()), "packaged", config, display.name(), true);
            // -Dtutti.it.javaJar=client/target/tutti.jar: the same start with java -jar, for the release notes
            String javaJar = System.getProperty("tutti.it.javaJar", "");
            if (!javaJar.isBlank()) {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Map<String, Double> plain = startAndWatch(List.of(java, "-jar", Path.of(javaJar).toAbsolutePath().toString()),
                        "java-jar", config, display.name(), false);
                System.out.printf("Start-up, same server, same display: packaged %.1f s / %.1f s, java -jar %.1f s / %.1f s"
                        + " (login window / backend ready)%n", packaged.get(LOGIN_SHOWN), packaged.get(BACKEND_READY),
                        plain.get(LOGIN_SHOWN), plain.get(BACKEND_READY));
            }
        }
    }

    static final String LOGIN_SHOWN = "Login window shown";
    static final String BACKEND_READY = "Backend ready (2 sites, demo=false)";

    /**
     * Starts {@code command} with a fresh data folder holding {@code config}; the seconds to the
     * login window and to the backend. The packaged app is also logged in and must print no sign
     * of a missing class or library ({@code java -jar} has JavaFX on the class path, which JavaFX
     * calls an "Unsupported JavaFX configuration").
     */
    private Map<String, Double> startAndWatch(List<String> command, String label, String config, String display, boolean packaged)
            throws Exception {
        Path xdgDataHome = Files.createDirectories(work.resolve(label + "/xdg-data"));
        Path dataFolder = Files.createDirectories(xdgDataHome.resolve("tutti"));
        Path home = Files.createDirectories(work.resolve(label + "/home"));
        Files.writeString(dataFolder.resolve("tutti.json"), config);
        Path output = work.resolve(label + "/app-output.txt");
        Path log = dataFolder.resolve("logs/tutti.log");

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("DISPLAY", display);
        env.put("XDG_DATA_HOME", xdgDataHome.toString());
        env.put("HOME", home.toString());
        env.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        // rpm and dpkg that write down being asked: jpackage's launcher asked both at every start (ADR 0024)
        Path asked = work.resolve(label + "/package-queries.txt");
        if (packaged) {
            Path spies = Files.createDirectories(work.resolve(label + "/spies"));
            for (String tool : List.of("rpm", "dpkg", "dpkg-query")) {
                Path spy = spies.resolve(tool);
                Files.writeString(spy, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + asked + "'\nexit 1\n");
                Files.setPosixFilePermissions(spy, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            env.put("PATH", spies + java.io.File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        }
        Process app = builder.start();
        try {
            List<String> awaited = List.of(LOGIN_SHOWN, BACKEND_READY);
            Map<String, Double> seen = waitForLines(log, awaited, app, START_TIMEOUT);
            String report = report(output, log);
            assertThat(seen.keySet()).as("within %s the log %s says %s; the app %s%n%s", START_TIMEOUT, log, awaited,
                    app.isAlive() ? "is still running" : "exited with " + app.exitValue(), report)
                    .containsExactlyInAnyOrderElementsOf(awaited);
            System.out.printf("Family app (%s, %s): login window after %.1f s, backend ready after %.1f s%n",
                    label, command.get(command.size() - 1), seen.get(LOGIN_SHOWN), seen.get(BACKEND_READY));
            assertThat(app.isAlive()).as("the app is still running once ready%n%s", report).isTrue();
            if (packaged) {
                logInWithTheKeyboard(display, log, app);
                assertThat(report(output, log)).as("what the app printed and logged").doesNotContain(FAILURE_SIGNS);
                assertThat(asked).as("the launcher asked a package manager which package it belongs to").doesNotExist();
            }
            return seen;
        } finally {
            stop(app);
        }
    }

    /**
     * With xdotool on the PATH: types the demo family's identifier and password into the login
     * window (the identifier field has the focus, the first site is chosen) and waits for the
     * log to say the family is logged in, which loads the first screen's data through Hibernate.
     */
    private static void logInWithTheKeyboard(String display, Path log, Process app) throws Exception {
        Optional<Path> xdotool = onPath("xdotool");
        if (xdotool.isEmpty()) {
            System.out.println("xdotool is not installed: the packaged app's login is not tried");
            return;
        }
        String window = run(display, xdotool.get().toString(), "search", "--sync", "--onlyvisible", "--name", "Tutti").lines()
                .findFirst().orElseThrow(() -> new AssertionError("no visible window named Tutti on " + display));
        run(display, xdotool.get().toString(), "windowfocus", "--sync", window);
        run(display, xdotool.get().toString(), "type", "--delay", "40", "F0001");
        run(display, xdotool.get().toString(), "key", "Tab");
        run(display, xdotool.get().toString(), "type", "--delay", "40", "bellerive");
        run(display, xdotool.get().toString(), "key", "Return");
        Map<String, Double> seen = waitForLines(log, List.of("Logged in:"), app, Duration.ofSeconds(60));
        assertThat(seen).as("after typing F0001 / bellerive, the log %s says 'Logged in:'%n%s", log, read(log))
                .containsKey("Logged in:");
        System.out.printf("Packaged family app: logged in %.1f s after Entrée%n", seen.get("Logged in:"));
    }

    /** Runs a command on {@code display}; its output. */
    private static String run(String display, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as("%s: %s", String.join(" ", command), output).isTrue();
        return output;
    }

    @Test
    void thePackagedRuntimeHasJavaFxControlsButNotJavaFxWeb() throws IOException {
        Path release = APP_IMAGE.resolve("lib/runtime/release");
        assertThat(release).as("the jlink'd runtime of the app-image").isRegularFile();
        List<String> modules = releaseModules(release);
        assertThat(modules).as("the modules of %s", release)
                .contains("java.base", "java.sql", "java.naming", "java.desktop", "jdk.crypto.ec", "jdk.localedata",
                        "javafx.base", "javafx.graphics", "javafx.controls")
                .doesNotContain("javafx.web", "javafx.media", "jdk.jshell", "jdk.compiler");
        try (var jars = Files.list(APP_IMAGE.resolve("lib/app"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .as("JavaFX lives in the runtime, not again on the class path (\"Unsupported JavaFX configuration\")")
                    .noneMatch(name -> name.startsWith("javafx-"));
        }
    }

    /** The MODULES line of a runtime's {@code release} file: {@code MODULES="java.base java.sql …"}. */
    static List<String> releaseModules(Path release) throws IOException {
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith("MODULES=")) {
                String value = line.substring("MODULES=".length()).replace("\"", "").strip();
                return Arrays.asList(value.split("\\s+"));
            }
        }
        return fail("no MODULES line in " + release);
    }

    /** A fresh database on the embedded PostgreSQL: migrated, the demo school written, tutti_family's password set. */
    private static TestDatabase seededServer() throws SQLException {
        TestDatabase db = TestDatabases.freshPostgres();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, 20).generate(db.dataSource(), DemoProgress.NONE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TuttiSchemaCli.run(new PrintWriter(out), new PrintWriter(err), "role-password", "tutti_family",
                ROLE_PASSWORD, "--url", db.url(), "--user", db.user(), "--password", db.password());
        assertThat(exit).as("tutti-schema role-password: %s", err).isZero();
        return db;
    }

    /** The family's tutti.json for {@code db}, reached on the loopback (no TLS needed there). */
    private static String familyConfig(TestDatabase db) {
        String url = "jdbc:postgresql://localhost:" + TestDatabases.server().getPort() + "/" + TestDatabases.databaseName(db);
        return "{\"mode\": \"family\", \"database\": {\"url\": \"" + url + "\", \"user\": \"tutti_family\", \"password\": \""
                + ROLE_PASSWORD + "\"}}\n";
    }

    /**
     * Polls the log until it has every line, the app exits or logs an error, or the time is up;
     * returns the lines seen, each with the seconds since the start when it first appeared.
     */
    private static Map<String, Double> waitForLines(Path log, List<String> lines, Process app, Duration timeout)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, Double> seen = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            for (String line : lines) {
                if (!seen.containsKey(line) && text.contains(line)) {
                    seen.put(line, (System.nanoTime() - started) / 1e9);
                }
            }
            // a failed start waits in the login window for Réessayer: its one ERROR line says why
            if (seen.size() == lines.size() || !app.isAlive() || text.contains(" ERROR ")) {
                break;
            }
            Thread.sleep(100);
        }
        return seen;
    }

    private static String report(Path output, Path log) throws IOException {
        return "--- stdout/stderr of the app ---\n" + read(output) + "\n--- " + log + " ---\n" + read(log);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
    }

    private static void stop(Process app) throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(app.descendants().toList());
        app.destroy();
        if (!app.waitFor(15, TimeUnit.SECONDS)) {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
