package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.ACCEPTED;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.bindSession;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.login;
import static org.tutti.schema.security.AttackSupport.query;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.AttackSupport.value;
import static org.tutti.schema.security.AttackSupport.withinPatience;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Re-enrolment on PostgreSQL against a family that runs any SQL as tutti_family, and a front desk of another
 * site (SQL-API.md, "Re-enrolment"): on a hardened demo of its own (8 families: F0001–F0005 at BELLERIVE, whose
 * campaign is open, F0002's first student with a pending request and two documents; M0001–M0003 at MONTFLEURY,
 * whose campaign is closed). F0001 attacks, F0002's request is the victim; F0003, F0004 and F0005 send
 * requests of their own.
 */
@Tag("postgres")
class AttackReenrolmentTest {

    private static final String SUBMIT = "SELECT tutti.submit_reenrolment(?, ?, ?, ?, ?)";
    private static final byte[] PNG = "\u0089PNG\r\n\u001a\n une image".getBytes(StandardCharsets.ISO_8859_1);

    private static TestDatabase db;
    private static long requiredType;
    private static long siteLimit;

    @BeforeAll
    static void scene() throws SQLException {
        db = AttackSupport.hardenedDemo(8);
        requiredType = number("SELECT d.id FROM tutti.document_type d JOIN tutti.reenrolment_campaign c"
                + " ON c.id = d.campaign_id JOIN tutti.site s ON s.id = c.site_id WHERE s.code = 'BELLERIVE' AND d.required");
        siteLimit = number("SELECT max_document_bytes FROM tutti.site WHERE code = 'BELLERIVE'");
    }

    private static long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private static long student(String family) throws SQLException {
        return number("SELECT MIN(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = ?", family);
    }

    private static String documents(byte[] content, String name) {
        return "[{\"type\": " + requiredType + ", \"name\": \"" + name + "\", \"content\": \""
                + Base64.getEncoder().encodeToString(content) + "\"}]";
    }

