package org.tutti.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.tutti.bench.BenchContext;
import org.tutti.bench.BenchSection;
import org.tutti.bench.BenchServer;
import org.tutti.bench.Report;
import org.tutti.bench.Stats;
import org.tutti.client.data.BenchBackends;
import org.tutti.client.documents.BillingDocuments;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.NewDocument;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.StudentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;

/**
 * N simulated families at once against one PostgreSQL, directly and through PgBouncer in
 * transaction mode, then the re-enrolment evening. Each family is a thread with its own login
 * (the SQL API's {@code tutti.login}) calling the client's own services (its Hibernate set-up,
 * session binder and SQL): N threads share one {@code Database} whose pool holds N connections,
 * opened before the run, so that each family uses a connection of its own as an open copy of
 * Tutti does. Between two calls a family "reads" the screen (think time, uniform between 0 and
 * twice {@code -Dbench.loadThinkMillis}).
 */
public final class LoadSection implements BenchSection {

    private static final int PGBOUNCER_PORT = Integer.getInteger("bench.pgbouncerPort", 56432);
    private static final long CLOCK_TICKS = 100;
    /** PgBouncer's {@code max_prepared_statements} in mode {@code pgbouncer-prepared} (its default since 1.22). */
    private static final int PREPARED_STATEMENTS = Integer.getInteger("bench.pgbouncerPreparedStatements", 200);
    private static final int PDF_SIZE = 1 << 20;

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String title() {
        return "Load: families at once on one PostgreSQL";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.tutti"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.zaxxer"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Report report = context.report();
        BenchServer server = context.server();
        List<Integer> clients = ints(System.getProperty("bench.loadClients", "100,500,1000,2000"));
        List<Integer> pools = ints(System.getProperty("bench.loadPgbouncerPools", "20"));
        int seconds = Integer.getInteger("bench.loadSeconds", 60);
        int think = Integer.getInteger("bench.loadThinkMillis", 5000);
        int flowsPerLogin = Integer.getInteger("bench.loadFlowsPerLogin", 0);
        String modes = System.getProperty("bench.loadModes", "direct,pgbouncer,pgbouncer-prepared");
        int eveningFamilies = Integer.getInteger("bench.eveningFamilies", 1000);
        int eveningSeconds = Integer.getInteger("bench.eveningSeconds", 120);
        Path work = context.workDir("load");
        Cleanup cleanup = Cleanup.before(server);

        report.note("Method: each simulated family is a thread that logs in with its own account (F0003, "
                + "F0004…; the SQL API's `tutti.login`, bcrypt cost 10) and loops over the family flow with the "
                + "client's own services: Accueil, Élèves (each student's Cours/Historique/Répertoire and its "
                + "Réinscription tab), a course window, Facturation (both tabs), an invoice's PDF data; one family "
                + "in 50 also draws the PDF (client CPU, not a database call). "
                + (flowsPerLogin > 0 ? "A new login every " + flowsPerLogin + " flow(s). "
                        : "A family keeps its session for the whole run (a family's visit outlasts the window). ")
                + "First logins at random times over a ramp of " + Long.getLong("bench.loadRampMillisPerFamily", 150)
                + " ms × N before the window. Between calls a family reads the screen: a pause uniform in 0–"
                + 2 * think + " ms. "
                + "The N families share one `Database` (one Hibernate start) whose Hikari pool holds N connections, "
                + "all opened before the run: one connection per family, as each open copy of Tutti keeps one. "
                + "Figures are taken over " + seconds + " s after a warm-up in which the families log in at random "
                + "times; server CPU is the cluster's processes' utime+stime (the postmaster's children, ended ones "
                + "included) over the window and the machine's cores; the machine (2 cores) is shared with the "
                + "benchmark JVM and with other work. Database: " + server.families() + " families, "
                + server.url() + ".");
        warmUp(server);
        List<List<String>> summary = new ArrayList<>();
        for (String mode : modes.split(",")) {
            mode = mode.trim();
            if (mode.equals("direct")) {
                for (int n : clients) {
                    if (n > 1000 && availableMiB() < 6 * 1024) {
                        report.note("Direct, " + n + " families: skipped (" + availableMiB() + " MiB available, under 6 GiB).");
                        continue;
                    }
                    Result result = run(server, server.url(), "direct", n, n, seconds, think, flowsPerLogin, null);
                    summary.add(result.summaryRow());
                    result.detail(report);
                }
            } else if (mode.equals("pgbouncer") || mode.equals("pgbouncer-prepared")) {
                boolean prepared = mode.equals("pgbouncer-prepared");
                String binary = PgBouncer.binary(prepared);
                int[] version = PgBouncer.version(binary);
                if (prepared && !PgBouncer.tracksPreparedStatements(version)) {
                    report.note("PgBouncer with prepared statements: skipped (" + binary + " is older than 1.21 or "
                            + "missing; benchmarks/src/main/sh/build-pgbouncer.sh builds Debian 13's 1.24, or name one "
                            + "with -Dbench.pgbouncerPreparedBinary).");
                    continue;
                }
                String label = "PgBouncer" + (version == null ? "" : " " + version[0] + "." + version[1])
                        + (prepared ? ", prepared statements" : ", prepareThreshold=0");
                for (int pool : pools) {
                    try (PgBouncer bouncer = PgBouncer.start(server, work, PGBOUNCER_PORT, pool,
                            clients.stream().mapToInt(Integer::intValue).max().orElse(1000) + 100,
                            prepared ? PREPARED_STATEMENTS : 0)) {
                        for (int n : clients) {
                            Result result = run(server, bouncer.url(), label + " (pool " + pool + ")", n, pool,
                                    seconds, think, flowsPerLogin, bouncer);
                            summary.add(result.summaryRow());
                            result.detail(report);
                        }
                    }
                }
            }
        }
        report.subheading("Families at once: summary");
        report.note("Calls: every service call but the login (timed apart: bcrypt is slow on purpose). "
                + "Connections: the client pool's / the server's for tutti_family at the end of the window. "
                + "CPU in % of the machine's 2 cores.");
        report.table(List.of("mode", "families", "connections (client/server)", "calls/s", "flows/s", "p50 ms", "p95 ms",
                "p99 ms", "login p50/p95 ms", "login share of call time", "errors", "server CPU (this database's backends)", "PgBouncer CPU",
                "machine busy"), summary);

        if (eveningFamilies > 0) {
            try (PgBouncer bouncer = PgBouncer.start(server, work, PGBOUNCER_PORT, pools.get(0), 1100)) {
                evening(report, server, bouncer, eveningFamilies, eveningSeconds);
            }
        }
        report.note(cleanup.run(server));
    }

