package org.tutti.installer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

/** jlink and jpackage through {@link ToolProvider} (same JDK as the build, every system), and plain processes. */
final class Tools {

    private Tools() {
    }

    /** Runs a JDK tool; its output is shown only when it fails. */
    static void run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new PackagingException(
                "The JDK running the build has no " + tool + " (a JDK 17 or newer is needed, not a JRE)"));
        StringWriter out = new StringWriter();
        long start = System.nanoTime();
        int status;
        try (PrintWriter writer = new PrintWriter(out)) {
            status = provider.run(writer, writer, args.toArray(String[]::new));
        }
        log(tool + " done in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        if (status != 0) {
            throw new PackagingException(tool + " failed (status " + status + "): " + out.toString().strip()
                    + "\n  " + tool + " " + String.join(" ", args));
        }
    }

    /** Runs a process, waits at most {@code timeoutSeconds}; returns its status and output. */
    static Result exec(List<String> command, Map<String, String> environment, Path directory, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            // read while it runs: a full pipe would block the process
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append(e);
                }
            }, "tutti-installer-output");
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                reader.join(5000);
                return new Result(-1, output + "\n(stopped after " + timeoutSeconds + " s)");
            }
            reader.join(5000);
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            return new Result(-2, command.get(0) + " cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("Interrupted while running " + command.get(0), e);
        }
    }

    /** Runs a process that must succeed. */
    static String execOrFail(List<String> command, Path directory, long timeoutSeconds) {
        Result result = exec(command, Map.of(), directory, timeoutSeconds);
        if (result.status() != 0) {
            throw new PackagingException(String.join(" ", command) + " failed (status " + result.status() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    static List<String> list(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    static void log(String line) {
        System.out.println("[tutti-installer] " + line);
    }

    record Result(int status, String output) {
    }
}
