package org.tutti.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux launcher starts the runtime's Java as jpackage's launcher would from the same cfg:
 * checked on an app-image whose "Java" writes down the arguments it was given, in folders with a
 * space and an ampersand, called directly and through a symbolic link (a menu entry may be one).
 */
class PosixLauncherTest {

    @TempDir
    Path temp;

    private Path root;
    private Path received;
    private AppImage image;

    @BeforeEach
    void anAppImageWhoseJavaWritesItsArguments() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed (Essential on Debian)");
        root = Files.createDirectories(temp.resolve("Mes applis & co/tutti-family"));
        image = AppImage.of(root.getParent(), "tutti-family", "Linux");
        received = temp.resolve("received.txt");
        Files.createDirectories(image.appFolder());
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/tutti-family"), "jpackage's binary launcher");
        Files.writeString(root.resolve(PosixLauncher.JPACKAGE_LIBRARY), "jpackage's library");
        Path java = Files.createDirectories(image.runtime().resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/bash\nprintf '%s\\n' \"$0\" \"$@\" \"JDK_JAVA_OPTIONS=$JDK_JAVA_OPTIONS\" > \"$RECEIVED\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void cfg(String... lines) throws IOException {
        Files.writeString(image.cfg("tutti-family"), String.join("\n", lines) + "\n");
    }

