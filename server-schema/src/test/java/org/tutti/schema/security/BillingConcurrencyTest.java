package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.committed;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Two front desks at the same moment on PostgreSQL, each on its own connection with its own session (SQL-API.md,
 * "Billing"): the numbers they get are distinct and consecutive, whatever the interleaving, and an invoice is
 * never settled beyond its total. On a hardened demo of its own (8 families).
 */
@Tag("postgres")
class BillingConcurrencyTest {

    private static final String ISSUE = "SELECT tutti.issue_invoice(?, 'COTISATION', CURRENT_DATE + 30,"
            + " '[{\"label\": \"Stage d''été\", \"student\": null, \"quantity\": \"1\", \"unit_price\": \"100\"}]')";
    private static final int INVOICES_EACH = 100;

    private static TestDatabase db;
    private static long site;
    private static long family;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        site = number("SELECT id FROM tutti.site WHERE code = 'BELLERIVE'");
        family = number("SELECT id FROM tutti.family WHERE identifier = 'F0003'");
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    /** BELLERIVE's last invoice number this year (the demo's, then what the tests issued). */
    private static long lastInvoiceNumber() throws SQLException {
        return number("SELECT last_number FROM tutti.document_counter WHERE site_id = ? AND series = 'INVOICE'"
                + " AND year = extract(year FROM current_date)", site);
    }

    /** One committed transaction bound to {@code token}: the value of {@code sql}, or "SQLSTATE message" it raised. */
    private static String outcome(Connection connection, String token, String sql, Object... parameters) {
        try {
            return committed(connection, token, sql, parameters);
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage().replaceFirst("^ERROR: ", "").lines().findFirst().orElse("");
        }
    }

    /** Runs the two tasks on two threads released at the same moment; their results in order. */
    private static <T> List<T> together(Callable<T> first, Callable<T> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} invoices issued one transaction each on the desk's connection: their numbers. */
    private static Callable<List<String>> issuer(Desk desk, int count) {
        return () -> {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                numbers.add(outcome(desk.connection(), desk.token(), ISSUE, family));
            }
            return numbers;
        };
    }

    /** A front desk's own connection, logged in before the race starts. */
    private record Desk(Connection connection, String token) implements AutoCloseable {
        static Desk open(String identifier) throws SQLException {
            Connection connection = connect(db, STAFF);
            return new Desk(connection, login(connection, "BELLERIVE", identifier, "bellerive"));
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static long sequenceOf(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    @Test
    void twoIssuersAtTheSameMomentGetTwoHundredDistinctConsecutiveNumbers() throws Exception {
        long before = lastInvoiceNumber();
        List<List<String>> issued;
        try (Desk accueil = Desk.open("ACCUEIL"); Desk compta = Desk.open("COMPTA")) {
            issued = together(issuer(accueil, INVOICES_EACH), issuer(compta, INVOICES_EACH));
        }

        List<String> all = new ArrayList<>(issued.get(0));
        all.addAll(issued.get(1));
        assertThat(all).as("every issue succeeded").allMatch(n -> n.startsWith("BEL-"));
        assertThat(all).hasSize(2 * INVOICES_EACH).doesNotHaveDuplicates();
        assertThat(all.stream().map(BillingConcurrencyTest::sequenceOf).sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(before + 1, before + 2 * INVOICES_EACH).boxed().toList());
        assertThat(issued.get(0)).as("each desk's numbers grow").isSortedAccordingTo(
                (a, b) -> Long.compare(sequenceOf(a), sequenceOf(b)));
        assertThat(lastInvoiceNumber()).isEqualTo(before + 2 * INVOICES_EACH);
        assertThat(number("SELECT COUNT(*) FROM tutti.invoice WHERE site_id = ? AND number LIKE 'BEL-' ||"
                + " extract(year FROM current_date) || '-%' AND CAST(right(number, 6) AS integer) > ?", site, before))
                .isEqualTo(2L * INVOICES_EACH);
    }

    /**
     * The race made certain: the second desk reaches the counter while the first holds it, waits, and reads it
     * again once the first commits (a counter read without the lock would give the same number twice).
     */
    @Test
    void anIssuerThatWaitedForTheCounterGetsTheNumberAfterTheOneCommittedMeanwhile() throws Exception {
        try (Desk accueil = Desk.open("ACCUEIL"); Desk compta = Desk.open("COMPTA")) {
            Connection first = accueil.connection();
            first.setAutoCommit(false);
            bindSession(first, accueil.token());
            String held = value(first, ISSUE, family); // the counter row stays locked until the commit
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<String> waiting = pool.submit(() -> outcome(compta.connection(), compta.token(), ISSUE, family));
                // well within the 2 s lock timeout: the second desk is seen waiting for a lock, then released
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
                while (number("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'") == 0) {
                    assertThat(System.nanoTime()).as("the second desk waits for the counter").isLessThan(deadline);
                }
                first.commit();
                first.setAutoCommit(true);
                assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(String.format("BEL-%s-%06d",
                        held.split("-")[1], sequenceOf(held) + 1));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anIssueRolledBackGivesItsNumberBackSoNoGapIsLeft() throws SQLException {
        try (Connection connection = connect(db, STAFF)) {
            String token = login(connection, "BELLERIVE", "ACCUEIL", "bellerive");
            long before = lastInvoiceNumber();
            connection.setAutoCommit(false);
            bindSession(connection, token);
            String abandoned = value(connection, ISSUE, family);
            connection.rollback(); // the desk cancels: invoice, lines and counter row roll back together
            connection.setAutoCommit(true);
            assertThat(lastInvoiceNumber()).isEqualTo(before);
            assertThat(number("SELECT COUNT(*) FROM tutti.invoice WHERE number = ?", abandoned)).isZero();

            String next = outcome(connection, token, ISSUE, family);
            assertThat(sequenceOf(abandoned)).isEqualTo(before + 1);
            assertThat(next).isEqualTo(abandoned);
            assertThat(lastInvoiceNumber()).isEqualTo(before + 1);
        }
    }

    @Test
    void twoPaymentsOfTheSameInvoiceAtTheSameMomentNeverSettleMoreThanItsTotal() throws Exception {
        try (Desk accueil = Desk.open("ACCUEIL"); Desk compta = Desk.open("COMPTA")) {
            for (int round = 0; round < 10; round++) {
                String number = outcome(accueil.connection(), accueil.token(), ISSUE, family);
                long invoice = number("SELECT id FROM tutti.invoice WHERE number = ?", number);
                String pay = "SELECT tutti.record_payment(?, CURRENT_DATE, 'CHEQUE', 60, NULL, '[{\"invoice\": " + invoice
                        + ", \"amount\": \"60\"}]')";
                List<String> outcomes = together(() -> outcome(accueil.connection(), accueil.token(), pay, family),
                        () -> outcome(compta.connection(), compta.token(), pay, family));

                assertThat(outcomes).as("round %d", round).filteredOn(o -> o.startsWith("BEL-R-")).hasSize(1);
                assertThat(outcomes).as("round %d", round).contains("TU422 over_allocation:" + number);
                assertThat(SqlRows.query(db.dataSource(), "SELECT i.status, SUM(a.amount) FROM tutti.invoice i"
                        + " JOIN tutti.payment_allocation a ON a.invoice_id = i.id WHERE i.id = ? GROUP BY i.status", invoice))
                        .containsExactly(List.of("PARTIAL", "60.00"));
            }
        }
    }
}
