package org.tutti.schema.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes a believable, deterministic French music school into an empty, migrated database.
 * Same seed and family count, same rows: every value comes from one seeded {@link java.util.Random}
 * and a fixed calendar whose "today" is 28 November 2026, never from the clock.
 *
 * <p>Two sites: {@code BELLERIVE} (Conservatoire de Bellerive, online payment, re-enrolment
 * campaign for 2027-2028 open) with about 60 % of the families, identified {@code F0001},
 * {@code F0002}…, and {@code MONTFLEURY} (École de musique de Montfleury, campaign closed) with
 * families {@code M0001}…. School years 2023-2024 to 2026-2027 (current) have courses, enrolments,
 * evaluations, events and invoices; 2027-2028 is the campaign's target.
 *
 * <p><b>Passwords.</b> Every account of a site logs in with the same password: {@code bellerive}
 * at BELLERIVE, {@code montfleury} at MONTFLEURY (bcrypt is slow on purpose, so one hash is
 * computed per site and shared). Accounts the demo is presented with, e-mail
 * {@code identifier@example.org} in lower case:
 * <ul>
 *   <li>{@code F0001} / {@code bellerive}: family with two students, one following three courses or more;
 *       nothing submitted yet, so its re-enrolment is still to be done;</li>
 *   <li>{@code F0002} / {@code bellerive}: family whose first student's re-enrolment awaits validation,
 *       with two uploaded documents;</li>
 *   <li>{@code ACCUEIL} / {@code bellerive}: the front desk of Bellerive (staff);</li>
 *   <li>{@code M0001} / {@code montfleury}: a Montfleury family.</li>
 * </ul>
 * Staff accounts {@code DIRECTION} and {@code COMPTA} at Bellerive, {@code SECRETARIAT} and
 * {@code DIRECTION} at Montfleury also exist.
 *
 * <p>Everything is written in one transaction with JDBC batches and ids assigned here; identities
 * are then restarted after the last id so the application's own inserts do not collide.
 */
public final class DemoDataGenerator {

    /** Families in the embedded demo (first start of the client). */
    public static final int DEMO_FAMILIES = 300;
    public static final long DEFAULT_SEED = 2026L;
    /**
     * The "today" of the generated school: evaluations, absences and payments are before it, the campaign
     * of Bellerive is open on it. Tests that need a fixed clock can use it.
     */
    public static final LocalDate DEMO_TODAY = LocalDate.of(2026, 11, 28);
    /** Fewest families that still hold every demo family (F0001, F0002, M0001). */
    public static final int MIN_FAMILIES = 3;

    private static final double SETUP_SHARE = 0.03;
    private static final double FAMILIES_SHARE = 0.94;

    private final long seed;
    private final int families;

    public DemoDataGenerator(long seed, int families) {
        if (families < MIN_FAMILIES) {
            throw new IllegalArgumentException("The demo needs at least " + MIN_FAMILIES + " families, not " + families);
        }
        this.seed = seed;
        this.families = families;
    }