    private Run run(Path launcher, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        Path output = temp.resolve("launcher-output.txt");
        Files.deleteIfExists(received);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("RECEIVED", received.toString(), "JDK_JAVA_OPTIONS", "-Dfrom.environment=1"));
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end within 30 s: " + Files.readString(output));
        }
        List<String> javaArguments = Files.exists(received) ? Files.readAllLines(received) : List.of();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), javaArguments);
    }

    private record Run(int status, String output, List<String> javaArguments) {
    }

    @Test
    void itStartsTheRuntimesJavaWithTheCfgsOptionsClassPathAndMainClass() throws Exception {
        cfg("[Application]", "app.classpath=$APPDIR/tutti.jar", "app.mainclass=org.tutti.client.Launcher",
                "app.classpath=$APPDIR/h2 2.jar", "", "[JavaOptions]", "java-options=-Xmx128m",
                "java-options=-XX:SharedArchiveFile=$APPDIR/tutti.jsa", "java-options=-Dlabel=deux mots");
        PosixLauncher.install(image, "tutti-family");

        Run run = run(root.resolve("bin/tutti-family"));

        String app = image.appFolder().toString();
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.javaArguments()).containsExactly(image.runtime().resolve("bin/tutti-family").toString(),
                "-Xmx128m", "-XX:SharedArchiveFile=" + app + "/tutti.jsa", "-Dlabel=deux mots",
                "-cp", app + "/tutti.jar:" + app + "/h2 2.jar",
                "-Djpackage.app-path=" + root.resolve("bin/tutti-family"), "org.tutti.client.Launcher",
                "JDK_JAVA_OPTIONS=");
        assertThat(root.resolve(PosixLauncher.JPACKAGE_LIBRARY)).doesNotExist();
        assertThat(Files.readString(root.resolve("bin/tutti-family"))).startsWith("#!/bin/bash\n");
    }

    @Test
    void theDefaultArgumentsGoOnlyWhenNoneIsGiven() throws Exception {
        cfg("[Application]", "app.classpath=$APPDIR/tutti.jar", "app.mainclass=org.tutti.client.Launcher",
                "[ArgOptions]", "arguments=--relay", "arguments=--config", "arguments=/etc/tutti/a b.json");
        PosixLauncher.install(image, "tutti-family");

        assertThat(run(root.resolve("bin/tutti-family")).javaArguments())
                .endsWith("org.tutti.client.Launcher", "--relay", "--config", "/etc/tutti/a b.json", "JDK_JAVA_OPTIONS=");
        assertThat(run(root.resolve("bin/tutti-family"), "--help", "x y").javaArguments())
                .endsWith("org.tutti.client.Launcher", "--help", "x y", "JDK_JAVA_OPTIONS=");
    }

    @Test
    void throughSymbolicLinksItFindsItsAppImageAndName() throws Exception {
        cfg("[Application]", "app.classpath=$APPDIR/tutti.jar", "app.mainclass=org.tutti.client.Launcher");
        PosixLauncher.install(image, "tutti-family");
        Path link = Files.createSymbolicLink(temp.resolve("tutti"), root.resolve("bin/tutti-family"));
        Path linkedFolder = Files.createSymbolicLink(temp.resolve("opt-link"), root);

        for (Path launcher : List.of(link, linkedFolder.resolve("bin/tutti-family"))) {
            Run run = run(launcher);

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.javaArguments()).as("started as %s", launcher)
                    .startsWith(image.runtime().resolve("bin/tutti-family").toString())
                    .contains("-cp", image.appFolder() + "/tutti.jar", "-Djpackage.app-path=" + root.resolve("bin/tutti-family"));
        }
    }

    @Test
    void commentsWindowsLineEndsAndAMissingLastLineEndAreRead() throws Exception {
        Files.writeString(image.cfg("tutti-family"), "; jpackage's comment\r\n[Application]\r\n# another\r\n"
                + "app.mainclass=org.tutti.client.Launcher\r\napp.classpath=$APPDIR/tutti.jar\r\n\r\n"
                + "[JavaOptions]\r\njava-options=-Xmx256m");
        PosixLauncher.install(image, "tutti-family");

        Run run = run(root.resolve("bin/tutti-family"));

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.javaArguments()).containsSubsequence("-Xmx256m", "-cp", image.appFolder() + "/tutti.jar",
                "org.tutti.client.Launcher");
    }

    @Test
    void anOptionOutsideItsSectionStopsIt() throws Exception {
        cfg("[Application]", "app.classpath=$APPDIR/tutti.jar", "app.mainclass=org.tutti.client.Launcher",
                "java-options=-Xmx256m");
        PosixLauncher.install(image, "tutti-family");

        Run run = run(root.resolve("bin/tutti-family"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("unexpected line in", "(section [Application]): java-options=-Xmx256m");
        assertThat(run.javaArguments()).as("Java is not started").isEmpty();

        cfg("[Application]", "app.mainclass=org.tutti.client.Launcher", "[AppCDSJavaOptions]", "java-options=-Xshare:dump");
        assertThat(run(root.resolve("bin/tutti-family")).output()).contains("unexpected line in", "[AppCDSJavaOptions]");
    }

    @Test
    void aCfgLineItDoesNotKnowStopsItWithTheLineNamed() throws Exception {
        cfg("[Application]", "app.classpath=$APPDIR/tutti.jar", "app.mainclass=org.tutti.client.Launcher",
                "app.mainmodule=org.tutti.client");
        PosixLauncher.install(image, "tutti-family");

        Run run = run(root.resolve("bin/tutti-family"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("tutti-family: unexpected line in", "app.mainmodule=org.tutti.client");
        assertThat(run.javaArguments()).as("Java is not started").isEmpty();
    }

    @Test
    void aMissingCfgIsSaidAtStart() throws Exception {
        cfg("[Application]", "app.mainclass=org.tutti.client.Launcher");
        PosixLauncher.install(image, "tutti-family");
        Files.delete(image.cfg("tutti-family"));

        Run run = run(root.resolve("bin/tutti-family"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("tutti-family.cfg is missing: install the package again.");
    }

    @Test
    void anAppImageWithoutItsCfgOrJavaIsRefusedWhenBuilt() throws Exception {
        assertThatThrownBy(() -> PosixLauncher.install(image, "tutti-family")).hasMessageContaining("tutti-family.cfg");
        cfg("[Application]", "app.mainclass=org.tutti.client.Launcher");
        Files.delete(image.runtime().resolve("bin/java"));
        assertThatThrownBy(() -> PosixLauncher.install(image, "tutti-family")).hasMessageContaining("bin/java");
    }
}
