package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.committed;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.AttackSupport.withinPatience;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Billing on PostgreSQL against a family that runs any SQL as tutti_family, a front desk of another site and a
 * front desk that tries its luck without the functions (SQL-API.md, "Billing"): on a hardened demo of its own
 * (8 families: F0001–F0005 at BELLERIVE, M0001–M0003 at MONTFLEURY). F0001 attacks, F0002 is the victim.
 */
@Tag("postgres")
class AttackBillingTest {

    private static final String ISSUE = "SELECT tutti.issue_invoice(?, 'COTISATION', CURRENT_DATE + 30,"
            + " '[{\"label\": \"Cotisation\", \"student\": null, \"quantity\": \"1\", \"unit_price\": \"100\"}]')";
    private static final String PAY = "SELECT tutti.record_payment(?, CURRENT_DATE, 'CASH', 10, NULL, ?)";
    private static final String CREDIT = "SELECT tutti.issue_credit_note(?, 10, 'Remise')";
    private static final String RENT = "SELECT tutti.create_rental(?, ?, NULL, DATE '2027-01-01', DATE '2027-06-30', 10, 0)";
    private static final String END = "SELECT tutti.end_rental(?, DATE '2027-01-31')";
    private static final List<String> BILLING_TABLES = List.of("invoice", "invoice_line", "payment", "payment_allocation",
            "rental");

