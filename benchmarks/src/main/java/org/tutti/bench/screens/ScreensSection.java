package org.tutti.bench.screens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tutti.bench.BenchContext;
import org.tutti.bench.BenchSection;
import org.tutti.bench.BenchServer;
import org.tutti.bench.Stats;
import org.tutti.client.data.BackendFactory;
import org.tutti.client.data.CountingConnectionProvider;
import org.tutti.client.data.Database;
import org.tutti.client.documents.BillingDocuments;
import org.tutti.client.domain.AccountFilter;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.Backend;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.StartupListener;

/**
 * Every screen and window of both modes, timed in process through the client's own services as
 * the screen calls them when it opens (what the user waits for, drawing aside), against the seeded
 * PostgreSQL as the login roles (RLS on), for a sample of BELLERIVE's families spread over the
 * database plus the heaviest ones; then the same on the 2,000-family cluster for the scaling
 * column. The client is opened as a school's install opens it: a {@code tutti.json} in a data
 * folder, {@link BackendFactory}. Statements are counted on the client's pool
 * ({@link Database#STATISTICS_PROPERTY}), binder and {@code doWork} statements included.
 */
public final class ScreensSection implements BenchSection {

    private static final int SPREAD_FAMILIES = Integer.getInteger("bench.screens.spread", 22);
    private static final int HEAVY_FAMILIES = Integer.getInteger("bench.screens.heavy", 8);
    private static final int ROUNDS = Integer.getInteger("bench.screens.rounds", 2);
    /** The staff screens that read the whole site (not one family) are opened this many times a round. */
    private static final int SITE_SCREENS = Integer.getInteger("bench.screens.site", 3);
    /**
     * One-way delay of the network to a family's home, in milliseconds (a round trip costs twice
     * as much): above 0, the screens are measured once more through a {@link DelayProxy} in front of
     * the main cluster, one timed round, for the column of what is waited for from afar.
     */
    private static final int LATENCY_MILLIS = Integer.getInteger("bench.screens.latency", 10);
    private static final String SITE = "BELLERIVE";
    /** A new array each time: the login wipes the one it is given. */
    private static char[] password() {
        return "bellerive".toCharArray();
    }

    /** A screen's opening for one family (or one search): returns nothing, is timed and counted. */
    @FunctionalInterface
    private interface Opening {
        void open() throws Exception;
    }

    /** Times and statement counts per screen, in the order screens were first met. */
    private static final class Measures {
        final Map<String, List<Long>> nanos = new LinkedHashMap<>();
        final Map<String, List<Long>> statements = new LinkedHashMap<>();
        final Map<String, Integer> calls = new LinkedHashMap<>();
        final Map<String, Integer> errors = new LinkedHashMap<>();
        final Map<String, String> firstError = new LinkedHashMap<>();
        boolean recording;

