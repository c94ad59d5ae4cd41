package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * {@code tutti.submit_reenrolment} and {@code tutti.decide_reenrolment} (SQL-API.md, "Re-enrolment") alike on
 * H2 and PostgreSQL, called as the client calls them (JSON and base64 bound with setString), on PostgreSQL as
 * the login roles tutti_family and tutti_staff. Each test has a demo school of its own; F0001 has sent nothing
 * yet and BELLERIVE's campaign is open.
 */
@Tag("postgres")
class ReenrolmentParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";
    private static final String SUBMIT = "SELECT tutti.submit_reenrolment(?, ?, ?, ?, ?)";
    private static final String DECIDE = "SELECT tutti.decide_reenrolment(?, ?, ?)";
    private static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "IHDR une image de test".getBytes(StandardCharsets.UTF_8));
    private static final byte[] PDF = "%PDF-1.4\n% justificatif de test\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JPEG = bytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, new byte[20]);
    private static final Map<DatabaseVendor, List<List<String>>> MAILS = new ConcurrentHashMap<>();

    private TestDatabase db;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static byte[] bytes(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private TestDatabase database(DatabaseVendor vendor) throws SQLException {
        if (db == null) {
            db = ApiClient.demo(vendor, 8);
        }
        return db;
    }

    private ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        ApiClient client = ApiClient.connect(database(vendor), role);
        open.add(client);
        return client;
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        return SqlRows.query(db.dataSource(), sql, parameters);
    }

    private long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private String text(String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** F0001's student with the most courses this year, and those enrolments, lowest id first. */
    private long student() throws SQLException {
        return number("SELECT e.student_id FROM tutti.enrolment e JOIN tutti.course c ON c.id = e.course_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id JOIN tutti.student s ON s.id = e.student_id"
                + " JOIN tutti.family f ON f.id = s.family_id WHERE f.identifier = 'F0001' AND y.is_current"
                + " GROUP BY e.student_id ORDER BY COUNT(*) DESC, e.student_id LIMIT 1");
    }

    private List<Long> enrolments(long student) throws SQLException {
        return rows("SELECT e.id FROM tutti.enrolment e JOIN tutti.course c ON c.id = e.course_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE e.student_id = ? AND y.is_current"
                + " ORDER BY e.id", student).stream().map(r -> Long.parseLong(r.get(0))).toList();
    }

    private long documentType(String name) throws SQLException {
        return number("SELECT d.id FROM tutti.document_type d JOIN tutti.reenrolment_campaign c ON c.id = d.campaign_id"
                + " JOIN tutti.site s ON s.id = c.site_id WHERE s.code = 'BELLERIVE' AND d.name = ?", name);
    }

    private long requiredType() throws SQLException {
        return number("SELECT MIN(d.id) FROM tutti.document_type d JOIN tutti.reenrolment_campaign c"
                + " ON c.id = d.campaign_id JOIN tutti.site s ON s.id = c.site_id WHERE s.code = 'BELLERIVE' AND d.required");
    }

    private static String json(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static String document(long type, String name, byte[] content) {
        return "{\"type\": " + type + ", \"name\": \"" + name.replace("\\", "\\\\") + "\", \"content\": \""
                + Base64.getEncoder().encodeToString(content) + "\"}";
    }

    private static String documents(String... documents) {
        return "[" + String.join(", ", documents) + "]";
    }

    private static long submit(ApiClient family, String token, long student, boolean administrative, String enrolments,
                               String comment, String documents) throws SQLException {
        return family.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement(SUBMIT)) {
                statement.setLong(1, student);
                statement.setBoolean(2, administrative);
                statement.setString(3, enrolments);
                statement.setString(4, comment);
                statement.setString(5, documents);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String decide(ApiClient staff, String token, long request, boolean accept, String comment)
            throws SQLException {
        return staff.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement(DECIDE)) {
                statement.setLong(1, request);
                statement.setBoolean(2, accept);
                statement.setString(3, comment);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private long requests() throws SQLException {
        return number("SELECT COUNT(*) FROM tutti.reenrolment_request");
    }

    private long mails(String kind) throws SQLException {
        return number("SELECT COUNT(*) FROM tutti.mail_outbox WHERE kind = ?", kind);
    }

    // ------------------------------------------------------------------------------------------ submit

    /** A course is named once: "Piano — 2C1", not "Piano — Piano — 2C1"; the demo's Java writes the same text. */
    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aChoiceNamesItsCourseOnceAsTheDemoDoes(DatabaseVendor vendor) throws Exception {
        client(vendor, FAMILY);
        List<List<String>> courses = rows("SELECT d.name, c.class_label, " + FieldLabels.COURSE_CHOICE_SQL
                + " FROM tutti.course c JOIN tutti.discipline d ON d.id = c.discipline_id");
        assertThat(courses).isNotEmpty();
        for (List<String> course : courses) {
            assertThat(course.get(2)).as(course.toString())
                    .isEqualTo(FieldLabels.courseChoice(course.get(0), course.get(1)))
                    .doesNotStartWith(course.get(0) + " — " + course.get(0));
        }
        assertThat(FieldLabels.courseChoice("Piano", "Piano — 2C1")).isEqualTo("Piano — 2C1");
        assertThat(FieldLabels.courseChoice("Formation musicale", "FM 2C1")).isEqualTo("Formation musicale — FM 2C1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aRequestIsStoredWithItsChoicesAndDocumentsAndAcknowledgedByMail(DatabaseVendor vendor) throws Exception {
        ApiClient family = client(vendor, FAMILY);
        long student = student();
        List<Long> enrolments = enrolments(student);
        assertThat(enrolments).hasSizeGreaterThanOrEqualTo(2);
        String token = family.signIn("BELLERIVE", "F0001", "bellerive");
        long home = documentType("Justificatif de domicile");
        long insurance = documentType("Attestation d'assurance");

        long request = submit(family, token, student, false, json(enrolments), "  Même professeur\u202E si possible. ",
                documents(document(home, "C:\\Users\\Parent\\Documents\\facture\u200B-edf.png", PNG),
                        document(insurance, "/home/parent/assurance.pdf", PDF)));

        assertThat(rows("SELECT r.student_id, r.administrative, r.comment, r.status, a.identifier, r.decided_at"
                + " FROM tutti.reenrolment_request r JOIN tutti.account a ON a.id = r.submitted_by WHERE r.id = ?", request))
                .containsExactly(List.of(String.valueOf(student), "false", "Même professeur si possible.", "PENDING",
                        "F0001", "null"));
        List<String> labels = rows("SELECT " + FieldLabels.COURSE_CHOICE_SQL + " FROM tutti.enrolment e"
                + " JOIN tutti.course c ON c.id = e.course_id JOIN tutti.discipline d ON d.id = c.discipline_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE e.student_id = ? AND y.is_current"
                + " ORDER BY e.id", student).stream().map(r -> r.get(0)).toList();
        assertThat(rows("SELECT enrolment_id, label FROM tutti.reenrolment_choice WHERE request_id = ? ORDER BY id",
                request).stream().map(r -> r.get(1)).toList())
                .containsExactlyElementsOf(labels);
        assertThat(rows("SELECT document_type_id, file_name, content_type, size_bytes, sha256, content"
                + " FROM tutti.uploaded_document WHERE request_id = ? ORDER BY id", request)).containsExactly(
                List.of(String.valueOf(home), "facture-edf.png", "image/png", String.valueOf(PNG.length), sha256(PNG),
                        HexFormat.of().formatHex(PNG)),
                List.of(String.valueOf(insurance), "assurance.pdf", "application/pdf", String.valueOf(PDF.length),
                        sha256(PDF), HexFormat.of().formatHex(PDF)));

        List<String> mail = rows("SELECT recipient, subject, body_text, body_html FROM tutti.mail_outbox"
                + " WHERE kind = 'REENROL_ACK' ORDER BY id DESC").get(0);
        String studentName = text("SELECT first_name || ' ' || last_name FROM tutti.student WHERE id = ?", student);
        assertThat(mail.get(0)).isEqualTo("f0001@example.org");
        assertThat(mail.get(1)).isEqualTo("Conservatoire de Bellerive — demande de réinscription reçue");
        assertThat(mail.get(2))
                .contains("Nous avons bien reçu votre demande de réinscription de l'élève " + studentName
                        + " pour l'année 2027-2028 :\n")
                .contains("- Cours poursuivi : " + labels.get(0) + "\n")
                .contains("- Justificatif de domicile : facture-edf.png\n")
                .contains("- Attestation d'assurance : assurance.pdf\n")
                .contains("L'accueil va l'examiner");
        assertThat(mail.get(3)).contains("<li>Justificatif de domicile : facture-edf.png</li>");
        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'REENROL_SUBMITTED'"
                + " AND detail LIKE ?", "request " + request + ":%")).isOne();

        // the other parent's computer sends again: refused, nothing more stored
        assertThat(raised(() -> submit(family, token, student, true, "[]", null,
                documents(document(home, "b.png", PNG))))).isEqualTo("TU409 already_sent");
        assertThat(requests()).isEqualTo(number("SELECT COUNT(*) FROM tutti.reenrolment_request WHERE id <= ?", request));
        assertThat(mails("REENROL_ACK")).isOne();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void everyRefusalSaysWhyAndStoresNothing(DatabaseVendor vendor) throws Exception {
        ApiClient family = client(vendor, FAMILY);
        long student = student();
        List<Long> enrolments = enrolments(student);
        long otherStudent = number("SELECT MIN(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = 'F0002'");
        long otherEnrolment = number("SELECT MIN(e.id) FROM tutti.enrolment e WHERE e.student_id = ?", otherStudent);
        long oldEnrolment = number("SELECT MIN(e.id) FROM tutti.enrolment e JOIN tutti.course c ON c.id = e.course_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE NOT y.is_current AND e.student_id IN"
                + " (SELECT s.id FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id WHERE f.identifier = 'F0001')");
        long required = requiredType();
        long montfleuryType = number("SELECT MIN(d.id) FROM tutti.document_type d JOIN tutti.reenrolment_campaign c"
                + " ON c.id = d.campaign_id JOIN tutti.site s ON s.id = c.site_id WHERE s.code = 'MONTFLEURY'");
        long limit = number("SELECT max_document_bytes FROM tutti.site WHERE code = 'BELLERIVE'");
        String token = family.signIn("BELLERIVE", "F0001", "bellerive");
        String courses = json(enrolments);
        String good = document(required, "domicile.png", PNG);
        byte[] tooLarge = bytes(PDF, new byte[(int) limit]);
        byte[] atLimit = bytes(PDF, new byte[(int) limit - PDF.length]);
        long before = requests();

        Object[][] cases = {
            {student, false, "[]", null, documents(good), "TU422 nothing_chosen"},
            {student, false, null, null, documents(good), "TU422 nothing_chosen"},
            {student, true, courses, null, documents(good), "TU422 both_chosen"},
            {student, false, "[12,", null, documents(good), "TU422 invalid:enrolment_ids"},
            {student, false, "{\"id\": 1}", null, documents(good), "TU422 invalid:enrolment_ids"},
            {student, false, "[\"12\"]", null, documents(good), "TU422 invalid:enrolment_ids"},
            {student, false, "[-4]", null, documents(good), "TU422 invalid:enrolment_ids"},
            {student, false, "[" + otherEnrolment + "]", null, documents(good), "TU422 invalid:enrolment"},
            {student, false, "[" + oldEnrolment + "]", null, documents(good), "TU422 invalid:enrolment"},
            {student, true, "[]", "x".repeat(4001), documents(good), "TU422 too_long:comment:4000"},
            {student, true, "[]", null, "[]", "TU422 missing_document:" + required},
            {student, true, "[]", null, null, "TU422 missing_document:" + required},
            {student, true, "[]", null, "[{\"type\": " + required, "TU422 invalid:documents"},
            {student, true, "[]", null, "[{\"type\": " + required + ", \"name\": \"a.png\"}]", "TU422 invalid:documents"},
            {student, true, "[]", null, documents(document(montfleuryType, "a.png", PNG)), "TU422 invalid:type"},
            {student, true, "[]", null, documents(document(999_999, "a.png", PNG)), "TU422 invalid:type"},
            {student, true, "[]", null, documents(document(required, " /tmp/ ", PNG)), "TU422 invalid:name"},
            {student, true, "[]", null, documents(document(required, "n".repeat(252) + ".png", PNG)),
                "TU422 too_long:name:255"},
            {student, true, "[]", null, "[{\"type\": " + required + ", \"name\": \"a.png\", \"content\": \"%%%\"}]",
                "TU422 invalid:content"},
            {student, true, "[]", null, documents(document(required, "vide.png", new byte[0])), "TU422 empty"},
            {student, true, "[]", null, documents(document(required, "gros.pdf", tooLarge)), "TU422 too_large:" + limit},
            {student, true, "[]", null, documents(document(required, "texte.png",
                    "ceci n'est pas une image".getBytes(StandardCharsets.UTF_8))), "TU422 unsupported_type"},
            {otherStudent, true, "[]", null, documents(good), "TU403 forbidden"},
            {999_999L, true, "[]", null, documents(good), "TU403 forbidden"},
        };
        for (Object[] c : cases) {
            assertThat(raised(() -> submit(family, token, (Long) c[0], (Boolean) c[1], (String) c[2], (String) c[3],
                    (String) c[4]))).as("%s %s", c[2], c[5]).isEqualTo(c[5]);
        }
        assertThat(raised(() -> submit(family, null, student, true, "[]", null, documents(good))))
                .isEqualTo("TU401 no session");
        assertThat(requests()).isEqualTo(before);
        assertThat(number("SELECT COUNT(*) FROM tutti.uploaded_document d JOIN tutti.reenrolment_request r"
                + " ON r.id = d.request_id WHERE r.student_id = ?", student)).isZero();
        assertThat(mails("REENROL_ACK")).isZero();

        // exactly at the limit, and a JPEG: accepted
        long request = submit(family, token, student, true, "[]", null,
                documents(document(required, "limite.pdf", atLimit), document(required, "photo.jpg", JPEG)));
        assertThat(rows("SELECT content_type, size_bytes FROM tutti.uploaded_document WHERE request_id = ? ORDER BY id",
                request)).containsExactly(List.of("application/pdf", String.valueOf(limit)), List.of("image/jpeg", "24"));
        assertThat(text("SELECT administrative FROM tutti.reenrolment_request WHERE id = ?", request)).isIn("true", "TRUE");
        assertThat(number("SELECT COUNT(*) FROM tutti.reenrolment_choice WHERE request_id = ?", request)).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aClosedCampaignOrOneOutsideItsDatesRefusesRequests(DatabaseVendor vendor) throws Exception {
        ApiClient family = client(vendor, FAMILY);
        long student = student();
        String token = family.signIn("BELLERIVE", "F0001", "bellerive");
        String documents = documents(document(requiredType(), "domicile.png", PNG));
        long campaign = number("SELECT c.id FROM tutti.reenrolment_campaign c JOIN tutti.site s ON s.id = c.site_id"
                + " WHERE s.code = 'BELLERIVE'");

        execute("UPDATE tutti.reenrolment_campaign SET status = 'CLOSED' WHERE id = ?", campaign);
        assertThat(raised(() -> submit(family, token, student, true, "[]", null, documents)))
                .isEqualTo("TU409 campaign_closed");
        execute("UPDATE tutti.reenrolment_campaign SET status = 'OPEN', opens_on = CURRENT_DATE + 1,"
                + " closes_on = CURRENT_DATE + 30 WHERE id = ?", campaign);
        assertThat(raised(() -> submit(family, token, student, true, "[]", null, documents)))
                .isEqualTo("TU409 campaign_closed");
        execute("UPDATE tutti.reenrolment_campaign SET opens_on = CURRENT_DATE - 30, closes_on = CURRENT_DATE - 1"
                + " WHERE id = ?", campaign);
        assertThat(raised(() -> submit(family, token, student, true, "[]", null, documents)))
                .isEqualTo("TU409 campaign_closed");
        execute("UPDATE tutti.reenrolment_campaign SET opens_on = CURRENT_DATE - 1, closes_on = CURRENT_DATE"
                + " WHERE id = ?", campaign);
        assertThat(submit(family, token, student, true, "[]", null, documents)).isPositive();

        // MONTFLEURY's campaign is closed
        ApiClient other = client(vendor, FAMILY);
        String m0001 = other.signIn("MONTFLEURY", "M0001", "montfleury");
        long mStudent = number("SELECT MIN(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = 'M0001'");
        assertThat(raised(() -> submit(other, m0001, mStudent, true, "[]", null, "[]")))
                .isEqualTo("TU409 campaign_closed");
    }

    // ------------------------------------------------------------------------------------------ decide

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void staffValidateOrRefuseOnceAndTheFamilyIsToldByMail(DatabaseVendor vendor) throws Exception {
        ApiClient family = client(vendor, FAMILY);
        ApiClient staff = client(vendor, STAFF);
        long student = student();
        long sibling = number("SELECT MAX(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = 'F0001'");
        assertThat(sibling).isNotEqualTo(student);
        String token = family.signIn("BELLERIVE", "F0001", "bellerive");
        String documents = documents(document(requiredType(), "domicile.png", PNG));
        long first = submit(family, token, student, false, json(enrolments(student).subList(0, 1)), null, documents);
        long second = submit(family, token, sibling, true, "[]", null, documents);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");

        assertThat(raised(() -> decide(staff, secretariat, first, true, null))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> decide(staff, null, first, true, null))).isEqualTo("TU401 no session");
        assertThat(raised(() -> decide(staff, accueil, 999_999, true, null))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> decide(staff, accueil, first, false, "x".repeat(2001))))
                .isEqualTo("TU422 too_long:comment:2000");
        if (vendor == DatabaseVendor.H2) { // on PostgreSQL tutti_family may not even call it (AttackReenrolmentTest)
            assertThat(raised(() -> decide(family, token, first, true, null))).isEqualTo("TU403 forbidden");
        }
        assertThat(text("SELECT status FROM tutti.reenrolment_request WHERE id = ?", first)).isEqualTo("PENDING");

        assertThat(decide(staff, accueil, first, true, "  Bienvenue pour une nouvelle année ! ")).isEqualTo("VALIDATED");
        assertThat(decide(staff, accueil, second, false, "Le justificatif de domicile est illisible."))
                .isEqualTo("REJECTED");
        assertThat(raised(() -> decide(staff, accueil, first, false, "trop tard"))).isEqualTo("TU409 already_decided");
        String accueilId = text("SELECT id FROM tutti.account WHERE identifier = 'ACCUEIL'");
        assertThat(rows("SELECT status, decided_by, decision_comment FROM tutti.reenrolment_request WHERE id IN (?, ?)"
                + " ORDER BY id", first, second)).containsExactly(
                List.of("VALIDATED", accueilId, "Bienvenue pour une nouvelle année !"),
                List.of("REJECTED", accueilId, "Le justificatif de domicile est illisible."));
        assertThat(number("SELECT COUNT(*) FROM tutti.reenrolment_request WHERE id IN (?, ?) AND decided_at IS NOT NULL",
                first, second)).isEqualTo(2);

        List<List<String>> mails = rows("SELECT kind, recipient, subject, body_text, body_html FROM tutti.mail_outbox"
                + " WHERE kind LIKE 'REENROL%' ORDER BY id");
        assertThat(mails).extracting(m -> m.get(0))
                .containsExactly("REENROL_ACK", "REENROL_ACK", "REENROL_ACCEPTED", "REENROL_REJECTED");
        assertThat(mails).extracting(m -> m.get(1)).containsOnly("f0001@example.org");
        String studentName = text("SELECT first_name || ' ' || last_name FROM tutti.student WHERE id = ?", student);
        String siblingName = text("SELECT first_name || ' ' || last_name FROM tutti.student WHERE id = ?", sibling);
        assertThat(mails.get(2).get(2)).isEqualTo("Conservatoire de Bellerive — réinscription validée");
        assertThat(mails.get(2).get(3)).contains("La demande de réinscription de l'élève " + studentName
                + " pour l'année 2027-2028 a été validée :\n").contains("- Cours poursuivi : ")
                .contains("Message de l'accueil : Bienvenue pour une nouvelle année !");
        assertThat(mails.get(3).get(2)).isEqualTo("Conservatoire de Bellerive — réinscription refusée");
        assertThat(mails.get(3).get(3)).contains("La demande de réinscription de l'élève " + siblingName
                + " pour l'année 2027-2028 n'a pas été acceptée :\n").contains("- Réinscription administrative\n")
                .contains("Motif : Le justificatif de domicile est illisible.");
        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind IN ('REENROL_VALIDATED', 'REENROL_REJECTED')"))
                .isEqualTo(2);

        // the same texts on both databases (ids aside)
        MAILS.put(vendor, mails.stream().map(m -> m.subList(2, 5)).toList());
        if (MAILS.size() == 2) {
            assertThat(MAILS.get(DatabaseVendor.H2)).isEqualTo(MAILS.get(DatabaseVendor.POSTGRESQL));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aDocumentTypeInUseCannotBeRenamedMovedOrRemoved(DatabaseVendor vendor) throws Exception {
        ApiClient family = client(vendor, FAMILY);
        long student = student();
        String token = family.signIn("BELLERIVE", "F0001", "bellerive");
        long used = requiredType();
        submit(family, token, student, true, "[]", null, documents(document(used, "domicile.png", PNG)));
        long unused = documentType("Avis d'imposition");
        long montfleuryCampaign = number("SELECT c.id FROM tutti.reenrolment_campaign c JOIN tutti.site s"
                + " ON s.id = c.site_id WHERE s.code = 'MONTFLEURY'");

        for (String sql : List.of("UPDATE tutti.document_type SET name = 'Facture' WHERE id = " + used,
                "UPDATE tutti.document_type SET campaign_id = " + montfleuryCampaign + " WHERE id = " + used,
                "DELETE FROM tutti.document_type WHERE id = " + used)) {
            assertThat(raised(() -> {
                execute(sql);
                return null;
            })).as(sql).isEqualTo("TU409 in_use");
        }
        execute("UPDATE tutti.document_type SET required = FALSE WHERE id = " + used);
        execute("UPDATE tutti.document_type SET name = 'Avis d''imposition 2026' WHERE id = " + unused);
        execute("DELETE FROM tutti.document_type WHERE id = " + unused);
        assertThat(rows("SELECT name, required FROM tutti.document_type WHERE id IN (?, ?)", used, unused))
                .containsExactly(List.of("Justificatif de domicile", "false"));
    }
}