    private static TestDatabase db;
    private static long f0001;
    private static long f0002;
    private static long m0001;
    private static long victimInvoice;
    private static long belleriveItem;
    private static long montfleuryItem;
    private static long victimRental;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        f0001 = number("SELECT id FROM tutti.family WHERE identifier = 'F0001'");
        f0002 = number("SELECT id FROM tutti.family WHERE identifier = 'F0002'");
        m0001 = number("SELECT id FROM tutti.family WHERE identifier = 'M0001'");
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("INSERT INTO tutti.rental_item (site_id, kind, label, inventory_code, monthly_fee) SELECT id,"
                    + " 'INSTRUMENT', 'Alto n°99', code || '-ATTACK', 20 FROM tutti.site");
        }
        belleriveItem = number("SELECT id FROM tutti.rental_item WHERE inventory_code = 'BELLERIVE-ATTACK'");
        montfleuryItem = number("SELECT id FROM tutti.rental_item WHERE inventory_code = 'MONTFLEURY-ATTACK'");
        try (Connection staff = connect(db, STAFF)) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            victimInvoice = number("SELECT id FROM tutti.invoice WHERE number = ?", committed(staff, accueil, ISSUE, f0002));
            committed(staff, accueil, "SELECT tutti.create_rental(?, ?, NULL, CURRENT_DATE - 30, CURRENT_DATE + 300, 20, 0)",
                    belleriveItem, f0002);
        }
        victimRental = number("SELECT id FROM tutti.rental WHERE rental_item_id = ?", belleriveItem);
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    /** Everything billing writes: to compare before and after. */
    private static List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COUNT(*) FROM tutti.invoice"), number("SELECT COUNT(*) FROM tutti.invoice_line"),
                number("SELECT COUNT(*) FROM tutti.payment"), number("SELECT COUNT(*) FROM tutti.payment_allocation"),
                number("SELECT COUNT(*) FROM tutti.rental"), number("SELECT SUM(last_number) FROM tutti.document_counter"),
                number("SELECT SUM(version) FROM tutti.invoice"), number("SELECT SUM(version) FROM tutti.rental"),
                number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind IN ('INVOICE_ISSUED', 'PAYMENT_RECORDED',"
                        + " 'CREDIT_NOTE_ISSUED', 'RENTAL_CREATED', 'RENTAL_ENDED')"));
    }

    private static Set<Long> ids(Connection connection, String token, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try {
            bindSession(connection, token);
            Set<Long> ids = new TreeSet<>();
            for (List<String> row : query(connection, sql)) {
                ids.add(Long.parseLong(row.get(0)));
            }
            return ids;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static Set<Long> superuserIds(String sql, Object... parameters) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        for (List<String> row : SqlRows.query(db.dataSource(), sql, parameters)) {
            ids.add(Long.parseLong(row.get(0)));
        }
        return ids;
    }

    @Test
    void aFamilyCannotCallTheBillingFunctions() throws SQLException {
        List<Long> before = footprint();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("issue_invoice", attempt(family, token, ISSUE, f0001));
            outcomes.put("record_payment", attempt(family, token, PAY, f0001,
                    "[{\"invoice\": " + victimInvoice + ", \"amount\": \"10\"}]"));
            outcomes.put("issue_credit_note", attempt(family, token, CREDIT, victimInvoice));
            outcomes.put("create_rental", attempt(family, token, RENT, belleriveItem, f0001));
            outcomes.put("end_rental", attempt(family, token, END, victimRental));
            outcomes.put("next_document_number", attempt(family, token,
                    "SELECT tutti.next_document_number(1, 'INVOICE', CURRENT_DATE)"));
            outcomes.put("refresh_invoice_status", attempt(family, token, "SELECT tutti.refresh_invoice_status(?)",
                    victimInvoice));
            assertThat(outcomes).containsOnly(outcomes.keySet().stream().map(k -> Map.entry(k, "42501"))
                    .toArray(Map.Entry[]::new));
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aFamilyReadsItsOwnBillingRowsOnlyAndNeverTheCounters() throws SQLException {
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            String own = "SELECT id FROM tutti.invoice WHERE family_id = " + f0001;
            Map<String, String> expected = Map.of(
                    "invoice", own,
                    "invoice_line", "SELECT id FROM tutti.invoice_line WHERE invoice_id IN (" + own + ")",
                    "payment", "SELECT id FROM tutti.payment WHERE family_id = " + f0001,
                    "payment_allocation", "SELECT a.id FROM tutti.payment_allocation a JOIN tutti.payment p"
                            + " ON p.id = a.payment_id WHERE p.family_id = " + f0001,
                    "rental", "SELECT id FROM tutti.rental WHERE family_id = " + f0001);
            for (String table : BILLING_TABLES) {
                Set<Long> mine = superuserIds(expected.get(table));
                assertThat(ids(family, token, "SELECT id FROM tutti." + table)).as(table).isEqualTo(mine);
            }
            assertThat(superuserIds("SELECT id FROM tutti.invoice WHERE family_id = ?", f0001)).isNotEmpty();
            assertThat(ids(family, token, "SELECT id FROM tutti.invoice WHERE id = " + victimInvoice)).isEmpty();
            assertThat(ids(family, token, "SELECT id FROM tutti.rental WHERE id = " + victimRental)).isEmpty();
            assertThat(attempt(family, token, "SELECT * FROM tutti.document_counter")).isEqualTo("42501");
            assertThat(attempt(family, null, "SELECT * FROM tutti.document_counter")).isEqualTo("42501");
            // its own site as printed on its invoices, and nothing without a session
            family.setAutoCommit(false);
            bindSession(family, token);
            assertThat(query(family, "SELECT code, address1, online_payment, payment_instructions IS NOT NULL"
                    + " FROM tutti.site_letterhead")).containsExactly(List.of("BELLERIVE", "4 place de l'Orangerie", "true",
                    "true"));
            family.rollback();
            family.setAutoCommit(true);
            assertThat(attempt(family, null, "SELECT * FROM tutti.site_letterhead")).isEqualTo(ACCEPTED + ": 0 row(s)");
            assertThat(attempt(family, token, "SELECT address1 FROM tutti.site")).isEqualTo("42501");
        }
        try (Connection staff = connect(db, STAFF)) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            staff.setAutoCommit(false);
            bindSession(staff, secretariat);
            assertThat(query(staff, "SELECT code, online_payment_url FROM tutti.site_letterhead"))
                    .containsExactly(List.of("MONTFLEURY", "null"));
            staff.rollback();
            staff.setAutoCommit(true);
        }
    }

    @Test
    void aFamilyCannotWriteAnyBillingRowNorTheCounters() throws SQLException {
        long site = number("SELECT id FROM tutti.site WHERE code = 'BELLERIVE'");
        long ownInvoice = number("SELECT MIN(id) FROM tutti.invoice WHERE family_id = ?", f0001);
        List<Long> before = footprint();
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("insert invoice", "INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind,"
                + " issue_date, due_date, total_amount, status) SELECT " + site + ", " + f0001 + ", id, 'X-1', 'COTISATION',"
                + " CURRENT_DATE, CURRENT_DATE, 0, 'PAID' FROM tutti.school_year WHERE is_current");
        writes.put("pay its own invoice", "UPDATE tutti.invoice SET status = 'PAID' WHERE id = " + ownInvoice);
        writes.put("credit itself", "UPDATE tutti.invoice SET credit_note_for = " + ownInvoice + " WHERE id = " + ownInvoice);
        writes.put("remove its invoice", "DELETE FROM tutti.invoice WHERE id = " + ownInvoice);
        writes.put("change a line", "UPDATE tutti.invoice_line SET amount = 0 WHERE invoice_id = " + ownInvoice);
        writes.put("add a line", "INSERT INTO tutti.invoice_line (invoice_id, line_no, label, quantity, unit_price, amount)"
                + " VALUES (" + ownInvoice + ", 99, 'Remise', 1, 0, 0)");
        writes.put("insert payment", "INSERT INTO tutti.payment (site_id, family_id, receipt_number, payment_date, amount,"
                + " method) VALUES (" + site + ", " + f0001 + ", 'R-HACK', CURRENT_DATE, 1000, 'CASH')");
        writes.put("allocate", "INSERT INTO tutti.payment_allocation (payment_id, invoice_id, amount) SELECT MIN(id), "
                + ownInvoice + ", 1 FROM tutti.payment");
        writes.put("change an allocation", "UPDATE tutti.payment_allocation SET amount = amount + 1");
        writes.put("remove a payment", "DELETE FROM tutti.payment");
        writes.put("rent", "INSERT INTO tutti.rental (rental_item_id, family_id, start_date, end_date, monthly_fee)"
                + " VALUES (" + belleriveItem + ", " + f0001 + ", DATE '2027-01-01', DATE '2027-02-01', 0)");
        writes.put("end a rental", "UPDATE tutti.rental SET end_date = start_date + 1");
        writes.put("add an item", "INSERT INTO tutti.rental_item (site_id, kind, label, inventory_code, monthly_fee)"
                + " VALUES (" + site + ", 'INSTRUMENT', 'x', 'x', 0)");
        writes.put("set a counter", "UPDATE tutti.document_counter SET last_number = 0");
        writes.put("insert a counter", "INSERT INTO tutti.document_counter (site_id, series, year, last_number) VALUES ("
                + site + ", 'INVOICE', 2099, 0)");
        writes.put("remove the counters", "DELETE FROM tutti.document_counter");
        writes.put("change the payment page", "UPDATE tutti.site SET online_payment_url = 'https://pirate.example'");
        writes.put("read the letterhead's source", "SELECT payment_instructions FROM tutti.site");
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0001", "bellerive");
            for (Map.Entry<String, String> write : writes.entrySet()) {
                outcomes.put(write.getKey(), attempt(family, token, write.getValue()));
                refused.put(write.getKey(), "42501");
            }
        }
        assertThat(outcomes).isEqualTo(refused);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aFrontDeskOfAnotherSiteCannotBillCreditPayNorRentForBellerive() throws SQLException {
        List<Long> before = footprint();
        try (Connection staff = connect(db, STAFF)) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("bill a BELLERIVE family", attempt(staff, secretariat, ISSUE, f0002));
            outcomes.put("record its payment", attempt(staff, secretariat, PAY, f0002,
                    "[{\"invoice\": " + victimInvoice + ", \"amount\": \"10\"}]"));
            outcomes.put("credit its invoice", attempt(staff, secretariat, CREDIT, victimInvoice));
            outcomes.put("rent a BELLERIVE item", attempt(staff, secretariat, RENT, belleriveItem, m0001));
            outcomes.put("rent to a BELLERIVE family", attempt(staff, secretariat, RENT, montfleuryItem, f0002));
            outcomes.put("end a BELLERIVE rental", attempt(staff, secretariat, END, victimRental));
            outcomes.put("see its invoice", attempt(staff, secretariat, "SELECT * FROM tutti.invoice WHERE id = ?",
                    victimInvoice));
            outcomes.put("see its rental", attempt(staff, secretariat, "SELECT * FROM tutti.rental WHERE id = ?",
                    victimRental));
            assertThat(outcomes).containsExactly(
                    Map.entry("bill a BELLERIVE family", "TU403"),
                    Map.entry("record its payment", "TU403"),
                    Map.entry("credit its invoice", "TU403"),
                    Map.entry("rent a BELLERIVE item", "TU403"),
                    Map.entry("rent to a BELLERIVE family", "TU403"),
                    Map.entry("end a BELLERIVE rental", "TU403"),
                    Map.entry("see its invoice", ACCEPTED + ": 0 row(s)"),
                    Map.entry("see its rental", ACCEPTED + ": 0 row(s)"));
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void itsOwnFrontDeskWritesBillingRowsThroughTheFunctionsOnly() throws SQLException {
        long site = number("SELECT id FROM tutti.site WHERE code = 'BELLERIVE'");
        List<Long> before = footprint();
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (Connection staff = connect(db, STAFF)) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            outcomes.put("insert a payment", attempt(staff, accueil, "INSERT INTO tutti.payment (site_id, family_id,"
                    + " receipt_number, payment_date, amount, method) VALUES (?, ?, 'BEL-R-HAND', CURRENT_DATE, 10, 'CASH')",
                    site, f0002));
            outcomes.put("insert an invoice", attempt(staff, accueil, "INSERT INTO tutti.invoice (site_id, family_id,"
                    + " school_year_id, number, kind, issue_date, due_date, total_amount, status) SELECT ?, ?, id,"
                    + " 'BEL-HAND', 'COTISATION', CURRENT_DATE, CURRENT_DATE, 10, 'ISSUED' FROM tutti.school_year"
                    + " WHERE is_current", site, f0002));
            outcomes.put("insert a line", attempt(staff, accueil, "INSERT INTO tutti.invoice_line (invoice_id, line_no,"
                    + " label, quantity, unit_price, amount) VALUES (?, 9, 'Ajout', 1, 1, 1)", victimInvoice));
            outcomes.put("allocate", attempt(staff, accueil, "INSERT INTO tutti.payment_allocation (payment_id,"
                    + " invoice_id, amount) SELECT MIN(id), ?, 1 FROM tutti.payment", victimInvoice));
            outcomes.put("mark paid", attempt(staff, accueil, "UPDATE tutti.invoice SET status = 'PAID' WHERE id = ?",
                    victimInvoice));
            outcomes.put("edit an amount", attempt(staff, accueil, "UPDATE tutti.invoice_line SET amount = 0"
                    + " WHERE invoice_id = ?", victimInvoice));
            outcomes.put("delete an invoice", attempt(staff, accueil, "DELETE FROM tutti.invoice WHERE id = ?",
                    victimInvoice));
            outcomes.put("end a rental by hand", attempt(staff, accueil, "UPDATE tutti.rental SET end_date = start_date + 1"
                    + " WHERE id = ?", victimRental));
            outcomes.put("rent by hand", attempt(staff, accueil, "INSERT INTO tutti.rental (rental_item_id, family_id,"
                    + " start_date, end_date, monthly_fee) VALUES (?, ?, DATE '2030-01-01', DATE '2030-02-01', 0)",
                    belleriveItem, f0002));
            outcomes.put("read the counters", attempt(staff, accueil, "SELECT * FROM tutti.document_counter"));
            outcomes.put("reset the counters", attempt(staff, accueil, "UPDATE tutti.document_counter SET last_number = 0"));
            outcomes.put("read its invoices", attempt(staff, accueil, "SELECT 1 FROM tutti.invoice WHERE id = ?",
                    victimInvoice));
            outcomes.put("add to its catalogue", attempt(staff, accueil, "INSERT INTO tutti.rental_item (site_id, kind,"
                    + " label, inventory_code, monthly_fee) VALUES (?, 'ROOM', 'Studio B', 'BEL-STUDIO-B', 30)", site));
        }
        assertThat(outcomes).containsExactly(
                Map.entry("insert a payment", "42501"),
                Map.entry("insert an invoice", "42501"),
                Map.entry("insert a line", "42501"),
                Map.entry("allocate", "42501"),
                Map.entry("mark paid", "42501"),
                Map.entry("edit an amount", "42501"),
                Map.entry("delete an invoice", "42501"),
                Map.entry("end a rental by hand", "42501"),
                Map.entry("rent by hand", "42501"),
                Map.entry("read the counters", "42501"),
                Map.entry("reset the counters", "42501"),
                Map.entry("read its invoices", ACCEPTED + ": 1 row(s)"),
                Map.entry("add to its catalogue", ACCEPTED + ": 1 row(s)"));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void temporaryObjectsAndASearchPathOfItsOwnChangeNothingInTheNumbersNorTheRows() throws Exception {
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_staff");
        }
        long invoices = number("SELECT last_number FROM tutti.document_counter WHERE series = 'INVOICE'"
                + " AND site_id = (SELECT id FROM tutti.site WHERE code = 'BELLERIVE') AND year = ?",
                LocalDate.now().getYear());
        Map<String, String> scene = new LinkedHashMap<>();
        String number;
        String receipt;
        try (Connection staff = connect(db, STAFF); Statement statement = staff.createStatement()) {
            String accueil = login(staff, "BELLERIVE", "ACCUEIL", "bellerive");
            for (String sql : List.of(
                    "CREATE TEMP TABLE document_counter (site_id bigint, series text, year int, last_number int)",
                    "INSERT INTO pg_temp.document_counter SELECT id, 'INVOICE', extract(year FROM current_date), 999998"
                            + " FROM tutti.site",
                    "CREATE TEMP TABLE invoice (LIKE tutti.invoice)",
                    "CREATE TEMP TABLE payment_allocation (LIKE tutti.payment_allocation)",
                    "CREATE FUNCTION pg_temp.lpad(text, integer, text) RETURNS text LANGUAGE sql AS $$ SELECT 'PIRATE' $$",
                    "CREATE FUNCTION pg_temp.round(numeric, integer) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::numeric $$",
                    "CREATE FUNCTION pg_temp.invoice_settled(bigint) RETURNS numeric LANGUAGE sql AS $$ SELECT -1000::numeric $$",
                    "CREATE FUNCTION pg_temp.next_document_number(bigint, text, date) RETURNS text LANGUAGE sql"
                            + " AS $$ SELECT 'BEL-0000-000001' $$",
                    "SET search_path = pg_temp, tutti, public")) {
                scene.put(sql.substring(0, Math.min(60, sql.length())), sqlState(() -> statement.execute(sql)));
            }
            number = committed(staff, accueil, ISSUE, f0002);
            // 100 is due; paying 150 would need invoice_settled to lie
            receipt = committed(staff, accueil, PAY.replace("10, NULL", "100, NULL"), f0002,
                    "[{\"invoice\": " + number("SELECT id FROM tutti.invoice WHERE number = ?", number)
                            + ", \"amount\": \"100\"}]");
            assertThat(sqlState(() -> committed(staff, accueil, PAY.replace("10, NULL", "150, NULL"), f0002,
                    "[{\"invoice\": " + victimInvoice + ", \"amount\": \"150\"}]"))).isEqualTo("TU422");
            assertThat(value(staff, "SELECT COUNT(*) FROM pg_temp.invoice")).isEqualTo("0");
        }
        assertThat(scene.values()).as("the scene: %s", scene).containsOnly(ACCEPTED);
        assertThat(number).isEqualTo(String.format("BEL-%d-%06d", LocalDate.now().getYear(), invoices + 1));
        assertThat(receipt).startsWith("BEL-R-" + LocalDate.now().getYear() + "-");
        assertThat(SqlRows.query(db.dataSource(), "SELECT total_amount, status FROM tutti.invoice WHERE number = ?", number))
                .containsExactly(List.of("100.00", "PAID"));
    }

    @Test
    void anIssueLeftOpenMakesAnotherIssuerBusyNotWaiting() throws Exception {
        List<Long> before = footprint();
        try (Connection first = connect(db, STAFF); Connection second = connect(db, STAFF)) {
            String accueil = login(first, "BELLERIVE", "ACCUEIL", "bellerive");
            String compta = login(second, "BELLERIVE", "COMPTA", "bellerive");
            first.setAutoCommit(false);
            bindSession(first, accueil);
            value(first, ISSUE, f0001); // left open: the counter row stays locked
            Instant start = Instant.now();
            String state = withinPatience("a second issue while the first is open",
                    () -> attempt(second, compta, ISSUE, f0002), first);
            assertThat(state).isEqualTo("TU409");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            first.rollback();
        }
        assertThat(footprint()).as("the issue rolled back gave its number back").isEqualTo(before);
    }

    @Test
    void theFunctionsAreDefinersThatPinTheirSearchPathWaitTwoSecondsAtMostAndBelongToTheFrontDesk()
            throws SQLException {
        List<String> functions = List.of("create_rental", "end_rental", "issue_credit_note", "issue_invoice",
                "record_payment");
        List<List<String>> expected = functions.stream().map(f -> List.of(f, "tutti_owner", "true",
                "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s", "false", "true", "false")).toList();
        assertThat(SqlRows.query(db.dataSource(), "SELECT p.proname::text, pg_get_userbyid(p.proowner)::text,"
                + " p.prosecdef, array_to_string(p.proconfig, ','),"
                + " has_function_privilege('tutti_family', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_staff', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_relay', p.oid, 'EXECUTE')"
                + " FROM pg_proc p WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname IN ('create_rental',"
                + " 'end_rental', 'issue_credit_note', 'issue_invoice', 'record_payment') ORDER BY 1"))
                .isEqualTo(expected);
        assertThat(number("SELECT COUNT(*) FROM pg_proc p WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname IN"
                + " ('billing_staff', 'billing_amount', 'next_document_number', 'invoice_settled', 'refresh_invoice_status',"
                + " 'billing_school_year', 'french_month') AND (p.prosecdef"
                + " OR has_function_privilege('tutti_family', p.oid, 'EXECUTE')"
                + " OR has_function_privilege('tutti_staff', p.oid, 'EXECUTE'))")).isZero();
        assertThat(number("SELECT COUNT(*) FROM information_schema.role_table_grants WHERE table_schema = 'tutti'"
                + " AND table_name = 'document_counter' AND grantee IN ('tutti_family', 'tutti_staff', 'tutti_relay')"))
                .isZero();
    }
}
