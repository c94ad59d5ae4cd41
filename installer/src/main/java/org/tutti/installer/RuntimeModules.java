package org.tutti.installer;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java modules jlink puts in the runtime. The application runs on the class path (its
 * libraries are not modules), so jlink cannot find them itself: the list was made with
 * {@code jdeps --print-module-deps --ignore-missing-deps --multi-release 17} over tutti.jar and
 * its libraries (see the ADR 0016), plus the modules reached only by reflection or by
 * service loading, which jdeps does not see.
 */
public final class RuntimeModules {

    /** What every runtime has (the relay's and the desktop's). */
    static final List<String> COMMON = List.of(
            "java.base",
            "java.compiler",          // Hibernate's annotation processing API types (javax.lang.model)
            "java.desktop",           // java.beans (Jackson, Hibernate, H2, jakarta.activation)
            "java.instrument",        // ByteBuddy (Hibernate's proxies)
            "java.management",        // HikariCP, logback, H2
            "java.naming",            // JNDI lookups of Hibernate, HikariCP, PostgreSQL's LDAP URLs, mail
            "java.rmi",               // H2
            "java.scripting",         // logback's conditions, H2
            "java.security.jgss",     // PostgreSQL JDBC's GSS authentication
            "java.sql",
            "jdk.net",                // PostgreSQL JDBC's socket options
            "jdk.unsupported",        // sun.misc.Unsafe: ByteBuddy, Hibernate, Jackson
            "jdk.crypto.ec",          // TLS to PostgreSQL and to the SMTP server (EC certificates and key exchange)
            "jdk.localedata",         // French formats (dates, numbers, € amounts)
            "jdk.zipfs",              // Flyway reads its migrations from the jar
            "jdk.charsets");          // PDF and mail encodings beyond the standard ones

    /** JavaFX's modules the window needs: javafx.controls brings javafx.graphics and javafx.base. */
    static final List<String> JAVAFX = List.of("javafx.controls");

    /** Never in the runtime: what Tutti does not use and would double the size. */
    static final List<String> EXCLUDED = List.of("javafx.web", "javafx.media", "javafx.swing", "javafx.fxml");

    private RuntimeModules() {
    }

    /** The modules of the runtime of {@code edition}. */
    public static List<String> forEdition(Edition edition) {
        List<String> modules = new ArrayList<>(COMMON);
        if (edition.desktop()) {
            modules.addAll(JAVAFX);
        }
        return List.copyOf(modules);
    }

    /**
     * jlink's options for {@code modules}: no debug data, headers or man pages, French and English.
     * Not compressed ({@code --compress=0}): every package compresses the whole runtime as one
     * stream, and better (the desktop runtime: 39.6 MB of xz with {@code --compress=2}, 20.9 MB
     * with {@code --compress=0}); the JVM also reads uncompressed classes faster.
     */
    static List<String> jlinkArguments(List<String> modules, String modulePath, String output) {
        List<String> args = new ArrayList<>();
        if (modulePath != null && !modulePath.isEmpty()) {
            args.add("--module-path");
            args.add(modulePath);
        }
        args.add("--add-modules");
        args.add(String.join(",", modules));
        args.addAll(List.of("--include-locales=fr,en", "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=0", "--generate-cds-archive", "--output", output));
        return args;
    }
}
