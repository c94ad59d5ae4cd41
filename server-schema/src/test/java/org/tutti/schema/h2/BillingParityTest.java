package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The billing functions (SQL-API.md, "Billing") alike on H2 and PostgreSQL, called as the client calls them, on
 * PostgreSQL as the login role tutti_staff: the rows each writes, the numbers that follow the demo's last ones
 * with no gap, the statuses, the audit, and every refusal. Each test has a demo school of its own (8 families:
 * F0001–F0005 at BELLERIVE, M0001–M0003 at MONTFLEURY).
 */
@Tag("postgres")
class BillingParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";

    private TestDatabase db;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        if (db == null) {
            db = ApiClient.demo(vendor, 8);
        }
        ApiClient client = ApiClient.connect(db, role);
        open.add(client);
        return client;
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        return SqlRows.query(db.dataSource(), sql, parameters);
    }

    private long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private long familyId(String identifier) throws SQLException {
        return number("SELECT id FROM tutti.family WHERE identifier = ?", identifier);
    }

    private long studentOf(String identifier) throws SQLException {
        return number("SELECT MIN(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = ?", identifier);
    }

    private LocalDate today() throws SQLException {
        return LocalDate.parse(rows("SELECT CURRENT_DATE").get(0).get(0));
    }

    private long siteId(String code) throws SQLException {
        return number("SELECT id FROM tutti.site WHERE code = ?", code);
    }

    /** The last number of BELLERIVE's series this year, 0 before the first. */
    private long last(String series) throws SQLException {
        List<List<String>> row = rows("SELECT last_number FROM tutti.document_counter WHERE site_id = ? AND series = ?"
                + " AND \"year\" = ?", siteId("BELLERIVE"), series, today().getYear());
        return row.isEmpty() ? 0 : Long.parseLong(row.get(0).get(0));
    }

    private String nextInvoiceNumber(long after) throws SQLException {
        return String.format("BEL-%d-%06d", today().getYear(), after + 1);
    }

    /** {@code SELECT tutti.function(?, …)} in one transaction bound to {@code token}; its value as text. */
    private static String call(ApiClient client, String token, String function, Object... arguments)
            throws SQLException {
        String sql = "SELECT tutti." + function + "(" + String.join(", ", Collections.nCopies(arguments.length, "?")) + ")";
        return client.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** A call with some arguments. */
    @FunctionalInterface
    private interface Attempt {
        String run(Object[] arguments) throws SQLException;
    }

    /** Each entry's arguments make {@code attempt} raise "SQLSTATE message", its key (trailing blanks keep keys apart). */
    private static void assertRefusals(Map<String, Object[]> refusals, Attempt attempt) {
        for (Map.Entry<String, Object[]> refusal : refusals.entrySet()) {
            assertThat(raised(() -> attempt.run(refusal.getValue()))).as(refusal.getKey())
                    .isEqualTo(refusal.getKey().strip());
        }
    }

    private static String line(String label, Long student, String quantity, String unitPrice) {
        return "{\"label\": \"" + label + "\", \"student\": " + student + ", \"quantity\": \"" + quantity
                + "\", \"unit_price\": \"" + unitPrice + "\"}";
    }

    private static String array(String... elements) {
        return "[" + String.join(", ", elements) + "]";
    }

    private static String allocation(long invoice, String amount) {
        return "{\"invoice\": " + invoice + ", \"amount\": \"" + amount + "\"}";
    }

    private long invoiceId(String number) throws SQLException {
        return number("SELECT id FROM tutti.invoice WHERE number = ?", number);
    }

    private String status(long invoice) throws SQLException {
        return rows("SELECT status FROM tutti.invoice WHERE id = ?", invoice).get(0).get(0);
    }

    private List<String> audit(String kind) throws SQLException {
        return rows("SELECT a.identifier, e.detail FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id"
                + " WHERE e.kind = ? AND e.family_id IS NULL ORDER BY e.id", kind)
                .stream().map(r -> r.get(0) + " " + r.get(1)).toList();
    }

    /** Everything billing writes, to compare before and after refused calls. */
    private List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COUNT(*) FROM tutti.invoice"), number("SELECT COUNT(*) FROM tutti.invoice_line"),
                number("SELECT COUNT(*) FROM tutti.payment"), number("SELECT COUNT(*) FROM tutti.payment_allocation"),
                number("SELECT COUNT(*) FROM tutti.rental"), number("SELECT COALESCE(SUM(last_number), 0) FROM"
                        + " tutti.document_counter"), number("SELECT COUNT(*) FROM tutti.audit_event"),
                number("SELECT COALESCE(SUM(version), 0) FROM tutti.invoice"),
                number("SELECT COALESCE(SUM(version), 0) FROM tutti.rental"));
    }

    /** A family session's call: tutti_family may not even call the function on PostgreSQL; TU403 on H2. */
    private static String aFamilyIsRefused(DatabaseVendor vendor, String function) {
        return vendor == DatabaseVendor.POSTGRESQL ? "42501 permission denied for function " + function : "TU403 forbidden";
    }

    /** An invoice of {@code total} for {@code family}, issued by the session {@code token}; its id. */
    private long invoiceOf(ApiClient staff, String token, String family, String total) throws SQLException {
        return invoiceId(call(staff, token, "issue_invoice", familyId(family), "COTISATION", today().plusDays(30),
                array(line("Frais", null, "1", total))));
    }

    // ------------------------------------------------------------------------------------------ issue_invoice

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anInvoiceFollowsTheDemosLastNumberWithItsLinesAndItsAudit(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long family = familyId("F0001");
        long student = studentOf("F0001");
        long before = last("INVOICE");
        assertThat(before).as("the demo issued invoices this year").isPositive();
        LocalDate due = today().plusDays(30);

        String first = call(staff, accueil, "issue_invoice", family, "COTISATION", due, array(
                line("Piano — cotisation annuelle", student, "1.00", "420.00"),
                line("Location de partitions", null, "2.5", "3.33"),
                line("  Adhésion à l’association\u200b ", null, "1", "15")));
        String second = call(staff, accueil, "issue_invoice", family, "LOCATION", due,
                array(line("Pupitre", null, "1", "12.00")));

        assertThat(List.of(first, second)).containsExactly(nextInvoiceNumber(before), nextInvoiceNumber(before + 1));
        assertThat(last("INVOICE")).isEqualTo(before + 2);
        long id = invoiceId(first);
        assertThat(rows("SELECT i.family_id, i.site_id, y.label, i.kind, i.issue_date, i.due_date, i.total_amount,"
                + " i.status, i.credit_note_for FROM tutti.invoice i JOIN tutti.school_year y ON y.id = i.school_year_id"
                + " WHERE i.id = ?", id)).containsExactly(List.of(String.valueOf(family),
                String.valueOf(siteId("BELLERIVE")), "2026-2027", "COTISATION", today().toString(), due.toString(),
                "443.33", "ISSUED", "null"));
        assertThat(rows("SELECT line_no, label, student_id, quantity, unit_price, amount FROM tutti.invoice_line"
                + " WHERE invoice_id = ? ORDER BY line_no", id)).containsExactly(
                List.of("1", "Piano — cotisation annuelle", String.valueOf(student), "1.00", "420.00", "420.00"),
                List.of("2", "Location de partitions", "null", "2.50", "3.33", "8.33"),
                List.of("3", "Adhésion à l’association", "null", "1.00", "15.00", "15.00"));
        assertThat(audit("INVOICE_ISSUED")).containsExactly(
                "ACCUEIL invoice " + id + " (" + first + "): family " + family + ", COTISATION, 3 line(s), total 443.33",
                "ACCUEIL invoice " + invoiceId(second) + " (" + second + "): family " + family
                        + ", LOCATION, 1 line(s), total 12.00");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anInvoiceIsRefusedForAnyoneButTheFamilysFrontDeskAndForAnyWrongLine(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient other = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long f1 = familyId("F0001");
        LocalDate due = today().plusDays(30);
        String good = array(line("Cotisation", studentOf("F0001"), "1", "100"));
        List<Long> before = footprint();

        assertThat(raised(() -> call(staff, null, "issue_invoice", f1, "COTISATION", due, good)))
                .isEqualTo("TU401 no session");
        assertThat(raised(() -> call(family, f0001, "issue_invoice", f1, "COTISATION", due, good)))
                .isEqualTo(aFamilyIsRefused(vendor, "issue_invoice"));
        assertThat(raised(() -> call(other, secretariat, "issue_invoice", f1, "COTISATION", due, good)))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "issue_invoice", 999_999L, "COTISATION", due, good)))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "issue_invoice", familyId("M0001"), "COTISATION", due, good)))
                .isEqualTo("TU403 forbidden");

        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("TU422 invalid:kind", new Object[] {"AUTRE", due, good});
        refusals.put("TU422 invalid:due_date", new Object[] {"COTISATION", today().minusDays(1), good});
        refusals.put("TU422 invalid:lines", new Object[] {"COTISATION", due, "{\"label\": \"x\"}"});
        refusals.put("TU422 invalid:lines ", new Object[] {"COTISATION", due, "[]"});
        refusals.put("TU422 invalid:lines  ", new Object[] {"COTISATION", due, "pas du JSON"});
        refusals.put("TU422 invalid:lines   ", new Object[] {"COTISATION", due,
            array(Collections.nCopies(51, line("Cours", null, "1", "1")).toArray(String[]::new))});
        refusals.put("TU422 invalid:label", new Object[] {"COTISATION", due, array(line(" \u200b ", null, "1", "1"))});
        refusals.put("TU422 too_long:label:200", new Object[] {"COTISATION", due,
            array(line("é".repeat(201), null, "1", "1"))});
        refusals.put("TU422 invalid:student", new Object[] {"COTISATION", due,
            array(line("Cours", studentOf("F0002"), "1", "1"))});
        refusals.put("TU422 invalid:student ", new Object[] {"COTISATION", due,
            "[{\"label\": \"Cours\", \"student\": \"" + studentOf("F0001") + "\", \"quantity\": \"1\", \"unit_price\": \"1\"}]"});
        refusals.put("TU422 invalid:quantity", new Object[] {"COTISATION", due, array(line("Cours", null, "0", "1"))});
        refusals.put("TU422 invalid:quantity ", new Object[] {"COTISATION", due, array(line("Cours", null, "-1", "1"))});
        refusals.put("TU422 invalid:quantity  ", new Object[] {"COTISATION", due,
            array(line("Cours", null, "1.001", "1"))});
        refusals.put("TU422 invalid:unit_price", new Object[] {"COTISATION", due, array(line("Cours", null, "1", "-5"))});
        refusals.put("TU422 invalid:unit_price ", new Object[] {"COTISATION", due,
            array(line("Cours", null, "1", "1,50"))});
        refusals.put("TU422 invalid:total", new Object[] {"COTISATION", due, array(line("Cours", null, "1", "0.00"))});
        assertRefusals(refusals, a -> call(staff, accueil, "issue_invoice", f1, a[0], a[1], a[2]));
        assertThat(footprint()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ record_payment

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aPaymentSettlesItsInvoicesWithAReceiptNumberOfThisYear(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long family = familyId("F0001");
        long a = invoiceOf(staff, accueil, "F0001", "100.00");
        long b = invoiceOf(staff, accueil, "F0001", "50.00");
        long receipts = last("RECEIPT");
        LocalDate paid = today().minusDays(3);

        String first = call(staff, accueil, "record_payment", family, paid, "CHEQUE", new BigDecimal("120.00"),
                " Chèque n° 1234567 ", array(allocation(a, "100.00"), allocation(b, "20")));
        assertThat(first).isEqualTo(String.format("BEL-R-%d-%06d", today().getYear(), receipts + 1));
        assertThat(List.of(status(a), status(b))).containsExactly("PAID", "PARTIAL");
        long payment = number("SELECT id FROM tutti.payment WHERE receipt_number = ?", first);
        assertThat(rows("SELECT family_id, site_id, payment_date, amount, method, reference FROM tutti.payment"
                + " WHERE id = ?", payment)).containsExactly(List.of(String.valueOf(family),
                String.valueOf(siteId("BELLERIVE")), paid.toString(), "120.00", "CHEQUE", "Chèque n° 1234567"));
        assertThat(rows("SELECT invoice_id, amount FROM tutti.payment_allocation WHERE payment_id = ? ORDER BY invoice_id",
                payment)).containsExactly(List.of(String.valueOf(a), "100.00"), List.of(String.valueOf(b), "20.00"));

        String second = call(staff, accueil, "record_payment", family, today(), "CASH", new BigDecimal("30"), null,
                array(allocation(b, "30.00")));
        assertThat(second).isEqualTo(String.format("BEL-R-%d-%06d", today().getYear(), receipts + 2));
        assertThat(status(b)).isEqualTo("PAID");
        assertThat(audit("PAYMENT_RECORDED")).containsExactly(
                "ACCUEIL payment " + payment + " (" + first + "): family " + family + ", CHEQUE 120.00, invoice(s) "
                        + a + ", " + b,
                "ACCUEIL payment " + (payment + 1) + " (" + second + "): family " + family + ", CASH 30, invoice(s) " + b);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aPaymentIsRefusedWhenItIsWrongOrSettlesMoreThanIsDue(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient other = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long f1 = familyId("F0001");
        long a = invoiceOf(staff, accueil, "F0001", "100.00");
        String aNumber = rows("SELECT number FROM tutti.invoice WHERE id = ?", a).get(0).get(0);
        long ofF0002 = invoiceOf(staff, accueil, "F0002", "10.00");
        long credit = invoiceId(call(staff, accueil, "issue_credit_note", a, new BigDecimal("10.00"), "Remise"));
        BigDecimal ten = new BigDecimal("10.00");
        String good = array(allocation(a, "10.00"));
        LocalDate day = today();
        List<Long> before = footprint();

        assertThat(raised(() -> call(staff, null, "record_payment", f1, day, "CASH", ten, null, good)))
                .isEqualTo("TU401 no session");
        assertThat(raised(() -> call(family, f0001, "record_payment", f1, day, "CASH", ten, null, good)))
                .isEqualTo(aFamilyIsRefused(vendor, "record_payment"));
        assertThat(raised(() -> call(other, secretariat, "record_payment", f1, day, "CASH", ten, null, good)))
                .isEqualTo("TU403 forbidden");
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("TU422 invalid:payment_date", new Object[] {day.plusDays(1), "CASH", ten, null, good});
        refusals.put("TU422 invalid:method", new Object[] {day, "BITCOIN", ten, null, good});
        refusals.put("TU422 invalid:amount", new Object[] {day, "CASH", BigDecimal.ZERO, null, good});
        refusals.put("TU422 invalid:amount ", new Object[] {day, "CASH", new BigDecimal("10.001"), null, good});
        refusals.put("TU422 too_long:reference:80", new Object[] {day, "CASH", ten, "x".repeat(81), good});
        refusals.put("TU422 invalid:allocations", new Object[] {day, "CASH", ten, null, "[]"});
        refusals.put("TU422 invalid:allocations ", new Object[] {day, "CASH", ten, null, allocation(a, "10")});
        refusals.put("TU422 invalid:allocations  ", new Object[] {day, "CASH", ten, null,
            array(allocation(a, "5"), allocation(a, "5"))});
        refusals.put("TU422 invalid:invoice", new Object[] {day, "CASH", ten, null, array(allocation(ofF0002, "10"))});
        refusals.put("TU422 invalid:invoice ", new Object[] {day, "CASH", ten, null, array(allocation(credit, "10"))});
        refusals.put("TU422 invalid:allocation", new Object[] {day, "CASH", ten, null,
            array(allocation(a, "0"), allocation(ofF0002, "10"))});
        refusals.put("TU422 amount_mismatch", new Object[] {day, "CASH", ten, null, array(allocation(a, "9.99"))});
        refusals.put("TU422 over_allocation:" + aNumber, new Object[] {day, "CASH", new BigDecimal("90.01"), null,
            array(allocation(a, "90.01"))});
        assertRefusals(refusals, p -> call(staff, accueil, "record_payment", f1, p[0], p[1], p[2], p[3], p[4]));
        assertThat(footprint()).isEqualTo(before);
        // what is left (100 - the 10 credited) is accepted to the cent
        call(staff, accueil, "record_payment", f1, day, "CARD", new BigDecimal("90.00"), null,
                array(allocation(a, "90.00")));
        assertThat(status(a)).isEqualTo("PAID");
    }

    // ------------------------------------------------------------------------------------------ issue_credit_note

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aCreditNoteCorrectsAnInvoiceUntilNothingIsLeftAndIsNumberedAsAnInvoice(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long unpaid = invoiceOf(staff, accueil, "F0001", "100.00");
        long paidInPart = invoiceOf(staff, accueil, "F0001", "80.00");
        String corrected = rows("SELECT number FROM tutti.invoice WHERE id = ?", unpaid).get(0).get(0);
        call(staff, accueil, "record_payment", familyId("F0001"), today(), "CASH", new BigDecimal("30"), null,
                array(allocation(paidInPart, "30")));
        long before = last("INVOICE");

        String first = call(staff, accueil, "issue_credit_note", unpaid, new BigDecimal("40.00"), " Absence prolongée ");
        assertThat(first).isEqualTo(nextInvoiceNumber(before));
        assertThat(status(unpaid)).isEqualTo("PARTIAL");
        long credit = invoiceId(first);
        assertThat(rows("SELECT i.family_id, y.label, i.kind, i.issue_date, i.due_date, i.total_amount, i.status,"
                + " i.credit_note_for, i.credit_reason FROM tutti.invoice i JOIN tutti.school_year y"
                + " ON y.id = i.school_year_id WHERE i.id = ?", credit)).containsExactly(List.of(
                String.valueOf(familyId("F0001")), "2026-2027", "COTISATION", today().toString(), today().toString(),
                "40.00", "PAID", String.valueOf(unpaid), "Absence prolongée"));
        assertThat(rows("SELECT line_no, label, student_id, quantity, unit_price, amount FROM tutti.invoice_line"
                + " WHERE invoice_id = ?", credit)).containsExactly(List.of("1",
                "Avoir sur la facture " + corrected + " : Absence prolongée", "null", "1.00", "40.00", "40.00"));

        assertThat(raised(() -> call(staff, accueil, "issue_credit_note", unpaid, new BigDecimal("60.01"), "Erreur")))
                .isEqualTo("TU422 credit_too_large");
        call(staff, accueil, "issue_credit_note", unpaid, new BigDecimal("60"), "Départ de l’élève");
        assertThat(status(unpaid)).as("settled by credit notes alone").isEqualTo("CANCELLED");
        assertThat(raised(() -> call(staff, accueil, "issue_credit_note", unpaid, new BigDecimal("0.01"), "Encore")))
                .isEqualTo("TU422 credit_too_large");
        call(staff, accueil, "issue_credit_note", paidInPart, new BigDecimal("50"), "Remise");
        assertThat(status(paidInPart)).as("settled by a payment and a credit note").isEqualTo("PAID");
        assertThat(last("INVOICE")).isEqualTo(before + 3);
        assertThat(audit("CREDIT_NOTE_ISSUED")).first().isEqualTo("ACCUEIL credit note " + credit + " (" + first
                + ") for invoice " + unpaid + " (" + corrected + "): 40.00");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aCreditNoteIsRefusedOnAnotherSitesInvoiceOnACreditNoteAndWithoutAReason(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient other = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        long invoice = invoiceOf(staff, accueil, "F0001", "100.00");
        long credit = invoiceId(call(staff, accueil, "issue_credit_note", invoice, BigDecimal.ONE, "Arrondi"));
        List<Long> before = footprint();

        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("TU401 no session", new Object[] {null, invoice, BigDecimal.TEN, "Remise"});
        refusals.put("TU403 forbidden", new Object[] {secretariat, invoice, BigDecimal.TEN, "Remise"});
        refusals.put("TU403 forbidden ", new Object[] {accueil, 999_999L, BigDecimal.TEN, "Remise"});
        refusals.put("TU422 invalid:invoice", new Object[] {accueil, credit, BigDecimal.ONE, "Remise"});
        refusals.put("TU422 invalid:amount", new Object[] {accueil, invoice, BigDecimal.ZERO, "Remise"});
        refusals.put("TU422 invalid:amount ", new Object[] {accueil, invoice, new BigDecimal("-5"), "Remise"});
        refusals.put("TU422 invalid:reason", new Object[] {accueil, invoice, BigDecimal.TEN, " \t "});
        refusals.put("TU422 invalid:reason ", new Object[] {accueil, invoice, BigDecimal.TEN, null});
        refusals.put("TU422 too_long:reason:200", new Object[] {accueil, invoice, BigDecimal.TEN, "x".repeat(201)});
        assertRefusals(refusals, p -> call(secretariat.equals(p[0]) ? other : staff, (String) p[0], "issue_credit_note",
                p[1], p[2], p[3]));
        assertThat(footprint()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ rentals

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aRentalIsInvoicedForEveryMonthItRunsInAndItsItemCannotBeRentedTwice(DatabaseVendor vendor) throws Exception {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long family = familyId("F0001");
        long student = studentOf("F0001");
        long item = insertItem("BELLERIVE", "Violoncelle 1/2 n°99", "BEL-TEST-1");
        long before = last("INVOICE");

        String number = call(staff, accueil, "create_rental", item, family, student, LocalDate.of(2026, 9, 10),
                LocalDate.of(2027, 6, 30), new BigDecimal("25.50"), new BigDecimal("150"));
        assertThat(number).isEqualTo(nextInvoiceNumber(before));
        long invoice = invoiceId(number);
        assertThat(rows("SELECT kind, issue_date, due_date, total_amount, status FROM tutti.invoice WHERE id = ?",
                invoice)).containsExactly(List.of("LOCATION", today().toString(), today().plusDays(30).toString(),
                "255.00", "ISSUED"));
        assertThat(rows("SELECT line_no, label, student_id, quantity, unit_price, amount FROM tutti.invoice_line"
                + " WHERE invoice_id = ?", invoice)).containsExactly(List.of("1",
                "Location Violoncelle 1/2 n°99 — septembre 2026 à juin 2027", String.valueOf(student), "10.00", "25.50",
                "255.00"));
        long rental = number("SELECT id FROM tutti.rental WHERE invoice_id = ?", invoice);
        assertThat(rows("SELECT rental_item_id, family_id, student_id, start_date, end_date, monthly_fee, deposit"
                + " FROM tutti.rental WHERE id = ?", rental)).containsExactly(List.of(String.valueOf(item),
                String.valueOf(family), String.valueOf(student), "2026-09-10", "2027-06-30", "25.50", "150.00"));

        for (LocalDate[] overlap : List.of(new LocalDate[] {LocalDate.of(2027, 6, 30), LocalDate.of(2027, 8, 31)},
                new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 10)},
                new LocalDate[] {LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)})) {
            assertThat(raised(() -> call(staff, accueil, "create_rental", item, familyId("F0002"), null, overlap[0],
                    overlap[1], BigDecimal.TEN, BigDecimal.ZERO))).as(overlap[0] + " to " + overlap[1])
                    .isEqualTo("TU409 item_rented");
        }
        // free again the day after; no fee, no invoice
        assertThat(call(staff, accueil, "create_rental", item, familyId("F0002"), null, LocalDate.of(2027, 7, 1),
                LocalDate.of(2027, 8, 31), BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
        assertThat(rows("SELECT invoice_id FROM tutti.rental WHERE rental_item_id = ? AND start_date = DATE '2027-07-01'",
                item)).containsExactly(List.of("null"));
        assertThat(last("INVOICE")).isEqualTo(before + 1);
        assertThat(audit("RENTAL_CREATED")).containsExactly(
                "ACCUEIL rental " + rental + ": item " + item + ", family " + family + ", 2026-09-10 to 2027-06-30, invoice "
                        + number,
                "ACCUEIL rental " + (rental + 1) + ": item " + item + ", family " + familyId("F0002")
                        + ", 2027-07-01 to 2027-08-31, invoice none");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aRentalIsRefusedForAnotherSitesItemOrFamilyAndForWrongDatesOrAmounts(DatabaseVendor vendor) throws Exception {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long item = insertItem("BELLERIVE", "Flûte n°99", "BEL-TEST-2");
        long montfleuryItem = insertItem("MONTFLEURY", "Flûte n°98", "MON-TEST-2");
        long family = familyId("F0001");
        LocalDate start = LocalDate.of(2027, 1, 1);
        LocalDate end = LocalDate.of(2027, 6, 30);
        BigDecimal fee = BigDecimal.TEN;
        List<Long> before = footprint();

        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("TU403 forbidden", new Object[] {montfleuryItem, family, null, start, end, fee, fee});
        refusals.put("TU403 forbidden ", new Object[] {item, familyId("M0001"), null, start, end, fee, fee});
        refusals.put("TU403 forbidden  ", new Object[] {999_999L, family, null, start, end, fee, fee});
        refusals.put("TU422 invalid:student", new Object[] {item, family, studentOf("F0002"), start, end, fee, fee});
        refusals.put("TU422 invalid:start_date", new Object[] {item, family, null, null, end, fee, fee});
        refusals.put("TU422 invalid:end_date", new Object[] {item, family, null, start, start, fee, fee});
        refusals.put("TU422 invalid:end_date ", new Object[] {item, family, null, start, null, fee, fee});
        refusals.put("TU422 invalid:monthly_fee", new Object[] {item, family, null, start, end, new BigDecimal("-1"), fee});
        refusals.put("TU422 invalid:monthly_fee ", new Object[] {item, family, null, start, end, null, fee});
        refusals.put("TU422 invalid:deposit", new Object[] {item, family, null, start, end, fee, new BigDecimal("-0.01")});
        assertRefusals(refusals, p -> call(staff, accueil, "create_rental", p));
        assertThat(raised(() -> call(staff, null, "create_rental", item, family, null, start, end, fee, fee)))
                .isEqualTo("TU401 no session");
        assertThat(footprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aRentalEndsEarlierOnlyOnceBeforeItsEndAndOnlyAtItsSite(DatabaseVendor vendor) throws Exception {
        ApiClient staff = client(vendor, STAFF);
        ApiClient other = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        long item = insertItem("BELLERIVE", "Harpe celtique n°99", "BEL-TEST-3");
        LocalDate start = today().minusMonths(2);
        LocalDate end = today().plusMonths(6);
        String invoice = call(staff, accueil, "create_rental", item, familyId("F0001"), null, start, end,
                new BigDecimal("30"), BigDecimal.ZERO);
        long rental = number("SELECT id FROM tutti.rental WHERE invoice_id = ?", invoiceId(invoice));
        try (Connection c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(
                "INSERT INTO tutti.rental (rental_item_id, family_id, start_date, end_date, monthly_fee) VALUES (?, ?,"
                        + " DATE '2024-09-10', DATE '2025-06-30', 30)")) {
            statement.setLong(1, item);
            statement.setLong(2, familyId("F0002"));
            statement.executeUpdate();
        }
        long ended = number("SELECT id FROM tutti.rental WHERE rental_item_id = ? AND end_date = DATE '2025-06-30'", item);
        List<Long> before = footprint();

        assertThat(raised(() -> call(staff, null, "end_rental", rental, today()))).isEqualTo("TU401 no session");
        assertThat(raised(() -> call(other, secretariat, "end_rental", rental, today()))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "end_rental", 999_999L, today()))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> call(staff, accueil, "end_rental", ended, today()))).isEqualTo("TU409 already_ended");
        for (LocalDate wrong : new LocalDate[] {null, start, start.minusDays(1), end, end.plusDays(1)}) {
            assertThat(raised(() -> call(staff, accueil, "end_rental", rental, wrong))).as(String.valueOf(wrong))
                    .isEqualTo("TU422 invalid:end_date");
        }
        assertThat(footprint()).isEqualTo(before);

        call(staff, accueil, "end_rental", rental, today());
        assertThat(rows("SELECT end_date FROM tutti.rental WHERE id = ?", rental)).containsExactly(List.of(today().toString()));
        assertThat(raised(() -> call(staff, accueil, "end_rental", rental, today().minusDays(1))))
                .isEqualTo("TU409 already_ended");
        assertThat(audit("RENTAL_ENDED")).containsExactly("ACCUEIL rental " + rental + ": ends " + today()
                + " instead of " + end);
        assertThat(rows("SELECT total_amount FROM tutti.invoice WHERE number = ?", invoice))
                .as("no automatic credit note").containsExactly(List.of(new BigDecimal("30").multiply(BigDecimal.valueOf(
                        (end.getYear() * 12L + end.getMonthValue()) - (start.getYear() * 12L + start.getMonthValue()) + 1))
                        .setScale(2).toPlainString()));
    }

    // ------------------------------------------------------------------------------------------ site_letterhead

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aSessionReadsTheLetterheadAndPaymentSettingsOfItsOwnSiteOnly(DatabaseVendor vendor) throws SQLException {
        ApiClient family = client(vendor, FAMILY);
        ApiClient staff = client(vendor, STAFF);
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        String m0001 = family.signIn("MONTFLEURY", "M0001", "montfleury");
        String secretariat = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String letterhead = "SELECT code, name, address1, address2, postal_code, city, phone, email, online_payment,"
                + " online_payment_url FROM tutti.site_letterhead";

        assertThat(read(family, f0001, letterhead)).containsExactly(List.of("BELLERIVE",
                "Conservatoire de Bellerive", "4 place de l'Orangerie", "null", "69300", "Bellerive", "04 78 23 45 10",
                "contact@bellerive.example.org", "true", "https://www.payfip.gouv.fr/tpa/paiement.web?numcli=012345"
                        + "&exer={year}&refdet={reference}&objet={label}&montant={amountCents}&mel={email}&saisie=T"));
        assertThat(read(family, m0001, "SELECT code, online_payment, online_payment_url"
                + " FROM tutti.site_letterhead")).containsExactly(List.of("MONTFLEURY", "false", "null"));
        assertThat(read(staff, secretariat, "SELECT code, payment_instructions"
                + " FROM tutti.site_letterhead")).containsExactly(List.of("MONTFLEURY", "Règlement à réception de la"
                + " facture : par chèque à l’ordre de l’École de musique de Montfleury, par virement (IBAN FR76 1390"
                + " 6000 1285 0412 7733 081, en indiquant le numéro de la facture) ou en espèces au secrétariat."));
        assertThat(read(family, null, letterhead)).isEmpty();
    }

    private static List<List<String>> read(ApiClient client, String token, String sql) throws SQLException {
        return client.inTransaction(token, c -> c.rows(sql));
    }

    /** A rental item of the site, written as its front desk's catalogue would be. */
    private long insertItem(String site, String label, String code) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(
                "INSERT INTO tutti.rental_item (site_id, kind, label, inventory_code, monthly_fee) VALUES (?, 'INSTRUMENT',"
                        + " ?, ?, 25)")) {
            statement.setLong(1, siteId(site));
            statement.setString(2, label);
            statement.setString(3, code);
            statement.executeUpdate();
        }
        return number("SELECT id FROM tutti.rental_item WHERE inventory_code = ?", code);
    }
}
