package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceDocumentLine;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.Settlement;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 14's read side on both databases (on PostgreSQL as {@code tutti_family}, under row-level
 * security): a family's two Facturation tabs hold exactly the database's invoices and payments with
 * the amounts and states the rule of SQL-API.md gives; the invoice duplicate and the receipt print
 * what the tables hold; the online payment link follows the site's template; another family's rows
 * are NOT_FOUND. Nothing here writes: F0001's billing is the demo's.
 */
@Tag("postgres")
class SqlBillingServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    static BillingService billing(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend().billing();
    }

    static UserSession login(DatabaseVendor vendor, String identifier) {
        String site = identifier.startsWith("M") ? "MONTFLEURY" : "BELLERIVE";
        return SeededDatabases.get(vendor).familyBackend().auth()
                .login(site, identifier, site.toLowerCase(Locale.ROOT).toCharArray())
                .orElseThrow(() -> new AssertionError(identifier + " cannot log in"));
    }

    static long familyId(DatabaseVendor vendor, String identifier) {
        return sql(vendor).count("select family_id from tutti.account where identifier = ? and family_id is not null",
                identifier);
    }

    /**
     * The family's invoices of a kind as the tables say, one line each, newest first:
     * "number amount settled balance STATE", by SQL-API.md's rule over the allocations, the credit
     * notes and the database's date.
     */
    static List<String> expectedInvoices(DatabaseVendor vendor, long familyId, BillingKind kind) {
        List<String> lines = new ArrayList<>();
        Sql sql = sql(vendor);
        for (Object number : sql.column("select i.number from tutti.invoice i where i.family_id = ? and i.kind = ?"
                + " order by i.issue_date desc, i.number desc", familyId, kind.code())) {
            BigDecimal total = (BigDecimal) sql.value("select total_amount from tutti.invoice where number = ?"
                    + " and family_id = ?", number, familyId);
            boolean creditNote = sql.count("select count(*) from tutti.invoice where number = ? and family_id = ?"
                    + " and credit_note_for is not null", number, familyId) == 1;
            BigDecimal paid = sum(sql, "select sum(a.amount) from tutti.payment_allocation a join tutti.invoice i"
                    + " on i.id = a.invoice_id where i.number = ? and i.family_id = ?", number, familyId);
            BigDecimal credited = sum(sql, "select sum(c.total_amount) from tutti.invoice c join tutti.invoice i"
                    + " on i.id = c.credit_note_for where i.number = ? and i.family_id = ?", number, familyId);
            boolean pastDue = sql.count("select count(*) from tutti.invoice where number = ? and family_id = ?"
                    + " and due_date < current_date", number, familyId) == 1;
            BigDecimal balance = creditNote ? BigDecimal.ZERO : total.subtract(paid).subtract(credited);
            String state = creditNote ? "CREDIT_NOTE"
                    : balance.signum() == 0 && paid.signum() == 0 && credited.signum() > 0 ? "CANCELLED"
                    : balance.signum() == 0 ? "PAID"
                    : balance.compareTo(total) < 0 ? "PARTIALLY_PAID"
                    : pastDue ? "OVERDUE" : "DUE";
            lines.add(number + " " + (creditNote ? total.negate() : total)
                    + " " + (creditNote ? BigDecimal.ZERO : paid.add(credited)).setScale(2)
                    + " " + balance.setScale(2) + " " + state);
        }
        return lines;
    }

    private static BigDecimal sum(Sql sql, String query, Object... parameters) {
        Object value = sql.value(query, parameters);
        return value == null ? new BigDecimal("0.00") : ((BigDecimal) value).setScale(2);
    }

    static List<String> shown(BillingOverview overview) {
        return overview.invoices().stream().map(i -> i.number() + " " + i.amount() + " " + i.settled() + " "
                + i.balance() + " " + i.state()).toList();
    }

    static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
    }

    // ------------------------------------------------------------------ overview

    @ParameterizedTest
    @MethodSource("vendors")
    void f0001sTabsHoldExactlyTheDatabasesInvoicesWithTheirBalancesAndStates(DatabaseVendor vendor) {
        UserSession user = login(vendor, "F0001");
        long family = user.familyId();
        for (BillingKind kind : BillingKind.values()) {
            BillingOverview overview = billing(vendor).overview(user, family, kind);

            List<String> expected = expectedInvoices(vendor, family, kind);
            assertThat(shown(overview)).as(kind.name()).isEqualTo(expected);
            assertThat(overview.kind()).isEqualTo(kind);
            assertThat(overview.invoices()).allSatisfy(i -> {
                assertThat(i.kind()).isEqualTo(kind);
                assertThat(i.amount().scale()).isEqualTo(2);
                assertThat(i.balance().scale()).isEqualTo(2);
            });
            assertThat(overview.balanceDue()).isEqualTo(overview.invoices().stream().map(InvoiceSummary::balance)
                    .reduce(new BigDecimal("0.00"), BigDecimal::add));
            assertThat(overview.onlinePaymentOffered()).as("BELLERIVE offers online payment").isTrue();
        }
        BillingOverview fees = billing(vendor).overview(user, family, BillingKind.FEES);
        assertThat(fees.invoices()).as("one fee invoice per demo year").hasSizeGreaterThanOrEqualTo(3);
        String year = (String) sql(vendor).value("select label from tutti.school_year where is_current = true");
        assertThat(fees.invoices().get(0).label()).isEqualTo("Cotisations " + year);
        assertThat(fees.invoices()).as("past years are paid").filteredOn(i -> !i.label().endsWith(year))
                .extracting(InvoiceSummary::state).containsOnly(InvoiceState.PAID);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aTabListsThePaymentsThatSettleOneOfItsInvoicesWithEveryInvoiceTheySettle(DatabaseVendor vendor) {
        UserSession user = login(vendor, "F0001");
        for (BillingKind kind : BillingKind.values()) {
            List<PaymentSummary> payments = billing(vendor).overview(user, user.familyId(), kind).payments();

            List<Object> expected = sql(vendor).column("select p.receipt_number from tutti.payment p"
                    + " where p.family_id = ? and exists (select 1 from tutti.payment_allocation a"
                    + " join tutti.invoice i on i.id = a.invoice_id where a.payment_id = p.id and i.kind = ?)"
                    + " order by p.payment_date desc, p.receipt_number desc", user.familyId(), kind.code());
            assertThat(payments).extracting(PaymentSummary::receiptNumber).as(kind.name())
                    .containsExactlyElementsOf(expected.stream().map(String.class::cast).toList());
            for (PaymentSummary payment : payments) {
                assertThat(payment.amount()).isEqualTo(sql(vendor).value("select amount from tutti.payment where id = ?",
                        payment.id()));
                assertThat(payment.method().name()).isEqualTo(sql(vendor).value(
                        "select method from tutti.payment where id = ?", payment.id()));
                assertThat(payment.invoiceNumbers()).containsExactlyInAnyOrderElementsOf(sql(vendor).column(
                        "select i.number from tutti.payment_allocation a join tutti.invoice i on i.id = a.invoice_id"
                                + " where a.payment_id = ?", payment.id()).stream().map(String.class::cast).toList());
            }
        }
        assertThat(billing(vendor).overview(user, user.familyId(), BillingKind.FEES).payments())
                .as("F0001 has paid fees").isNotEmpty();
    }

    /** H2 has no row-level security: the client's filter gives what PostgreSQL's policies give. */
    @Test
    void h2AndPostgresqlGiveTheSameTabs() {
        for (BillingKind kind : BillingKind.values()) {
            UserSession h2 = login(DatabaseVendor.H2, "F0002");
            UserSession postgresql = login(DatabaseVendor.POSTGRESQL, "F0002");
            assertThat(billing(DatabaseVendor.POSTGRESQL).overview(postgresql, postgresql.familyId(), kind))
                    .usingRecursiveComparison()
                    .isEqualTo(billing(DatabaseVendor.H2).overview(h2, h2.familyId(), kind));
        }
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilyAskingForAnotherFamilysRowsIsToldNotFound(DatabaseVendor vendor) {
        UserSession user = login(vendor, "F0001");
        long montfleury = familyId(vendor, "M0001");
        long bellerive = familyId(vendor, "F0002");
        long otherInvoice = sql(vendor).count("select min(id) from tutti.invoice where family_id = ?", bellerive);
        long otherPayment = sql(vendor).count("select min(id) from tutti.payment where family_id = ?", bellerive);
        long montfleuryInvoice = sql(vendor).count("select min(id) from tutti.invoice where family_id = ?", montfleury);

        for (long family : new long[] {montfleury, bellerive}) {
            for (BillingKind kind : BillingKind.values()) {
                assertNotFound(() -> billing(vendor).overview(user, family, kind));
            }
        }
        assertNotFound(() -> billing(vendor).invoiceDocument(user, otherInvoice));
        assertNotFound(() -> billing(vendor).invoiceDocument(user, montfleuryInvoice));
        assertNotFound(() -> billing(vendor).receiptDocument(user, otherPayment));
        assertNotFound(() -> billing(vendor).onlinePaymentUrl(user, otherInvoice));
    }

    // ------------------------------------------------------------------ documents

    @ParameterizedTest
    @MethodSource("vendors")
    void theInvoiceDuplicatePrintsTheSiteTheFamilyTheLinesAndWhatSettledIt(DatabaseVendor vendor) {
        UserSession user = login(vendor, "F0001");
        Sql sql = sql(vendor);
        // F0001's oldest fee invoice: paid, by one or more payments
        long invoiceId = sql.count("select min(id) from tutti.invoice where family_id = ? and kind = 'COTISATION'",
                user.familyId());

        InvoiceDocument document = billing(vendor).invoiceDocument(user, invoiceId);

        assertThat(document.number()).isEqualTo(sql.value("select number from tutti.invoice where id = ?", invoiceId));
        assertThat(document.kind()).isEqualTo(BillingKind.FEES);
        assertThat(document.isCreditNote()).isFalse();
        assertThat(document.schoolYear()).isEqualTo(sql.value("select y.label from tutti.invoice i"
                + " join tutti.school_year y on y.id = i.school_year_id where i.id = ?", invoiceId));
        assertThat(document.issueDate()).isEqualTo(LocalDate.parse(String.valueOf(sql.value(
                "select cast(issue_date as varchar(10)) from tutti.invoice where id = ?", invoiceId))));
        assertThat(document.site().siteName()).isEqualTo(sql.value("select name from tutti.site where code = 'BELLERIVE'"));
        assertThat(document.site().addressLines()).first().isEqualTo(sql.value(
                "select address1 from tutti.site where code = 'BELLERIVE'"));
        assertThat(document.site().addressLines()).contains((String) sql.value(
                "select postal_code || ' ' || city from tutti.site where code = 'BELLERIVE'"));
        assertThat(document.paymentInstructions()).isNotBlank().isEqualTo(sql.value(
                "select payment_instructions from tutti.site where code = 'BELLERIVE'"));

        String civility = (String) sql.value("select civility from tutti.family where id = ?", user.familyId());
        assertThat(document.family().name()).isEqualTo(("MME".equals(civility) ? "Mme " : "M. ")
                + sql.value("select first_name from tutti.family where id = ?", user.familyId()) + " "
                + ((String) sql.value("select last_name from tutti.family where id = ?", user.familyId()))
                .toUpperCase(Locale.FRENCH));
        assertThat(document.family().identifier()).isEqualTo("F0001");
        assertThat(document.family().addressLines()).first().isEqualTo(sql.value(
                "select address1 from tutti.family where id = ?", user.familyId()));

        assertThat(document.lines()).extracting(InvoiceDocumentLine::label).containsExactlyElementsOf(sql.column(
                "select label from tutti.invoice_line where invoice_id = ? order by line_no", invoiceId).stream()
                .map(String.class::cast).toList());
        assertThat(document.lines()).extracting(InvoiceDocumentLine::amount).containsExactlyElementsOf(sql.column(
                "select amount from tutti.invoice_line where invoice_id = ? order by line_no", invoiceId).stream()
                .map(BigDecimal.class::cast).toList());
        List<String> students = sql.column("select first_name || '|' || last_name from tutti.student"
                + " where family_id = ?", user.familyId()).stream().map(String.class::cast)
                .map(n -> n.split("\\|", 2)).map(n -> n[0] + " " + n[1].toUpperCase(Locale.FRENCH)).toList();
        assertThat(document.lines()).as("fee lines name the family's students (\"Léa MARTIN\")")
                .filteredOn(l -> l.studentName() != null).isNotEmpty()
                .allSatisfy(l -> assertThat(students).contains(l.studentName()));
        assertThat(document.total()).isEqualTo(sql.value("select total_amount from tutti.invoice where id = ?", invoiceId));

        assertThat(document.settlements()).extracting(Settlement::number).containsExactlyInAnyOrderElementsOf(sql.column(
                "select p.receipt_number from tutti.payment_allocation a join tutti.payment p on p.id = a.payment_id"
                        + " where a.invoice_id = ?", invoiceId).stream().map(String.class::cast).toList());
        assertThat(document.settlements()).isNotEmpty().allMatch(s -> s.method() != null);
        assertThat(document.settled()).isEqualTo(document.settlements().stream().map(Settlement::amount)
                .reduce(new BigDecimal("0.00"), BigDecimal::add));
        assertThat(document.balance()).isEqualTo(document.total().subtract(document.settled()));
        assertThat(document.balance()).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theReceiptPrintsThePaymentAndTheInvoicesItSettles(DatabaseVendor vendor) {
        UserSession user = login(vendor, "F0001");
        Sql sql = sql(vendor);
        long paymentId = sql.count("select min(id) from tutti.payment where family_id = ?", user.familyId());

        ReceiptDocument receipt = billing(vendor).receiptDocument(user, paymentId);

        assertThat(receipt.receiptNumber()).isEqualTo(sql.value("select receipt_number from tutti.payment where id = ?",
                paymentId));
        assertThat(receipt.amount()).isEqualTo(sql.value("select amount from tutti.payment where id = ?", paymentId));
        assertThat(receipt.method()).isEqualTo(PaymentMethod.valueOf((String) sql.value(
                "select method from tutti.payment where id = ?", paymentId)));
        assertThat(receipt.reference()).isEqualTo(sql.value("select reference from tutti.payment where id = ?", paymentId));
        assertThat(receipt.date()).isEqualTo(LocalDate.parse(String.valueOf(sql.value(
                "select cast(payment_date as varchar(10)) from tutti.payment where id = ?", paymentId))));
        assertThat(receipt.site().siteName()).isEqualTo(sql.value("select name from tutti.site where code = 'BELLERIVE'"));
        assertThat(receipt.family().identifier()).isEqualTo("F0001");
        assertThat(receipt.invoices()).extracting(SettledInvoice::number).containsExactlyInAnyOrderElementsOf(sql.column(
                "select i.number from tutti.payment_allocation a join tutti.invoice i on i.id = a.invoice_id"
                        + " where a.payment_id = ?", paymentId).stream().map(String.class::cast).toList());
        assertThat(receipt.invoices().stream().map(SettledInvoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(receipt.amount());
    }

    // ------------------------------------------------------------------ online payment

    /** A family's invoice with a balance due or none, of a site, whose family has a login. */
    private record Unpaid(long invoiceId, String identifier) {
    }

    private static Unpaid invoice(DatabaseVendor vendor, String site, boolean withBalance) {
        Sql sql = sql(vendor);
        List<Object> ids = sql.column("select i.id from tutti.invoice i join tutti.site s on s.id = i.site_id"
                + " where s.code = ? and i.credit_note_for is null"
                + " and exists (select 1 from tutti.account a where a.family_id = i.family_id)"
                + " and i.total_amount " + (withBalance ? ">" : "=")
                + " coalesce((select sum(a.amount) from tutti.payment_allocation a where a.invoice_id = i.id), 0)"
                + " + coalesce((select sum(c.total_amount) from tutti.invoice c where c.credit_note_for = i.id), 0)"
                + " order by i.id", site);
        assertThat(ids).as(site + " invoices " + (withBalance ? "with" : "without") + " a balance").isNotEmpty();
        long id = ((Number) ids.get(0)).longValue();
        String identifier = (String) sql.value("select min(a.identifier) from tutti.account a"
                + " join tutti.invoice i on i.family_id = a.family_id where i.id = ?", id);
        return new Unpaid(id, identifier);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theOnlinePaymentLinkIsTheSitesTemplateFilledWithTheInvoiceAndItsBalance(DatabaseVendor vendor) {
        Unpaid unpaid = invoice(vendor, "BELLERIVE", true);
        UserSession user = login(vendor, unpaid.identifier());
        Sql sql = sql(vendor);
        String number = (String) sql.value("select number from tutti.invoice where id = ?", unpaid.invoiceId());
        InvoiceSummary shown = billing(vendor).overview(user, user.familyId(), BillingKind.FEES).invoices().stream()
                .filter(i -> i.id() == unpaid.invoiceId()).findFirst()
                .orElseGet(() -> billing(vendor).overview(user, user.familyId(), BillingKind.RENTALS).invoices()
                        .stream().filter(i -> i.id() == unpaid.invoiceId()).findFirst().orElseThrow());
        String email = (String) sql.value("select email from tutti.family where id = ?", user.familyId());
        String cents = shown.balance().movePointRight(2).toBigIntegerExact().toString();

        assertThat(billing(vendor).onlinePaymentUrl(user, unpaid.invoiceId())).hasValue(
                "https://www.payfip.gouv.fr/tpa/paiement.web?numcli=012345&exer=" + shown.issueDate().getYear()
                        + "&refdet=" + number + "&objet=" + shown.label().replace(" ", "+") + "&montant=" + cents
                        + "&mel=" + (email == null ? "" : URLEncoder.encode(email, StandardCharsets.UTF_8))
                        + "&saisie=T");
        assertThat(shown.hasBalanceDue()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void noOnlinePaymentForAPaidInvoiceNorWhereTheSiteDoesNotOfferIt(DatabaseVendor vendor) {
        Unpaid paid = invoice(vendor, "BELLERIVE", false);
        assertThat(billing(vendor).onlinePaymentUrl(login(vendor, paid.identifier()), paid.invoiceId())).isEmpty();

        Unpaid montfleury = invoice(vendor, "MONTFLEURY", true);
        UserSession user = login(vendor, montfleury.identifier());
        assertThat(billing(vendor).onlinePaymentUrl(user, montfleury.invoiceId())).isEmpty();
        assertThat(billing(vendor).overview(user, user.familyId(), BillingKind.FEES).onlinePaymentOffered()).isFalse();
    }

    @Test
    void theTemplatesPlaceholdersAreReplacedAndTheTextsUrlEncoded() {
        assertThat(SqlBillingService.paymentUrl("https://pay.example/?r={reference}&a={amount}&c={amountCents}"
                        + "&y={year}&l={label}&m={email}", "BEL-2026-000124", new BigDecimal("1234.5"), 2026,
                "Locations 2026-2027 é", "léa+x@example.org"))
                .isEqualTo("https://pay.example/?r=BEL-2026-000124&a=1234.50&c=123450&y=2026"
                        + "&l=Locations+2026-2027+%C3%A9&m=l%C3%A9a%2Bx%40example.org");
    }

    @Test
    void anInvoicesStateFollowsItsAmountsAndTheDatabasesDate() {
        BigDecimal total = new BigDecimal("300.00");
        BigDecimal zero = new BigDecimal("0.00");
        assertThat(SqlBillingService.state(false, total, zero, zero, false)).isEqualTo(InvoiceState.DUE);
        assertThat(SqlBillingService.state(false, total, zero, zero, true)).isEqualTo(InvoiceState.OVERDUE);
        assertThat(SqlBillingService.state(false, total, new BigDecimal("100.00"), zero, true))
                .isEqualTo(InvoiceState.PARTIALLY_PAID);
        assertThat(SqlBillingService.state(false, total, zero, new BigDecimal("50.00"), false))
                .isEqualTo(InvoiceState.PARTIALLY_PAID);
        assertThat(SqlBillingService.state(false, total, total, zero, true)).isEqualTo(InvoiceState.PAID);
        assertThat(SqlBillingService.state(false, total, new BigDecimal("200.00"), new BigDecimal("100.00"), true))
                .isEqualTo(InvoiceState.PAID);
        assertThat(SqlBillingService.state(false, total, zero, total, true)).isEqualTo(InvoiceState.CANCELLED);
        assertThat(SqlBillingService.state(true, total, zero, zero, true)).isEqualTo(InvoiceState.CREDIT_NOTE);
    }
}
