package org.tutti.bench.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tutti.bench.BenchContext;
import org.tutti.bench.BenchSection;
import org.tutti.bench.BenchServer;
import org.tutti.bench.Report;
import org.tutti.bench.Stats;

/**
 * The SQL API and each screen's queries, timed as the login role (tutti_family or tutti_staff, the
 * session bound as the client binds it: {@code set_config('tutti.session', …, true)} then
 * {@code tutti.touch_session()} in each transaction) and as tutti_owner (BYPASSRLS) running the
 * same statement. The client's statements state the visibility rule themselves (Visibility), so
 * both sides return the same rows (checked, per family). Interleaved call by call after a warm-up;
 * the ratio is what the policies cost. Then EXPLAIN (ANALYZE, BUFFERS) of the five slowest as the
 * login role, and every policy predicate with the index that serves it.
 */
public final class DatabaseSection implements BenchSection {

    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.database.warmup", 2);
    private static final int ROUNDS = Integer.getInteger("bench.database.rounds", 12);
    private static final int FAMILY_SAMPLE = 5;
    private static final String SITE = "BELLERIVE";
    private static final String PASSWORD = "bellerive";

    private enum Role {
        FAMILY("tutti_family"), STAFF("tutti_staff");

        final String login;

        Role(String login) {
            this.login = login;
        }
    }

    /** One statement the client sends, with {@code :name} parameters taken from {@link Subject}. */
    private record Call(String screen, String name, Role role, String sql) {
    }

    /** Who the statements are about: a family of the site and its rows. */
    private record Subject(String identifier, Map<String, Object> values) {
    }

    private static final String SHEET = "select e.id, st.id, y.label, y.start_date, y.is_current, dep.name, d.name,"
            + " cy.name, c.class_label, e.level_label, c.kind, t.first_name, t.last_name, c.day_of_week, c.start_time,"
            + " c.duration_minutes, r.name, e.status, e.enrolled_on, e.ended_on"
            + " from tutti.enrolment e join tutti.student st on st.id = e.student_id"
            + " join tutti.course c on c.id = e.course_id join tutti.school_year y on y.id = c.school_year_id"
            + " join tutti.discipline d on d.id = c.discipline_id join tutti.department dep on dep.id = d.department_id"
            + " join tutti.teacher t on t.id = c.teacher_id left join tutti.cycle cy on cy.id = c.cycle_id"
            + " left join tutti.room r on r.id = c.room_id";
    private static final String INVOICE_COLUMNS = "i.id, i.number, i.kind, i.issue_date, i.due_date, i.total_amount,"
            + " c.number, y.label,"
            + " (select sum(a.amount) from tutti.payment_allocation a where a.invoice_id = i.id),"
            + " (select sum(cn.total_amount) from tutti.invoice cn where cn.credit_note_for = i.id),"
            + " case when i.due_date < current_date then 1 else 0 end";
    private static final String INVOICE_FROM = " from tutti.invoice i join tutti.family f on f.id = i.family_id"
            + " join tutti.school_year y on y.id = i.school_year_id left join tutti.invoice c on c.id = i.credit_note_for";

