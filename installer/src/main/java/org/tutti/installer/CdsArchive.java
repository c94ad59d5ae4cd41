package org.tutti.installer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AppCDS archive of a desktop app-image. Java 17 ties an archive to the absolute location of
 * the class path it was dumped with (JDK-8279366 lifts that only in 19), so the build keeps the
 * <em>class list</em> ({@code tutti.classlist}, from a training run of the app-image that shows
 * the login window and opens the demo database), dumps {@code tutti.jsa} for the app-image where
 * it lies, and the Debian package dumps it again at the installed path (postinst).
 */
final class CdsArchive {

    static final String CLASS_LIST = "tutti.classlist";
    static final String ARCHIVE = "tutti.jsa";
    private static final long TRAINING_TIMEOUT_S = 180;

    private CdsArchive() {
    }

    /**
     * Runs the app-image once with {@code -Dtutti.training=exit} and writes the classes it loaded
     * to {@code classList}. Needs a display: {@code DISPLAY}, else an Xvfb this method starts on
     * Linux. Returns false (with the reason logged) when no training run was possible.
     */
    static boolean train(AppImage image, String launcherName, Path classList, Path work, int xvfbDisplay) throws IOException {
        Path home = Files.createDirectories(work.resolve("training-home"));
        List<String> classPath = image.classPath(launcherName, image.appFolder().toString());
        Map<String, String> environment = new HashMap<>();
        Process xvfb = null;
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && isBlank(System.getenv("DISPLAY"))) {
            int display = freeDisplay(xvfbDisplay);
            try {
                xvfb = new ProcessBuilder("Xvfb", ":" + display, "-nolisten", "tcp", "-screen", "0", "1280x1024x24")
                        .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            } catch (IOException e) {
                Tools.log("No DISPLAY and no Xvfb (" + e.getMessage() + "): no AppCDS archive;"
                        + " the packaged Tutti starts without it (apt-get install xvfb to have it)");
                return false;
            }
            waitForSocket(Path.of("/tmp/.X11-unix/X" + display));
            environment.put("DISPLAY", ":" + display);
        }
        try {
            Files.deleteIfExists(classList);
            List<String> command = Tools.list(image.java().toString(),
                    "-XX:DumpLoadedClassList=" + classList,
                    "-Dtutti.training=exit", "-Dtutti.home=" + home,
                    "-cp", String.join(File.pathSeparator, classPath), "org.tutti.client.Launcher");
            long start = System.nanoTime();
            Tools.Result result = Tools.exec(command, environment, work, TRAINING_TIMEOUT_S);
            Files.writeString(work.resolve("training.log"), result.output());
            boolean trained = result.status() == 0 && Files.isRegularFile(classList)
                    && Files.readString(classList).contains("org/tutti/client/TuttiApp");
            Tools.log("Class-list run: status " + result.status() + " in " + (System.nanoTime() - start) / 1_000_000
                    + " ms, " + (Files.exists(classList) ? Files.readAllLines(classList).size() : 0) + " classes"
                    + (trained ? "" : " (unusable: see " + work.resolve("training.log") + "; no AppCDS archive)"));
            return trained;
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    /** The java command that dumps the archive for the class path of {@code appFolderAsInstalled}. */
    static List<String> dumpCommand(String java, String appFolderAsInstalled, List<String> classPath, String separator) {
        return Tools.list(java, "-Xshare:dump",
                "-XX:SharedClassListFile=" + appFolderAsInstalled + "/" + CLASS_LIST,
                "-XX:SharedArchiveFile=" + appFolderAsInstalled + "/" + ARCHIVE,
                "-cp", String.join(separator, classPath));
    }

    /** Dumps {@code tutti.jsa} into the app-image where it lies (what the app-image and its tests use). */
    static void dump(AppImage image, String launcherName) throws IOException {
        String app = image.appFolder().toString();
        List<String> command = dumpCommand(image.java().toString(), app, image.classPath(launcherName, app), File.pathSeparator);
        long start = System.nanoTime();
        Tools.Result result = Tools.exec(command, Map.of(), image.appFolder(), 300);
        if (result.status() != 0) {
            Files.deleteIfExists(image.appFolder().resolve(ARCHIVE));
            Tools.log("AppCDS dump failed (status " + result.status() + "), the app-image runs without it: "
                    + result.output().lines().reduce((a, b) -> b).orElse(""));
            return;
        }
        Tools.log("AppCDS archive " + image.appFolder().resolve(ARCHIVE) + ": "
                + Files.size(image.appFolder().resolve(ARCHIVE)) / (1024 * 1024) + " MB in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static int freeDisplay(int first) {
        for (int display = first; display < first + 50; display++) {
            if (!Files.exists(Path.of("/tmp/.X" + display + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + display))) {
                return display;
            }
        }
        return first;
    }

    private static void waitForSocket(Path socket) {
        for (int i = 0; i < 50 && !Files.exists(socket); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
