package org.tutti.client.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilySearchService;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.Hardening;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Times the front desk's family search at scale, not a test (no assertion): an embedded PostgreSQL
 * seeded by the demo generator ({@code --families 50000} by default), hardened, then about 200
 * realistic searches by BELLERIVE's ACCUEIL through the client's {@link FamilySearchService} (as
 * {@code tutti_staff}, RLS on, a transaction bound to the session each time), beside the same
 * call of {@code tutti.search_families} on a plain JDBC connection as the database's owner.
 * Prints p50 / p95 / max per kind of search and overall.
 * <pre>
 * mvn -o -q -pl client -am test-compile
 * mvn -o -q -pl client dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp "client/target/test-classes:client/target/classes:server-schema/target/test-classes:\
 * server-schema/target/classes:$(cat cp.txt)" org.tutti.client.data.FamilySearchBenchmark --families 50000
 * </pre>
 */
public final class FamilySearchBenchmark {

    private static final String SEARCH = "select family_id, identifier, family_name, students, phones, email, city"
            + " from tutti.search_families(?, ?)";

    private FamilySearchBenchmark() {
    }

    private record Query(String kind, String text) {
    }

    public static void main(String[] args) throws Exception {
        int families = 50_000;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--families")) {
                families = Integer.parseInt(args[i + 1]);
            }
        }
        TestDatabase db = TestDatabases.freshPostgres();
        long start = System.nanoTime();
        new SchemaMigrator(db.dataSource(), DatabaseVendor.POSTGRESQL).migrate();
        long migrated = System.nanoTime();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, families).generate(db.dataSource(), DemoProgress.NONE);
        long seeded = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d families: migrate %.1f s, seed-demo (search rows kept by the triggers)"
                + " %.1f s%n", families, (migrated - start) / 1e9, (seeded - migrated) / 1e9);
        Hardening.apply(db.dataSource(), Hardening.Options.DEFAULT);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }

        String password = SeededDatabases.setRolePassword(db, "tutti_staff");
        Database staffDb = Database.open(SeededDatabases.loginRoleUrl(db), "tutti_staff", password,
                Entities.ALL, Map.of());
        try (DatabaseBackend backend = new DatabaseBackend(staffDb, false, () -> { })) {
            UserSession accueil = backend.auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray())
                    .orElseThrow();
            FamilySearchService service = backend.familySearch();
            List<Query> queries = queries(db);
            try (Connection owner = db.dataSource().getConnection()) {
                owner.setAutoCommit(false);
                // warm-up: each query once, both ways
                for (Query q : queries) {
                    service.search(accueil, q.text());
                    ownerSearch(owner, accueil.token(), q.text());
                }
                Map<String, List<Double>> client = new LinkedHashMap<>();
                Map<String, List<Double>> direct = new LinkedHashMap<>();
                Map<String, List<Integer>> rows = new LinkedHashMap<>();
                // the kinds in the order of the queries, overall last
                for (Query q : queries) {
                    client.computeIfAbsent(q.kind(), k -> new ArrayList<>());
                }
                client.put("overall", new ArrayList<>());
                for (Query q : queries) {
                    long t0 = System.nanoTime();
                    int found = service.search(accueil, q.text()).size();
                    long t1 = System.nanoTime();
                    ownerSearch(owner, accueil.token(), q.text());
                    long t2 = System.nanoTime();
                    for (String kind : List.of(q.kind(), "overall")) {
                        client.computeIfAbsent(kind, k -> new ArrayList<>()).add((t1 - t0) / 1e6);
                        direct.computeIfAbsent(kind, k -> new ArrayList<>()).add((t2 - t1) / 1e6);
                        rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(found);
                    }
                }
                System.out.printf(Locale.ROOT, "%-26s %5s %7s | %-28s | %-28s%n", "kind", "n", "rows~",
                        "client, tutti_staff (ms)", "owner, no RLS (ms)");
                System.out.printf(Locale.ROOT, "%-26s %5s %7s | %8s %8s %8s   | %8s %8s %8s%n", "", "", "",
                        "p50", "p95", "max", "p50", "p95", "max");
                for (String kind : client.keySet()) {
                    List<Double> c = client.get(kind);
                    List<Double> d = direct.get(kind);
                    double meanRows = rows.get(kind).stream().mapToInt(Integer::intValue).average().orElse(0);
                    System.out.printf(Locale.ROOT, "%-26s %5d %7.1f | %8.1f %8.1f %8.1f   | %8.1f %8.1f %8.1f%n",
                            kind, c.size(), meanRows, pct(c, 50), pct(c, 95), pct(c, 100), pct(d, 50), pct(d, 95),
                            pct(d, 100));
                }
            }
        }
        System.exit(0);
    }

    private static int ownerSearch(Connection owner, String token, String text) throws SQLException {
        try (PreparedStatement bind = owner.prepareStatement("select set_config('tutti.session', ?, true)")) {
            bind.setString(1, token);
            bind.executeQuery().close();
        }
        int count = 0;
        try (PreparedStatement statement = owner.prepareStatement(SEARCH)) {
            statement.setString(1, text);
            statement.setInt(2, FamilySearchService.MAX_RESULTS);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    count++;
                }
            }
        }
        owner.rollback();
        return count;
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** About 200 searches a front desk types, from BELLERIVE's own rows (a fixed random sample). */
    private static List<Query> queries(TestDatabase db) throws SQLException {
        Random random = new Random(16);
        List<String[]> sample = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select f.identifier, f.last_name, f.first_name, f.phone_mobile,"
                     + " coalesce(f.email, (select min(a.email) from tutti.account a where a.family_id = f.id)),"
                     + " (select min(st.first_name) from tutti.student st where st.family_id = f.id),"
                     + " (select min(st.last_name) from tutti.student st where st.family_id = f.id)"
                     + " from tutti.family f join tutti.site t on t.id = f.site_id where t.code = 'BELLERIVE'"
                     + " order by f.id")) {
            while (rs.next()) {
                sample.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)});
            }
        }
        Collections.shuffle(sample, random);
        List<Query> queries = new ArrayList<>();
        List<String[]> accented = sample.stream()
                .filter(f -> !plain(f[1]).equals(f[1]) || !plain(f[2]).equals(f[2])).toList();
        for (int i = 0; i < 40; i++) {
            String name = plain(sample.get(i)[1]).toLowerCase(Locale.ROOT);
            queries.add(new Query("name prefix (2-6 letters)", name.substring(0, Math.min(name.length(), 2 + i % 5))));
        }
        for (int i = 0; i < 30 && i < accented.size(); i++) {
            String[] f = accented.get(i);
            queries.add(new Query("accented, typed plain", plain(i % 2 == 0 ? f[1] : f[2] + " " + f[1])
                    .toLowerCase(Locale.ROOT)));
        }
        List<String[]> withPhone = sample.stream().filter(f -> f[3] != null).toList();
        for (int i = 0; i < 25; i++) {
            queries.add(new Query("phone with spaces", withPhone.get(100 + i)[3]));
            queries.add(new Query("phone without spaces", withPhone.get(200 + i)[3].replace(" ", "")));
        }
        List<String[]> withStudent = sample.stream().filter(f -> f[5] != null).toList();
        for (int i = 0; i < 30; i++) {
            String[] f = withStudent.get(300 + i);
            queries.add(new Query("student", plain(i % 2 == 0 ? f[5] : f[5] + " " + f[6]).toLowerCase(Locale.ROOT)));
        }
        for (int i = 0; i < 25; i++) {
            String identifier = sample.get(400 + i)[0];
            queries.add(new Query("identifier", i % 2 == 0 ? identifier : identifier.toLowerCase(Locale.ROOT)));
        }
        List<String[]> withEmail = sample.stream().filter(f -> f[4] != null).toList();
        for (int i = 0; i < 25; i++) {
            String email = withEmail.get(500 + i)[4];
            queries.add(new Query("e-mail", i % 2 == 0 ? email : email.substring(0, email.indexOf('@'))));
        }
        return queries;
    }
}
