package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.client.data.SqlBillingServiceTest.assertNotFound;
import static org.tutti.client.data.SqlBillingServiceTest.billing;
import static org.tutti.client.data.SqlBillingServiceTest.login;
import static org.tutti.client.data.SqlBillingServiceTest.sql;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceDocumentLine;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.NewInvoiceLine;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.RentalItemOption;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.Settlement;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingRefusedException;
import org.tutti.client.service.BillingRefusedException.Reason;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.StaffBillingService;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 14's front desk on both databases (on PostgreSQL as {@code tutti_staff}, which writes
 * billing rows only through the functions): finding a family, issuing an invoice, recording and
 * allocating a payment, a credit note, a rental and its end, each refusal as its reason; and what
 * the family then reads on its tabs. The writes go to one BELLERIVE family with a login (the last
 * one) and to a rental item each test adds: the seeded database is shared by the whole test run,
 * and F0001's billing stays the demo's.
 */
@Tag("postgres")
class SqlStaffBillingServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static StaffBillingService staffBilling(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().staffBilling();
    }

    static UserSession accueil(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray()).orElseThrow();
    }

    static UserSession secretariat(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login("MONTFLEURY", "SECRETARIAT", "montfleury".toCharArray()).orElseThrow();
    }

    /** The database's date: what the functions date documents with. */
    private static LocalDate today(DatabaseVendor vendor) {
        return LocalDate.parse(String.valueOf(sql(vendor).value("select cast(current_date as varchar(10))")));
    }

    /** The BELLERIVE family the writes go to: its id, its login, a student. */
    private record Client(long familyId, String login, long studentId) {
    }

    private static Client client(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long familyId = sql.count("select max(f.id) from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and exists (select 1 from tutti.account a where a.family_id = f.id)"
                + " and exists (select 1 from tutti.student st where st.family_id = f.id)");
        String login = (String) sql.value("select min(identifier) from tutti.account where family_id = ?", familyId);
        long studentId = sql.count("select min(id) from tutti.student where family_id = ?", familyId);
        return new Client(familyId, login, studentId);
    }

    private static String issue(DatabaseVendor vendor, Client client, BillingKind kind, String... amounts) {
        List<NewInvoiceLine> lines = java.util.Arrays.stream(amounts)
                .map(a -> new NewInvoiceLine("Cours de piano — cotisation " + a, client.studentId(), BigDecimal.ONE,
                        new BigDecimal(a)))
                .toList();
        return staffBilling(vendor).issueInvoice(accueil(vendor), client.familyId(), kind, today(vendor).plusDays(30),
                lines);
    }

    private static InvoiceSummary shown(DatabaseVendor vendor, Client client, BillingKind kind, String number) {
        UserSession family = login(vendor, client.login());
        return billing(vendor).overview(family, client.familyId(), kind).invoices().stream()
                .filter(i -> i.number().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError(number + " not on the family's " + kind + " tab"));
    }

    private static long invoiceId(DatabaseVendor vendor, String number) {
        return sql(vendor).count("select i.id from tutti.invoice i join tutti.site s on s.id = i.site_id"
                + " where s.code = 'BELLERIVE' and i.number = ?", number);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BillingRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    // ------------------------------------------------------------------ reads

    @ParameterizedTest
    @MethodSource("vendors")
    void theFamilySearchIgnoresCaseAndAccentsAndKeepsToTheSite(DatabaseVendor vendor) {
        UserSession staff = accueil(vendor);
        Sql sql = sql(vendor);
        List<Object> names = sql.column("select f.first_name from tutti.family f join tutti.site s"
                + " on s.id = f.site_id where s.code = 'BELLERIVE' order by f.id");
        String accented = names.stream().map(String.class::cast).filter(n -> !n.equals(plain(n))).findFirst()
                .orElseThrow(() -> new AssertionError("no accented first name in the demo"));

        List<FamilyOption> found = staffBilling(vendor).families(staff, plain(accented).toUpperCase(Locale.ROOT));

        assertThat(found).extracting(FamilyOption::id).containsAll(sql.column("select f.id from tutti.family f"
                + " join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE' and f.first_name = ?", accented)
                .stream().map(id -> ((Number) id).longValue()).toList());
        String word = plain(accented).toLowerCase(Locale.ROOT);
        assertThat(found).as("found as Familles finds: a word of the family's or a student's names starts so")
                .isNotEmpty().allSatisfy(f -> assertThat(sql.column("select first_name || ' ' || last_name"
                        + " from tutti.family where id = ? union all select first_name || ' ' || last_name"
                        + " from tutti.student where family_id = ?", f.id(), f.id()))
                        .anySatisfy(both -> assertThat(plain((String) both).toLowerCase(Locale.ROOT)
                                .split("[^a-z0-9]+")).anyMatch(w -> w.startsWith(word))));
        assertThat(found).extracting(FamilyOption::name).isSortedAccordingTo(HibernateSiteService.frenchCollator());

        List<FamilyOption> f0001 = staffBilling(vendor).families(staff, "f0001");
        assertThat(f0001).extracting(FamilyOption::identifier).containsExactly("F0001");
        assertThat(f0001.get(0).name()).isEqualTo(((String) sql.value("select last_name from tutti.family f"
                + " join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE' and f.identifier = 'F0001'"))
                .toUpperCase(Locale.FRENCH) + " " + sql.value("select first_name from tutti.family f"
                + " join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE' and f.identifier = 'F0001'"));
        assertThat(f0001.get(0).id()).isEqualTo(SqlBillingServiceTest.familyId(vendor, "F0001"));

        String familyName = (String) sql.value("select f.last_name from tutti.family f join tutti.site s"
                + " on s.id = f.site_id where s.code = 'BELLERIVE' and f.identifier = 'F0001'");
        String studentName = (String) sql.value("select min(st.first_name) from tutti.student st"
                + " join tutti.family f on f.id = st.family_id join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and f.identifier = 'F0001'");
        assertThat(staffBilling(vendor).families(staff, familyName.toLowerCase(Locale.ROOT) + " " + studentName))
                .as("a family by its name and a student's first name").extracting(FamilyOption::identifier)
                .contains("F0001");

        List<FamilyOption> all = staffBilling(vendor).families(staff, " ");
        assertThat(all).hasSize((int) Math.min(50, sql.count("select count(*) from tutti.family f"
                + " join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE'")));
        assertThat(all).extracting(FamilyOption::identifier).allMatch(i -> i.startsWith("F"));
        assertThat(staffBilling(vendor).families(staff, "M0001")).as("MONTFLEURY's families").isEmpty();
        assertThat(staffBilling(vendor).families(staff, "%")).as("% is a character, not a wildcard").isEmpty();
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void studentsAndRentalsAreTheSitesFamilysOnly(DatabaseVendor vendor) {
        UserSession staff = accueil(vendor);
        long f0001 = SqlBillingServiceTest.familyId(vendor, "F0001");

        assertThat(staffBilling(vendor).students(staff, f0001)).extracting(StudentOption::id)
                .containsExactlyInAnyOrderElementsOf(sql(vendor).column("select id from tutti.student where family_id = ?",
                        f0001).stream().map(id -> ((Number) id).longValue()).toList());
        assertThat(staffBilling(vendor).rentals(staff, f0001)).hasSize((int) sql(vendor).count(
                "select count(*) from tutti.rental where family_id = ?", f0001));

        long montfleury = SqlBillingServiceTest.familyId(vendor, "M0001");
        assertNotFound(() -> staffBilling(vendor).students(staff, montfleury));
        assertNotFound(() -> staffBilling(vendor).rentals(staff, montfleury));
        assertThat(staffBilling(vendor).rentalItems(staff)).isNotEmpty()
                .extracting(RentalItemOption::inventoryCode).doesNotContainAnyElementsOf(sql(vendor).column(
                        "select ri.inventory_code from tutti.rental_item ri join tutti.site s on s.id = ri.site_id"
                                + " where s.code = 'MONTFLEURY'").stream().map(String.class::cast).toList());
    }

    // ------------------------------------------------------------------ invoices and payments

    @ParameterizedTest
    @MethodSource("vendors")
    void anIssuedInvoiceShowsOnTheFamilysTabWithItsBalance(DatabaseVendor vendor) {
        Client client = client(vendor);
        LocalDate today = today(vendor);
        List<NewInvoiceLine> lines = List.of(
                new NewInvoiceLine("Piano — cotisation annuelle", client.studentId(), new BigDecimal("1.00"),
                        new BigDecimal("420.00")),
                new NewInvoiceLine("Adhésion à l’association", null, new BigDecimal("2"), new BigDecimal("15.50")));
        UserSession family = login(vendor, client.login());
        BigDecimal before = billing(vendor).overview(family, client.familyId(), BillingKind.FEES).balanceDue();

        String number = staffBilling(vendor).issueInvoice(accueil(vendor), client.familyId(), BillingKind.FEES,
                today.plusDays(30), lines);

        assertThat(number).matches("BEL-" + today.getYear() + "-\\d{6}");
        BillingOverview overview = billing(vendor).overview(family, client.familyId(), BillingKind.FEES);
        InvoiceSummary invoice = overview.invoices().get(0);
        assertThat(invoice.number()).as("the newest first").isEqualTo(number);
        assertThat(invoice.issueDate()).isEqualTo(today);
        assertThat(invoice.dueDate()).isEqualTo(today.plusDays(30));
        assertThat(invoice.amount()).isEqualTo(new BigDecimal("451.00"));
        assertThat(invoice.settled()).isEqualTo(new BigDecimal("0.00"));
        assertThat(invoice.balance()).isEqualTo(new BigDecimal("451.00"));
        assertThat(invoice.state()).isEqualTo(InvoiceState.DUE);
        assertThat(invoice.label()).isEqualTo("Cotisations "
                + sql(vendor).value("select label from tutti.school_year where is_current = true"));
        assertThat(overview.balanceDue()).isEqualTo(before.add(new BigDecimal("451.00")));

        InvoiceDocument document = billing(vendor).invoiceDocument(family, invoice.id());
        assertThat(document.lines()).extracting(InvoiceDocumentLine::label)
                .containsExactly("Piano — cotisation annuelle", "Adhésion à l’association");
        assertThat(document.lines().get(0).studentName()).isEqualTo(staffBilling(vendor)
                .students(accueil(vendor), client.familyId()).stream().filter(s -> s.id() == client.studentId())
                .findFirst().orElseThrow().name());
        assertThat(document.lines().get(1).studentName()).isNull();
        assertThat(document.lines().get(1).amount()).isEqualTo(new BigDecimal("31.00"));
        assertThat(document.balance()).isEqualTo(new BigDecimal("451.00"));
        assertThat(document.settlements()).isEmpty();

        BillingService desk = SeededDatabases.get(vendor).staffBackend().billing();
        assertThat(desk.overview(accueil(vendor), client.familyId(), BillingKind.FEES))
                .as("the front desk reads the family's tab as the family does").usingRecursiveComparison()
                .isEqualTo(overview);
        assertNotFound(() -> desk.overview(secretariat(vendor), client.familyId(), BillingKind.FEES));
        assertNotFound(() -> desk.invoiceDocument(secretariat(vendor), invoice.id()));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void anInvoiceIsRefusedWithoutLinesWithATooLongLabelOrDueBeforeToday(DatabaseVendor vendor) {
        Client client = client(vendor);
        UserSession staff = accueil(vendor);
        LocalDate due = today(vendor).plusDays(30);
        long before = sql(vendor).count("select count(*) from tutti.invoice where family_id = ?", client.familyId());

        assertRefused(() -> staffBilling(vendor).issueInvoice(staff, client.familyId(), BillingKind.FEES, due,
                List.of()), Reason.INVALID, null);
        assertRefused(() -> staffBilling(vendor).issueInvoice(staff, client.familyId(), BillingKind.FEES, due,
                List.of(new NewInvoiceLine("x".repeat(201), null, BigDecimal.ONE, BigDecimal.TEN))),
                Reason.TOO_LONG, "200");
        assertRefused(() -> staffBilling(vendor).issueInvoice(staff, client.familyId(), BillingKind.FEES,
                today(vendor).minusDays(1), List.of(new NewInvoiceLine("Piano", null, BigDecimal.ONE, BigDecimal.TEN))),
                Reason.INVALID, null);
        long otherFamilysStudent = sql(vendor).count("select min(id) from tutti.student where family_id <> ?",
                client.familyId());
        assertRefused(() -> staffBilling(vendor).issueInvoice(staff, client.familyId(), BillingKind.FEES, due,
                List.of(new NewInvoiceLine("Piano", otherFamilysStudent, BigDecimal.ONE, BigDecimal.TEN))),
                Reason.INVALID, null);
        assertNotFound(() -> staffBilling(vendor).issueInvoice(secretariat(vendor), client.familyId(),
                BillingKind.FEES, due, List.of(new NewInvoiceLine("Piano", null, BigDecimal.ONE, BigDecimal.TEN))));

        assertThat(sql(vendor).count("select count(*) from tutti.invoice where family_id = ?", client.familyId()))
                .as("nothing issued").isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aPaymentChangesTheInvoicesBalanceAndStateAndItsReceiptListsIt(DatabaseVendor vendor) {
        Client client = client(vendor);
        UserSession staff = accueil(vendor);
        LocalDate today = today(vendor);
        String number = issue(vendor, client, BillingKind.FEES, "300.00");
        long invoice = invoiceId(vendor, number);

        assertRefused(() -> staffBilling(vendor).recordPayment(staff, client.familyId(), today, PaymentMethod.CHEQUE,
                new BigDecimal("350.00"), null, Map.of(invoice, new BigDecimal("350.00"))),
                Reason.OVER_ALLOCATION, number);
        assertRefused(() -> staffBilling(vendor).recordPayment(staff, client.familyId(), today, PaymentMethod.CHEQUE,
                new BigDecimal("50.00"), null, Map.of(invoice, new BigDecimal("40.00"))), Reason.AMOUNT_MISMATCH, null);
        assertRefused(() -> staffBilling(vendor).recordPayment(staff, client.familyId(), today.plusDays(1),
                PaymentMethod.CHEQUE, new BigDecimal("40.00"), null, Map.of(invoice, new BigDecimal("40.00"))),
                Reason.INVALID, null);
        assertNotFound(() -> staffBilling(vendor).recordPayment(secretariat(vendor), client.familyId(), today,
                PaymentMethod.CASH, new BigDecimal("40.00"), null, Map.of(invoice, new BigDecimal("40.00"))));
        assertThat(shown(vendor, client, BillingKind.FEES, number).balance()).isEqualTo(new BigDecimal("300.00"));

        String receipt = staffBilling(vendor).recordPayment(staff, client.familyId(), today, PaymentMethod.CHEQUE,
                new BigDecimal("100.00"), " Chèque n° 1234567 ", Map.of(invoice, new BigDecimal("100.00")));

        assertThat(receipt).matches("BEL-R-" + today.getYear() + "-\\d{6}");
        InvoiceSummary shown = shown(vendor, client, BillingKind.FEES, number);
        assertThat(shown.settled()).isEqualTo(new BigDecimal("100.00"));
        assertThat(shown.balance()).isEqualTo(new BigDecimal("200.00"));
        assertThat(shown.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
        UserSession family = login(vendor, client.login());
        PaymentSummary payment = billing(vendor).overview(family, client.familyId(), BillingKind.FEES).payments().stream()
                .filter(p -> p.receiptNumber().equals(receipt)).findFirst().orElseThrow();
        assertThat(payment.amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(payment.reference()).isEqualTo("Chèque n° 1234567");
        assertThat(payment.invoiceNumbers()).containsExactly(number);
        ReceiptDocument document = billing(vendor).receiptDocument(family, payment.id());
        assertThat(document.receiptNumber()).isEqualTo(receipt);
        assertThat(document.method()).isEqualTo(PaymentMethod.CHEQUE);
        assertThat(document.invoices()).extracting(SettledInvoice::number, SettledInvoice::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(number, new BigDecimal("100.00")));

        staffBilling(vendor).recordPayment(staff, client.familyId(), today, PaymentMethod.TRANSFER,
                new BigDecimal("200.00"), null, Map.of(invoice, new BigDecimal("200.00")));
        InvoiceSummary paid = shown(vendor, client, BillingKind.FEES, number);
        assertThat(paid.balance()).isEqualTo(new BigDecimal("0.00"));
        assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
        assertThat(billing(vendor).invoiceDocument(family, invoice).settlements()).extracting(Settlement::method)
                .containsExactlyInAnyOrder(PaymentMethod.CHEQUE, PaymentMethod.TRANSFER);
        assertThat(billing(vendor).onlinePaymentUrl(family, invoice)).as("nothing left to pay").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aCreditNoteShowsNegativeAndReducesTheInvoicesBalance(DatabaseVendor vendor) {
        Client client = client(vendor);
        UserSession staff = accueil(vendor);
        String number = issue(vendor, client, BillingKind.FEES, "120.00");
        long invoice = invoiceId(vendor, number);

        String credit = staffBilling(vendor).issueCreditNote(staff, invoice, new BigDecimal("20.00"), "Remise fratrie");

        assertThat(credit).matches("BEL-" + today(vendor).getYear() + "-\\d{6}").isNotEqualTo(number);
        InvoiceSummary note = shown(vendor, client, BillingKind.FEES, credit);
        assertThat(note.amount()).isEqualTo(new BigDecimal("-20.00"));
        assertThat(note.balance()).isEqualTo(new BigDecimal("0.00"));
        assertThat(note.state()).isEqualTo(InvoiceState.CREDIT_NOTE);
        assertThat(note.label()).isEqualTo("Avoir sur la facture " + number);
        assertThat(note.correctedNumber()).isEqualTo(number);
        InvoiceSummary corrected = shown(vendor, client, BillingKind.FEES, number);
        assertThat(corrected.settled()).isEqualTo(new BigDecimal("20.00"));
        assertThat(corrected.balance()).isEqualTo(new BigDecimal("100.00"));
        assertThat(corrected.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
        UserSession family = login(vendor, client.login());
        InvoiceDocument document = billing(vendor).invoiceDocument(family, note.id());
        assertThat(document.isCreditNote()).isTrue();
        assertThat(document.correctedNumber()).isEqualTo(number);
        assertThat(document.lines()).extracting(InvoiceDocumentLine::label)
                .containsExactly("Avoir sur la facture " + number + " : Remise fratrie");
        assertThat(billing(vendor).invoiceDocument(family, invoice).settlements())
                .containsExactly(new Settlement(credit, today(vendor), null, new BigDecimal("20.00")));

        assertRefused(() -> staffBilling(vendor).issueCreditNote(staff, invoice, new BigDecimal("100.01"), "Trop"),
                Reason.CREDIT_TOO_LARGE, null);
        assertRefused(() -> staffBilling(vendor).issueCreditNote(staff, note.id(), new BigDecimal("1.00"), "Avoir"),
                Reason.INVALID, null);

        staffBilling(vendor).issueCreditNote(staff, invoice, new BigDecimal("100.00"), "Désinscription");
        InvoiceSummary cancelled = shown(vendor, client, BillingKind.FEES, number);
        assertThat(cancelled.balance()).isEqualTo(new BigDecimal("0.00"));
        assertThat(cancelled.state()).isEqualTo(InvoiceState.CANCELLED);
    }

    // ------------------------------------------------------------------ rentals

    @ParameterizedTest
    @MethodSource("vendors")
    void aRentalIsListedItsItemRentedAndItsInvoiceOnTheRentalsTab(DatabaseVendor vendor) {
        Client client = client(vendor);
        UserSession staff = accueil(vendor);
        Sql sql = sql(vendor);
        LocalDate today = today(vendor);
        String code = "TEST-" + System.nanoTime() % 1_000_000_000L;
        sql.update("insert into tutti.rental_item (site_id, kind, label, inventory_code, monthly_fee)"
                + " select s.id, 'INSTRUMENT', 'Violoncelle d’étude 4/4', ?, 25.00 from tutti.site s"
                + " where s.code = 'BELLERIVE'", code);
        long item = sql.count("select id from tutti.rental_item where inventory_code = ?", code);
        LocalDate start = today.withDayOfMonth(1);
        LocalDate end = start.plusMonths(3).minusDays(1);

        String number = staffBilling(vendor).createRental(staff, item, client.familyId(), client.studentId(), start,
                end, new BigDecimal("25.00"), new BigDecimal("150.00"));

        assertThat(number).matches("BEL-" + today.getYear() + "-\\d{6}");
        RentalLine rental = staffBilling(vendor).rentals(staff, client.familyId()).stream()
                .filter(r -> r.inventoryCode().equals(code)).findFirst().orElseThrow();
        assertThat(rental.itemLabel()).isEqualTo("Violoncelle d’étude 4/4");
        assertThat(rental.startDate()).isEqualTo(start);
        assertThat(rental.endDate()).isEqualTo(end);
        assertThat(rental.monthlyFee()).isEqualTo(new BigDecimal("25.00"));
        assertThat(rental.deposit()).isEqualTo(new BigDecimal("150.00"));
        assertThat(rental.invoiceNumber()).isEqualTo(number);
        assertThat(rental.studentName()).isNotNull();
        assertThat(rental.active()).isTrue();
        assertThat(staffBilling(vendor).rentalItems(staff)).filteredOn(i -> i.id() == item)
                .singleElement().satisfies(i -> assertThat(i.rentedNow()).isTrue());

        InvoiceSummary invoice = shown(vendor, client, BillingKind.RENTALS, number);
        assertThat(invoice.amount()).as("3 months started × 25.00").isEqualTo(new BigDecimal("75.00"));
        assertThat(invoice.label()).startsWith("Locations ");
        InvoiceDocumentLine line = billing(vendor).invoiceDocument(login(vendor, client.login()), invoice.id())
                .lines().get(0);
        assertThat(line.label()).startsWith("Location Violoncelle d’étude 4/4 — ");
        assertThat(line.quantity()).isEqualTo(new BigDecimal("3.00"));
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("25.00"));

        assertRefused(() -> staffBilling(vendor).createRental(staff, item, client.familyId(), null, end,
                end.plusMonths(1), new BigDecimal("25.00"), BigDecimal.ZERO), Reason.ITEM_RENTED, null);

        LocalDate earlier = today.plusDays(1);
        staffBilling(vendor).endRental(staff, rental.id(), earlier);
        assertThat(staffBilling(vendor).rentals(staff, client.familyId())).filteredOn(r -> r.id() == rental.id())
                .singleElement().satisfies(r -> assertThat(r.endDate()).isEqualTo(earlier));
        assertRefused(() -> staffBilling(vendor).endRental(staff, rental.id(), earlier.plusDays(1)), Reason.INVALID,
                null);
        assertNotFound(() -> staffBilling(vendor).endRental(secretariat(vendor), rental.id(), today));

        // free of charge and over: no invoice, and it cannot end again
        String none = staffBilling(vendor).createRental(staff, item, client.familyId(), null, start.minusMonths(4),
                start.minusMonths(2), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(none).isEmpty();
        RentalLine past = staffBilling(vendor).rentals(staff, client.familyId()).stream()
                .filter(r -> r.inventoryCode().equals(code) && r.id() != rental.id()).findFirst().orElseThrow();
        assertThat(past.invoiceNumber()).isNull();
        assertThat(past.active()).isFalse();
        assertRefused(() -> staffBilling(vendor).endRental(staff, past.id(), start.minusMonths(3)),
                Reason.ALREADY_ENDED, null);
    }

    /**
     * The family list's order comes from PostgreSQL's family_billing_order_ix (V24), which indexes
     * the expressions {@link SqlStaffBillingService#folded} writes: a change to one side alone would
     * make every opening of Facturation sort the whole site again (sorts forbidden here, so the plan
     * must read the index).
     */
    @org.junit.jupiter.api.Test
    void theFamilyListsOrderIsReadFromItsIndexOnPostgresql() throws Exception {
        String sql = "explain select f.id from tutti.family f where f.site_id = 1 order by "
                + SqlStaffBillingService.folded("f.last_name") + ", " + SqlStaffBillingService.folded("f.first_name")
                + ", f.identifier limit " + SqlStaffBillingService.MAX_FAMILIES;
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection connection = SeededDatabases.get(DatabaseVendor.POSTGRESQL).db().dataSource()
                .getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("set local enable_sort = off");
                try (java.sql.ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(plan.toString()).contains("family_billing_order_ix").doesNotContain("Sort");
    }
}
