package org.tutti.installer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where jpackage puts things in an app-image, on each system. */
record AppImage(Path root, Path appFolder, Path runtime, Path launcher) {

    /** The app-image of {@code name} made by jpackage in {@code parent}, on the system {@code osName}. */
    static AppImage of(Path parent, String name, String osName) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            Path root = parent.resolve(name);
            return new AppImage(root, root.resolve("app"), root.resolve("runtime"), root.resolve(name + ".exe"));
        }
        if (os.startsWith("mac")) {
            Path root = parent.resolve(name + ".app");
            Path contents = root.resolve("Contents");
            return new AppImage(root, contents.resolve("app"), contents.resolve("runtime/Contents/Home"),
                    contents.resolve("MacOS").resolve(name));
        }
        Path root = parent.resolve(name);
        return new AppImage(root, root.resolve("lib/app"), root.resolve("lib/runtime"), root.resolve("bin").resolve(name));
    }

    Path java() {
        Path unix = runtime.resolve("bin/java");
        return Files.exists(unix) ? unix : runtime.resolve("bin/java.exe");
    }

    Path cfg(String launcherName) {
        return appFolder.resolve(launcherName + ".cfg");
    }

    /**
     * The class path the launcher {@code launcherName} gives the JVM, in its order, as absolute
     * paths under {@code appFolderAsInstalled} (the AppCDS archive must be dumped with exactly it).
     */
    List<String> classPath(String launcherName, String appFolderAsInstalled) throws java.io.IOException {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(cfg(launcherName))) {
            if (line.startsWith("app.classpath=")) {
                entries.add(line.substring("app.classpath=".length()).replace("$APPDIR", appFolderAsInstalled));
            }
        }
        return entries;
    }
}