    // ------------------------------------------------------------------ families at once

    /** Loads and compiles the client's code (Hibernate's queries, the services) before anything is timed. */
    private static void warmUp(BenchServer server) {
        int seconds = Integer.getInteger("bench.loadWarmUpSeconds", 15);
        System.out.println("[load] warming the JVM up for " + seconds + " s (4 families, no pause, not timed)");
        BenchBackends.Opened opened = BenchBackends.open(server.url(), "tutti_family", BenchServer.PASSWORD, 4, 30_000);
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            Result ignored = new Result("warm-up", 4);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread thread = new Thread(new Client(opened.backend(), i, server.families(), 0, 1000, 1, Long.MAX_VALUE,
                        end, ignored));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            opened.backend().close();
        }
    }

    private static Result run(BenchServer server, String url, String mode, int n, int serverPool, int seconds,
            int think, int flowsPerLogin, PgBouncer bouncer) throws Exception {
        System.out.println("[load] " + mode + ", " + n + " families: opening " + n + " connections");
        long openStart = System.nanoTime();
        BenchBackends.Opened opened = BenchBackends.open(url, "tutti_family", BenchServer.PASSWORD, n, 300_000);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        Result result = new Result(mode, n);
        result.openSeconds = openSeconds;
        result.clientConnections = opened.connections();
        // the families log in at random times over the ramp (bcrypt: a login storm would measure only
        // itself), then the window starts once every family has had time for a first call
        long rampMillis = Long.getLong("bench.loadRampMillisPerFamily", 150) * n;
        long warmupMillis = Math.max(2000, rampMillis);
        long measureStart = System.nanoTime() + (warmupMillis + 2L * think + 2000) * 1_000_000;
        long end = measureStart + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[n];
        Client[] clients = new Client[n];
        try (Connection monitor = server.connect("postgres")) {
            for (int i = 0; i < n; i++) {
                clients[i] = new Client(opened.backend(), i, server.families(), think, flowsPerLogin, warmupMillis,
                        measureStart, end, result);
                threads[i] = new Thread(clients[i], "family-" + i);
                threads[i].setDaemon(true);
                threads[i].start();
            }
            sleepUntil(measureStart);
            Cpu before = Cpu.sample(server, bouncer);
            sleepUntil(end - 1_000_000_000L);
            result.serverConnections = count(monitor,
                    "select count(*) from pg_stat_activity where datname = current_database() and usename = 'tutti_family'");
            sleepUntil(end);
            Cpu after = Cpu.sample(server, bouncer);
            result.cpu = after.minus(before, (end - measureStart) / 1e9);
            for (Thread thread : threads) {
                thread.join(Math.max(1, think * 3L + 30_000));
            }
        } finally {
            opened.backend().close();
        }
        result.seconds = seconds;
        for (Client client : clients) {
            result.merge(client);
        }
        return result;
    }

    /** One simulated family: its own account, its own login, the family flow in a loop. */
    private static final class Client implements Runnable {

        private final Backend backend;
        private final int index;
        private final String site;
        private final String identifier;
        private final String password;
        private final int think;
        private final int flowsPerLogin;
        private final long warmupMillis;
        private final long measureStart;
        private final long end;
        private final Result result;
        private final Random random;
        final Map<String, List<Long>> samples = new TreeMap<>();
        int flows;

        Client(Backend backend, int index, int families, int think, int flowsPerLogin, long warmupMillis,
                long measureStart, long end, Result result) {
            this.backend = backend;
            this.index = index;
            String[] account = account(index, families);
            this.site = account[0];
            this.identifier = account[1];
            this.password = account[2];
            this.think = think;
            this.flowsPerLogin = flowsPerLogin;
            this.warmupMillis = warmupMillis;
            this.measureStart = measureStart;
            this.end = end;
            this.result = result;
            this.random = new Random(index);
        }

        @Override
        public void run() {
            pause(random.nextLong(warmupMillis));
            UserSession user = null;
            int sinceLogin = 0;
            while (System.nanoTime() < end) {
                try {
                    if (user == null) {
                        user = timed("login", () -> backend.auth().login(site, identifier, password.toCharArray())
                                .orElseThrow(() -> new IllegalStateException(identifier + " refused")));
                        sinceLogin = 0;
                        pause();
                    }
                    UserSession session = user;
                    FamilyHome home = timed("Accueil", () -> backend.home().familyHome(session));
                    pause();
                    CourseSummary course = null;
                    for (StudentSummary student : home.students()) {
                        timed("Élèves: courses, history, repertoire", () -> backend.pedagogy().pedagogy(session, student.id()));
                        pause();
                        if (site.equals("BELLERIVE")) {
                            timed("Élèves: re-enrolment", () -> backend.reenrolment().form(session, student.id()));
                            pause();
                        }
                        if (course == null && !student.currentCourses().isEmpty()) {
                            course = student.currentCourses().get(0);
                        }
                    }
                    if (course != null) {
                        long enrolment = course.enrolmentId();
                        timed("course window", () -> backend.pedagogy().followUp(session, enrolment));
                        pause();
                    }
                    BillingOverview fees = timed("Facturation: fees", () -> backend.billing().overview(session,
                            session.familyId(), BillingKind.FEES));
                    pause();
                    timed("Facturation: rentals", () -> backend.billing().overview(session, session.familyId(),
                            BillingKind.RENTALS));
                    pause();
                    if (!fees.invoices().isEmpty()) {
                        long invoice = fees.invoices().get(0).id();
                        InvoiceDocument document = timed("invoice PDF data",
                                () -> backend.billing().invoiceDocument(session, invoice));
                        if (index % 50 == 0) {
                            timedApart("PDF drawn (client CPU)", () -> BillingDocuments.invoice(document));
                        }
                        pause();
                    }
                    if (System.nanoTime() >= measureStart && System.nanoTime() < end) {
                        flows++;
                    }
                    if (flowsPerLogin > 0 && ++sinceLogin >= flowsPerLogin) {
                        timed("logout", () -> {
                            backend.auth().logout(session);
                            return null;
                        });
                        user = null;
                    }
                } catch (RuntimeException e) {
                    user = null;
                    pause();
                }
            }
        }

        private <T> T timed(String kind, Supplier<T> call) {
            long start = System.nanoTime();
            try {
                T value = call.get();
                record(kind, start, System.nanoTime() - start);
                return value;
            } catch (RuntimeException e) {
                result.error(kind, e);
                throw e;
            }
        }

        private <T> T timedApart(String kind, Supplier<T> call) {
            return timed("~" + kind, call);
        }

        private void record(String kind, long start, long nanos) {
            if (kind.equals("login") || start >= measureStart && start < end) {
                samples.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
            }
        }

        private void pause() {
            if (think > 0) {
                pause(random.nextLong(2L * think + 1));
            }
        }

        private void pause(long millis) {
            long remaining = (end - System.nanoTime()) / 1_000_000;
            try {
                Thread.sleep(Math.max(0, Math.min(millis, remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The i-th simulated family's site, identifier and password (F0003…: F0001/F0002 are the demo's). */
    static String[] account(int index, int families) {
        int bellerive = (int) Math.max(2, Math.min(families - 1, Math.round(families * 0.6)));
        int number = index + 3;
        if (number <= bellerive) {
            return new String[] {"BELLERIVE", String.format(Locale.ROOT, "F%04d", number), "bellerive"};
        }
        return new String[] {"MONTFLEURY", String.format(Locale.ROOT, "M%04d", number - bellerive), "montfleury"};
    }

    /** What one run measured. */
    private static final class Result {

        final String mode;
        final int families;
        final Map<String, List<Long>> samples = new TreeMap<>();
        final Map<String, AtomicLong> errors = new TreeMap<>();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        final AtomicInteger errorMessages = new AtomicInteger();
        long flows;
        double openSeconds;
        int clientConnections;
        long serverConnections;
        double seconds;
        Cpu.Usage cpu;

        Result(String mode, int families) {
            this.mode = mode;
            this.families = families;
        }

        void error(String kind, RuntimeException e) {
            synchronized (errors) {
                errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            }
            if (errorMessages.incrementAndGet() <= 5) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                String message = kind + ": " + e + (root != e ? " ← " + root : "");
                firstErrors.add(message.length() > 300 ? message.substring(0, 300) + "…" : message);
            }
        }

        void merge(Client client) {
            client.samples.forEach((kind, list) -> samples.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
            flows += client.flows;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(AtomicLong::get).sum();
        }

        List<Long> calls() {
            List<Long> all = new ArrayList<>();
            samples.forEach((kind, list) -> {
                if (!kind.equals("login") && !kind.startsWith("~")) {
                    all.addAll(list);
                }
            });
            return all;
        }

        List<String> summaryRow() {
            List<Long> calls = calls();
            Stats stats = Stats.ofNanos(calls);
            Stats login = Stats.ofNanos(samples.getOrDefault("login", List.of()));
            double callNanos = calls.stream().mapToLong(Long::longValue).sum();
            double loginNanos = samples.getOrDefault("login", List.of()).stream().mapToLong(Long::longValue).sum();
            return List.of(mode, Integer.toString(families), clientConnections + "/" + serverConnections,
                    Stats.format(calls.size() / seconds), Stats.format(flows / seconds),
                    Stats.format(stats.median()), Stats.format(stats.p95()), Stats.format(stats.p99()),
                    Stats.format(login.median()) + "/" + Stats.format(login.p95()),
                    percent(loginNanos / (loginNanos + callNanos)), Long.toString(errorCount()),
                    cpu == null ? "–" : percent(cpu.server()) + " (" + percent(cpu.database()) + ")", cpu == null || cpu.bouncer() < 0 ? "–" : percent(cpu.bouncer()),
                    cpu == null ? "–" : percent(cpu.machine()));
        }

        void detail(Report report) {
            report.subheading(mode + ", " + families + " families");
            report.note(String.format(Locale.ROOT, "%d connections opened in %.1f s; %d flows in %.0f s; logins: all of"
                    + " the run (the ramp's included), the other calls: the window's.", clientConnections, openSeconds, flows, seconds));
            List<List<String>> rows = new ArrayList<>();
            samples.forEach((kind, list) -> {
                Stats s = Stats.ofNanos(list);
                rows.add(List.of(kind.startsWith("~") ? kind.substring(1) : kind, Integer.toString(s.count()),
                        Stats.format(s.median()), Stats.format(s.p95()), Stats.format(s.p99()), Stats.format(s.max()),
                        Long.toString(errors.getOrDefault(kind, new AtomicLong()).get())));
            });
            Stats all = Stats.ofNanos(calls());
            rows.add(List.of("**all calls but login**", Integer.toString(all.count()), Stats.format(all.median()),
                    Stats.format(all.p95()), Stats.format(all.p99()), Stats.format(all.max()), Long.toString(errorCount())));
            report.table(List.of("call", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"), rows);
            if (!firstErrors.isEmpty()) {
                report.note("First errors: " + String.join("; ", firstErrors));
            }
        }
    }

    // ------------------------------------------------------------------ the re-enrolment evening

    private static void evening(Report report, BenchServer server, PgBouncer bouncer, int families, int seconds)
            throws Exception {
        report.subheading("The re-enrolment evening");
        int threads = Math.min(families, 200);
        long sizeBefore;
        try (Connection c = server.connect("postgres")) {
            sizeBefore = count(c, "select pg_database_size(current_database())");
        }
        BenchBackends.Opened opened = BenchBackends.open(bouncer.url(), "tutti_family", BenchServer.PASSWORD, threads, 60_000);
        Backend backend = opened.backend();
        List<Long> submissions = new ArrayList<>();
        List<Long> visits = new ArrayList<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger errorCount = new AtomicInteger();
        AtomicInteger nothingToSend = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        Random arrivals = new Random(42);
        long start = System.nanoTime();
        long[] offsets = new long[families];
        for (int i = 0; i < families; i++) {
            offsets[i] = (long) (arrivals.nextDouble() * seconds * 1_000_000_000L);
        }
        Arrays.sort(offsets);
        CountDownLatch done = new CountDownLatch(families);
        Cpu before = Cpu.sample(server, bouncer);
        for (int i = 0; i < families; i++) {
            int index = i;
            long at = start + offsets[i];
            sleepUntil(at);
            executor.submit(() -> {
                try {
                    long visitStart = System.nanoTime();
                    Long submitted = submitOne(backend, index, server.families());
                    if (submitted == null) {
                        nothingToSend.incrementAndGet();
                    } else {
                        synchronized (submissions) {
                            submissions.add(submitted);
                            visits.add(System.nanoTime() - visitStart);
                        }
                    }
                } catch (RuntimeException e) {
                    if (errorCount.incrementAndGet() <= 5) {
                        errors.add(e.toString());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(seconds + 600L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Cpu.Usage cpu = Cpu.sample(server, bouncer).minus(before, elapsed);
        executor.shutdownNow();
        backend.close();
        long sizeAfter;
        try (Connection c = server.connect("postgres")) {
            sizeAfter = count(c, "select pg_database_size(current_database())");
        }
        Stats submit = Stats.ofNanos(submissions);
        Stats visit = Stats.ofNanos(visits);
        report.note(families + " families (F0003…) arrive at uniformly random times over " + seconds + " s ("
                + (seconds == 600 ? "the real evening's ten minutes" : "compressed from the real evening's ten minutes;"
                + " -Dbench.eveningSeconds=600 for the real one")
                + "), through PgBouncer (transaction mode, pool " + bouncer.pool + "), " + threads
                + " client connections: each logs in, opens Accueil and its students' Réinscription tab, sends the "
                + "request of its first student without one (administrative re-enrolment) with one 1 MiB PDF per "
                + "required document type (incompressible content), then logs out.");
        report.table(List.of("families", "sent", "nothing to send", "errors", "elapsed s", "submit p50 ms",
                        "submit p95 ms", "submit p99 ms", "visit p50/p95 ms", "server CPU (this database's backends)", "PgBouncer CPU",
                        "database growth"),
                List.of(List.of(Integer.toString(families), Integer.toString(submit.count()),
                        Integer.toString(nothingToSend.get()), Integer.toString(errorCount.get()),
                        Stats.format(elapsed), Stats.format(submit.median()), Stats.format(submit.p95()),
                        Stats.format(submit.p99()), Stats.format(visit.median()) + "/" + Stats.format(visit.p95()),
                        percent(cpu.server()) + " (" + percent(cpu.database()) + ")", percent(cpu.bouncer()),
                        (sizeAfter - sizeBefore) / (1024 * 1024) + " MiB")));
        if (!errors.isEmpty()) {
            report.note("First errors: " + String.join("; ", errors));
        }
    }

    /** One family's evening: nanoseconds of its submission, or null when all its students have sent theirs. */
    private static Long submitOne(Backend backend, int index, int families) {
        String[] account = account(index, families);
        UserSession user = backend.auth().login(account[0], account[1], account[2].toCharArray())
                .orElseThrow(() -> new IllegalStateException(account[1] + " refused"));
        try {
            FamilyHome home = backend.home().familyHome(user);
            for (StudentSummary student : home.students()) {
                ReenrolmentForm form = backend.reenrolment().form(user, student.id());
                if (form.sent().isPresent()) {
                    continue;
                }
                List<NewDocument> documents = new ArrayList<>();
                Random random = new Random(index);
                List<DocumentType> types = form.documentTypes().stream().filter(DocumentType::required).toList();
                if (types.isEmpty() && !form.documentTypes().isEmpty()) {
                    types = form.documentTypes().subList(0, 1);
                }
                for (DocumentType type : types) {
                    documents.add(new NewDocument(type.id(), "justificatif-" + type.id() + ".pdf", "application/pdf",
                            pdf(random)));
                }
                ReenrolmentDraft draft = new ReenrolmentDraft(student.id(), true, List.of(),
                        "Soirée des réinscriptions (benchmark)", documents);
                long start = System.nanoTime();
                backend.reenrolment().submit(user, draft);
                return System.nanoTime() - start;
            }
            return null;
        } finally {
            backend.auth().logout(user);
        }
    }

    /** 1 MiB that the database takes for a PDF (its magic number) and cannot compress (a scan's). */
    private static byte[] pdf(Random random) {
        byte[] content = new byte[PDF_SIZE];
        random.nextBytes(content);
        byte[] head = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        return content;
    }

    // ------------------------------------------------------------------ what the run leaves behind

    /** The rows of this run (sessions, requests, documents, mails, audit), removed as the owner at the end. */
    private record Cleanup(Map<String, Long> lastIds) {

        private static final List<String> TABLES = List.of("uploaded_document", "reenrolment_choice", "mail_outbox",
                "reenrolment_request", "audit_event", "app_session");

        static Cleanup before(BenchServer server) throws SQLException {
            Map<String, Long> ids = new TreeMap<>();
            try (Connection c = server.connect("postgres")) {
                for (String table : TABLES) {
                    ids.put(table, count(c, "select coalesce(max(id), 0) from tutti." + table));
                }
            }
            return new Cleanup(ids);
        }

        String run(BenchServer server) {
            List<String> removed = new ArrayList<>();
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (String table : TABLES) {
                    removed.add(s.executeUpdate("delete from tutti." + table + " where id > " + lastIds.get(table))
                            + " " + table);
                }
                c.commit();
                return "Removed the run's rows as the owner: " + String.join(", ", removed) + ".";
            } catch (SQLException e) {
                return "**The run's rows could not be removed:** " + e.getMessage();
            }
        }
    }

    // ------------------------------------------------------------------ CPU

    /**
     * Clock ticks of the cluster's processes (the postmaster and its children, ended ones
     * included: the other databases' too), of the backends of this run's database alive at the
     * sample, of PgBouncer and of the machine.
     */
    private record Cpu(long server, long database, long bouncer, long machineBusy, long machineTotal) {

        record Usage(double server, double database, double bouncer, double machine) {
        }

        static Cpu sample(BenchServer server, PgBouncer bouncer) throws IOException {
            long postmaster = Long.parseLong(Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(0).trim());
            long serverTicks = 0;
            long databaseTicks = 0;
            long[] own = stat(postmaster);
            if (own != null) {
                serverTicks += own[1] + own[2] + own[3] + own[4];
            }
            String ours = " " + BenchServer.DATABASE + " ";
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) processes::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long[] st = stat(Long.parseLong(name));
                    if (st != null && st[0] == postmaster) {
                        serverTicks += st[1] + st[2];
                        try {
                            String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            if (cmdline.contains(ours)) {
                                databaseTicks += st[1] + st[2];
                            }
                        } catch (IOException gone) {
                            // ended between the two reads
                        }
                    }
                }
            }
            long bouncerTicks = -1;
            if (bouncer != null) {
                long[] st = stat(bouncer.pid());
                bouncerTicks = st == null ? -1 : st[1] + st[2];
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new Cpu(serverTicks, databaseTicks, bouncerTicks, total - idle, total);
        }

        /** ppid, utime, stime, cutime, cstime of a process, or null if gone. */
        private static long[] stat(long pid) {
            try {
                String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                // after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
                return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                        Long.parseLong(f[13]), Long.parseLong(f[14])};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        Usage minus(Cpu before, double seconds) {
            double cores = Runtime.getRuntime().availableProcessors();
            double capacity = seconds * CLOCK_TICKS * cores;
            return new Usage((server - before.server) / capacity, Math.max(0, database - before.database) / capacity,
                    bouncer < 0 || before.bouncer < 0 ? -1 : (bouncer - before.bouncer) / capacity,
                    (machineBusy - before.machineBusy) / (double) Math.max(1, machineTotal - before.machineTotal));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String percent(double fraction) {
        return fraction < 0 || Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    private static long availableMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemAvailable:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long millis = (nanoTime - System.nanoTime()) / 1_000_000;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