        void time(String screen, int serviceCalls, Opening opening) throws Exception {
            long before = CountingConnectionProvider.executedInJvm();
            long start = System.nanoTime();
            try {
                opening.open();
            } catch (ServiceException e) {
                // what the user sees as an error message (a statement timeout, typically): counted, not fatal
                errors.merge(screen, 1, Integer::sum);
                firstError.putIfAbsent(screen, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            long elapsed = System.nanoTime() - start;
            long executed = CountingConnectionProvider.executedInJvm() - before;
            calls.putIfAbsent(screen, serviceCalls);
            nanos.computeIfAbsent(screen, s -> new ArrayList<>());
            statements.computeIfAbsent(screen, s -> new ArrayList<>());
            if (recording) {
                nanos.get(screen).add(elapsed);
                statements.get(screen).add(executed);
            }
        }
    }

    @Override
    public String name() {
        return "screens";
    }

    @Override
    public String title() {
        return "Screens: what each screen waits for when it opens";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        System.setProperty(Database.STATISTICS_PROPERTY, "true");
        BenchServer main = context.server();
        Measures large = measure(context, main, main.url(), ROUNDS);
        Measures small = null;
        if (main.families() != 2_000) {
            // the main figures first: a run stopped during the scaling one keeps them
            System.out.println("[screens] " + main.families() + " families measured:\n" + table(large, null, null, main));
            BenchServer scaling = context.server(2_000);
            small = measure(context, scaling, scaling.url(), ROUNDS);
        }
        Measures remote = null;
        if (LATENCY_MILLIS > 0) {
            try (DelayProxy proxy = new DelayProxy(main.port(), LATENCY_MILLIS)) {
                remote = measure(context, main, main.url().replace(":" + main.port() + "/", ":" + proxy.port() + "/"), 1);
            }
        }
        context.report().note("In process, the client's services as each screen calls them when it opens (the"
                + " view models' background calls; drawing not included), as `tutti_family` / `tutti_staff` with"
                + " row-level security, one read-only transaction per call as the client makes it. Families of "
                + SITE + ": " + SPREAD_FAMILIES + " spread over the identifiers plus the " + HEAVY_FAMILIES
                + " with the most students, enrolments and invoices; staff screens as ACCUEIL, the family-dependent"
                + " ones for the same families. One warm-up round, then " + ROUNDS + " timed rounds. \"calls\": service"
                + " calls the screen makes; \"statements\": executed on the client's pool per opening (median; max),"
                + " session binding included (one a call on PostgreSQL)."
                + (LATENCY_MILLIS > 0 ? " \"p95 at " + 2 * LATENCY_MILLIS + " ms RTT\": the same screens, one timed round,"
                        + " through a relay that holds every packet " + LATENCY_MILLIS + " ms each way (the network to a"
                        + " family's home; `-Dbench.screens.latency`, 0 to skip)." : "")
                + " Milliseconds.");
        context.report().note(table(large, small, remote, main));
    }

    private static String table(Measures large, Measures small, Measures remote, BenchServer main) {
        List<List<String>> rows = new ArrayList<>();
        for (String screen : large.nanos.keySet()) {
            Stats t = Stats.ofNanos(large.nanos.get(screen));
            Stats n = Stats.of(large.statements.get(screen));
            String smallP95 = small == null || !small.nanos.containsKey(screen) ? "–"
                    : Stats.format(Stats.ofNanos(small.nanos.get(screen)).p95());
            rows.add(List.of(screen, Integer.toString(t.count()), Integer.toString(large.errors.getOrDefault(screen, 0)),
                    Integer.toString(large.calls.get(screen)),
                    String.format(Locale.ROOT, "%.0f; %.0f", n.median(), n.max()),
                    Stats.format(t.median()), Stats.format(t.p95()), Stats.format(t.max()), smallP95,
                    remote == null || !remote.nanos.containsKey(screen) ? "–"
                            : Stats.format(Stats.ofNanos(remote.nanos.get(screen)).p95())));
        }
        List<String> headers = List.of("screen", "n", "errors", "calls", "statements", "median " + main.families(),
                "p95 " + main.families(), "max " + main.families(), "p95 2000",
                "p95 at " + 2 * LATENCY_MILLIS + " ms RTT");
        StringBuilder t = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|---|");
        t.append("---:|".repeat(headers.size() - 1)).append('\n');
        for (List<String> row : rows) {
            t.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        large.firstError.forEach((screen, error) -> t.append("\n").append(screen).append(": ").append(error).append("\n"));
        return t.toString();
    }

    private Measures measure(BenchContext context, BenchServer server, String url, int rounds) throws Exception {
        System.out.println("[screens] " + url);
        List<String> families = sample(server);
        List<String[]> searches = searches(server);
        List<Long> courses = new ArrayList<>();
        Measures measures = new Measures();
        try (Backend family = open(context, server, url, "family", "tutti_family");
             Backend desk = open(context, server, url, "staff", "tutti_staff")) {
            UserSession staff = desk.auth().login(SITE, "ACCUEIL", password()).orElseThrow();
            for (StaffCourse c : desk.staffPedagogy().courses(staff)) {
                courses.add(c.id());
            }
            Collections.shuffle(courses, new Random(18));
            for (int round = 0; round <= rounds; round++) {
                measures.recording = round > 0;
                for (int i = 0; i < families.size(); i++) {
                    familyScreens(measures, family, families.get(i));
                    staffScreens(measures, desk, staff, server, families.get(i), courses.get(i % courses.size()),
                            i < SITE_SCREENS);
                }
                for (String[] search : searches) {
                    measures.time("staff: Familles, search (" + search[0] + ")", 1,
                            () -> desk.familySearch().search(staff, search[1]));
                    if (search[0].equals("name prefix") || search[0].equals("full name")) {
                        measures.time("staff: Facturation, a name typed (" + search[0] + ")", 1,
                                () -> desk.staffBilling().families(staff, search[1]));
                    }
                }
            }
            desk.auth().logout(staff);
        }
        return measures;
    }

    private static void familyScreens(Measures m, Backend b, String identifier) throws Exception {
        UserSession[] user = new UserSession[1];
        m.time("family: login", 1, () -> user[0] = b.auth().login(SITE, identifier, password())
                .orElseThrow(() -> new IllegalStateException(identifier + " cannot log in")));
        UserSession session = user[0];
        m.time("family: Accueil", 1, () -> b.home().familyHome(session));
        m.time("family: Famille (Identité)", 1, () -> b.familyFile().loadFamily(session));
        List<StudentIdentity> students = b.familyFile().students(session);
        StudentPedagogy[] shown = new StudentPedagogy[1];
        m.time("family: Élèves (list, first student's tabs)", 4, () -> {
            List<StudentIdentity> list = b.familyFile().students(session);
            shown[0] = b.pedagogy().pedagogy(session, list.get(0).id());
            if (b.reenrolment().openCampaign(session).isPresent()) {
                b.reenrolment().form(session, list.get(0).id());
            }
        });
        if (students.size() > 1) {
            m.time("family: Élèves, switch student", 3, () -> {
                b.pedagogy().pedagogy(session, students.get(1).id());
                if (b.reenrolment().openCampaign(session).isPresent()) {
                    b.reenrolment().form(session, students.get(1).id());
                }
            });
        }
        List<CourseSheet> sheets = new ArrayList<>(shown[0].currentCourses());
        sheets.addAll(shown[0].history());
        if (!sheets.isEmpty()) {
            m.time("family: course window (follow-up)", 1,
                    () -> b.pedagogy().followUp(session, sheets.get(0).enrolmentId()));
        }
        Optional<ReenrolmentCampaign> campaign = b.reenrolment().openCampaign(session);
        if (campaign.isPresent()) {
            m.time("family: Réinscription tab", 2, () -> {
                b.reenrolment().openCampaign(session);
                b.reenrolment().form(session, students.get(0).id());
            });
        }
        InvoiceSummary[] invoice = new InvoiceSummary[1];
        m.time("family: Facturation", BillingKind.values().length, () -> {
            for (BillingKind kind : BillingKind.values()) {
                BillingOverview overview = b.billing().overview(session, session.familyId(), kind);
                if (invoice[0] == null && !overview.invoices().isEmpty()) {
                    invoice[0] = overview.invoices().get(0);
                }
            }
        });
        if (invoice[0] != null) {
            m.time("family: invoice PDF (read + built)", 1,
                    () -> BillingDocuments.invoice(b.billing().invoiceDocument(session, invoice[0].id())));
        }
        // Mot de passe reads nothing when it opens
        b.auth().logout(session);
    }

    private static void staffScreens(Measures m, Backend b, UserSession staff, BenchServer server, String identifier,
            long courseId, boolean siteScreens) throws Exception {
        if (siteScreens) {
            siteScreens(m, b, staff);
        }
        long familyId = familyId(server, identifier);
        m.time("staff: family file (header, Famille, 4 record tabs)", 6, () -> {

            UserSession viewing = staff.viewingFamily(familyId);
            b.familyFile().header(viewing);
            b.familyFile().loadFamily(viewing);
            b.familyRecords().reenrolments(staff, familyId);
            b.familyRecords().changeRequests(staff, familyId);
            b.familyRecords().mails(staff, familyId);
            b.familyRecords().history(staff, familyId);
        });
        m.time("staff: family file, Élèves tab", 2, () -> {
            UserSession viewing = staff.viewingFamily(familyId);
            List<StudentIdentity> students = b.familyFile().students(viewing);
            b.pedagogy().pedagogy(viewing, students.get(0).id());
        });
        m.time("staff: Pédagogie, a course (students, absences)", 2, () -> {
            b.staffPedagogy().students(staff, courseId);
            b.staffPedagogy().absences(staff, courseId, LocalDate.now());
        });
        m.time("staff: Facturation, a family", 2 + BillingKind.values().length, () -> {
            b.staffBilling().students(staff, familyId);
            b.staffBilling().rentals(staff, familyId);
            for (BillingKind kind : BillingKind.values()) {
                b.billing().overview(staff, familyId, kind);
            }
        });
    }

    /** The staff screens whose data is the whole site's, not one family's. */
    private static void siteScreens(Measures m, Backend b, UserSession staff) throws Exception {
        m.time("staff: Accueil (desk home)", 2, () -> {
            b.home().staffHome(staff);
            b.deskHome().counts(staff);
        });
        m.time("staff: Accueil › failed mails window", 1, () -> b.deskHome().failedMails(staff));
        m.time("staff: Accueil › overdue invoices window", 1, () -> b.deskHome().overdueInvoices(staff,
                org.tutti.client.service.DeskHomeService.MAX_OVERDUE_LISTED + 1));
        m.time("staff: Validations", 1, () -> b.staffChanges().pending(staff));
        m.time("staff: Réinscriptions", 4, () -> {
            Optional<ReenrolmentCampaign> campaign = b.staffReenrolments().campaign(staff);
            b.staffReenrolments().targetYears(staff);
            if (campaign.isPresent()) {
                b.staffReenrolments().documentTypes(staff, campaign.get().id());
                b.staffReenrolments().requests(staff, campaign.get().id());
            }
        });
        m.time("staff: Comptes", 1, () -> b.familyAccounts().accounts(staff, AccountFilter.ALL, "",
                org.tutti.client.service.FamilyAccountsService.MAX_LISTED + 1));
        m.time("staff: Pédagogie (course list)", 1, () -> b.staffPedagogy().courses(staff));
        m.time("staff: Paramètres", 1, () -> b.siteSettings().read(staff));
        m.time("staff: Facturation (family list)", 1, () -> b.staffBilling().families(staff, ""));
    }

    private static final Map<String, Long> FAMILY_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long familyId(BenchServer server, String identifier) throws SQLException {
        Long known = FAMILY_IDS.get(server.port() + identifier);
        if (known != null) {
            return known;
        }
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select f.id from tutti.family f join tutti.site t on t.id = f.site_id"
                     + " where t.code = '" + SITE + "' and f.identifier = '" + identifier + "'")) {
            rs.next();
            long id = rs.getLong(1);
            FAMILY_IDS.put(server.port() + identifier, id);
            return id;
        }
    }

