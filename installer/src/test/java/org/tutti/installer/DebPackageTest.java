package org.tutti.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DebPackageTest {

    @Test
    void theDesktopEntryHasTheMenuNameFrenchAndEnglishCommentsAndCategories() {
        String family = DebPackage.desktopEntry(Edition.FAMILY);
        assertThat(family).contains("Name=Tutti\n", "Comment[fr]=Espace des familles", "Comment=The music school's family portal",
                "Exec=/opt/tutti-family/bin/tutti-family\n", "Icon=tutti-family\n", "Categories=Education;Office;\n");
        assertThat(DebPackage.desktopEntry(Edition.STAFF)).contains("Name=Tutti Accueil\n",
                "Exec=/opt/tutti-staff/bin/tutti-staff\n");
    }

    @Test
    void theDesktopPackagesDependOnGtkNotOnXdgUtils() {
        String control = DebPackage.control(Edition.FAMILY, "0.1.0", "amd64", 123);
        assertThat(control).contains("Package: tutti-family\n", "Version: 0.1.0\n", "Architecture: amd64\n",
                "Installed-Size: 123\n", "Depends: libgtk-3-0, libgl1, libxxf86vm1\n").doesNotContain("xdg-utils");
        // every continuation line of the description starts with a space
        assertThat(control.lines().dropWhile(l -> !l.startsWith("Description:")).skip(1))
                .allMatch(l -> l.startsWith(" "));
    }

    @Test
    void theInstalledArchiveIsDumpedAtInstallAndRemovedBeforeTheFilesGo() {
        List<String> dump = CdsArchive.dumpCommand("/opt/tutti-family/lib/runtime/bin/java", "/opt/tutti-family/lib/app",
                List.of("/opt/tutti-family/lib/app/tutti.jar", "/opt/tutti-family/lib/app/h2.jar"), ":");
        String postinst = DebPackage.postinst(Edition.FAMILY, dump);
        assertThat(postinst).contains("-Xshare:dump", "-XX:SharedArchiveFile=/opt/tutti-family/lib/app/tutti.jsa",
                "-cp /opt/tutti-family/lib/app/tutti.jar:/opt/tutti-family/lib/app/h2.jar")
                .doesNotContain("xdg-");
        assertThat(DebPackage.prerm(Edition.FAMILY)).contains("rm -f /opt/tutti-family/lib/app/tutti.jsa");
        assertThat(DebPackage.postrm(Edition.FAMILY)).doesNotContain(".local/share", "rm -rf");
    }

    @Test
    void theRelayPackageMakesItsUserAndStartsOnlyWithItsConfiguration() {
        String postinst = DebPackage.postinst(Edition.RELAY, List.of());
        assertThat(postinst).contains("getent passwd tutti-relay", "adduser --system",
                "if [ -f /etc/tutti/tutti-relay.json ]", "/usr/share/doc/tutti-relay/tutti-relay.json.example",
                "if [ -d /run/systemd/system ]");
        assertThat(DebPackage.control(Edition.RELAY, "0.1.0", "amd64", 1)).contains("Depends: adduser\n")
                .doesNotContain("libgtk");
        assertThat(DebPackage.postrm(Edition.RELAY)).contains("purge").doesNotContain("/etc/tutti");
    }
}
