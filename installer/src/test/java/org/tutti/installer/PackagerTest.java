package org.tutti.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagerTest {

    @Test
    void thePackageVersionIsTheProjectsWithoutSnapshotUnlessGiven() {
        assertThat(Packager.packageVersion("", "0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(Packager.packageVersion(null, "0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(Packager.packageVersion("1.4.2", "0.1.0-SNAPSHOT")).isEqualTo("1.4.2");
        assertThatThrownBy(() -> Packager.packageVersion("1.4-beta", "0.1.0"))
                .hasMessageContaining("Package version \"1.4-beta\"")
                .hasMessageContaining("-Dtutti.package.version");
    }

    @Test
    void editionsAreReadFromTheCommandLine() {
        assertThat(Packager.editions("family,staff,relay")).containsExactly(Edition.FAMILY, Edition.STAFF, Edition.RELAY);
        assertThatThrownBy(() -> Packager.editions("family,teachers"))
                .hasMessageContaining("Unknown edition \"teachers\": expected family, staff or relay");
    }

    @Test
    void argumentsAreNameValuePairs() {
        assertThat(Packager.parse(new String[] {"--work=/tmp/w", "--config-family="}))
                .containsEntry("work", "/tmp/w").containsEntry("config-family", "");
        assertThatThrownBy(() -> Packager.parse(new String[] {"family"})).hasMessageContaining("--name=value");
    }

    @Test
    void eachSystemGetsItsPackageType() {
        assertThat(PackageType.forOs("Linux")).isEqualTo(PackageType.DEB);
        assertThat(PackageType.forOs("Windows 11")).isEqualTo(PackageType.MSI);
        assertThat(PackageType.forOs("Mac OS X")).isEqualTo(PackageType.DMG);
        assertThatThrownBy(() -> PackageType.forOs("FreeBSD")).hasMessageContaining("FreeBSD");
        assertThat(PackageType.debianArchitecture("amd64")).isEqualTo("amd64");
        assertThat(PackageType.debianArchitecture("aarch64")).isEqualTo("arm64");
    }

    @Test
    void theDesktopRuntimeHasJavafxControlsAndWhatTlsAndFrenchNeedButNoWebView() {
        List<String> desktop = RuntimeModules.forEdition(Edition.FAMILY);
        assertThat(desktop).contains("javafx.controls", "jdk.crypto.ec", "jdk.localedata", "jdk.unsupported", "java.sql")
                .doesNotContainAnyElementsOf(RuntimeModules.EXCLUDED);
        assertThat(RuntimeModules.forEdition(Edition.STAFF)).isEqualTo(desktop);
        assertThat(RuntimeModules.forEdition(Edition.RELAY)).contains("jdk.crypto.ec").doesNotContain("javafx.controls");
        assertThat(RuntimeModules.jlinkArguments(desktop, "fx.jar", "rt"))
                .contains("--strip-debug", "--no-header-files", "--no-man-pages", "--include-locales=fr,en")
                .containsSubsequence("--module-path", "fx.jar");
    }

    @Test
    void theDesktopLauncherCapsTheHeapUsesSerialGcAndTheArchiveAndRequiresTheBakedFile() {
        assertThat(JvmOptions.desktop(false)).contains("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m",
                "-XX:SharedArchiveFile=$APPDIR/tutti.jsa", "-Xshare:auto", "-XX:ArchiveRelocationMode=0")
                .doesNotContain("-Dtutti.config.required=true");
        assertThat(JvmOptions.desktop(true)).contains("-Dtutti.config.required=true");
        assertThat(JvmOptions.relay()).contains("-Dtutti.home=/var/lib/tutti-relay");
    }

    @Test
    void onlyJavafxModuleJarsGoToTheModulePath(@TempDir Path folder) throws IOException {
        jar(folder.resolve("javafx-base-21.0.11.jar"), "META-INF/MANIFEST.MF");
        jar(folder.resolve("javafx-base-21.0.11-linux.jar"), "module-info.class");
        jar(folder.resolve("javafx-graphics-21.0.11-win.jar"), "module-info.class");

        assertThat(Packager.javafxModules(folder)).extracting(p -> p.getFileName().toString())
                .containsExactly("javafx-base-21.0.11-linux.jar", "javafx-graphics-21.0.11-win.jar");
        Files.delete(folder.resolve("javafx-base-21.0.11-linux.jar"));
        Files.delete(folder.resolve("javafx-graphics-21.0.11-win.jar"));
        assertThatThrownBy(() -> Packager.javafxModules(folder)).hasMessageContaining("No JavaFX module jar");
    }

    @Test
    void windowsUpgradeCodesAreFixedAndDifferPerEdition() {
        assertThat(WindowsUpgradeCodes.of(Edition.FAMILY)).isEqualTo("6f1f3a52-0b7e-4c39-9d55-3f2a8c1e7b01");
        assertThat(WindowsUpgradeCodes.of(Edition.STAFF)).isNotEqualTo(WindowsUpgradeCodes.of(Edition.FAMILY));
    }

    private static void jar(Path file, String entry) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry(entry));
            out.closeEntry();
        }
    }
}