    /** What the client sends (client/src/main/java/org/tutti/client/data, issue 18's state), screen by screen. */
    private static final List<Call> CALLS = List.of(
            new Call("every transaction", "touch_session()", Role.FAMILY, "select tutti.touch_session()"),
            new Call("every transaction", "session_info()", Role.FAMILY, "select * from tutti.session_info()"),
            new Call("Accueil", "family", Role.FAMILY, "select f.civility, f.first_name, f.last_name, s.name"
                    + " from tutti.family f join tutti.site s on s.id = f.site_id where f.id = :family"),
            new Call("Accueil", "students", Role.FAMILY, "select s.id, s.first_name, s.last_name, s.birth_date"
                    + " from tutti.student s where s.family_id = :family"),
            new Call("Accueil", "courses", Role.FAMILY, "select e.id, st.id, d.name, c.class_label, t.first_name,"
                    + " t.last_name, c.day_of_week, c.start_time, c.duration_minutes, r.name from tutti.enrolment e"
                    + " join tutti.student st on st.id = e.student_id join tutti.course c on c.id = e.course_id"
                    + " join tutti.school_year y on y.id = c.school_year_id join tutti.discipline d on d.id = c.discipline_id"
                    + " join tutti.teacher t on t.id = c.teacher_id left join tutti.room r on r.id = c.room_id"
                    + " where st.family_id = :family and y.is_current = true and e.status <> 'WITHDRAWN'"),
            new Call("Élèves › Cours", "enrolment sheets", Role.FAMILY, SHEET
                    + " where st.id = :student and st.family_id = :family and (y.is_current = true"
                    + " or y.start_date < all (select cy2.start_date from tutti.school_year cy2 where cy2.is_current = true))"),
            new Call("Élèves › Cours", "evaluation and absence counts", Role.FAMILY, "select e.id, count(distinct ev.id),"
                    + " count(distinct case when a.excused = true then a.id end),"
                    + " count(distinct case when a.excused = false then a.id end)"
                    + " from tutti.student st join tutti.enrolment e on e.student_id = st.id"
                    + " left join tutti.evaluation ev on ev.enrolment_id = e.id left join tutti.absence a on a.enrolment_id = e.id"
                    + " where st.id = :student and st.family_id = :family group by e.id"),
            new Call("Élèves › Répertoire", "repertoire", Role.FAMILY, "select p.id, m.id, m.repertoire, m.title,"
                    + " m.event_date, m.place, m.kind, p.piece, p.composer, p.duration_seconds, p.comment"
                    + " from tutti.event_participation p join tutti.musical_event m on m.id = p.event_id"
                    + " join tutti.student st on st.id = p.student_id where st.id = :student and st.family_id = :family"
                    + " order by m.event_date desc, p.id"),
            new Call("Course window", "sheet", Role.FAMILY, SHEET + " where e.id = :enrolment and st.family_id = :family"),
            new Call("Course window", "evaluations", Role.FAMILY, "select ev.id, ev.evaluation_date, ev.kind, ev.mark,"
                    + " ev.mention, t.first_name || ' ' || t.last_name, ev.appreciation from tutti.evaluation ev"
                    + " join tutti.teacher t on t.id = ev.teacher_id join tutti.enrolment e on e.id = ev.enrolment_id"
                    + " join tutti.student st on st.id = e.student_id where e.id = :enrolment and st.family_id = :family"
                    + " order by ev.evaluation_date desc, ev.id desc"),
            new Call("Course window", "absences", Role.FAMILY, "select a.id, a.absence_date, a.start_time,"
                    + " a.duration_minutes, a.excused, a.reason from tutti.absence a join tutti.enrolment e on e.id = a.enrolment_id"
                    + " join tutti.student st on st.id = e.student_id where e.id = :enrolment and st.family_id = :family"
                    + " order by a.absence_date desc, a.id desc"),
            new Call("Facturation", "invoices", Role.FAMILY, "select " + INVOICE_COLUMNS + INVOICE_FROM
                    + " where i.family_id = :family and i.kind = 'INVOICE' and f.id = :family"
                    + " order by i.issue_date desc, i.number desc, i.id desc"),
            new Call("Facturation", "payments", Role.FAMILY, "select p.id, p.receipt_number, p.payment_date, p.method,"
                    + " p.amount, p.reference, ia.number from tutti.payment p join tutti.family f on f.id = p.family_id"
                    + " join tutti.payment_allocation a on a.payment_id = p.id join tutti.invoice ia on ia.id = a.invoice_id"
                    + " where p.family_id = :family and f.id = :family and exists (select 1 from tutti.payment_allocation ka"
                    + " join tutti.invoice ki on ki.id = ka.invoice_id where ka.payment_id = p.id and ki.kind = 'INVOICE')"
                    + " order by p.payment_date desc, p.receipt_number desc, p.id desc, ia.issue_date, ia.number"),
            new Call("Invoice PDF", "head", Role.FAMILY, "select " + INVOICE_COLUMNS
                    + ", s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email, s.payment_instructions,"
                    + " f.civility, f.first_name, f.last_name, f.address1, f.address2, f.postal_code, f.city, f.country,"
                    + " f.identifier" + INVOICE_FROM + " join tutti.site_letterhead s on s.id = i.site_id"
                    + " where i.id = :invoice and f.id = :family"),
            new Call("Invoice PDF", "lines", Role.FAMILY, "select l.label, st.first_name, st.last_name, l.quantity,"
                    + " l.unit_price, l.amount from tutti.invoice_line l join tutti.invoice i on i.id = l.invoice_id"
                    + " join tutti.family f on f.id = i.family_id left join tutti.student st on st.id = l.student_id"
                    + " where l.invoice_id = :invoice and f.id = :family order by l.line_no, l.id"),
            new Call("Réinscription", "request", Role.FAMILY, "select r.id, r.status, r.submitted_at, r.decided_at,"
                    + " r.decision_comment from tutti.reenrolment_request r join tutti.student st on st.id = r.student_id"
                    + " join tutti.family f on f.id = st.family_id where r.campaign_id = :campaign and r.student_id = :student"
                    + " and f.id = :family"),
            new Call("Réinscription", "document types", Role.FAMILY, "select t.id, t.name, t.required"
                    + " from tutti.document_type t join tutti.reenrolment_campaign c on c.id = t.campaign_id"
                    + " where c.id = :campaign and c.site_id = :site"),
            new Call("Réinscription", "uploaded documents", Role.FAMILY, "select d.id, t.name, d.file_name,"
                    + " d.content_type, d.size_bytes, d.sha256 from tutti.uploaded_document d"
                    + " join tutti.document_type t on t.id = d.document_type_id join tutti.reenrolment_request r on r.id = d.request_id"
                    + " join tutti.student st on st.id = r.student_id join tutti.family f on f.id = st.family_id"
                    + " where r.id = :request and f.id = :family order by d.id"),
            new Call("Mon dossier", "family file", Role.FAMILY, "select f.civility, f.last_name, f.first_name, f.address1,"
                    + " f.address2, f.postal_code, f.city, f.country, f.phone_home, f.phone_mobile, f.phone_work, f.email"
                    + " from tutti.family f where f.id = :family"),
            new Call("Mon dossier", "pending changes", Role.FAMILY, "select c.id, c.field_name, c.new_value"
                    + " from tutti.change_request c where c.family_id = :family and c.target = 'FAMILY'"
                    + " and c.target_id = :family and c.status = 'PENDING'"),
            new Call("Accueil (desk)", "desk_counts()", Role.STAFF, "select * from tutti.desk_counts()"),
            new Call("Accueil (desk)", "change queue", Role.STAFF, "select count(cr.id), min(cr.submitted_at)"
                    + " from tutti.change_request cr join tutti.family f on f.id = cr.family_id"
                    + " where cr.status = 'PENDING' and f.site_id = :site"),
            new Call("Accueil (desk)", "overdue_invoices(501)", Role.STAFF, "select * from tutti.overdue_invoices(501)"),
            new Call("Accueil (desk)", "failed_mails()", Role.STAFF, "select * from tutti.failed_mails()"),
            new Call("Recherche", "search_families(name)", Role.STAFF, "select * from tutti.search_families(:name, 50)"),
            new Call("Dossier famille", "family file", Role.STAFF, "select f.identifier, f.civility, f.first_name,"
                    + " f.last_name, f.email, f.phone_mobile, f.phone_home, a.id, a.active, a.locked_until > current_timestamp"
                    + " from tutti.family f left join tutti.account a on a.family_id = f.id and a.role = 'FAMILY'"
                    + " where f.id = :family and f.site_id = :site"),
            new Call("Dossier famille", "students", Role.STAFF, "select s.id, s.last_name, s.first_name, s.sex,"
                    + " s.birth_date, s.email, s.phone_mobile, s.school_level from tutti.student s"
                    + " join tutti.family f on f.id = s.family_id where f.id = :family and f.site_id = :site"),
            new Call("Dossier famille", "family_history(id)", Role.STAFF, "select * from tutti.family_history(:family)"),
            new Call("Dossier famille", "family_mails(id)", Role.STAFF, "select * from tutti.family_mails(:family)"),
            new Call("Comptes", "family_accounts('ALL', '', 201)", Role.STAFF,
                    "select * from tutti.family_accounts('ALL', '', 201)"),
            new Call("Comptes", "family_accounts('ALL', name, 201)", Role.STAFF,
                    "select * from tutti.family_accounts('ALL', 'martin', 201)"),
            new Call("Paramètres", "site_settings()", Role.STAFF, "select * from tutti.site_settings()"));

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z]+)");

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String title() {
        return "Database: the SQL API and each screen's queries, with and without row-level security";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Report report = context.report();
        report.note("Each call is the statement the client sends (client/src/main/java/org/tutti/client/data), timed as the"
                + " login role with row-level security, the session bound as SqlSessionBinder binds it (bind and"
                + " touch_session() not in the timing but for their own row), and as tutti_owner (BYPASSRLS) running the same"
                + " statement: the client states the visibility rule itself (Visibility), so both return the same rows"
                + " (checked per family: column \"same rows\"). Interleaved call by call, the side alternating, after "
                + WARMUP_ROUNDS + " warm-up rounds; " + ROUNDS + " rounds over " + FAMILY_SAMPLE + " families of site "
                + SITE + " (the first, the heaviest by enrolments and invoices, and three spread over the identifiers);"
                + " staff calls as ACCUEIL (the site-wide ones, and any call over a second, for the first family only). Milliseconds, one statement with its round trip. SECURITY DEFINER"
                + " functions run as their owner either way: their ratio only shows the noise. Database "
                + BenchServer.DATABASE + ".");
        List<Integer> sizes = new ArrayList<>(List.of(context.families()));
        if (context.families() != 2_000 && !Boolean.getBoolean("bench.database.mainOnly")) {
            sizes.add(2_000);
        }
        for (int size : sizes) {
            BenchServer server = context.server(size);
            report.subheading(String.format("%,d families", size));
            measure(server, report);
        }
        policyIndexes(context.server(sizes.get(0)), report);
    }

    private void measure(BenchServer server, Report report) throws Exception {
        try (Connection owner = server.connect("postgres")) {
            try (Statement s = owner.createStatement()) {
                s.execute("SET ROLE tutti_owner");
                s.execute("SET statement_timeout = '30s'"); // as the login roles (their role setting)
            }
            String loopbackProblem = loopbackProblem(owner);
            if (loopbackProblem != null) {
                report.note("**Not measured:** " + loopbackProblem);
                return;
            }
            List<Subject> subjects = subjects(owner);
            System.out.println("[bench] database: families " + subjects.stream().map(Subject::identifier).toList());
            Map<Call, List<Long>> rls = new LinkedHashMap<>();
            Map<Call, List<Long>> own = new LinkedHashMap<>();
            Map<Call, Integer> heaviestRows = new LinkedHashMap<>();
            Map<Call, Boolean> sameRows = new LinkedHashMap<>();
            List<Long> logins = new ArrayList<>();
            Map<Call, String> failed = new LinkedHashMap<>();
            // over a second a statement: measured for the first family only, so that a run stays within minutes
            java.util.Set<Call> slow = new java.util.HashSet<>();
            try (Connection family = server.connect("tutti_family"); Connection staff = server.connect("tutti_staff")) {
                String staffToken = login(staff, "ACCUEIL", null);
                for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                    System.out.println("[bench] database: " + server.families() + " families, round " + round);
                    for (int f = 0; f < subjects.size(); f++) {
                        Subject subject = subjects.get(f);
                        long started = System.nanoTime();
                        String familyToken = login(family, subject.identifier(), null);
                        if (round >= 0) {
                            logins.add(System.nanoTime() - started);
                        }
                        for (Call call : CALLS) {
                            if (f > 0 && (slow.contains(call) || call.role() == Role.STAFF && !call.sql().contains(":"))) {
                                continue; // the site's lists: the same for every family, measured once a round
                            }
                            Connection loginConnection = call.role() == Role.FAMILY ? family : staff;
                            String token = call.role() == Role.FAMILY ? familyToken : staffToken;
                            boolean ownerFirst = (round + f) % 2 == 0;
                            Timed a = null;
                            Timed b = null;
                            for (int side = 0; side < 2; side++) {
                                boolean asOwner = (side == 0) == ownerFirst;
                                Timed t;
                                try {
                                    t = failed.containsKey(call) ? null
                                            : time(asOwner ? owner : loginConnection, token, !asOwner, call, subject);
                                } catch (SQLException e) {
                                    failed.put(call, e.getMessage().replaceAll("\\s+", " "));
                                    t = null;
                                }
                                if (t == null) {
                                    break; // this family has no such row (no request, no invoice): not measured for it
                                }
                                if (asOwner) {
                                    b = t;
                                } else {
                                    a = t;
                                }
                            }
                            if (a != null && a.nanos() > 1_000_000_000L) {
                                slow.add(call);
                            }
                            if (a == null || b == null || round < 0) {
                                continue;
                            }
                            rls.computeIfAbsent(call, k -> new ArrayList<>()).add(a.nanos());
                            own.computeIfAbsent(call, k -> new ArrayList<>()).add(b.nanos());
                            sameRows.merge(call, a.rows() == b.rows(), Boolean::logicalAnd);
                            if (f == 1 || !heaviestRows.containsKey(call)) {
                                heaviestRows.put(call, a.rows());
                            }
                        }
                        logout(family, familyToken);
                    }
                }
                logout(staff, staffToken);
            }
            List<List<String>> rows = new ArrayList<>();
            Stats loginStats = Stats.ofNanos(logins);
            rows.add(List.of("login", "tutti.login(site, identifier, password)", "1", Stats.format(loginStats.median()),
                    Stats.format(loginStats.p95()), "–", "–", "–", "–"));
            List<Map.Entry<Call, Double>> slowest = new ArrayList<>();
            for (Call call : CALLS) {
                if (failed.containsKey(call)) {
                    rows.add(List.of(call.screen(), call.name() + " (" + call.role().login + ")", "–",
                            "**failed**: " + failed.get(call), "", "", "", "", ""));
                    continue;
                }
                if (!rls.containsKey(call)) {
                    rows.add(List.of(call.screen(), call.name(), "–", "not measured (no such row)", "", "", "", "", ""));
                    continue;
                }
                Stats r = Stats.ofNanos(rls.get(call));
                Stats o = Stats.ofNanos(own.get(call));
                slowest.add(Map.entry(call, r.median()));
                rows.add(List.of(call.screen(), call.name() + " (" + call.role().login + ")",
                        String.valueOf(heaviestRows.getOrDefault(call, -1)), Stats.format(r.median()), Stats.format(r.p95()),
                        Stats.format(o.median()), Stats.format(o.p95()),
                        String.format(java.util.Locale.ROOT, "%.2f", r.median() / o.median()),
                        sameRows.get(call) ? "yes" : "**no**"));
            }
            report.table(List.of("screen", "call", "rows (heaviest)", "RLS median", "RLS p95", "owner median",
                    "owner p95", "ratio", "same rows"), rows);
            slowest.sort(Map.Entry.<Call, Double>comparingByValue(Comparator.reverseOrder()));
            explainSlowest(server, owner, subjects.get(1), slowest.subList(0, Math.min(5, slowest.size())), report);
            if (!failed.isEmpty()) {
                report.note("Failed calls are not explained: " + String.join(", ", failed.keySet().stream()
                        .map(Call::name).toList()) + " (see the table).");
            }
        }
    }

    private record Timed(long nanos, int rows) {
    }

    /** One transaction: bind the session (and touch it as the client does), then the timed statement. */
    private static Timed time(Connection connection, String token, boolean touch, Call call, Subject subject)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = bind(call.sql(), subject, values);
        if (sql == null) {
            return null;
        }
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement bind = connection.prepareStatement("select set_config('tutti.session', ?, true)")) {
                bind.setString(1, token);
                bind.executeQuery().close();
            }
            if (touch && !call.sql().contains("touch_session")) {
                try (PreparedStatement t = connection.prepareStatement("select tutti.touch_session()");
                     ResultSet rs = t.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        throw new SQLException("the session of " + subject.identifier() + " is not live");
                    }
                }
            }
            long started = System.nanoTime();
            int rows = 0;
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    p.setObject(i + 1, values.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
            }
            long nanos = System.nanoTime() - started;
            connection.commit();
            return new Timed(nanos, rows);
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException(call.name() + " for " + subject.identifier() + ": " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** {@code sql} with its {@code :name} parameters as {@code ?} and their values in {@code values}; null if one is missing. */
    private static String bind(String sql, Subject subject, List<Object> values) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = subject.values().get(m.group(1));
            if (value == null) {
                return null;
            }
            values.add(value);
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String login(Connection connection, String identifier, String unused) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("select tutti.login(?, ?, ?)")) {
            p.setString(1, SITE);
            p.setString(2, identifier);
            p.setString(3, PASSWORD);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void logout(Connection connection, String token) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement bind = connection.prepareStatement("select set_config('tutti.session', ?, true)");
             PreparedStatement out = connection.prepareStatement("select tutti.logout()")) {
            bind.setString(1, token);
            bind.executeQuery().close();
            out.executeQuery().close();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A copy of a database made with CREATE DATABASE … TEMPLATE keeps the loopback of the template
     * (tutti_loopback names the template's database): its logins would be recorded there.
     */
    private static String loopbackProblem(Connection owner) throws SQLException {
        try (Statement s = owner.createStatement(); ResultSet rs = s.executeQuery(
                "select current_database(), (select option_value from pg_options_to_table("
                        + "(select srvoptions from pg_foreign_server where srvname = 'tutti_loopback')) where option_name = 'dbname')")) {
            rs.next();
            String database = rs.getString(1);
            String loopback = rs.getString(2);
            if (loopback != null && !loopback.equals(database)) {
                return "the loopback of database " + database + " records its sessions into database " + loopback
                        + " (a copy made with TEMPLATE): run `tutti-schema harden` on " + database + " first.";
            }
            return null;
        }
    }

    /** The sampled families of the site with the ids their screens use. */
    private static List<Subject> subjects(Connection owner) throws SQLException {
        List<String> identifiers = new ArrayList<>();
        try (Statement s = owner.createStatement()) {
            try (ResultSet rs = s.executeQuery("select min(f.identifier), max(f.identifier), count(*) from tutti.family f"
                    + " join tutti.site si on si.id = f.site_id where si.code = '" + SITE + "'")) {
                rs.next();
                identifiers.add(rs.getString(1));
            }
            // the heaviest family: the most enrolments and invoices (the rows its screens read)
            try (ResultSet rs = s.executeQuery("select f.identifier from tutti.family f join tutti.site si on si.id = f.site_id"
                    + " left join lateral (select count(*) n from tutti.student st join tutti.enrolment e on e.student_id = st.id"
                    + " where st.family_id = f.id) e on true left join lateral (select count(*) n from tutti.invoice i"
                    + " where i.family_id = f.id) i on true where si.code = '" + SITE + "'"
                    + " order by e.n + i.n desc, f.identifier limit 1")) {
                rs.next();
                identifiers.add(rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("select f.identifier from (select f.identifier, row_number() over"
                    + " (order by f.identifier) n, count(*) over () total from tutti.family f join tutti.site si"
                    + " on si.id = f.site_id join tutti.account a on a.family_id = f.id and a.active where si.code = '" + SITE
                    + "') f where f.n in (f.total / 4, f.total / 2, 3 * f.total / 4) order by f.n")) {
                while (rs.next()) {
                    identifiers.add(rs.getString(1));
                }
            }
        }
        List<Subject> subjects = new ArrayList<>();
        for (String identifier : identifiers.stream().distinct().limit(FAMILY_SAMPLE).toList()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("identifier", identifier);
            try (PreparedStatement p = owner.prepareStatement("select f.id, f.site_id, f.last_name,"
                    + " (select st.id from tutti.student st left join tutti.enrolment e on e.student_id = st.id"
                    + "   where st.family_id = f.id group by st.id order by count(e.id) desc, st.id limit 1),"
                    + " (select e.id from tutti.enrolment e join tutti.student st on st.id = e.student_id"
                    + "   left join tutti.evaluation ev on ev.enrolment_id = e.id where st.family_id = f.id"
                    + "   group by e.id order by count(ev.id) desc, e.id limit 1),"
                    + " (select i.id from tutti.invoice i left join tutti.invoice_line l on l.invoice_id = i.id"
                    + "   where i.family_id = f.id group by i.id order by count(l.id) desc, i.id limit 1),"
                    + " (select c.id from tutti.reenrolment_campaign c join tutti.school_year y on y.id = c.school_year_id"
                    + "   where c.site_id = f.site_id order by y.start_date desc limit 1)"
                    + " from tutti.family f where f.identifier = ? and f.site_id = (select id from tutti.site where code = ?)")) {
                p.setString(1, identifier);
                p.setString(2, SITE);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    values.put("family", rs.getLong(1));
                    values.put("site", rs.getLong(2));
                    values.put("name", rs.getString(3));
                    putIfPresent(values, "student", rs, 4);
                    putIfPresent(values, "enrolment", rs, 5);
                    putIfPresent(values, "invoice", rs, 6);
                    putIfPresent(values, "campaign", rs, 7);
                }
            }
            if (values.containsKey("campaign") && values.containsKey("student")) {
                try (PreparedStatement p = owner.prepareStatement("select r.id from tutti.reenrolment_request r"
                        + " join tutti.student st on st.id = r.student_id where st.family_id = ? and r.campaign_id = ?"
                        + " order by r.id limit 1")) {
                    p.setLong(1, (Long) values.get("family"));
                    p.setLong(2, (Long) values.get("campaign"));
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            values.put("request", rs.getLong(1));
                        }
                    }
                }
            }
            subjects.add(new Subject(identifier, values));
        }
        return subjects;
    }

    private static void putIfPresent(Map<String, Object> values, String name, ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        if (!rs.wasNull()) {
            values.put(name, value);
        }
    }

    private void explainSlowest(BenchServer server, Connection owner, Subject heaviest,
            List<Map.Entry<Call, Double>> slowest, Report report) throws SQLException {
        report.note("EXPLAIN (ANALYZE, BUFFERS) of the five slowest calls as the login role (family "
                + heaviest.identifier() + ", the heaviest; staff ACCUEIL):");
        try (Connection family = server.connect("tutti_family"); Connection staff = server.connect("tutti_staff")) {
            String familyToken = login(family, heaviest.identifier(), null);
            String staffToken = login(staff, "ACCUEIL", null);
            for (Map.Entry<Call, Double> entry : slowest) {
                Call call = entry.getKey();
                Connection connection = call.role() == Role.FAMILY ? family : staff;
                String token = call.role() == Role.FAMILY ? familyToken : staffToken;
                List<Object> values = new ArrayList<>();
                String sql = bind(call.sql(), heaviest, values);
                if (sql == null) {
                    continue;
                }
                StringBuilder plan = new StringBuilder();
                connection.setAutoCommit(false);
                try {
                    connection.createStatement().execute("SET LOCAL statement_timeout = '30s'");
                    try (PreparedStatement bind = connection.prepareStatement("select set_config('tutti.session', ?, true)")) {
                        bind.setString(1, token);
                        bind.executeQuery().close();
                    }
                    try (PreparedStatement p = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                        for (int i = 0; i < values.size(); i++) {
                            p.setObject(i + 1, values.get(i));
                        }
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                plan.append(rs.getString(1)).append('\n');
                            }
                        }
                    }
                    connection.rollback();
                } catch (SQLException e) {
                    connection.rollback();
                    plan.append("(failed: ").append(e.getMessage()).append(")\n");
                } finally {
                    connection.setAutoCommit(true);
                }
                report.note("**" + call.screen() + " — " + call.name() + "** (" + call.role().login + ", median "
                        + Stats.format(entry.getValue()) + " ms)\n\n```\n" + sql + "\n\n" + plan + "```");
            }
            logout(family, familyToken);
            logout(staff, staffToken);
        }
    }

    /**
     * Every column a policy of a login role filters on (its USING and WITH CHECK, at the top level:
     * the table's own columns, unqualified in PostgreSQL's deparsed text) and the index that has it
     * as its first key column. server-schema's PolicyIndexTest fails when one has none.
     */
    private static void policyIndexes(BenchServer server, Report report) throws SQLException {
        report.subheading("Policy predicates and their indexes");
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(POLICY_COLUMNS_SQL)) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? "**none**" : rs.getString(4)));
            }
        }
        report.table(List.of("table", "policy", "column", "index (first key column)"), rows);
    }

    /** Kept in step with server-schema's PolicyIndexTest. */
    static final String POLICY_COLUMNS_SQL = "with p as ("
            + " select pol.polrelid, c.relname, pol.polname,"
            + "  coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') || ' ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '') expr"
            + " from pg_policy pol join pg_class c on c.oid = pol.polrelid where c.relnamespace = 'tutti'::regnamespace),"
            + " cols as (select distinct p.polrelid, p.relname, p.polname, m[1] col"
            + " from p, regexp_matches(p.expr, '(?:^|[( ])([a-z_]+) (?:=|IN) ', 'g') m)"
            + " select cols.relname, cols.polname, cols.col,"
            + " (select string_agg(i.indexrelid::regclass::text, ', ') from pg_index i"
            + "   where i.indrelid = cols.polrelid and i.indkey[0] = a.attnum)"
            + " from cols join pg_attribute a on a.attrelid = cols.polrelid and a.attname = cols.col"
            + " order by 1, 2, 3";
}