    /**
     * Generates everything in one transaction.
     *
     * @throws AlreadySeededException when the database already holds data (nothing is written)
     * @throws java.sql.SQLException on a database error (everything is rolled back)
     */
    public DemoSummary generate(DataSource dataSource, DemoProgress progress) throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            DemoSummary summary;
            try {
                refuseIfSeeded(connection);
                summary = write(connection, progress);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, autoCommit, e);
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            progress.update(1.0);
            return summary;
        }
    }

    /** Families at BELLERIVE; the rest are at MONTFLEURY. */
    static int belleriveFamilies(int families) {
        return (int) Math.max(2, Math.min(families - 1, Math.round(families * 0.6)));
    }

    private static void refuseIfSeeded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM tutti.site")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new AlreadySeededException("The database already holds data (" + rs.getLong(1)
                        + " sites); demo data is written only into an empty database");
            }
        }
    }

    private DemoSummary write(Connection connection, DemoProgress progress) throws SQLException {
        progress.update(0.0);
        DemoRandom random = new DemoRandom(seed);
        FrenchNames names = new FrenchNames();
        try (BatchWriter writer = new BatchWriter(connection)) {
            DemoTables tables = new DemoTables(writer);
            SchoolSetup.School school = new SchoolSetup(tables, random, names).write();
            progress.update(SETUP_SHARE);

            ActivityGenerator activity = new ActivityGenerator(tables, random);
            FamilyGenerator familyGenerator = new FamilyGenerator(tables, random, names, school, activity);
            int atBellerive = belleriveFamilies(families);
            int reportEvery = Math.max(1, families / 200);
            for (int i = 0; i < families; i++) {
                boolean bellerive = i < atBellerive;
                familyGenerator.write(bellerive ? school.bellerive() : school.montfleury(),
                        bellerive ? i + 1 : i - atBellerive + 1);
                if ((i + 1) % reportEvery == 0) {
                    progress.update(SETUP_SHARE + FAMILIES_SHARE * (i + 1) / families);
                }
            }

            List<SchoolSetup.KnownAccount> demoFamilies = familyGenerator.demoAccounts(); // F0001, F0002, M0001
            activity.demoAccountsUsed(school.bellerive(), List.of(demoFamilies.get(0), demoFamilies.get(1),
                    school.staff().get("BELLERIVE/ACCUEIL")));
            activity.demoAccountsUsed(school.montfleury(), List.of(demoFamilies.get(2)));

            writer.flushAll();
            long counters = writeDocumentCounters(connection, List.of(school.bellerive(), school.montfleury()));
            long identifierCounters = writeIdentifierCounters(connection, Map.of(school.bellerive().id, atBellerive,
                    school.montfleury().id, families - atBellerive));
            // Transactional on PostgreSQL. H2 commits before DDL, so there the rows are committed at this
            // point: only a failure of these few statements could leave them without restarted identities.
            writer.restartIdentities();
            progress.update(SETUP_SHARE + FAMILIES_SHARE);
            Map<String, Long> rows = new LinkedHashMap<>(writer.rowsPerTable());
            rows.put("document_counter", counters);
            rows.put("identifier_counter", identifierCounters);
            // PostgreSQL's search rows (schema version 16) are written by triggers as the families are
            if (tableExists(connection, "family_search")) {
                rows.put("family_search", count(connection, "SELECT COUNT(*) FROM tutti.family_search"));
            }
            return new DemoSummary(rows);
        }
    }

    /**
     * The last identifier number given per site (F0001 … at BELLERIVE, M0001 … at MONTFLEURY): the
     * next family the front desk creates follows them (tutti.identifier_counter, schema version 19).
     */
    private static long writeIdentifierCounters(Connection connection, Map<Long, Integer> lastNumbers)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.identifier_counter (site_id, last_number) VALUES (?, ?)")) {
            for (Map.Entry<Long, Integer> site : new java.util.TreeMap<>(lastNumbers).entrySet()) {
                statement.setLong(1, site.getKey());
                statement.setLong(2, site.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return lastNumbers.size();
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (java.sql.ResultSet tables = connection.getMetaData().getTables(null, "tutti", table, null)) {
            return tables.next();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * The numbering rows of what the demo issued: the next invoice or receipt the application issues
     * follows the demo's last one of its site and year. Returns how many rows were written.
     */
    private static long writeDocumentCounters(Connection connection, List<DemoSite> sites) throws SQLException {
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.document_counter (site_id, series, \"year\", last_number) VALUES (?, ?, ?, ?)")) {
            for (DemoSite site : sites) {
                rows += addCounters(statement, site.id, "INVOICE", site.lastInvoiceNumbers());
                rows += addCounters(statement, site.id, "RECEIPT", site.lastReceiptNumbers());
            }
            statement.executeBatch();
        }
        return rows;
    }

    private static int addCounters(PreparedStatement statement, long siteId, String series,
                                   Map<Integer, Integer> lastNumbers) throws SQLException {
        for (Map.Entry<Integer, Integer> year : lastNumbers.entrySet()) {
            statement.setLong(1, siteId);
            statement.setString(2, series);
            statement.setInt(3, year.getKey());
            statement.setInt(4, year.getValue());
            statement.addBatch();
        }
        return lastNumbers.size();
    }

    /** Undoes everything; a failure to do so is attached to the original failure, which is what the caller sees. */
    private static void rollback(Connection connection, boolean autoCommit, Exception cause) {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
