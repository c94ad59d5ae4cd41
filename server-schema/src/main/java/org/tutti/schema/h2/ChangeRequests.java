package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code tutti.submit_changes} and {@code tutti.decide_change} on H2, with the behaviour, the
 * SQLSTATEs and the mails of {@code db/migration/postgresql/V5__change_requests.sql}
 * (SQL-API.md, "Change requests"). Locks: the target row first, then the requests.
 */
final class ChangeRequests {

    static final String NO_SESSION = "TU401";
    static final String FORBIDDEN = "TU403";
    static final String CONFLICT = "TU409";
    static final String UNACCEPTABLE = "TU422";

    static final String ACK_KIND = "CHANGE_ACK";
    static final String REJECTED_KIND = "CHANGE_REJECTED";

    /** The fields a family may change, per target, with their maximum length. */
    private static final Map<String, Map<String, Integer>> FIELDS = Map.of(
            "FAMILY", lengths("civility", 4, "last_name", 80, "first_name", 80, "address1", 120, "address2", 120,
                    "postal_code", 10, "city", 80, "country", 60, "phone_home", 20, "phone_mobile", 20,
                    "phone_work", 20, "email", 254),
            "STUDENT", lengths("last_name", 80, "first_name", 80, "sex", 1, "birth_date", 10, "email", 254,
                    "phone_mobile", 20, "school_level", 40));

    private static final Set<String> REQUIRED = Set.of("civility", "last_name", "first_name", "address1",
            "postal_code", "city", "country", "sex", "birth_date");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final int COMMENT_MAX = 1000;
    /**
     * The invisible format characters stripped from every submitted value (postgresql/V10,
     * {@code tutti.strip_format_characters}): U+061C, U+200B–U+200F, U+2028–U+202E, U+2060,
     * U+2066–U+2069, U+FEFF.
     */
    private static final Pattern FORMAT_CHARACTERS =
            Pattern.compile("[\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]");
    private static final int UNKNOWN_FIELD_MAX = 60;

    private ChangeRequests() {
    }

