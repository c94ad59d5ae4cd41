package org.tutti.installer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Debian package of an edition, made with {@code dpkg-deb} from the jpackage app-image (not
 * with jpackage's own deb templates: their desktop entry goes through xdg-utils, whose
 * post-install fails in a bare system, and they cannot dump the AppCDS archive at the installed
 * path). Installed under {@code /opt/<package>}; desktop entry and icon in the standard places;
 * the relay adds its systemd unit and an example configuration.
 */
final class DebPackage {

    static final String MAINTAINER = "Tutti <tutti@localhost>";

    private DebPackage() {
    }

    static String installDir(Edition edition) {
        return "/opt/" + edition.packageName();
    }

    static String control(Edition edition, String version, String architecture, long installedSizeKb) {
        // JavaFX's natives are inside its jars, so no tool infers them: GTK for the window, GL for the
        // hardware pipeline (without them JavaFX falls back to software rendering, with a stack trace)
        String depends = edition.desktop() ? "libgtk-3-0, libgl1, libxxf86vm1" : "adduser";
        String description = edition.desktop()
                ? edition.menuName() + " - " + edition.commentFr() + "\n " + edition.commentEn()
                        + "\n .\n Tutti, " + (edition == Edition.FAMILY ? "family" : "front desk")
                        + " edition, with its own Java runtime."
                : "Tutti mail relay (systemd service) and tutti-schema\n The headless mail relay of Tutti, run as"
                        + " the service tutti-relay,\n and tutti-schema for the database migrations, with their own Java runtime.";
        return "Package: " + edition.packageName() + "\n"
                + "Version: " + version + "\n"
                + "Section: " + (edition.desktop() ? "education" : "mail") + "\n"
                + "Priority: optional\n"
                + "Architecture: " + architecture + "\n"
                + "Maintainer: " + MAINTAINER + "\n"
                + "Installed-Size: " + installedSizeKb + "\n"
                + "Depends: " + depends + "\n"
                + "Description: " + description + "\n";
    }

    static String desktopEntry(Edition edition) {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=" + edition.menuName() + "\n"
                + "Comment=" + edition.commentEn() + "\n"
                + "Comment[fr]=" + edition.commentFr() + "\n"
                + "Exec=" + installDir(edition) + "/bin/" + edition.packageName() + "\n"
                + "Icon=" + edition.packageName() + "\n"
                + "Terminal=false\n"
                + "Categories=Education;Office;\n"
                + "StartupWMClass=org.tutti.client.Launcher\n";
    }

    /** After unpacking: the AppCDS archive for the installed path, the menus' caches; the relay's user. */
    static String postinst(Edition edition, List<String> cdsDumpCommand) {
        StringBuilder script = new StringBuilder("#!/bin/sh\nset -e\n\ncase \"$1\" in\n  configure)\n");
        if (edition.desktop()) {
            String app = installDir(edition) + "/lib/app";
            script.append("    # AppCDS: Java 17 ties the archive to the class path's location, so it is made here\n")
                    .append("    if [ -f ").append(app).append('/').append(CdsArchive.CLASS_LIST).append(" ]; then\n")
                    .append("      rm -f ").append(app).append('/').append(CdsArchive.ARCHIVE).append('\n')
                    .append("      if ! ").append(shellJoin(cdsDumpCommand)).append(" >/dev/null 2>&1; then\n")
                    .append("        rm -f ").append(app).append('/').append(CdsArchive.ARCHIVE).append('\n')
                    .append("        echo \"").append(edition.packageName())
                    .append(": no start-up archive (Tutti works, it starts a little slower)\" >&2\n")
                    .append("      fi\n")
                    .append("    fi\n");
            // the menus and the icon cache follow through the dpkg triggers of desktop-file-utils and hicolor-icon-theme
        } else {
            script.append("    if ! getent passwd tutti-relay >/dev/null; then\n")
                    .append("      adduser --system --group --home /var/lib/tutti-relay --no-create-home --quiet tutti-relay\n")
                    .append("    fi\n")
                    .append("    install -d -o tutti-relay -g tutti-relay -m 0750 /var/lib/tutti-relay\n")
                    .append("    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi\n")
                    .append("    if [ -f /etc/tutti/tutti-relay.json ]; then\n")
                    .append("      if [ -d /run/systemd/system ]; then\n")
                    .append("        systemctl enable tutti-relay.service >/dev/null 2>&1 || true\n")
                    .append("        systemctl restart tutti-relay.service || echo \"tutti-relay: see journalctl -u tutti-relay\" >&2\n")
                    .append("      fi\n")
                    .append("    else\n")
                    .append("      echo \"tutti-relay: not started, /etc/tutti/tutti-relay.json is missing.\"\n")
                    .append("      echo \"  Write it (example: /usr/share/doc/tutti-relay/tutti-relay.json.example),\"\n")
                    .append("      echo \"  chgrp tutti-relay /etc/tutti/tutti-relay.json && chmod 0640 /etc/tutti/tutti-relay.json,\"\n")
                    .append("      echo \"  then: systemctl enable --now tutti-relay\"\n")
                    .append("    fi\n");
        }
        script.append("    ;;\nesac\n\nexit 0\n");
        return script.toString();
    }

