package org.tutti.client.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Times Élèves › Cours / Historique / Répertoire ({@code pedagogy()}) and the follow-up window
 * ({@code followUp()}) on a large seeded database, not a test. It creates a throwaway database
 * (the embedded PostgreSQL of the tests, or an in-memory H2), migrates it, seeds it with the demo
 * generator, opens the client's {@link Database} as the login role {@code tutti_family} (on H2,
 * {@code sa}), logs in as the families whose students have the most earlier-year sheets, and
 * after a warm-up times {@code pedagogy()} for each of their students and {@code followUp()} for
 * each of their sheets. Prints count, median, p95 and max in ms, and the biggest history seen.
 * Target: {@code pedagogy()} p95 well under 100 ms.
 *
 * <pre>
 * mvn -B -o -q -pl server-schema install -DskipTests
 * mvn -B -o -q -pl client test-compile
 * mvn -B -o -q -pl client dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp client/target/test-classes:client/target/classes:$(cat /tmp/cp.txt) \
 *     org.tutti.client.data.PedagogyBenchmark postgres 20000
 * java -cp … org.tutti.client.data.PedagogyBenchmark postgres 20000 20 3 /tmp/policy-trial.sql
 * java -cp … org.tutti.client.data.PedagogyBenchmark h2 20000
 * </pre>
 * Arguments: {@code postgres} (default) or {@code h2}; the number of families (default 20000);
 * the number of families to log in as (default 20); timed rounds (default 3); optionally an SQL
 * file to try (a policy or an index being considered): after the first measure it is run as the
 * superuser and everything is measured again.
 *
 * <p><b>Benchmarks</b> (28 Nov 2026, 2 vCPU AMD EPYC VM shared with another build, 23 GB,
 * OpenJDK 17.0.15, embedded PostgreSQL 17.6; 20000 families, the 20 with the most earlier-year
 * sheets: 78 students, 23 to 31 history rows a family, at most 9 a student; 1 warm-up round, 3
 * timed rounds, so 234 {@code pedagogy()} and 2079 {@code followUp()} calls):
 * <pre>
 *                         pedagogy() median / p95 / max    followUp() median / p95 / max
 * PostgreSQL up to V5          53.0 / 59.4 / 85.0 ms            27.3 / 45.1 / 57.2 ms
 * PostgreSQL, policy trial     12.5 / 14.5 / 21.8 ms            11.1 / 13.3 / 21.1 ms
 * PostgreSQL with V6           14.0 / 21.9 / 27.5 ms            11.7 / 18.8 / 33.9 ms
 * H2 (in memory)               16.0 / 19.4 / 22.8 ms            14.8 / 17.3 / 75.8 ms
 * </pre>
 * (The V6 row: the same run after the trial became migration V6, on the same shared machine.)
 * On PostgreSQL most of the time goes to row-level security: the family policies of
 * {@code evaluation} and {@code absence} ({@code enrolment_id IN (SELECT e.id FROM
 * tutti.enrolment e)}) run as a hashed SubPlan over a sequential scan of every enrolment
 * (~180000 rows here), once per statement that reads either table. The "policy trial" rewrote
 * the family policies of enrolment, evaluation, absence and event_participation as
 * {@code … = ANY (ARRAY(SELECT …))}, which the planner turns into an index condition; migration
 * V6 ships that rewrite.
 */
public final class PedagogyBenchmark {

    private static final int WARM_UP_ROUNDS = 1;

    private PedagogyBenchmark() {
    }

    /** A family to log in as, with its students. */
    private record Heavy(String siteCode, String identifier, long historyRows, List<Long> students) {
    }

