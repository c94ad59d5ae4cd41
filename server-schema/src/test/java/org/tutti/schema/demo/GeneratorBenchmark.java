package org.tutti.schema.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.tutti.schema.H2Urls;
import org.tutti.schema.cli.TuttiSchemaCli;
import org.tutti.schema.testing.TestDatabases;

/**
 * Times {@code tutti-schema migrate} + {@code seed-demo} through the command line, not a test:
 * <pre>
 * mvn -o -pl server-schema test-compile
 * java -cp "server-schema/target/test-classes:server-schema/target/classes:$(cat cp.txt)" \
 *      org.tutti.schema.demo.GeneratorBenchmark postgres 50000
 * java -cp … org.tutti.schema.demo.GeneratorBenchmark h2 300
 * </pre>
 * ({@code cp.txt} from {@code mvn -o -pl server-schema dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * PostgreSQL is the embedded one of the tests; H2 is a file database in a temporary folder.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String vendor = args.length > 0 ? args[0] : "h2";
        String families = args.length > 1 ? args[1] : String.valueOf(DemoDataGenerator.DEMO_FAMILIES);
        String url;
        String user;
        String password;
        if (vendor.equals("postgres")) {
            var server = TestDatabases.server();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS tutti_benchmark");
                s.execute("CREATE DATABASE tutti_benchmark");
            }
            url = server.getJdbcUrl("postgres", "tutti_benchmark") + System.getProperty("benchmark.urlSuffix", "");
            user = "postgres";
            password = "postgres";
        } else {
            Path folder = Files.createTempDirectory("tutti-benchmark");
            url = H2Urls.file(folder.resolve("demo"));
            user = "sa";
            password = "";
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        String[] connection = {"--url", url, "--user", user, "--password", password};
        long start = System.nanoTime();
        check(TuttiSchemaCli.run(out, err, concat(new String[] {"migrate"}, connection)));
        long migrated = System.nanoTime();
        check(TuttiSchemaCli.run(out, err, concat(new String[] {"seed-demo", "--families", families}, connection)));
        long seeded = System.nanoTime();
        System.out.printf("%s, %s families: migrate %.1f s, seed-demo %.1f s%n", vendor, families,
                (migrated - start) / 1e9, (seeded - migrated) / 1e9);
        System.exit(0);
    }

    private static void check(int exitCode) {
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
