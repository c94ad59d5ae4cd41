package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.tutti.client.documents.BillingDocuments;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.schema.DatabaseVendor;

/**
 * The statements each screen's data costs when it opens, read the way the screen reads it, for the
 * family with the most students, invoices and courses of the seeded school: at most a fixed number
 * per screen, whatever the number of rows shown. A query per row (N+1) goes over the ceiling. Counted
 * on the pool ({@link CountingConnectionProvider}: Hibernate's statements and the bare connection's,
 * session binding included) and with Hibernate's statistics (its own statements only).
 */
class ScreenStatementsTest {

    /**
     * Per screen: the service calls it makes (each one read-only transaction) and the statements
     * they cost on H2 at most, session binding included (set_config, then touch_session); on
     * PostgreSQL the binding is one statement (set_config, touch_session and "set transaction read
     * only" sent together): there the ceiling is one less per call.
     */
    static final Map<String, Ceiling> CEILINGS = ceilings();

    record Ceiling(int calls, int statements) {
        int on(DatabaseVendor vendor) {
            return vendor == DatabaseVendor.POSTGRESQL ? statements - calls : statements;
        }
    }

    private static Map<String, Ceiling> ceilings() {
        Map<String, Ceiling> c = new LinkedHashMap<>();
        c.put("family: login", new Ceiling(1, 5));
        c.put("family: Accueil", new Ceiling(1, 6));
        c.put("family: Famille", new Ceiling(1, 5));
        c.put("family: Élèves", new Ceiling(4, 21));
        c.put("family: Élèves, another student", new Ceiling(3, 16));
        c.put("family: course window", new Ceiling(1, 5));
        c.put("family: Facturation", new Ceiling(2, 10));
        c.put("family: invoice PDF", new Ceiling(1, 5));
        c.put("staff: Accueil", new Ceiling(4, 15));
        c.put("staff: Validations", new Ceiling(1, 6));
        c.put("staff: Réinscriptions", new Ceiling(4, 12));
        c.put("staff: Familles search", new Ceiling(1, 3));
        c.put("staff: family file", new Ceiling(6, 21));
        c.put("staff: Comptes", new Ceiling(1, 3));
        c.put("staff: Pédagogie", new Ceiling(1, 3));
        c.put("staff: Pédagogie, a course", new Ceiling(2, 8));
        c.put("staff: Paramètres", new Ceiling(1, 3));
        c.put("staff: Facturation", new Ceiling(1, 3));
        c.put("staff: Facturation, a name typed", new Ceiling(1, 3));
        c.put("staff: Facturation, a family", new Ceiling(4, 18));
        return c;
    }

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    /** A screen's reads, as the screen makes them; returns the rows shown (so that the test sees the family is heavy). */
    @FunctionalInterface
    private interface Screen {
        int open();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void everyScreenReadsItsDataInAFixedNumberOfStatements(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        Sql sql = new Sql(seeded.db().dataSource());
        String family = heaviestFamily(sql);
        DatabaseBackend families = seeded.familyBackend();
        DatabaseBackend desk = seeded.staffBackend();
        UserSession[] user = new UserSession[1];
        UserSession staff = desk.auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray()).orElseThrow();
        long familyId = ((Number) sql.column("select f.id from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and f.identifier = ?", family).get(0)).longValue();
        List<StudentIdentity>[] students = new List[1];
        StudentPedagogy[] pedagogy = new StudentPedagogy[1];
        InvoiceSummary[] invoice = new InvoiceSummary[1];
        StaffCourse[] course = new StaffCourse[1];

