package org.tutti.schema.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.testing.SqlRows.number;
import static org.tutti.schema.testing.SqlRows.query;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;

/** One generation per database vendor, then what the demo relies on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgres")
class DemoDataGeneratorTest {

    private static final int FAMILIES = 40;

    private final Map<DatabaseVendor, DataSource> databases = new EnumMap<>(DatabaseVendor.class);
    private final Map<DatabaseVendor, DemoSummary> summaries = new EnumMap<>(DatabaseVendor.class);
    private final Map<DatabaseVendor, List<Double>> progress = new EnumMap<>(DatabaseVendor.class);

    @BeforeAll
    void generateOnEveryVendor() throws SQLException {
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            DataSource dataSource = TestDatabases.fresh(vendor).dataSource();
            new SchemaMigrator(dataSource, vendor).migrate();
            List<Double> fractions = new ArrayList<>();
            summaries.put(vendor, new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, FAMILIES)
                    .generate(dataSource, fractions::add));
            databases.put(vendor, dataSource);
            progress.put(vendor, fractions);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void everyTableOfTheSchemaHasRowsAndTheSummaryCountsThem(DatabaseVendor vendor) throws SQLException {
        DataSource db = databases.get(vendor);
        Map<String, Long> counted = new LinkedHashMap<>();
        for (String table : SqlRows.tuttiTables(db)) {
            // common_password and setting: filled by the migrations; session_binding: a transaction's, empty at rest
            if (!table.equals("common_password") && !table.equals("setting") && !table.equals("session_binding")) {
                counted.put(table, number(db, "SELECT COUNT(*) FROM tutti." + table));
            }
        }
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.common_password")).isEqualTo(10_000);
        // PostgreSQL has one more: the family search rows (schema version 16)
        assertThat(counted).hasSize(vendor == DatabaseVendor.POSTGRESQL ? 34 : 33).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(summaries.get(vendor).rowsPerTable()).containsExactlyInAnyOrderEntriesOf(counted);
        assertThat(summaries.get(vendor).rowsPerTable().keySet()).first().isEqualTo("site");
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.family")).isEqualTo(FAMILIES);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void progressGoesFromZeroToOne(DatabaseVendor vendor) {
        List<Double> fractions = progress.get(vendor);
        assertThat(fractions).hasSizeGreaterThan(5).isSorted();
        assertThat(fractions.get(0)).isZero();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void demoAccountsLogInWithTheirSitePassword(DatabaseVendor vendor) throws SQLException {
        List<List<String>> accounts = query(databases.get(vendor), "SELECT s.code, a.identifier, a.email, a.role, "
                + "a.password_hash, f.email FROM tutti.account a JOIN tutti.site s ON s.id = a.site_id "
                + "LEFT JOIN tutti.family f ON f.id = a.family_id "
                + "WHERE a.identifier IN ('F0001', 'F0002', 'ACCUEIL', 'M0001') ORDER BY a.identifier");
        assertThat(accounts).extracting(r -> String.join(" ", r.subList(0, 4))).containsExactly(
                "BELLERIVE ACCUEIL accueil@example.org STAFF",
                "BELLERIVE F0001 f0001@example.org FAMILY",
                "BELLERIVE F0002 f0002@example.org FAMILY",
                "MONTFLEURY M0001 m0001@example.org FAMILY");
        for (List<String> account : accounts) {
            String password = account.get(0).toLowerCase(java.util.Locale.ROOT);
            assertThat(account.get(4)).startsWith("$2a$10$");
            assertThat(OpenBSDBCrypt.checkPassword(account.get(4), password.toCharArray())).as(account.get(1)).isTrue();
            assertThat(OpenBSDBCrypt.checkPassword(account.get(4), "wrong".toCharArray())).isFalse();
            if (account.get(3).equals("FAMILY")) {
                assertThat(account.get(5)).as("family e-mail").isEqualTo(account.get(2));
            }
        }
        assertThat(number(databases.get(vendor), "SELECT COUNT(*) FROM tutti.account a JOIN tutti.family f "
                + "ON f.id = a.family_id WHERE a.identifier <> f.identifier OR a.site_id <> f.site_id")).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void familyF0001HasTwoStudentsOneWithThreeCurrentCoursesAndNoReenrolmentYet(DatabaseVendor vendor)
            throws SQLException {
        DataSource db = databases.get(vendor);
        List<List<String>> courses = query(db, "SELECT st.id, COUNT(e.id) FROM tutti.student st "
                + "JOIN tutti.family f ON f.id = st.family_id JOIN tutti.site s ON s.id = f.site_id "
                + "LEFT JOIN tutti.enrolment e ON e.student_id = st.id AND e.status = 'ACTIVE' "
                + "LEFT JOIN tutti.course c ON c.id = e.course_id "
                + "LEFT JOIN tutti.school_year y ON y.id = c.school_year_id AND y.is_current "
                + "WHERE f.identifier = 'F0001' AND s.code = 'BELLERIVE' GROUP BY st.id");
        assertThat(courses).hasSizeGreaterThanOrEqualTo(2);
        assertThat(courses).extracting(r -> Integer.parseInt(r.get(1))).anySatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.reenrolment_request r JOIN tutti.student st "
                + "ON st.id = r.student_id JOIN tutti.family f ON f.id = st.family_id WHERE f.identifier = 'F0001'"))
                .isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.student st JOIN tutti.family f ON f.id = st.family_id "
                + "WHERE f.identifier = 'M0001'")).isPositive();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.change_request c JOIN tutti.family f ON f.id = c.family_id "
                + "WHERE f.identifier IN ('F0001', 'F0002', 'M0001')")).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void everyStudentFollowsCoursesThisYearAndEveryEnrolmentHasEvaluations(DatabaseVendor vendor) throws SQLException {
        DataSource db = databases.get(vendor);
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.student st WHERE NOT EXISTS (SELECT 1 FROM tutti.enrolment e "
                + "JOIN tutti.course c ON c.id = e.course_id JOIN tutti.school_year y ON y.id = c.school_year_id "
                + "WHERE e.student_id = st.id AND y.is_current AND e.status = 'ACTIVE')")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.enrolment e WHERE NOT EXISTS "
                + "(SELECT 1 FROM tutti.evaluation v WHERE v.enrolment_id = e.id)")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.enrolment WHERE status = 'COMPLETED' AND ended_on IS NOT NULL"))
                .isPositive();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.evaluation WHERE evaluation_date > DATE '2026-11-27'")).isZero();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.absence WHERE excused AND reason IS NOT NULL")).isPositive();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.absence WHERE NOT excused")).isPositive();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void campaignIsOpenAtBelleriveAndClosedAtMontfleury(DatabaseVendor vendor) throws SQLException {
        assertThat(query(databases.get(vendor), "SELECT s.code, c.status, y.label, y.is_current FROM "
                + "tutti.reenrolment_campaign c JOIN tutti.site s ON s.id = c.site_id "
                + "JOIN tutti.school_year y ON y.id = c.school_year_id ORDER BY s.code"))
                .containsExactly(List.of("BELLERIVE", "OPEN", "2027-2028", "false"),
                        List.of("MONTFLEURY", "CLOSED", "2027-2028", "false"));
        assertThat(query(databases.get(vendor), "SELECT label FROM tutti.school_year WHERE is_current"))
                .containsExactly(List.of("2026-2027"));
        assertThat(query(databases.get(vendor), "SELECT r.status, d.content_type, d.size_bytes FROM "
                + "tutti.uploaded_document d JOIN tutti.reenrolment_request r ON r.id = d.request_id "
                + "JOIN tutti.student st ON st.id = r.student_id JOIN tutti.family f ON f.id = st.family_id "
                + "WHERE f.identifier = 'F0002' ORDER BY d.content_type"))
                .extracting(r -> r.get(0) + " " + r.get(1)).containsExactly("PENDING application/pdf", "PENDING image/png");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void invoicesAddUpAndTheirStatusFollowsTheirPayments(DatabaseVendor vendor) throws SQLException {
        DataSource db = databases.get(vendor);
        assertThat(query(db, "SELECT i.number, i.total_amount, SUM(l.amount) FROM tutti.invoice i "
                + "LEFT JOIN tutti.invoice_line l ON l.invoice_id = i.id GROUP BY i.id, i.number, i.total_amount "
                + "HAVING SUM(l.amount) IS NULL OR SUM(l.amount) <> i.total_amount")).isEmpty();
        assertThat(query(db, "SELECT i.number, i.status, i.total_amount, COALESCE(SUM(a.amount), 0) FROM tutti.invoice i "
                + "LEFT JOIN tutti.payment_allocation a ON a.invoice_id = i.id GROUP BY i.id, i.number, i.status, i.total_amount "
                + "HAVING NOT ((i.status = 'PAID' AND COALESCE(SUM(a.amount), 0) = i.total_amount) "
                + "OR (i.status = 'PARTIAL' AND COALESCE(SUM(a.amount), 0) > 0 AND COALESCE(SUM(a.amount), 0) < i.total_amount) "
                + "OR (i.status = 'ISSUED' AND COALESCE(SUM(a.amount), 0) = 0))")).isEmpty();
        assertThat(query(db, "SELECT p.receipt_number FROM tutti.payment p JOIN tutti.payment_allocation a "
                + "ON a.payment_id = p.id GROUP BY p.id, p.receipt_number, p.amount HAVING SUM(a.amount) <> p.amount")).isEmpty();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.invoice WHERE status = 'ISSUED'")).as("unpaid").isPositive();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.invoice WHERE status = 'PAID'")).isPositive();
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.invoice WHERE kind = 'LOCATION'")).isPositive();
        assertThat(query(db, "SELECT number FROM tutti.invoice ORDER BY id")).extracting(r -> r.get(0))
                .allMatch(n -> n.matches("(BEL|MON)-20\\d\\d-\\d{6}"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void receiptsAreNumberedPerYearOfPaymentAndTheCountersHoldTheLastNumbers(DatabaseVendor vendor) throws SQLException {
        DataSource db = databases.get(vendor);
        List<List<String>> receipts = query(db, "SELECT s.document_prefix, p.payment_date, p.receipt_number "
                + "FROM tutti.payment p JOIN tutti.site s ON s.id = p.site_id ORDER BY p.id");
        assertThat(receipts).isNotEmpty().allSatisfy(r -> assertThat(r.get(2))
                .matches(r.get(0) + "-R-" + r.get(1).substring(0, 4) + "-\\d{6}"));
        assertThat(query(db, "SELECT i.number FROM tutti.invoice i JOIN tutti.site s ON s.id = i.site_id "
                + "WHERE i.number NOT LIKE s.document_prefix || '-' || EXTRACT(YEAR FROM i.issue_date) || '-%'")).isEmpty();
        // one number per document, 1 to the counter's last number, no gap, and no other counter
        String issued = "SELECT site_id, 'INVOICE' AS series, CAST(SUBSTRING(number, CHAR_LENGTH(number) - 10, 4) AS INTEGER)"
                + " AS yr, CAST(SUBSTRING(number, CHAR_LENGTH(number) - 5, 6) AS INTEGER) AS n FROM tutti.invoice"
                + " UNION ALL SELECT site_id, 'RECEIPT', CAST(SUBSTRING(receipt_number, CHAR_LENGTH(receipt_number) - 10, 4)"
                + " AS INTEGER), CAST(SUBSTRING(receipt_number, CHAR_LENGTH(receipt_number) - 5, 6) AS INTEGER)"
                + " FROM tutti.payment";
        assertThat(query(db, "SELECT site_id, series, yr, COUNT(*), COUNT(DISTINCT n), MIN(n), MAX(n) FROM (" + issued
                + ") d GROUP BY site_id, series, yr ORDER BY site_id, series, yr"))
                .isEqualTo(query(db, "SELECT site_id, series, \"year\", last_number, last_number, 1, last_number "
                        + "FROM tutti.document_counter ORDER BY site_id, series, \"year\""));
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.document_counter WHERE series = 'RECEIPT'")).isGreaterThan(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void bellerivePaysOnlineThroughPayfipAndBothSitesSayHowToPay(DatabaseVendor vendor) throws SQLException {
        List<List<String>> sites = query(databases.get(vendor), "SELECT code, document_prefix, online_payment, "
                + "online_payment_url, payment_instructions FROM tutti.site ORDER BY code");
        assertThat(sites).extracting(r -> r.subList(0, 4)).containsExactly(
                List.of("BELLERIVE", "BEL", "true", "https://www.payfip.gouv.fr/tpa/paiement.web?numcli=012345&exer={year}"
                        + "&refdet={reference}&objet={label}&montant={amountCents}&mel={email}&saisie=T"),
                List.of("MONTFLEURY", "MON", "false", "null"));
        assertThat(sites).extracting(r -> r.get(4)).allSatisfy(text -> assertThat(text).startsWith("Règlement")
                .contains("IBAN FR76").contains("’"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void secondGenerationIsRefusedAndChangesNothing(DatabaseVendor vendor) throws SQLException {
        DataSource db = databases.get(vendor);
        long families = number(db, "SELECT COUNT(*) FROM tutti.family");
        long evaluations = number(db, "SELECT COUNT(*) FROM tutti.evaluation");

        assertThatThrownBy(() -> new DemoDataGenerator(7, 10).generate(db, DemoProgress.NONE))
                .isInstanceOf(AlreadySeededException.class);

        assertThat(number(db, "SELECT COUNT(*) FROM tutti.family")).isEqualTo(families);
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.evaluation")).isEqualTo(evaluations);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void identitiesContinueAfterTheGeneratedIds(DatabaseVendor vendor) throws SQLException {
        DataSource db = databases.get(vendor);
        long maxId = number(db, "SELECT MAX(id) FROM tutti.audit_event");
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tutti.audit_event (occurred_at, kind) VALUES (CURRENT_TIMESTAMP, 'TEST')");
        }
        assertThat(number(db, "SELECT id FROM tutti.audit_event WHERE kind = 'TEST'")).isEqualTo(maxId + 1);
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM tutti.audit_event WHERE kind = 'TEST'");
        }
    }
}
