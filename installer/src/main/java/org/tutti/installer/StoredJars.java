package org.tutti.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the application's jars without compression (entries STORED) before they are packaged.
 * The packages compress everything as one stream (xz in the deb, the MSI's cabinet, the DMG):
 * class files compress about twice as well there as once deflated inside each jar (measured on
 * Tutti's 48 MB of jars: 44 MB of xz as they are, 21 MB stored), and the JVM reads a stored
 * entry without inflating it.
 */
final class StoredJars {

    private StoredJars() {
    }

    /** Copies the jars of {@code from} into {@code to}, stored; returns the number of jars. */
    static int copyStored(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        int count = 0;
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.sorted().toList()) {
                Path target = to.resolve(file.getFileName().toString());
                if (file.toString().endsWith(".jar")) {
                    store(file, target);
                    count++;
                } else if (Files.isRegularFile(file)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return count;
    }

    static void store(Path jar, Path target) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.setMethod(ZipOutputStream.STORED);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream stream = in.getInputStream(entry)) {
                    data = stream.readAllBytes();
                }
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setTime(entry.getTime());
                stored.setSize(data.length);
                stored.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                stored.setCrc(crc.getValue());
                if (entry.getExtra() != null) {
                    stored.setExtra(entry.getExtra());
                }
                out.putNextEntry(stored);
                out.write(data);
                out.closeEntry();
            }
        }
    }
}
