package org.tutti.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The migration versions this build ships (the {@code V<version>__*.sql} files of
 * {@code db/migration/common} and the vendor's folder on the class path), read from the class
 * path rather than written down: the client compares the highest with the version of the
 * database it connects to, and a new migration needs no change here.
 */
public final class ShippedMigrations {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    private ShippedMigrations() {
    }

    /** Every version shipped for {@code vendor}, lowest first. */
    public static List<MigrationVersion> versions(DatabaseVendor vendor) {
        TreeSet<MigrationVersion> versions = new TreeSet<>();
        for (String location : List.of(SchemaMigrator.COMMON_LOCATION, vendor.migrationLocation())) {
            for (String name : fileNames(location.substring("classpath:".length()))) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    versions.add(MigrationVersion.fromVersion(m.group(1).replace('_', '.')));
                }
            }
        }
        return List.copyOf(versions);
    }

    /** The highest version shipped for {@code vendor}. */
    public static MigrationVersion latest(DatabaseVendor vendor) {
        List<MigrationVersion> versions = versions(vendor);
        if (versions.isEmpty()) {
            throw new IllegalStateException("No migration on the class path for " + vendor);
        }
        return versions.get(versions.size() - 1);
    }

    /** The names of the files directly in {@code folder}, in every class path entry that has it. */
    private static List<String> fileNames(String folder) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = ShippedMigrations.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(file -> names.add(file.getFileName().toString()));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = folder + "/";
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            String entry = entries.nextElement().getName();
                            if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
                                names.add(entry.substring(prefix.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the migrations in " + folder, e);
        }
        return names;
    }
}
