package org.tutti.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every section shares: the report, the project's folders and the seeded servers. */
public final class BenchContext {

    private final Report report;
    private final Path root;
    private final Path cache;
    private final int families;
    private final Map<Integer, BenchServer> servers = new ConcurrentHashMap<>();

    BenchContext(Report report, Path root, Path cache, int families) {
        this.report = report;
        this.root = root;
        this.cache = cache;
        this.families = families;
    }

    public Report report() {
        return report;
    }

    /** The project's root folder (where README.md is). */
    public Path root() {
        return root;
    }

    /** The dev build: {@code client/target/tutti.jar}. */
    public Path devJar() {
        return root.resolve("client/target/tutti.jar");
    }

    /** The packaged family app-image the installer module builds in {@code verify}, if built. */
    public Path packagedAppImage() {
        return root.resolve("installer/target/jpackage/app-image/tutti-family");
    }

    /** A folder of this run under benchmarks/target, for data folders and logs. */
    public Path workDir(String name) throws IOException {
        return Files.createDirectories(root.resolve("benchmarks/target/work").resolve(name));
    }

    /** The families of the main measures ({@code -Dbench.families}, default 50,000). */
    public int families() {
        return families;
    }

    /** The cluster seeded with the main number of families. */
    public BenchServer server() throws IOException, InterruptedException {
        return server(families);
    }

    /** A cluster seeded with {@code count} families (2,000 for the scaling columns). */
    public BenchServer server(int count) throws IOException, InterruptedException {
        BenchServer existing = servers.get(count);
        if (existing == null) {
            existing = BenchServer.seeded(count, cache);
            servers.put(count, existing);
        }
        return existing;
    }
}
