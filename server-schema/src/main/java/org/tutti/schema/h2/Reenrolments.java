package org.tutti.schema.h2;

import static org.tutti.schema.h2.Queries.number;
import static org.tutti.schema.h2.Queries.scalar;
import static org.tutti.schema.h2.Queries.textOf;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code tutti.submit_reenrolment} and {@code tutti.decide_reenrolment} on H2, with the behaviour,
 * the SQLSTATEs and the mails of {@code db/migration/postgresql/V13__reenrolment.sql} (SQL-API.md,
 * "Re-enrolment"). A lock another session holds (H2's lock timeout) becomes TU409 'busy'.
 */
final class Reenrolments {

    static final String ACK_KIND = "REENROL_ACK";
    static final String ACCEPTED_KIND = "REENROL_ACCEPTED";
    static final String REJECTED_KIND = "REENROL_REJECTED";

    private static final int COMMENT_MAX = 4000;
    private static final int DECISION_COMMENT_MAX = 2000;
    private static final int NAME_MAX = 255;
    private static final int LABEL_MAX = 160;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DIRECTORY = Pattern.compile("^.*[/\\\\]", Pattern.DOTALL);
    private static final Pattern BASE64_SPACE = Pattern.compile("[ \t\r\n]");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF = {0x25, 0x50, 0x44, 0x46, 0x2D};
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final String DUPLICATE_KEY = "23505";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Reenrolments() {
    }

    /** One checked document, ready to store. */
    private record Document(long typeId, String name, String contentType, byte[] content) {
    }

    private static SQLException refused(String message) {
        return new SQLException(message, ChangeRequests.UNACCEPTABLE);
    }

    private static SQLException conflict(String message) {
        return new SQLException(message, ChangeRequests.CONFLICT);
    }

    static long submit(Connection connection, Long studentId, Boolean administrative, String enrolmentIds,
                       String comment, String documents) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        Long siteId = session.familyId() == null || studentId == null ? null : number(connection,
                "SELECT f.site_id FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                        + " WHERE s.id = ? AND s.family_id = ?", studentId, session.familyId());
        if (siteId == null) {
            throw new SQLException("forbidden", ChangeRequests.FORBIDDEN);
        }
        Long campaignId = number(connection, "SELECT c.id FROM tutti.reenrolment_campaign c"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE c.site_id = ? AND c.status = 'OPEN'"
                + " AND ? BETWEEN c.opens_on AND c.closes_on ORDER BY y.start_date DESC LIMIT 1",
                siteId, now.toLocalDate());
        if (campaignId == null) {
            throw conflict("campaign_closed");
        }
        if (number(connection, "SELECT id FROM tutti.reenrolment_request WHERE campaign_id = ? AND student_id = ?",
                campaignId, studentId) != null) {
            throw conflict("already_sent");
        }

        boolean wantsAdministrative = Boolean.TRUE.equals(administrative);
        Set<Long> enrolments = enrolmentIds(enrolmentIds);
        if (!wantsAdministrative && enrolments.isEmpty()) {
            throw refused("nothing_chosen");
        }
        if (wantsAdministrative && !enrolments.isEmpty()) {
            throw refused("both_chosen");
        }
        for (long enrolment : enrolments) {
            if (number(connection, "SELECT e.id FROM tutti.enrolment e JOIN tutti.course c ON c.id = e.course_id"
                    + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE e.id = ? AND e.student_id = ?"
                    + " AND y.is_current AND c.site_id = ?", enrolment, studentId, siteId) == null) {
                throw refused("invalid:enrolment");
            }
        }
        String note = text(comment);
        if (note != null && note.codePointCount(0, note.length()) > COMMENT_MAX) {
            throw refused("too_long:comment:" + COMMENT_MAX);
        }

        long limit = number(connection, "SELECT max_document_bytes FROM tutti.site WHERE id = ?", siteId);
        List<Document> checked = documents(connection, documents, campaignId, limit);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM tutti.document_type WHERE campaign_id = ? AND required ORDER BY id")) {
            statement.setLong(1, campaignId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long required = rs.getLong(1);
                    if (checked.stream().noneMatch(d -> d.typeId() == required)) {
                        throw refused("missing_document:" + required);
                    }
                }
            }
        }

        long requestId;
        try {
            requestId = store(connection, now, campaignId, studentId, wantsAdministrative, note, session.accountId(),
                    enrolments, checked);
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw conflict("already_sent");
            }
            if (H2_LOCK_TIMEOUT.equals(e.getSQLState())) {
                throw conflict("busy");
            }
            throw e;
        }

        List<String> items = new ArrayList<>(items(connection, requestId));
        for (Document document : checked) {
            items.add(textOf(connection, "SELECT name FROM tutti.document_type WHERE id = ?", document.typeId())
                    + " : " + document.name());
        }
        FamilyMail.queue(connection, now, session.familyId(), ACK_KIND, "demande de réinscription reçue", List.of(
                "Nous avons bien reçu votre demande de réinscription de " + subject(connection, requestId) + " :",
                "L'accueil va l'examiner et vous recevrez un message quand elle sera validée ou refusée. "
                        + "D'ici là, l'onglet Réinscription de Tutti indique « Réinscription en attente de validation ».",
                "Si vous n'êtes pas à l'origine de cette demande, prévenez l'accueil."), items);
        Audit.record(connection, now, siteId, session.accountId(), "REENROL_SUBMITTED",
                "request " + requestId + ": student " + studentId + ", " + enrolments.size() + " course(s)"
                        + (wantsAdministrative ? " (administrative)" : "") + ", " + checked.size() + " document(s)");
        return requestId;
    }

    private static long store(Connection connection, OffsetDateTime now, long campaignId, long studentId,
                              boolean administrative, String note, long accountId, Set<Long> enrolments,
                              List<Document> documents) throws SQLException {
        long requestId;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tutti.reenrolment_request (campaign_id, student_id, administrative, comment, status,"
                        + " submitted_by, submitted_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            statement.setLong(1, campaignId);
            statement.setLong(2, studentId);
            statement.setBoolean(3, administrative);
            statement.setString(4, note);
            statement.setLong(5, accountId);
            statement.setObject(6, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                requestId = keys.getLong(1);
            }
        }
        for (long enrolment : enrolments.stream().sorted().toList()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO tutti.reenrolment_choice (request_id, discipline_id, enrolment_id, label)"
                            + " SELECT ?, c.discipline_id, e.id, " + FieldLabels.COURSE_CHOICE_SQL + " FROM tutti.enrolment e"
                            + " JOIN tutti.course c ON c.id = e.course_id JOIN tutti.discipline d ON d.id = c.discipline_id"
                            + " WHERE e.id = ?")) {
                statement.setLong(1, requestId);
                statement.setLong(2, enrolment);
                statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.reenrolment_choice SET label = LEFT(label, " + LABEL_MAX + ") WHERE request_id = ?"
                        + " AND CHAR_LENGTH(label) > " + LABEL_MAX)) {
            statement.setLong(1, requestId);
            statement.executeUpdate();
        }
        for (Document document : documents) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO tutti.uploaded_document (request_id, document_type_id, file_name, content_type,"
                            + " size_bytes, sha256, content, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setLong(1, requestId);
                statement.setLong(2, document.typeId());
                statement.setString(3, document.name());
                statement.setString(4, document.contentType());
                statement.setInt(5, document.content().length);
                statement.setString(6, sha256Hex(document.content()));
                statement.setBytes(7, document.content());
                statement.setObject(8, now);
                statement.executeUpdate();
            }
        }
        return requestId;
    }

    /** The JSON array of enrolment ids, without repeats; TU422 'invalid:enrolment_ids' when it is not one. */
    private static Set<Long> enrolmentIds(String json) throws SQLException {
        JsonNode root = read(json, "invalid:enrolment_ids");
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode element : root) {
            if (!element.isIntegralNumber() || !DIGITS.matcher(element.asText()).matches()) {
                throw refused("invalid:enrolment_ids");
            }
            ids.add(element.asLong());
        }
        return ids;
    }

    private static JsonNode read(String json, String message) throws SQLException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null ? "[]" : json);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isArray()) {
            throw refused(message);
        }
        return root;
    }

    /** Every document checked, in the order sent, before anything is stored. */
    private static List<Document> documents(Connection connection, String json, long campaignId, long limit)
            throws SQLException {
        List<Document> documents = new ArrayList<>();
        for (JsonNode element : read(json, "invalid:documents")) {
            if (!element.isObject() || !element.path("name").isTextual() || !element.path("content").isTextual()) {
                throw refused("invalid:documents");
            }
            JsonNode type = element.path("type");
            if (!type.isIntegralNumber() || !DIGITS.matcher(type.asText()).matches()
                    || number(connection, "SELECT id FROM tutti.document_type WHERE id = ? AND campaign_id = ?",
                            type.asLong(), campaignId) == null) {
                throw refused("invalid:type");
            }
            String name = ChangeRequests.trim(DIRECTORY.matcher(
                    ChangeRequests.stripFormatCharacters(element.get("name").textValue())).replaceFirst(""));
            if (name.isEmpty()) {
                throw refused("invalid:name");
            }
            if (name.codePointCount(0, name.length()) > NAME_MAX) {
                throw refused("too_long:name:" + NAME_MAX);
            }
            byte[] content = decode(element.get("content").textValue());
            if (content.length == 0) {
                throw refused("empty");
            }
            if (content.length > limit) {
                throw refused("too_large:" + limit);
            }
            String contentType = contentType(content);
            if (contentType == null) {
                throw refused("unsupported_type");
            }
            documents.add(new Document(type.asLong(), name, contentType, content));
        }
        return documents;
    }

    /** Base64 as PostgreSQL's decode(…, 'base64') reads it: blanks ignored; TU422 'invalid:content' otherwise. */
    private static byte[] decode(String base64) throws SQLException {
        String compact = BASE64_SPACE.matcher(base64).replaceAll("");
        if (compact.length() % 4 != 0) {
            throw refused("invalid:content");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw refused("invalid:content");
        }
    }

    /** JPEG, PNG or PDF by the first bytes ({@code tutti.document_content_type}); null for anything else. */
    static String contentType(byte[] content) {
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        return startsWith(content, PDF) ? "application/pdf" : null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String decide(Connection connection, Long requestId, Boolean accept, String comment) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        Long familyId = !session.staff() || requestId == null ? null : number(connection,
                "SELECT s.family_id FROM tutti.reenrolment_request r JOIN tutti.reenrolment_campaign c"
                        + " ON c.id = r.campaign_id JOIN tutti.student s ON s.id = r.student_id"
                        + " WHERE r.id = ? AND c.site_id = ?", requestId, session.siteId());
        if (familyId == null) {
            throw new SQLException("forbidden", ChangeRequests.FORBIDDEN);
        }
        if (accept == null) {
            throw refused("invalid:accept");
        }
        String note = text(comment);
        if (note != null && note.codePointCount(0, note.length()) > DECISION_COMMENT_MAX) {
            throw refused("too_long:comment:" + DECISION_COMMENT_MAX);
        }
        String outcome = accept ? "VALIDATED" : "REJECTED";
        try {
            if (number(connection, "SELECT id FROM tutti.reenrolment_request WHERE id = ? AND status = 'PENDING'"
                    + " FOR UPDATE", requestId) == null) {
                throw conflict("already_decided");
            }
            ChangeRequests.recordDecision(connection, "reenrolment_request", requestId, outcome, session.accountId(),
                    now, note);
        } catch (SQLException e) {
            throw H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? conflict("busy") : e;
        }
        String subject = subject(connection, requestId);
        if (accept) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("La demande de réinscription de " + subject + " a été validée :");
            if (note != null) {
                paragraphs.add("Message de l'accueil : " + note);
            }
            paragraphs.add("Pour toute question, contactez l'accueil.");
            FamilyMail.queue(connection, now, familyId, ACCEPTED_KIND, "réinscription validée", paragraphs,
                    items(connection, requestId));
        } else {
            FamilyMail.queue(connection, now, familyId, REJECTED_KIND, "réinscription refusée", List.of(
                    "La demande de réinscription de " + subject + " n'a pas été acceptée :",
                    "Motif : " + (note == null ? "non précisé" : note),
                    "Pour toute question, contactez l'accueil."), items(connection, requestId));
        }
        Audit.record(connection, now, session.siteId(), session.accountId(), "REENROL_" + outcome,
                "request " + requestId);
        return outcome;
    }

    /** Whom and what year a request is for ({@code tutti.reenrolment_subject}). */
    private static String subject(Connection connection, long requestId) throws SQLException {
        return textOf(connection, "SELECT 'l''élève ' || CONCAT_WS(' ', s.first_name, s.last_name)"
                + " || ' pour l''année ' || y.label FROM tutti.reenrolment_request r"
                + " JOIN tutti.student s ON s.id = r.student_id JOIN tutti.reenrolment_campaign c ON c.id = r.campaign_id"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE r.id = ?", requestId);
    }

    /** What a request asks for ({@code tutti.reenrolment_items}). */
    private static List<String> items(Connection connection, long requestId) throws SQLException {
        if (Boolean.TRUE.equals(scalar(connection, "SELECT administrative FROM tutti.reenrolment_request WHERE id = ?",
                requestId))) {
            return List.of("Réinscription administrative");
        }
        List<String> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT label FROM tutti.reenrolment_choice WHERE request_id = ? ORDER BY id")) {
            statement.setLong(1, requestId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add("Cours poursuivi : " + rs.getString(1));
                }
            }
        }
        return items;
    }

    /** A comment without format characters and surrounding blanks; null when nothing remains. */
    static String text(String value) {
        String stripped = value == null ? "" : ChangeRequests.trim(ChangeRequests.stripFormatCharacters(value));
        return stripped.isEmpty() ? null : stripped;
    }
}