    /** What the database holds of re-enrolment, the mails and the audit: to compare before and after. */
    private static List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COUNT(*) FROM tutti.reenrolment_request"),
                number("SELECT COUNT(*) FROM tutti.reenrolment_choice"),
                number("SELECT COUNT(*) FROM tutti.uploaded_document"),
                number("SELECT COUNT(*) FROM tutti.mail_outbox WHERE kind LIKE 'REENROL%'"),
                number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind LIKE 'REENROL%'"));
    }

    /** submit_reenrolment in the connection's current transaction (no commit, no rollback). */
    private static long submit(Connection connection, long student, String documents) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SUBMIT)) {
            statement.setLong(1, student);
            statement.setBoolean(2, true);
            statement.setString(3, "[]");
            statement.setString(4, null);
            statement.setString(5, documents);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * submit_reenrolment in a transaction bound to {@code token}, always rolled back: "SQLSTATE message" of its
     * refusal, or "accepted".
     */
    private static String submitted(Connection connection, String token, long student, String documents)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            bindSession(connection, token);
            submit(connection, student, documents);
            return ACCEPTED;
        } catch (SQLException e) {
            String message = e.getMessage().replaceFirst("^ERROR: ", "");
            return e.getSQLState() + " " + message.lines().findFirst().orElse("");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aFamilyReadsOnlyItsOwnRequestsAndDocuments() throws SQLException {
        long victim = number("SELECT r.id FROM tutti.reenrolment_request r WHERE r.student_id = ?", student("F0002"));
        assertThat(number("SELECT COUNT(*) FROM tutti.uploaded_document WHERE request_id = ?", victim)).isEqualTo(2);
        try (Connection family = connect(db, FAMILY)) {
            String f0001 = login(family, "BELLERIVE", "F0001", "bellerive");
            String f0002 = login(family, "BELLERIVE", "F0002", "bellerive");
            Map<String, String> seen = new LinkedHashMap<>();
            for (String table : List.of("reenrolment_request", "reenrolment_choice", "uploaded_document")) {
                seen.put(table, attempt(family, f0001, "SELECT * FROM tutti." + table));
            }
            seen.put("content", attempt(family, f0001, "SELECT content FROM tutti.uploaded_document WHERE request_id = ?",
                    victim));
            seen.put("without a session", attempt(family, null, "SELECT * FROM tutti.uploaded_document"));
            assertThat(seen).containsOnly(
                    Map.entry("reenrolment_request", ACCEPTED + ": 0 row(s)"),
                    Map.entry("reenrolment_choice", ACCEPTED + ": 0 row(s)"),
                    Map.entry("uploaded_document", ACCEPTED + ": 0 row(s)"),
                    Map.entry("content", ACCEPTED + ": 0 row(s)"),
                    Map.entry("without a session", ACCEPTED + ": 0 row(s)"));
            // its owner reads them, content included
            assertThat(attempt(family, f0002, "SELECT content FROM tutti.uploaded_document WHERE request_id = ?", victim))
                    .isEqualTo(ACCEPTED + ": 2 row(s)");
        }
    }

    @Test
    void aFamilyCannotWriteRequestsChoicesOrDocumentsDirectly() throws SQLException {
        long victim = number("SELECT r.id FROM tutti.reenrolment_request r WHERE r.student_id = ?", student("F0002"));
        long campaign = number("SELECT campaign_id FROM tutti.reenrolment_request WHERE id = ?", victim);
        long account = number("SELECT id FROM tutti.account WHERE identifier = 'F0002'");
        long student = student("F0002");
        List<Long> before = footprint();
        try (Connection family = connect(db, FAMILY)) {
            String f0002 = login(family, "BELLERIVE", "F0002", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            Map<String, String> refused = new LinkedHashMap<>();
            Map<String, String> writes = Map.of(
                    "insert request", "INSERT INTO tutti.reenrolment_request (campaign_id, student_id, submitted_by,"
                            + " submitted_at) VALUES (" + campaign + ", " + student("F0001") + ", " + account + ", now())",
                    "validate its own", "UPDATE tutti.reenrolment_request SET status = 'VALIDATED', decided_at = now()"
                            + " WHERE id = " + victim,
                    "insert choice", "INSERT INTO tutti.reenrolment_choice (request_id, discipline_id, label) SELECT "
                            + victim + ", d.id, 'x' FROM tutti.discipline d LIMIT 1",
                    "insert document", "INSERT INTO tutti.uploaded_document (request_id, document_type_id, file_name,"
                            + " content_type, size_bytes, sha256, content, uploaded_at) VALUES (" + victim + ", "
                            + requiredType + ", 'x.pdf', 'application/pdf', 1, 'x', '\\x25'::bytea, now())",
                    "swap a document", "UPDATE tutti.uploaded_document SET content = '\\x25'::bytea WHERE request_id = "
                            + victim,
                    "remove a document", "DELETE FROM tutti.uploaded_document WHERE request_id = " + victim,
                    "decide", "SELECT tutti.decide_reenrolment(" + victim + ", true, NULL)");
            for (Map.Entry<String, String> write : writes.entrySet()) {
                outcomes.put(write.getKey(), attempt(family, f0002, write.getValue()));
                refused.put(write.getKey(), "42501");
            }
            assertThat(outcomes).isEqualTo(refused);
        }
        assertThat(footprint()).isEqualTo(before);
        assertThat(SqlRows.query(db.dataSource(), "SELECT status FROM tutti.reenrolment_request WHERE id = ?", victim))
                .containsExactly(List.of("PENDING"));
    }

    @Test
    void theFunctionRefusesAnotherFamilysStudentAClosedCampaignATooLargeFileAndTextCalledPng() throws SQLException {
        long victimStudent = student("F0003");
        long own = student("F0001");
        String document = documents(PNG, "domicile.png");
        List<Long> before = footprint();
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (Connection family = connect(db, FAMILY); Statement admin = db.dataSource().getConnection().createStatement()) {
            String f0001 = login(family, "BELLERIVE", "F0001", "bellerive");
            String m0001 = login(family, "MONTFLEURY", "M0001", "montfleury");
            outcomes.put("another family's student", submitted(family, f0001, victimStudent, document));
            outcomes.put("MONTFLEURY's closed campaign", submitted(family, m0001, student("M0001"), "[]"));
            byte[] threeMegabytes = new byte[3 * 1024 * 1024];
            System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, threeMegabytes, 0, 8);
            outcomes.put("3 MB", submitted(family, f0001, own, documents(threeMegabytes, "gros.pdf")));
            outcomes.put("text called .png", submitted(family, f0001, own,
                    documents("<html>pas une image</html>".getBytes(StandardCharsets.UTF_8), "photo.png")));
            admin.execute("UPDATE tutti.reenrolment_campaign SET closes_on = current_date - 1, opens_on = current_date - 60"
                    + " WHERE site_id = (SELECT id FROM tutti.site WHERE code = 'BELLERIVE')");
            try {
                outcomes.put("after its dates", submitted(family, f0001, own, document));
            } finally {
                admin.execute("UPDATE tutti.reenrolment_campaign SET opens_on = DATE '2026-11-15', closes_on = DATE '2027-06-30'"
                        + " WHERE site_id = (SELECT id FROM tutti.site WHERE code = 'BELLERIVE')");
                admin.getConnection().close();
            }
        }
        assertThat(outcomes).containsExactly(
                Map.entry("another family's student", "TU403 forbidden"),
                Map.entry("MONTFLEURY's closed campaign", "TU409 campaign_closed"),
                Map.entry("3 MB", "TU422 too_large:" + siteLimit),
                Map.entry("text called .png", "TU422 unsupported_type"),
                Map.entry("after its dates", "TU409 campaign_closed"));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aRollbackOrAnErrorAfterTheCallLeavesNothingNotEvenTheMail() throws Exception {
        long own = student("F0004");
        List<Long> before = footprint();
        try (Connection family = connect(db, FAMILY)) {
            String token = login(family, "BELLERIVE", "F0004", "bellerive");
            family.setAutoCommit(false);
            bindSession(family, token);
            assertThat(submit(family, own, documents(PNG, "domicile.png"))).isPositive();
            family.rollback();
            assertThat(footprint()).isEqualTo(before);

            bindSession(family, token);
            submit(family, own, documents(PNG, "domicile.png"));
            assertThat(sqlState(() -> query(family, "SELECT 1 / 0"))).isEqualTo("22012");
            sqlState(family::commit); // a failed transaction: COMMIT rolls it back (the driver may say so)
            family.rollback();
            family.setAutoCommit(true);
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void temporaryFunctionsAndTablesNamedLikeTheRealOnesChangeNothing() throws Exception {
        try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("GRANT TEMPORARY ON DATABASE " + TestDatabases.databaseName(db) + " TO tutti_family");
        }
        long own = student("F0005");
        byte[] pdf = "%PDF-1.4 le vrai contenu".getBytes(StandardCharsets.US_ASCII);
        long request;
        Map<String, String> scene = new LinkedHashMap<>();
        try (Connection family = connect(db, FAMILY); Statement statement = family.createStatement()) {
            String token = login(family, "BELLERIVE", "F0005", "bellerive");
            for (String sql : List.of(
                    "CREATE FUNCTION pg_temp.sha256(bytea) RETURNS bytea LANGUAGE sql AS $$ SELECT '\\x00'::bytea $$",
                    "CREATE FUNCTION pg_temp.decode(text, text) RETURNS bytea LANGUAGE sql"
                            + " AS $$ SELECT '\\x89504e470d0a1a0a'::bytea $$",
                    "CREATE FUNCTION pg_temp.length(bytea) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$",
                    "CREATE FUNCTION pg_temp.strip_format_characters(text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$",
                    "CREATE TEMP TABLE reenrolment_request (id bigint, campaign_id bigint, student_id bigint,"
                            + " administrative boolean, comment text, status text, submitted_by bigint,"
                            + " submitted_at timestamptz)",
                    "CREATE TEMP TABLE uploaded_document (LIKE pg_catalog.pg_class)")) {
                scene.put(sql.substring(0, 40), sqlState(() -> statement.execute(sql)));
            }
            family.setAutoCommit(false);
            bindSession(family, token);
            request = submit(family, own, "[{\"type\": " + requiredType + ", \"name\": \"assurance.pdf\", \"content\": \""
                    + Base64.getEncoder().encodeToString(pdf) + "\"}]");
            family.commit();
            family.setAutoCommit(true);
            assertThat(value(family, "SELECT COUNT(*) FROM pg_temp.reenrolment_request")).isEqualTo("0");
        }
        assertThat(scene.values()).as("the scene: %s", scene).containsOnly(ACCEPTED);
        assertThat(SqlRows.query(db.dataSource(), "SELECT file_name, content_type, size_bytes, sha256, content"
                + " FROM tutti.uploaded_document WHERE request_id = ?", request)).containsExactly(List.of(
                "assurance.pdf", "application/pdf", String.valueOf(pdf.length),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
                HexFormat.of().formatHex(pdf)));
    }

    @Test
    void anOpenTransactionHoldingTheStudentsRequestMakesASecondSubmitBusyNotWaiting() throws Exception {
        long own = student("F0003");
        try (Connection first = connect(db, FAMILY); Connection second = connect(db, FAMILY)) {
            String one = login(first, "BELLERIVE", "F0003", "bellerive");
            String other = login(second, "BELLERIVE", "F0003", "bellerive");
            first.setAutoCommit(false);
            bindSession(first, one);
            submit(first, own, documents(PNG, "domicile.png")); // left open
            Instant start = Instant.now();
            String state = withinPatience("a second submit while the first is open",
                    () -> submitted(second, other, own, documents(PNG, "autre.png")), first);
            assertThat(state).isEqualTo("TU409 busy");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            first.rollback();
        }
    }

    @Test
    void aDecisionLeftOpenMakesASecondDecisionBusyNotWaiting() throws Exception {
        long victim = number("SELECT r.id FROM tutti.reenrolment_request r WHERE r.student_id = ?", student("F0002"));
        try (Connection first = connect(db, STAFF); Connection second = connect(db, STAFF)) {
            String accueil = login(first, "BELLERIVE", "ACCUEIL", "bellerive");
            String direction = login(second, "BELLERIVE", "DIRECTION", "bellerive");
            first.setAutoCommit(false);
            bindSession(first, accueil);
            assertThat(value(first, "SELECT tutti.decide_reenrolment(?, true, NULL)", victim)).isEqualTo("VALIDATED");
            Instant start = Instant.now();
            String state = withinPatience("a second decision while the first is open", () -> attempt(second, direction,
                    "SELECT tutti.decide_reenrolment(?, false, 'Doublon')", victim), first);
            assertThat(state).isEqualTo("TU409");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            first.rollback(); // the victim stays PENDING for the other tests
        }
        assertThat(SqlRows.query(db.dataSource(), "SELECT status FROM tutti.reenrolment_request WHERE id = ?", victim))
                .containsExactly(List.of("PENDING"));
    }

    @Test
    void theFrontDeskOfAnotherSiteCannotDecideNorChangeBellerivesCampaign() throws SQLException {
        long victim = number("SELECT r.id FROM tutti.reenrolment_request r WHERE r.student_id = ?", student("F0002"));
        long campaign = number("SELECT id FROM tutti.reenrolment_campaign WHERE site_id ="
                + " (SELECT id FROM tutti.site WHERE code = 'BELLERIVE')");
        try (Connection staff = connect(db, STAFF)) {
            String secretariat = login(staff, "MONTFLEURY", "SECRETARIAT", "montfleury");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("decide", attempt(staff, secretariat, "SELECT tutti.decide_reenrolment(?, false, 'non')", victim));
            outcomes.put("see", attempt(staff, secretariat, "SELECT * FROM tutti.reenrolment_request WHERE id = ?", victim));
            outcomes.put("close the campaign", attempt(staff, secretariat,
                    "UPDATE tutti.reenrolment_campaign SET status = 'CLOSED' WHERE id = ?", campaign));
            outcomes.put("rename a type", attempt(staff, secretariat,
                    "UPDATE tutti.document_type SET required = false, name = 'x' WHERE campaign_id = ?", campaign));
            outcomes.put("remove a type", attempt(staff, secretariat,
                    "DELETE FROM tutti.document_type WHERE campaign_id = ?", campaign));
            outcomes.put("add a type", attempt(staff, secretariat,
                    "INSERT INTO tutti.document_type (campaign_id, name) VALUES (?, 'Pièce pirate')", campaign));
            outcomes.put("validate by hand", attempt(staff, secretariat,
                    "UPDATE tutti.reenrolment_request SET status = 'VALIDATED', decided_at = now() WHERE id = ?", victim));
            assertThat(outcomes).containsExactly(
                    Map.entry("decide", "TU403"),
                    Map.entry("see", ACCEPTED + ": 0 row(s)"),
                    Map.entry("close the campaign", ACCEPTED + ": 0 row(s)"),
                    Map.entry("rename a type", ACCEPTED + ": 0 row(s)"),
                    Map.entry("remove a type", ACCEPTED + ": 0 row(s)"),
                    Map.entry("add a type", "42501"),
                    Map.entry("validate by hand", "42501"));
        }
        assertThat(SqlRows.query(db.dataSource(), "SELECT status FROM tutti.reenrolment_campaign WHERE id = ?", campaign))
                .containsExactly(List.of("OPEN"));
        assertThat(number("SELECT COUNT(*) FROM tutti.document_type WHERE campaign_id = ?", campaign)).isEqualTo(3);
    }

    @Test
    void itsOwnFrontDeskCannotRenameOrRemoveATypeInUseNorDecideByHand() throws SQLException {
        long victim = number("SELECT r.id FROM tutti.reenrolment_request r WHERE r.student_id = ?", student("F0002"));
        long used = number("SELECT MIN(document_type_id) FROM tutti.uploaded_document WHERE request_id = ?", victim);
        try (Connection staff = connect(db, STAFF)) {
            String direction = login(staff, "BELLERIVE", "DIRECTION", "bellerive");
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("rename", attempt(staff, direction, "UPDATE tutti.document_type SET name = 'Autre' WHERE id = ?",
                    used));
            outcomes.put("remove", attempt(staff, direction, "DELETE FROM tutti.document_type WHERE id = ?", used));
            outcomes.put("make optional", attempt(staff, direction,
                    "UPDATE tutti.document_type SET required = NOT required WHERE id = ?", used));
            outcomes.put("validate by hand", attempt(staff, direction,
                    "UPDATE tutti.reenrolment_request SET status = 'VALIDATED', decided_at = now() WHERE id = ?", victim));
            outcomes.put("remove a document", attempt(staff, direction,
                    "DELETE FROM tutti.uploaded_document WHERE request_id = ?", victim));
            outcomes.put("submit", attempt(staff, direction, SUBMIT, student("F0002"), true, "[]", null, "[]"));
            assertThat(outcomes).containsExactly(
                    Map.entry("rename", "TU409"),
                    Map.entry("remove", "TU409"),
                    Map.entry("make optional", ACCEPTED + ": 1 row(s)"),
                    Map.entry("validate by hand", "42501"),
                    Map.entry("remove a document", "42501"),
                    Map.entry("submit", "42501"));
        }
    }

    @Test
    void theFunctionsAreDefinersThatPinTheirSearchPathWaitTwoSecondsAtMostAndBelongToOneRoleEach()
            throws SQLException {
        String api = "p.pronamespace = 'tutti'::regnamespace AND p.proname IN ('submit_reenrolment', 'decide_reenrolment')";
        assertThat(SqlRows.query(db.dataSource(), "SELECT p.proname::text, pg_get_userbyid(p.proowner)::text,"
                + " p.prosecdef, array_to_string(p.proconfig, ','),"
                + " has_function_privilege('tutti_family', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_staff', p.oid, 'EXECUTE'),"
                + " has_function_privilege('tutti_relay', p.oid, 'EXECUTE')"
                + " FROM pg_proc p WHERE " + api + " ORDER BY 1")).containsExactly(
                List.of("decide_reenrolment", "tutti_owner", "true", "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s",
                        "false", "true", "false"),
                List.of("submit_reenrolment", "tutti_owner", "true", "search_path=pg_catalog, tutti, pg_temp,lock_timeout=2s",
                        "true", "false", "false"));
        assertThat(number("SELECT COUNT(*) FROM pg_proc p WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname IN"
                + " ('document_content_type', 'reenrolment_subject', 'reenrolment_items', 'guard_document_type')"
                + " AND (has_function_privilege('tutti_family', p.oid, 'EXECUTE')"
                + " OR has_function_privilege('tutti_staff', p.oid, 'EXECUTE'))")).isZero();
    }
}
