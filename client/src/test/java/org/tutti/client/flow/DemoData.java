package org.tutti.client.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tutti.client.data.BackendFactory;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.client.service.StartupListener;

/**
 * One demo data folder seeded by the real {@link BackendFactory} once per test JVM (seeding
 * takes seconds); each UI test copies it into its own temporary folder. Also reads what the
 * database holds for F0001, so that tests compare the screen with the data, not with constants.
 */
final class DemoData {

    private static Path seeded;
    private static FamilyHome f0001;
    private static StaffHome accueil;

    private DemoData() {
    }

    static synchronized Path seeded() throws IOException {
        if (seeded == null) {
            Path dir = Files.createTempDirectory("tutti-demo-seeded-");
            try (Backend backend = BackendFactory.open(dir, StartupListener.NONE)) {
                UserSession session = backend.auth()
                        .login("BELLERIVE", "F0001", "bellerive".toCharArray())
                        .orElseThrow(() -> new IllegalStateException("F0001/bellerive cannot log in to the demo"));
                f0001 = backend.home().familyHome(session);
                backend.auth().logout(session);
                UserSession staff = backend.auth()
                        .login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray())
                        .orElseThrow(() -> new IllegalStateException("ACCUEIL/bellerive cannot log in to the demo"));
                accueil = backend.home().staffHome(staff);
                backend.auth().logout(staff);
            }
            seeded = dir;
        }
        return seeded;
    }

    /** What the demo database holds for F0001 at BELLERIVE. */
    static synchronized FamilyHome f0001() throws IOException {
        seeded();
        return f0001;
    }

    /** What the demo database holds for the staff account ACCUEIL at BELLERIVE. */
    static synchronized StaffHome accueil() throws IOException {
        seeded();
        return accueil;
    }

    /** Copies the seeded demo folder (database files; not logs) into {@code target}. */
    static void copyInto(Path target) throws IOException {
        Path source = seeded();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = source.relativize(p);
                if (rel.toString().startsWith("logs")) {
                    continue;
                }
                Path dest = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static List<String> f0001StudentNames() throws IOException {
        return f0001().students().stream().map(s -> s.firstName() + " " + s.lastName()).toList();
    }
}