    /** The client as a school's install opens it: a tutti.json in its data folder. */
    private static Backend open(BenchContext context, BenchServer server, String url, String mode, String role)
            throws Exception {
        Path folder = context.workDir("screens/" + server.families() + "-" + mode);
        Files.writeString(folder.resolve("tutti.json"), "{\"mode\": \"" + mode + "\", \"database\": {\"url\": \""
                + url + "\", \"user\": \"" + role + "\", \"password\": \"" + BenchServer.PASSWORD + "\"}}");
        return BackendFactory.open(folder, StartupListener.NONE);
    }

    /** BELLERIVE's families spread over the identifiers, then the heaviest (students, enrolments, invoices). */
    private static List<String> sample(BenchServer server) throws SQLException {
        List<String> families = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select identifier from (select f.identifier,"
                    + " ntile(" + SPREAD_FAMILIES + ") over (order by f.id) as tile,"
                    + " row_number() over (order by f.id) as n from tutti.family f join tutti.site t on t.id = f.site_id"
                    + " where t.code = '" + SITE + "' and exists (select 1 from tutti.student st where st.family_id = f.id)) x"
                    + " where (tile, n) in (select tile, min(n) from (select ntile(" + SPREAD_FAMILIES + ") over (order by f.id)"
                    + " as tile, row_number() over (order by f.id) as n from tutti.family f join tutti.site t on t.id = f.site_id"
                    + " where t.code = '" + SITE + "' and exists (select 1 from tutti.student st where st.family_id = f.id)) y"
                    + " group by tile) order by n")) {
                while (rs.next()) {
                    families.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select f.identifier from tutti.family f join tutti.site t on t.id = f.site_id"
                    + " left join lateral (select count(*) n from tutti.student st where st.family_id = f.id) st on true"
                    + " left join lateral (select count(*) n from tutti.enrolment e join tutti.student st on st.id = e.student_id"
                    + " where st.family_id = f.id) e on true"
                    + " left join lateral (select count(*) n from tutti.invoice i where i.family_id = f.id) i on true"
                    + " where t.code = '" + SITE + "' order by st.n desc, e.n desc, i.n desc, f.identifier"
                    + " fetch first " + HEAVY_FAMILIES + " rows only")) {
                while (rs.next()) {
                    if (!families.contains(rs.getString(1))) {
                        families.add(rs.getString(1));
                    }
                }
            }
        }
        return families;
    }

    /** What a front desk types (performance-search.md's kinds), from BELLERIVE's own rows: 6 of each kind. */
    private static List<String[]> searches(BenchServer server) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select f.identifier, f.last_name, f.first_name, f.phone_mobile,"
                     + " coalesce(f.email, (select min(a.email) from tutti.account a where a.family_id = f.id)),"
                     + " (select min(st.first_name) from tutti.student st where st.family_id = f.id),"
                     + " (select min(st.last_name) from tutti.student st where st.family_id = f.id)"
                     + " from tutti.family f join tutti.site t on t.id = f.site_id where t.code = '" + SITE + "'"
                     + " order by md5(f.identifier) fetch first 60 rows only")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)});
            }
        }
        List<String[]> searches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String[] f = rows.get(i);
            String name = plain(f[1]).toLowerCase(Locale.ROOT);
            searches.add(new String[] {"name prefix", name.substring(0, Math.min(name.length(), 2 + i % 5))});
            searches.add(new String[] {"full name", plain(f[2] + " " + f[1]).toLowerCase(Locale.ROOT)});
            String[] g = rows.get(10 + i);
            if (g[3] != null) {
                searches.add(new String[] {"phone", i % 2 == 0 ? g[3] : g[3].replace(" ", "")});
            }
            String[] h = rows.get(20 + i);
            if (h[5] != null) {
                searches.add(new String[] {"student", plain(h[5] + " " + h[6]).toLowerCase(Locale.ROOT)});
            }
            searches.add(new String[] {"identifier", rows.get(30 + i)[0]});
            String[] k = rows.get(40 + i);
            if (k[4] != null) {
                searches.add(new String[] {"e-mail", i % 2 == 0 ? k[4] : k[4].substring(0, k[4].indexOf('@'))});
            }
        }
        return searches;
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