    private static Map<String, Integer> lengths(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** The maximum length of a field of target ({@code tutti.change_max_length}); null when not one of its fields. */
    static Integer maxLength(String target, String field) {
        Map<String, Integer> fields = FIELDS.get(target);
        return fields == null ? null : fields.get(field);
    }

    /** The target row as text values (dates yyyy-mm-dd), its family and version; locked. */
    record TargetRow(Map<String, String> values, long familyId, long version) {
    }

    static TargetRow lockRow(Connection connection, String target, long targetId) throws SQLException {
        boolean family = "FAMILY".equals(target);
        String columns = String.join(", ", FIELDS.get(target).keySet());
        String sql = family
                ? "SELECT " + columns + ", id, version FROM tutti.family WHERE id = ? FOR UPDATE"
                : "SELECT " + columns + ", family_id, version FROM tutti.student WHERE id = ? FOR UPDATE";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, targetId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, String> values = new HashMap<>();
                int i = 1;
                for (String column : FIELDS.get(target).keySet()) {
                    Object value = rs.getObject(i++);
                    values.put(column, value == null ? null
                            : "birth_date".equals(column) ? rs.getObject(i - 1, LocalDate.class).toString()
                            : value.toString());
                }
                return new TargetRow(values, rs.getLong(i), rs.getLong(i + 1));
            }
        }
    }

    private static SQLException invalid(String field) {
        return new SQLException("invalid:" + field, UNACCEPTABLE);
    }

    /** {@code value} without the invisible format characters ({@code tutti.strip_format_characters}). */
    static String stripFormatCharacters(String value) {
        return FORMAT_CHARACTERS.matcher(value).replaceAll("");
    }

    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && " \t\r\n".indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    /** As {@code tutti.change_value}: checked and normalised, TU422 'invalid:field' otherwise. */
    static String normalize(String field, String raw, LocalDate today, int maxLength) throws SQLException {
        if (raw == ChangeJson.NOT_A_STRING) {
            throw invalid(field);
        }
        String v = raw == null ? null : trim(FORMAT_CHARACTERS.matcher(raw).replaceAll(""));
        if (v == null || v.isEmpty()) {
            if (REQUIRED.contains(field)) {
                throw invalid(field);
            }
            return null;
        }
        switch (field) {
            case "civility", "sex" -> {
                v = v.toUpperCase(Locale.ROOT);
                if ("civility".equals(field) ? !v.equals("M") && !v.equals("MME") : !v.equals("F") && !v.equals("M")) {
                    throw invalid(field);
                }
            }
            case "email" -> {
                if (!EMAIL.matcher(v).matches()) {
                    throw invalid(field);
                }
            }
            case "postal_code" -> {
                if (!POSTAL_CODE.matcher(v).matches()) {
                    throw invalid(field);
                }
            }
            case "phone_home", "phone_mobile", "phone_work" -> {
                v = FieldLabels.groupedPhone(v);
                if (v == null) {
                    throw invalid(field);
                }
            }
            case "birth_date" -> {
                if (!ISO_DATE.matcher(v).matches()) {
                    throw invalid(field);
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw invalid(field);
                }
                if (!date.isAfter(EARLIEST_BIRTH) || date.isAfter(today.minusYears(2))) {
                    throw invalid(field);
                }
                v = date.toString();
            }
            default -> {
                // free text: the length check below
            }
        }
        if (v.codePointCount(0, v.length()) > maxLength) {
            throw new SQLException("too_long:" + field + ":" + maxLength, UNACCEPTABLE);
        }
        return v;
    }

    /** A field of target checked and normalised; TU422 'unknown_field:field' when it is not one of target's. */
    static String normalizeField(String target, String field, String raw, LocalDate today) throws SQLException {
        Integer maxLength = maxLength(target, field);
        if (maxLength == null) {
            throw new SQLException("unknown_field:"
                    + (field.length() > UNKNOWN_FIELD_MAX ? field.substring(0, UNKNOWN_FIELD_MAX) : field), UNACCEPTABLE);
        }
        return normalize(field, raw, today, maxLength);
    }

    /**
     * @param shown null (no check), or the JSON object {field: the id of the pending request the
     *              family's screen showed, or null}: TU409 'replaced:field' when it is no longer the
     *              field's pending request
     */
    static int submit(Connection connection, String target, Long targetId, String changes, String shown)
            throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", NO_SESSION));
        String kind = target == null ? "" : target.toUpperCase(Locale.ROOT);
        if (session.familyId() == null || !FIELDS.containsKey(kind) || targetId == null
                || !owns(connection, session.familyId(), kind, targetId)) {
            throw new SQLException("forbidden", FORBIDDEN);
        }
        TargetRow row = lockRow(connection, kind, targetId);
        if (row == null || row.familyId() != session.familyId()) {
            throw new SQLException("forbidden", FORBIDDEN);
        }
        Map<String, String> submitted = new TreeMap<>(ChangeJson.parseObject(changes));
        Map<String, Long> shownIds = shown == null ? null : ChangeJson.parseIds(shown);
        Map<String, String> normalized = new TreeMap<>();
        LocalDate today = now.toLocalDate();
        for (Map.Entry<String, String> entry : submitted.entrySet()) {
            normalized.put(entry.getKey(), normalizeField(kind, entry.getKey(), entry.getValue(), today));
        }

        List<String> items = new ArrayList<>();
        List<String> recordedFields = new ArrayList<>();
        String sameAsPending = null;
        for (Map.Entry<String, String> entry : normalized.entrySet()) {
            String field = entry.getKey();
            String value = entry.getValue();
            String current = row.values().get(field);
            Pending pending = pending(connection, kind, targetId, field);
            if (shownIds != null && shownIds.containsKey(field)
                    && !Objects.equals(pending == null ? null : pending.id(), shownIds.get(field))) {
                throw new SQLException("replaced:" + field, CONFLICT);
            }
            if (pending != null && Objects.equals(value, pending.newValue())) {
                sameAsPending = sameAsPending == null ? field : sameAsPending;
                continue;
            }
            if (pending == null && Objects.equals(value, current)) {
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE tutti.change_request SET status = 'SUPERSEDED', decided_at = ?, version = version + 1"
                            + " WHERE target = ? AND target_id = ? AND field_name = ? AND status = 'PENDING'")) {
                statement.setObject(1, now);
                statement.setString(2, kind);
                statement.setLong(3, targetId);
                statement.setString(4, field);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO tutti.change_request (family_id, target, target_id, field_name, old_value, new_value,"
                            + " target_version, status, submitted_by, submitted_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")) {
                statement.setLong(1, session.familyId());
                statement.setString(2, kind);
                statement.setLong(3, targetId);
                statement.setString(4, field);
                statement.setString(5, current);
                statement.setString(6, value);
                statement.setLong(7, row.version());
                statement.setLong(8, session.accountId());
                statement.setObject(9, now);
                statement.executeUpdate();
            }
            items.add(FieldLabels.item(field, value));
            recordedFields.add(field);
        }
        if (items.isEmpty() && sameAsPending != null) {
            throw new SQLException("already_pending:" + sameAsPending, CONFLICT);
        }
        if (!items.isEmpty()) {
            FamilyMail.queue(connection, now, session.familyId(), ACK_KIND, "demande de modification reçue", List.of(
                    "Nous avons bien reçu votre demande de modification pour " + subjectOf(kind, row.values()) + " :",
                    "L'accueil va l'examiner. Chaque modification acceptée apparaîtra dans Tutti ; si l'une "
                            + "d'elles est refusée, vous recevrez un message qui en donne la raison.",
                    "Si vous n'êtes pas à l'origine de cette demande, prévenez l'accueil."), items);
            Audit.record(connection, now, session.siteId(), session.accountId(), Audit.CHANGE_SUBMITTED,
                    kind + " " + targetId + ": " + String.join(", ", recordedFields));
        }
        return items.size();
    }

    private static boolean owns(Connection connection, long familyId, String kind, long targetId) throws SQLException {
        if ("FAMILY".equals(kind)) {
            return targetId == familyId;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM tutti.student WHERE id = ? AND family_id = ?")) {
            statement.setLong(1, targetId);
            statement.setLong(2, familyId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private record Pending(long id, String newValue) {
    }

    private static Pending pending(Connection connection, String kind, long targetId, String field)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, new_value FROM tutti.change_request WHERE target = ? AND target_id = ? AND field_name = ?"
                        + " AND status = 'PENDING' ORDER BY id DESC LIMIT 1 FOR UPDATE")) {
            statement.setString(1, kind);
            statement.setLong(2, targetId);
            statement.setString(3, field);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Pending(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    private static String subjectOf(String kind, Map<String, String> row) {
        return "FAMILY".equals(kind)
                ? "le dossier de la famille " + row.get("last_name")
                : "la fiche de " + row.get("first_name") + " " + row.get("last_name");
    }

    /**
     * As {@code tutti.acknowledge_change}: a FAMILY session marks one of its REJECTED requests as
     * seen; false when it already was; TU403 for any other request.
     */
    static boolean acknowledge(Connection connection, Long requestId) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", NO_SESSION));
        if (session.familyId() == null || requestId == null) {
            throw new SQLException("forbidden", FORBIDDEN);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status, seen_at FROM tutti.change_request WHERE id = ? AND family_id = ?")) {
            statement.setLong(1, requestId);
            statement.setLong(2, session.familyId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !"REJECTED".equals(rs.getString(1))) {
                    throw new SQLException("forbidden", FORBIDDEN);
                }
                if (rs.getObject(2) != null) {
                    return false;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.change_request SET seen_at = ?, version = version + 1 WHERE id = ? AND seen_at IS NULL")) {
            statement.setObject(1, now);
            statement.setLong(2, requestId);
            return statement.executeUpdate() > 0;
        }
    }

    static String decide(Connection connection, Long requestId, Boolean accept, String comment, Boolean force)
            throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", NO_SESSION));
        if (!session.staff() || requestId == null) {
            throw new SQLException("forbidden", FORBIDDEN);
        }
        String target;
        long targetId;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT c.target, c.target_id, f.site_id FROM tutti.change_request c"
                        + " JOIN tutti.family f ON f.id = c.family_id WHERE c.id = ?")) {
            statement.setLong(1, requestId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || rs.getLong(3) != session.siteId()) {
                    throw new SQLException("forbidden", FORBIDDEN);
                }
                target = rs.getString(1);
                targetId = rs.getLong(2);
            }
        }
        if (accept == null) {
            throw invalid("accept");
        }
        String note = comment == null || trim(comment).isEmpty() ? null : trim(comment);
        if (note != null && note.codePointCount(0, note.length()) > COMMENT_MAX) {
            throw invalid("comment");
        }
        TargetRow row = lockRow(connection, target, targetId);
        String status;
        String field;
        String oldValue;
        String newValue;
        long familyId;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status, field_name, old_value, new_value, family_id FROM tutti.change_request"
                        + " WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, requestId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                status = rs.getString(1);
                field = rs.getString(2);
                oldValue = rs.getString(3);
                newValue = rs.getString(4);
                familyId = rs.getLong(5);
            }
        }
        if (!"PENDING".equals(status)) {
            throw new SQLException("already_decided", CONFLICT);
        }
        String current = row.values().get(field);
        boolean conflict = !Objects.equals(current, oldValue);
        String outcome;
        if (accept) {
            if (conflict && !Boolean.TRUE.equals(force)) {
                throw new SQLException("conflict", CONFLICT);
            }
            if (!FIELDS.get(target).containsKey(field)) {
                throw new SQLException("unknown_field:" + field, UNACCEPTABLE);
            }
            try (PreparedStatement statement = connection.prepareStatement("UPDATE tutti." + target.toLowerCase(Locale.ROOT)
                    + " SET " + field + " = ?, version = version + 1 WHERE id = ?")) {
                if ("birth_date".equals(field)) {
                    statement.setObject(1, newValue == null ? null : LocalDate.parse(newValue), Types.DATE);
                } else {
                    statement.setString(1, newValue);
                }
                statement.setLong(2, targetId);
                statement.executeUpdate();
            }
            outcome = "ACCEPTED";
        } else {
            outcome = "REJECTED";
            FamilyMail.queue(connection, now, familyId, REJECTED_KIND, "modification refusée", List.of(
                    "La modification que vous avez demandée pour " + subjectOf(target, row.values())
                            + " n'a pas été acceptée :",
                    "Motif : " + (note == null ? "non précisé" : note),
                    "La valeur enregistrée reste : " + FieldLabels.shown(field, current),
                    "Pour toute question, contactez l'accueil."),
                    List.of(FieldLabels.item(field, newValue)));
        }
        recordDecision(connection, "change_request", requestId, outcome, session.accountId(), now, note);
        Audit.record(connection, now, session.siteId(), session.accountId(), "CHANGE_" + outcome,
                "request " + requestId + ": " + target + " " + targetId + " " + field
                        + (accept && conflict ? " (forced over a conflict)" : ""));
        return outcome;
    }

    /**
     * A decision on a request of {@code table} ({@code change_request}, {@code reenrolment_request}): its status,
     * who decided, when and why; the row's version + 1.
     */
    static void recordDecision(Connection connection, String table, long requestId, String outcome, long accountId,
                               OffsetDateTime now, String note) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE tutti." + table
                + " SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?, version = version + 1"
                + " WHERE id = ?")) {
            statement.setString(1, outcome);
            statement.setLong(2, accountId);
            statement.setObject(3, now);
            statement.setString(4, note);
            statement.setLong(5, requestId);
            statement.executeUpdate();
        }
    }
}