    /**
     * Before removal or upgrade: the relay stops; a desktop edition removes the archive postinst
     * made (dpkg does not know it and would leave its folder behind).
     */
    static String prerm(Edition edition) {
        StringBuilder script = new StringBuilder("#!/bin/sh\nset -e\n\ncase \"$1\" in\n  remove|upgrade|deconfigure|failed-upgrade)\n");
        if (edition.desktop()) {
            script.append("    rm -f ").append(installDir(edition)).append("/lib/app/").append(CdsArchive.ARCHIVE).append('\n');
        } else {
            script.append("    if [ -d /run/systemd/system ]; then systemctl stop tutti-relay.service || true; fi\n");
        }
        script.append("    ;;\nesac\n\nexit 0\n");
        return script.toString();
    }

    /** After removal: only what postinst made; never a user's data folder (nor IT's /etc/tutti). */
    static String postrm(Edition edition) {
        StringBuilder script = new StringBuilder("#!/bin/sh\nset -e\n\ncase \"$1\" in\n  remove|purge)\n");
        if (edition.desktop()) {
            script.append("    rm -f ").append(installDir(edition)).append("/lib/app/").append(CdsArchive.ARCHIVE).append('\n');
        } else {
            script.append("    if [ -d /run/systemd/system ]; then systemctl disable tutti-relay.service >/dev/null 2>&1 || true; systemctl daemon-reload || true; fi\n")
                    .append("    if [ \"$1\" = purge ]; then\n")
                    .append("      # the relay's logs; the user tutti-relay stays (Debian never reuses a system user's id)\n")
                    .append("      rm -rf /var/lib/tutti-relay\n")
                    .append("    fi\n");
        }
        script.append("    ;;\nesac\n\nexit 0\n");
        return script.toString();
    }

    /** Builds {@code <package>_<version>_<arch>.deb} in {@code packages}; returns it. */
    static Path build(Edition edition, AppImage image, String version, Path work, Path packages, Path resources,
            Path icon) throws IOException {
        Path staging = work.resolve("deb").resolve(edition.packageName());
        Files.createDirectories(staging.getParent());
        deleteTree(staging);
        Path opt = staging.resolve(installDir(edition).substring(1));
        copyTree(image.root(), opt);
        // the archive of the app-image is tied to the build's path: postinst makes the installed one
        Files.deleteIfExists(opt.resolve("lib/app").resolve(CdsArchive.ARCHIVE));
        if (edition.desktop()) {
            write(staging.resolve("usr/share/applications/" + edition.packageName() + ".desktop"), desktopEntry(edition), false);
            Path icons = staging.resolve("usr/share/icons/hicolor/256x256/apps/" + edition.packageName() + ".png");
            Files.createDirectories(icons.getParent());
            Files.copy(icon, icons, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Path unit = staging.resolve("lib/systemd/system/tutti-relay.service");
            Files.createDirectories(unit.getParent());
            Files.copy(resources.resolve("deb/tutti-relay.service"), unit);
            Path doc = staging.resolve("usr/share/doc/tutti-relay");
            Files.createDirectories(doc);
            Files.copy(resources.resolve("deb/tutti-relay.json.example"), doc.resolve("tutti-relay.json.example"));
        }
        long sizeKb = (treeSize(staging) + 1023) / 1024;
        String architecture = PackageType.debianArchitecture(System.getProperty("os.arch"));
        Path debian = staging.resolve("DEBIAN");
        write(debian.resolve("control"), control(edition, version, architecture, sizeKb), false);
        List<String> dump = List.of();
        if (edition.desktop()) {
            String app = installDir(edition) + "/lib/app";
            dump = CdsArchive.dumpCommand(installDir(edition) + "/lib/runtime/bin/java", app,
                    image.classPath(edition.packageName(), app), ":");
        }
        write(debian.resolve("postinst"), postinst(edition, dump), true);
        write(debian.resolve("prerm"), prerm(edition), true);
        write(debian.resolve("postrm"), postrm(edition), true);
        Files.createDirectories(packages);
        Path deb = packages.resolve(edition.packageName() + "_" + version + "_" + architecture + ".deb");
        Files.deleteIfExists(deb);
        long start = System.nanoTime();
        Tools.execOrFail(Tools.list("dpkg-deb", "--root-owner-group", "-Zxz", "--build", staging.toString(), deb.toString()),
                work, 900);
        Tools.log(deb.getFileName() + ": " + Files.size(deb) / (1024 * 1024) + " MB in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return deb;
    }

    private static String shellJoin(List<String> command) {
        StringBuilder joined = new StringBuilder();
        for (String part : command) {
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(part.matches("[A-Za-z0-9_./:=+-]+") ? part : "'" + part.replace("'", "'\\''") + "'");
        }
        return joined.toString();
    }

    private static void write(Path file, String content, boolean executable) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long treeSize(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