    public static void main(String[] args) throws Exception {
        DatabaseVendor vendor = args.length > 0 && args[0].equalsIgnoreCase("h2")
                ? DatabaseVendor.H2 : DatabaseVendor.POSTGRESQL;
        int families = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int heaviest = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path trial = args.length > 4 ? Path.of(args[4]) : null;

        long start = System.nanoTime();
        TestDatabase db = TestDatabases.fresh(vendor);
        new SchemaMigrator(db.dataSource(), vendor).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, families).generate(db.dataSource(), DemoProgress.NONE);
        if (vendor == DatabaseVendor.POSTGRESQL) {
            // as a server that has run for a while: statistics up to date, autovacuum not busy with the bulk load
            try (Connection c = db.dataSource().getConnection(); Statement statement = c.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
        }
        System.out.printf("%s, %d families: migrated, seeded and analysed in %.1f s%n", vendor, families,
                (System.nanoTime() - start) / 1e9);

        Sql sql = new Sql(db.dataSource());
        List<Heavy> heavy = heaviestFamilies(sql, heaviest);
        System.out.printf("%d families with the most history rows (%d … %d rows, %d students)%n", heavy.size(),
                heavy.get(0).historyRows(), heavy.get(heavy.size() - 1).historyRows(),
                heavy.stream().mapToInt(h -> h.students().size()).sum());

        try (Database database = vendor == DatabaseVendor.H2
                ? Database.open(db.url(), db.user(), db.password(), Entities.ALL, Map.of())
                : Database.open(SeededDatabases.loginRoleUrl(db), "tutti_family",
                        SeededDatabases.setRolePassword(db, "tutti_family"), Entities.ALL, Map.of())) {
            DatabaseBackend backend = new DatabaseBackend(database, false, () -> { });
            List<UserSession> sessions = new ArrayList<>();
            for (Heavy family : heavy) {
                sessions.add(backend.auth().login(family.siteCode(), family.identifier(),
                                family.siteCode().toLowerCase(Locale.ROOT).toCharArray())
                        .orElseThrow(() -> new IllegalStateException(family + " cannot log in")));
            }
            run("as migrated", backend, heavy, sessions, rounds);
            if (trial != null) {
                try (Connection c = db.dataSource().getConnection(); Statement statement = c.createStatement()) {
                    statement.execute(Files.readString(trial));
                }
                run("after " + trial.getFileName(), backend, heavy, sessions, rounds);
            }
        }
        System.exit(0);
    }

    private static void run(String label, DatabaseBackend backend, List<Heavy> heavy, List<UserSession> sessions,
            int rounds) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            measure(backend, heavy, sessions, new Timings(), new Timings());
        }
        Timings pedagogy = new Timings();
        Timings followUp = new Timings();
        int biggestHistory = 0;
        for (int round = 0; round < rounds; round++) {
            biggestHistory = Math.max(biggestHistory, measure(backend, heavy, sessions, pedagogy, followUp));
        }
        System.out.println(label + ":");
        System.out.println("  pedagogy(): " + pedagogy.summary());
        System.out.println("  followUp(): " + followUp.summary());
        System.out.println("  biggest history: " + biggestHistory + " sheets");
    }

    /** One round over every student and every sheet; returns the biggest history seen. */
    private static int measure(DatabaseBackend backend, List<Heavy> heavy, List<UserSession> sessions,
            Timings pedagogyTimes, Timings followUpTimes) {
        int biggestHistory = 0;
        for (int i = 0; i < heavy.size(); i++) {
            UserSession session = sessions.get(i);
            for (long studentId : heavy.get(i).students()) {
                long start = System.nanoTime();
                StudentPedagogy pedagogy = backend.pedagogy().pedagogy(session, studentId);
                pedagogyTimes.add(System.nanoTime() - start);
                biggestHistory = Math.max(biggestHistory, pedagogy.history().size());
                List<CourseSheet> sheets = new ArrayList<>(pedagogy.currentCourses());
                sheets.addAll(pedagogy.history());
                for (CourseSheet sheet : sheets) {
                    start = System.nanoTime();
                    backend.pedagogy().followUp(session, sheet.enrolmentId());
                    followUpTimes.add(System.nanoTime() - start);
                }
            }
        }
        return biggestHistory;
    }

    private static List<Heavy> heaviestFamilies(Sql sql, int limit) {
        List<Heavy> heavy = new ArrayList<>();
        // one row per family: "SITE|IDENTIFIER|history rows", the heaviest first
        for (Object row : sql.column("select x.code || '|' || f.identifier || '|' || count(*)"
                + " from tutti.enrolment e"
                + " join tutti.course c on c.id = e.course_id"
                + " join tutti.school_year y on y.id = c.school_year_id"
                + " join tutti.student s on s.id = e.student_id"
                + " join tutti.family f on f.id = s.family_id"
                + " join tutti.site x on x.id = f.site_id"
                + " where y.is_current = false"
                + " group by x.code, f.identifier"
                + " order by count(*) desc, x.code, f.identifier"
                + " fetch first " + limit + " rows only")) {
            String[] parts = row.toString().split("\\|");
            List<Long> students = sql.column("select s.id from tutti.student s join tutti.family f on f.id = s.family_id"
                            + " join tutti.site x on x.id = f.site_id where x.code = ? and f.identifier = ?",
                            parts[0], parts[1]).stream()
                    .map(id -> ((Number) id).longValue()).toList();
            heavy.add(new Heavy(parts[0], parts[1], Long.parseLong(parts[2]), students));
        }
        return heavy;
    }

    /** Durations in nanoseconds, summarised in milliseconds. */
    private static final class Timings {
        private final List<Long> nanos = new ArrayList<>();

        void add(long duration) {
            nanos.add(duration);
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "%d calls, median %.1f ms, p95 %.1f ms, max %.1f ms", sorted.size(),
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(sorted.get(sorted.size() - 1)));
        }

        private static long percentile(List<Long> sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
