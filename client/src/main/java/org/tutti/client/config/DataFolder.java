package org.tutti.client.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Tutti keeps its per-user files (embedded demo database, demo mailbox, logs): the system
 * property {@code tutti.home} if set, else the operating system's per-user data folder.
 */
public final class DataFolder {

    public static final String PROPERTY = "tutti.home";

    private DataFolder() {
    }

    public static Path resolve() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return osDefault(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path osDefault(String osName, java.util.Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Tutti");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Tutti");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve("tutti");
    }
}
