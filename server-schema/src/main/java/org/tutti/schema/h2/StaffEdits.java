package org.tutti.schema.h2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code tutti.staff_edit} on H2 (issue 16, part "file"), with the behaviour, the SQLSTATEs and the
 * audit row of {@code db/migration/postgresql/V17__staff_edits.sql} (SQL-API.md, "Front desk — file"):
 * a STAFF session changes a family or a student of its site at once, with the checks of
 * {@link ChangeRequests} (called, not copied).
 */
public final class StaffEdits {

    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SUPERSEDED_COMMENT = "Modifié à l’accueil";

    private StaffEdits() {
    }

    /** {@code tutti.staff_edit(target, target_id, changes)}: how many fields changed. */
    public static Integer staffEdit(Connection connection, String target, Long targetId, String changes)
            throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        if (!session.staff()) {
            throw forbidden();
        }
        String kind = target == null ? "" : target.toUpperCase(Locale.ROOT);
        if (!("FAMILY".equals(kind) || "STUDENT".equals(kind)) || targetId == null) {
            throw forbidden();
        }
        Long family = familyOfSite(connection, kind, targetId, session.siteId());
        if (family == null) {
            throw forbidden();
        }
        Map<String, String> submitted = new TreeMap<>(ChangeJson.parseObject(changes));
        Map<String, String> normalized = new TreeMap<>();
        LocalDate today = now.toLocalDate();
        for (Map.Entry<String, String> entry : submitted.entrySet()) {
            normalized.put(entry.getKey(), ChangeRequests.normalizeField(kind, entry.getKey(), entry.getValue(), today));
        }
        ChangeRequests.TargetRow row;
        try {
            row = ChangeRequests.lockRow(connection, kind, targetId);
        } catch (SQLException e) {
            throw busyOr(e);
        }
        if (row == null || row.familyId() != family) {
            throw forbidden();
        }
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, String> entry : normalized.entrySet()) {
            String current = row.values().get(entry.getKey());
            if (!Objects.equals(entry.getValue(), current)) {
                before.put(entry.getKey(), current);
                after.put(entry.getKey(), entry.getValue());
                labels.add(FieldLabels.label(entry.getKey()));
            }
        }
        if (after.isEmpty()) {
            return 0;
        }
        try {
            update(connection, kind, targetId, after);
            supersede(connection, kind, targetId, after.keySet(), session.accountId(), now);
        } catch (SQLException e) {
            throw busyOr(e);
        }
        String subject = "STUDENT".equals(kind)
                ? " (" + String.join(" ", nonNull(row.values().get("first_name"), row.values().get("last_name"))) + ")"
                : "";
        Audit.staff(connection, now, session.siteId(), session.accountId(), family, kind + "_EDITED",
                "Modifié à l’accueil" + subject + " : " + String.join(", ", labels), json(before), json(after));
        return after.size();
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    private static Long familyOfSite(Connection connection, String kind, long targetId, long siteId)
            throws SQLException {
        String sql = "FAMILY".equals(kind)
                ? "SELECT f.id FROM tutti.family f WHERE f.id = ? AND f.site_id = ?"
                : "SELECT f.id FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                        + " WHERE s.id = ? AND f.site_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, targetId);
            statement.setLong(2, siteId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The changed columns only; their names come from the field catalogue, never from the caller. */
    private static void update(Connection connection, String kind, long targetId, Map<String, String> after)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE tutti.").append(kind.toLowerCase(Locale.ROOT)).append(" SET ");
        for (String field : after.keySet()) {
            if (ChangeRequests.maxLength(kind, field) == null) {
                throw new SQLException("unknown_field:" + field, ChangeRequests.UNACCEPTABLE);
            }
            sql.append(field).append(" = ?, ");
        }
        sql.append("version = version + 1 WHERE id = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (Map.Entry<String, String> entry : after.entrySet()) {
                if ("birth_date".equals(entry.getKey())) {
                    statement.setObject(i++, entry.getValue() == null ? null : LocalDate.parse(entry.getValue()),
                            Types.DATE);
                } else {
                    statement.setString(i++, entry.getValue());
                }
            }
            statement.setLong(i, targetId);
            statement.executeUpdate();
        }
    }

    /** The family's pending requests for the fields staff just changed: SUPERSEDED (V17's header says why). */
    private static void supersede(Connection connection, String kind, long targetId, Iterable<String> fields,
                                  long accountId, OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.change_request SET status = 'SUPERSEDED', decided_by = ?, decided_at = ?,"
                        + " decision_comment = ?, version = version + 1"
                        + " WHERE target = ? AND target_id = ? AND field_name = ? AND status = 'PENDING'")) {
            for (String field : fields) {
                statement.setLong(1, accountId);
                statement.setObject(2, now);
                statement.setString(3, SUPERSEDED_COMMENT);
                statement.setString(4, kind);
                statement.setLong(5, targetId);
                statement.setString(6, field);
                statement.executeUpdate();
            }
        }
    }

    /** A compact JSON object, keys in the order of their names: {"city":"Lyon"} (as V17 writes it). */
    private static String json(Map<String, String> values) throws SQLException {
        try {
            return JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new SQLException("invalid:changes", ChangeRequests.UNACCEPTABLE, e);
        }
    }

    private static SQLException forbidden() {
        return new SQLException("forbidden", ChangeRequests.FORBIDDEN);
    }

    private static SQLException busyOr(SQLException e) {
        return H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? new SQLException("busy", ChangeRequests.CONFLICT) : e;
    }
}
