package org.tutti.installer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the default build's app-image holds (built in pre-integration-test by the Packager): a
 * runtime with JavaFX's controls and what TLS and French need but no WebView, the desktop's JVM
 * options and the AppCDS archive in the launcher's configuration, and the baked tutti.json only
 * when the build was given one. Starting the app-image is the other integration test's job.
 */
class AppImageContentIT {

    private static final Path IMAGES = Path.of(System.getProperty("tutti.appImages", "target/jpackage/app-image"));
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private static Path family() {
        return IMAGES.resolve("tutti-family");
    }

    private static Path appFolder() {
        return LINUX ? family().resolve("lib/app") : family().resolve("app");
    }

    private static Path runtime() {
        return LINUX ? family().resolve("lib/runtime") : family().resolve("runtime");
    }

    @Test
    void theRuntimeHasOnlyTheModulesTuttiNeeds() throws IOException {
        String release = Files.readString(runtime().resolve("release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(modules).contains("javafx.controls", "javafx.graphics", "jdk.crypto.ec", "jdk.localedata",
                "jdk.unsupported", "java.sql", "java.naming");
        assertThat(modules).doesNotContain("javafx.web", "javafx.media", "javafx.swing", "jdk.jshell", "jdk.compiler");
        // no debug data, no headers, no man pages
        assertThat(runtime().resolve("include")).doesNotExist();
        assertThat(runtime().resolve("man")).doesNotExist();
    }

    @Test
    void theLauncherCapsTheHeapAndUsesSerialGcAndTheArchive() throws IOException {
        List<String> cfg = Files.readAllLines(appFolder().resolve("tutti-family.cfg"));
        assertThat(cfg).contains("app.mainclass=org.tutti.client.Launcher", "java-options=-Xms32m", "java-options=-Xmx128m",
                "java-options=-XX:+UseSerialGC", "java-options=-XX:MaxHeapFreeRatio=30", "java-options=-XX:TieredStopAtLevel=1", "java-options=-XX:SharedArchiveFile=$APPDIR/tutti.jsa",
                "java-options=-Xshare:auto");
        assertThat(cfg).anyMatch(l -> l.equals("app.classpath=$APPDIR/tutti.jar"));
        // JavaFX is in the runtime, never on the class path
        assertThat(cfg).noneMatch(l -> l.startsWith("app.classpath=") && l.contains("javafx"));
    }

    @Test
    void onLinuxTheLauncherIsTuttisScriptThatStartsTheRuntimesJavaUnderTheAppsName() throws IOException {
        assumeTrue(LINUX, "jpackage's own launchers on Windows and macOS");
        assertThat(Files.readString(family().resolve("bin/tutti-family"))).startsWith("#!/bin/bash\n")
                .contains("lib/app/<this name>.cfg");
        assertThat(family().resolve("bin/tutti-family")).isExecutable();
        assertThat(runtime().resolve("bin/tutti-family")).as("the Java launcher under the app's name").isExecutable()
                .hasSameBinaryContentAs(runtime().resolve("bin/java"));
        assertThat(family().resolve("lib/libapplauncher.so")).as("jpackage's launcher library, unused").doesNotExist();
    }

    @Test
    void theAppCdsArchiveWasDumpedFromTheTrainingRunsClassList() throws IOException {
        // the training run needs a display: DISPLAY, or an Xvfb the Packager starts (Linux)
        assumeTrue(!LINUX || System.getenv("DISPLAY") != null || onPath("Xvfb"),
                "no DISPLAY and no Xvfb: the build made no AppCDS archive (it says so)");
        Path classList = appFolder().resolve("tutti.classlist");
        assertThat(classList).exists();
        List<String> classes = Files.readAllLines(classList);
        // the whole start: the login window and the database behind it
        assertThat(classes).anyMatch(l -> l.matches("org/tutti/client/ui/login/LoginView( .*)?"))
                .anyMatch(l -> l.startsWith("org/hibernate/"));
        assertThat(appFolder().resolve("tutti.jsa")).isRegularFile();
        assertThat(Files.size(appFolder().resolve("tutti.jsa"))).isGreaterThan(10L * 1024 * 1024);
    }

    @Test
    void theBakedConfigurationIsThereOnlyWhenTheBuildWasGivenOne() throws IOException {
        String given = System.getProperty("tutti.config.family", "");
        Path baked = appFolder().resolve("tutti.json");
        List<String> cfg = Files.readAllLines(appFolder().resolve("tutti-family.cfg"));
        if (given.isBlank()) {
            assertThat(baked).doesNotExist();
            assertThat(cfg).doesNotContain("java-options=-Dtutti.config.required=true");
        } else {
            assertThat(baked).hasSameTextualContentAs(Path.of(given));
            assertThat(cfg).contains("java-options=-Dtutti.config.required=true");
        }
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
