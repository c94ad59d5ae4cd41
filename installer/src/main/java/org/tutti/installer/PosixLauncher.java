package org.tutti.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The launcher of a desktop app-image on Linux (ADR 0024). JDK 17's jpackage launcher asks the
 * package managers which package it belongs to at every start, before Java starts:
 * {@code rpm -qf}, then {@code dpkg -S} (which reads every package's file list), twice, and
 * {@code dpkg -L} when installed from a .deb: 140 ms on the build machine, more on a desktop with
 * thousands of packages. This launcher does what jpackage's does with the same
 * {@code lib/app/<name>.cfg} (IT's place for the JVM options stays the same) and nothing else:
 * it reads the class path, the main class, the JVM options and the default arguments, and
 * replaces itself with the runtime's Java launcher.
 *
 * <p>The Java launcher is copied as {@code lib/runtime/bin/<name>} so that the process keeps the
 * application's name in the system monitor and for {@code pkill}. Windows and macOS keep
 * jpackage's launchers (they ask no package manager); so do the relay's service and
 * {@code tutti-schema}, whose start-up time nobody waits for.
 */
final class PosixLauncher {

    /** jpackage's native part of the launcher, which only its own launcher loads. */
    static final String JPACKAGE_LIBRARY = "lib/libapplauncher.so";

    private PosixLauncher() {
    }

    /**
     * The script: bash (Essential on Debian and Ubuntu) for its arrays, so that options and
     * paths keep their spaces. A key or a section it does not know stops it with the line named:
     * a newer jpackage that writes another fails the build's start-up test, and a line IT
     * mistyped is named when the launcher is started from a terminal, instead of being ignored.
     */
    static String script() {
        return """
                #!/bin/bash
                # Tutti's launcher, written by the installer in place of jpackage's (ADR 0024): it starts the
                # runtime's Java with what lib/app/<this name>.cfg says, without asking rpm and dpkg which
                # package it belongs to at every start as jpackage's does.
                if ! self=$(readlink -f -- "$0"); then
                  echo "$0: cannot find where this launcher is installed." >&2
                  exit 1
                fi
                name=${self##*/}
                bindir=${self%/*}
                rootdir=${bindir%/*}
                appdir=$rootdir/lib/app
                cfg=$appdir/$name.cfg
                if [ ! -r "$cfg" ]; then
                  echo "$name: $cfg is missing: install the package again." >&2
                  exit 1
                fi
                main=
                classpath=
                options=()
                arguments=()
                section=
                while IFS= read -r line || [ -n "$line" ]; do
                  line=${line%$'\\r'}
                  line=${line//\\$APPDIR/"$appdir"}
                  line=${line//\\$BINDIR/"$bindir"}
                  line=${line//\\$ROOTDIR/"$rootdir"}
                  case $section/$line in
                    */ | */'#'* | */';'*) ;;
                    */'[Application]' | */'[JavaOptions]' | */'[ArgOptions]') section=$line ;;
                    '[Application]/app.mainclass='*) main=${line#*=} ;;
                    '[Application]/app.classpath='*) classpath=${classpath:+$classpath:}${line#*=} ;;
                    '[JavaOptions]/java-options='*) options+=("${line#*=}") ;;
                    '[ArgOptions]/arguments='*) arguments+=("${line#*=}") ;;
                    *)
                      echo "$name: unexpected line in $cfg${section:+ (section $section)}: $line" >&2
                      exit 1
                      ;;
                  esac
                done <"$cfg"
                if [ -z "$main" ]; then
                  echo "$name: no app.mainclass in $cfg" >&2
                  exit 1
                fi
                if [ $# -eq 0 ]; then
                  set -- "${arguments[@]}"
                fi
                if [ -n "$classpath" ]; then
                  options+=(-cp "$classpath")
                fi
                # jpackage's launcher does not read it; the Java launcher would
                unset JDK_JAVA_OPTIONS
                exec "$rootdir/lib/runtime/bin/$name" "${options[@]}" "-Djpackage.app-path=$self" "$main" "$@"
                """;
    }

    /** Replaces jpackage's launcher {@code bin/<launcherName>} of {@code image} with {@link #script()}. */
    static void install(AppImage image, String launcherName) throws IOException {
        Path launcher = image.root().resolve("bin").resolve(launcherName);
        if (!Files.isRegularFile(image.cfg(launcherName))) {
            throw new PackagingException("No " + image.cfg(launcherName) + ": jpackage did not make the launcher's configuration");
        }
        Path java = image.runtime().resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new PackagingException("No " + java + ": the launcher needs the runtime's Java launcher");
        }
        Path named = image.runtime().resolve("bin").resolve(launcherName);
        Files.copy(java, named, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(launcher, script());
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(image.root().resolve(JPACKAGE_LIBRARY));
        Tools.log(launcherName + ": launcher bin/" + launcherName + " (no package query at start, ADR 0024)");
    }
}
