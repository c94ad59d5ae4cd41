package org.tutti.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tutti.client.data.BackendFactory;
import org.tutti.client.service.Backend;
import org.tutti.client.service.StartupListener;

/**
 * Measures the time from JVM start to the first frame of the login window, on an existing demo
 * data folder (the usual start of an installed copy): launches {@code java -jar tutti.jar}
 * N times with {@code -Dtutti.benchmark=true}, reads the {@code TUTTI_FIRST_FRAME_MS=} line the
 * application prints at its first frame (elapsed since the JVM's start time, then it exits), and
 * prints each run and the median. Target: ≤ 1500 ms.
 *
 * <p>It needs a display. On a machine without one, run it under Xvfb
 * ({@code apt-get install -y xvfb libgtk-3-0}):
 * <pre>
 * mvn -B -o -q -pl client package -DskipTests
 * mvn -B -o -q -pl client dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * xvfb-run -a java -cp client/target/test-classes:client/target/classes:$(cat /tmp/cp.txt) \
 *     org.tutti.client.StartupBenchmark client/target/tutti.jar 5
 * </pre>
 * The launched application uses the real GTK glass (the display of {@code xvfb-run}), not
 * Monocle: that is what a user starts. Xvfb has no GPU: JavaFX first tries its OpenGL pipeline,
 * fails the hardware check and falls back to software rendering, which costs ~100 ms that a
 * desktop with a GPU does not pay; {@code -Dbenchmark.jvmArgs=-Dprism.order=sw} skips that try. Arguments: the jar (default
 * {@code client/target/tutti.jar}), the number of runs (default 5), the data folder (default: a
 * temporary folder where the demo database is created once before the runs). Extra JVM options
 * for the launched application: system property {@code benchmark.jvmArgs} (space-separated).
 */
public final class StartupBenchmark {

    private static final long TIMEOUT_S = 60;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "client/target/tutti.jar").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dataFolder = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("tutti-bench-");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No jar at " + jar + ": run mvn package first");
        }
        System.out.println("Preparing the demo database in " + dataFolder + " …");
        long prepStart = System.nanoTime();
        try (Backend backend = BackendFactory.open(dataFolder, StartupListener.NONE)) {
            System.out.println("  ready (" + backend.sites().listSites().size() + " sites) in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - prepStart) + " ms");
        }

        List<Long> firstFrame = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long[] result = runOnce(jar, dataFolder);
            firstFrame.add(result[0]);
            System.out.printf("run %d: first frame %d ms after JVM start (process wall time %d ms)%n",
                    i, result[0], result[1]);
        }
        Collections.sort(firstFrame);
        long median = firstFrame.get(firstFrame.size() / 2);
        if (firstFrame.size() % 2 == 0) {
            median = (firstFrame.get(firstFrame.size() / 2 - 1) + median) / 2;
        }
        System.out.printf("median first frame: %d ms over %d runs (target ≤ 1500 ms)%n", median, runs);
    }

    /** @return {first frame ms since JVM start, wall time from process launch to marker} */
    private static long[] runOnce(Path jar, Path dataFolder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extra = System.getProperty("benchmark.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.add("-D" + TuttiApp.BENCHMARK_PROPERTY + "=true");
        command.add("-Dtutti.home=" + dataFolder.toAbsolutePath());
        command.add("-jar");
        command.add(jar.toString());
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Long marker = null;
        long wall = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (marker == null && line.startsWith(TuttiApp.FIRST_FRAME_MARKER)) {
                    wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
                    marker = Long.parseLong(line.substring(TuttiApp.FIRST_FRAME_MARKER.length()).split(" ")[0].trim());
                    System.out.println("  " + line);
                }
            }
        }
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not exit within " + TIMEOUT_S + " s");
        }
        if (marker == null) {
            throw new IllegalStateException("no " + TuttiApp.FIRST_FRAME_MARKER + " line; output:\n" + output);
        }
        return new long[] {marker, wall};
    }
}