        Map<String, Screen> screens = new LinkedHashMap<>();
        screens.put("family: login", () -> {
            user[0] = families.auth().login("BELLERIVE", family, "bellerive".toCharArray()).orElseThrow();
            return 1;
        });
        screens.put("family: Accueil", () -> families.home().familyHome(user[0]).students().size());
        screens.put("family: Famille", () -> families.familyFile().loadFamily(user[0]).values() == null ? 0 : 1);
        screens.put("family: Élèves", () -> {
            students[0] = families.familyFile().students(user[0]);
            long first = students[0].get(0).id();
            pedagogy[0] = families.pedagogy().pedagogy(user[0], first);
            Optional<ReenrolmentCampaign> campaign = families.reenrolment().openCampaign(user[0]);
            if (campaign.isPresent()) {
                families.reenrolment().form(user[0], first);
            }
            return students[0].size() + pedagogy[0].currentCourses().size() + pedagogy[0].history().size();
        });
        screens.put("family: Élèves, another student", () -> {
            long second = students[0].get(1).id();
            StudentPedagogy other = families.pedagogy().pedagogy(user[0], second);
            if (families.reenrolment().openCampaign(user[0]).isPresent()) {
                families.reenrolment().form(user[0], second);
            }
            return other.currentCourses().size() + other.history().size();
        });
        screens.put("family: course window", () -> {
            CourseSheet sheet = pedagogy[0].currentCourses().get(0);
            return families.pedagogy().followUp(user[0], sheet.enrolmentId()).evaluations().size();
        });
        screens.put("family: Facturation", () -> {
            int rows = 0;
            for (BillingKind kind : BillingKind.values()) {
                BillingOverview overview = families.billing().overview(user[0], user[0].familyId(), kind);
                rows += overview.invoices().size() + overview.payments().size();
                if (invoice[0] == null && !overview.invoices().isEmpty()) {
                    invoice[0] = overview.invoices().get(0);
                }
            }
            return rows;
        });
        screens.put("family: invoice PDF", () ->
                BillingDocuments.invoice(families.billing().invoiceDocument(user[0], invoice[0].id())).length);
        screens.put("staff: Accueil", () -> {
            desk.home().staffHome(staff);
            desk.deskHome().counts(staff);
            return desk.deskHome().failedMails(staff).size() + desk.deskHome().overdueInvoices(staff,
                    org.tutti.client.service.DeskHomeService.MAX_OVERDUE_LISTED + 1).size();
        });
        screens.put("staff: Validations", () -> desk.staffChanges().pending(staff).size());
        screens.put("staff: Réinscriptions", () -> {
            var campaign = desk.staffReenrolments().campaign(staff);
            int rows = desk.staffReenrolments().targetYears(staff).size();
            if (campaign.isPresent()) {
                rows += desk.staffReenrolments().documentTypes(staff, campaign.get().id()).size()
                        + desk.staffReenrolments().requests(staff, campaign.get().id()).size();
            }
            return rows;
        });
        screens.put("staff: Familles search", () -> desk.familySearch().search(staff, "a").size());
        screens.put("staff: family file", () -> {
            UserSession viewing = staff.viewingFamily(familyId);
            desk.familyFile().header(viewing);
            int rows = desk.familyFile().loadFamily(viewing).values() == null ? 0 : 1;
            rows += desk.familyRecords().reenrolments(staff, familyId).size()
                    + desk.familyRecords().changeRequests(staff, familyId).size()
                    + desk.familyRecords().mails(staff, familyId).size()
                    + desk.familyRecords().history(staff, familyId).size();
            return rows;
        });
        screens.put("staff: Comptes", () -> desk.familyAccounts().accounts(staff, AccountFilter.ALL, "", FamilyAccountsService.MAX_LISTED + 1).size());
        screens.put("staff: Pédagogie", () -> {
            List<StaffCourse> courses = desk.staffPedagogy().courses(staff);
            course[0] = courses.get(0);
            return courses.size();
        });
        screens.put("staff: Pédagogie, a course", () -> desk.staffPedagogy().students(staff, course[0].id()).size()
                + desk.staffPedagogy().absences(staff, course[0].id(), LocalDate.now()).size());
        screens.put("staff: Paramètres", () -> {
            desk.siteSettings().read(staff);
            return 1;
        });
        screens.put("staff: Facturation", () -> desk.staffBilling().families(staff, "").size());
        screens.put("staff: Facturation, a name typed", () -> desk.staffBilling().families(staff, "a").size());
        screens.put("staff: Facturation, a family", () -> {
            int rows = desk.staffBilling().students(staff, familyId).size() + desk.staffBilling().rentals(staff, familyId).size();
            for (BillingKind kind : BillingKind.values()) {
                BillingOverview overview = desk.billing().overview(staff, familyId, kind);
                rows += overview.invoices().size() + overview.payments().size();
            }
            return rows;
        });
        assertThat(screens.keySet()).containsExactlyElementsOf(CEILINGS.keySet());

        List<String> over = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Screen> screen : screens.entrySet()) {
            Database database = screen.getKey().startsWith("family") ? seeded.family() : seeded.staff();
            Statistics statistics = database.sessionFactory().getStatistics();
            statistics.clear();
            long before = database.statementsExecuted();
            int rows = screen.getValue().open();
            long executed = database.statementsExecuted() - before;
            long hibernate = statistics.getPrepareStatementCount();
            counts.append(String.format("%n%-36s %3d statements (%d by Hibernate), %d rows", screen.getKey(), executed,
                    hibernate, rows));
            int ceiling = CEILINGS.get(screen.getKey()).on(vendor);
            if (executed > ceiling) {
                over.add(screen.getKey() + ": " + executed + " > " + ceiling);
            }
        }
        assertThat(over).as("screens over their ceiling on " + vendor + ":" + counts).isEmpty();
    }

    /** BELLERIVE's family with the most students, then enrolments, then invoices: the most rows to repeat a query for. */
    private static String heaviestFamily(Sql sql) {
        return (String) sql.column("select f.identifier from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' order by"
                + " (select count(*) from tutti.student st where st.family_id = f.id) desc,"
                + " (select count(*) from tutti.enrolment e join tutti.student st on st.id = e.student_id"
                + " where st.family_id = f.id) desc,"
                + " (select count(*) from tutti.invoice i where i.family_id = f.id) desc, f.identifier"
                + " fetch first 1 rows only").get(0);
    }
}
