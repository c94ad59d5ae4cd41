package org.tutti.schema.h2;

import static org.tutti.schema.h2.Queries.update;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code tutti.record_absences} and {@code tutti.record_evaluation} on H2 (issue 16, the front desk's
 * pedagogy), with the behaviour, the SQLSTATEs and the messages of
 * {@code db/migration/postgresql/V20__staff_pedagogy.sql} (SQL-API.md, "Front desk — pedagogy"): the same
 * rows, the same audit rows (byte for byte) and the same refusals. "Today" is the local date of
 * {@link SecurityClock#now()}; a lock another session holds (H2's lock timeout) becomes TU409 'busy'.
 */
public final class StaffPedagogy {

    private static final Set<String> KINDS = Set.of("CONTINUOUS", "MIDTERM", "EXAM", "AUDITION");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_ENTRIES = 500;
    private static final int REASON_MAX = 400;
    private static final int MENTION_MAX = 40;
    private static final int APPRECIATION_MAX = 4000;
    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private StaffPedagogy() {
    }

    private record Staff(long accountId, long siteId, OffsetDateTime now, LocalDate today) {
    }

    private record Course(long id, LocalTime startTime, int durationMinutes, LocalDate yearStart, LocalDate yearEnd,
                          String discipline) {
    }

    private record Entry(long enrolmentId, boolean absent, boolean excused, String reason) {
    }

    private static SQLException refused(String message) {
        return new SQLException(message, ChangeRequests.UNACCEPTABLE);
    }

    private static SQLException forbidden() {
        return new SQLException("forbidden", ChangeRequests.FORBIDDEN);
    }

    private static SQLException busyOr(SQLException e) {
        return H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? new SQLException("busy", ChangeRequests.CONFLICT) : e;
    }

    private static Staff staff(Connection connection) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        if (!session.staff()) {
            throw forbidden();
        }
        return new Staff(session.accountId(), session.siteId(), now,
                now.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate());
    }

    /** The text without format characters and surrounding blanks; null when nothing is left. */
    private static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String v = ChangeRequests.trim(ChangeRequests.stripFormatCharacters(raw));
        return v.isEmpty() ? null : v;
    }

    // ------------------------------------------------------------------ record_absences

    /**
     * {@code tutti.record_absences(course_id, absence_date, entries)}: the number of students absent.
     * Raises TU401, TU403 'forbidden', TU409 'busy' or TU422 (see SQL-API.md, "Front desk — pedagogy").
     */
    public static Integer recordAbsences(Connection connection, Long courseId, LocalDate absenceDate, String entries)
            throws SQLException {
        Staff staff = staff(connection);
        Course course = course(connection, courseId, staff);
        if (absenceDate == null || absenceDate.isAfter(staff.today()) || absenceDate.isBefore(course.yearStart())
                || absenceDate.isAfter(course.yearEnd())) {
            throw refused("invalid:absence_date");
        }
        List<Entry> checked = entries(connection, entries, course.id());

        Map<Long, StringBuilder[]> changes = new LinkedHashMap<>();
        int absentCount = 0;
        try {
            lockEnrolments(connection, checked.stream().map(Entry::enrolmentId).sorted().toList());
            for (Entry entry : checked) {
                Object[] pupil = pupil(connection, entry.enrolmentId(), absenceDate);
                long familyId = (Long) pupil[0];
                String name = (String) pupil[1];
                boolean wasAbsent = (Boolean) pupil[2];
                String before = state(wasAbsent, Boolean.TRUE.equals(pupil[3]), (String) pupil[4]);
                String after = state(entry.absent(), entry.excused(), entry.reason());
                if (entry.absent()) {
                    absentCount++;
                    update(connection, "UPDATE tutti.absence SET excused = ?, reason = ?, start_time = ?, duration_minutes = ?,"
                                    + " version = version + 1 WHERE enrolment_id = ? AND absence_date = ?"
                                    + " AND NOT (excused = ? AND reason IS NOT DISTINCT FROM ? AND start_time = ?"
                                    + " AND duration_minutes = ?)",
                            entry.excused(), entry.reason(), course.startTime(), course.durationMinutes(),
                            entry.enrolmentId(), absenceDate, entry.excused(), entry.reason(), course.startTime(),
                            course.durationMinutes());
                    if (!wasAbsent) {
                        update(connection, "INSERT INTO tutti.absence (enrolment_id, absence_date, start_time, duration_minutes,"
                                        + " excused, reason) VALUES (?, ?, ?, ?, ?, ?)",
                                entry.enrolmentId(), absenceDate, course.startTime(), course.durationMinutes(),
                                entry.excused(), entry.reason());
                    }
                } else {
                    update(connection, "DELETE FROM tutti.absence WHERE enrolment_id = ? AND absence_date = ?",
                            entry.enrolmentId(), absenceDate);
                }
                if (!before.equals(after)) {
                    StringBuilder[] pair = changes.computeIfAbsent(familyId,
                            f -> new StringBuilder[] {new StringBuilder(), new StringBuilder()});
                    append(pair[0], name, before);
                    append(pair[1], name, after);
                }
            }
        } catch (SQLException e) {
            throw busyOr(e);
        }
        String detail = "Absences du " + FRENCH_DATE.format(absenceDate) + " saisies (" + course.discipline() + ")";
        for (Map.Entry<Long, StringBuilder[]> change : changes.entrySet()) {
            Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), change.getKey(), "ABSENCE_RECORDED",
                    detail, "{" + change.getValue()[0] + "}", "{" + change.getValue()[1] + "}");
        }
        return absentCount;
    }

    /** As {@code tutti.absence_state}. */
    static String state(boolean absent, boolean excused, String reason) {
        if (!absent) {
            return "aucune absence";
        }
        return (excused ? "absence excusée" : "absence non excusée") + (reason == null ? "" : " — " + reason);
    }

    private static void append(StringBuilder json, String name, String value) {
        if (json.length() > 0) {
            json.append(',');
        }
        json.append(jsonString(name)).append(':').append(jsonString(value));
    }

    /** A JSON string as PostgreSQL's {@code to_json(text)} writes it. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Course course(Connection connection, Long courseId, Staff staff) throws SQLException {
        if (courseId == null) {
            throw forbidden();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT c.id, c.start_time, c.duration_minutes, y.start_date, y.end_date, d.name FROM tutti.course c"
                        + " JOIN tutti.school_year y ON y.id = c.school_year_id"
                        + " JOIN tutti.discipline d ON d.id = c.discipline_id WHERE c.id = ? AND c.site_id = ?")) {
            statement.setLong(1, courseId);
            statement.setLong(2, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw forbidden();
                }
                return new Course(rs.getLong(1), rs.getObject(2, LocalTime.class), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6));
            }
        }
    }

    private static List<Entry> entries(Connection connection, String entries, long courseId) throws SQLException {
        JsonNode sent;
        try {
            sent = entries == null ? null : MAPPER.readTree(entries);
        } catch (JacksonException e) {
            throw refused("invalid:entries");
        }
        if (sent == null || !sent.isArray() || sent.size() < 1 || sent.size() > MAX_ENTRIES) {
            throw refused("invalid:entries");
        }
        List<Entry> checked = new ArrayList<>();
        for (JsonNode element : sent) {
            if (!element.isObject()) {
                throw refused("invalid:entries");
            }
            JsonNode enrolmentNode = element.get("enrolment");
            Long enrolment = null;
            if (enrolmentNode != null && enrolmentNode.isNumber() && ID.matcher(enrolmentNode.asText()).matches()) {
                enrolment = Queries.number(connection, "SELECT id FROM tutti.enrolment WHERE id = ? AND course_id = ?",
                        Long.parseLong(enrolmentNode.asText()), courseId);
            }
            Long found = enrolment;
            if (found == null || checked.stream().anyMatch(e -> e.enrolmentId() == found)) {
                throw refused("invalid:enrolment");
            }
            JsonNode absent = element.get("absent");
            if (absent == null || !absent.isBoolean()) {
                throw refused("invalid:absent");
            }
            JsonNode excused = element.get("excused");
            if (excused != null && !excused.isNull() && !excused.isBoolean()) {
                throw refused("invalid:excused");
            }
            JsonNode reasonNode = element.get("reason");
            if (reasonNode != null && !reasonNode.isNull() && !reasonNode.isTextual()) {
                throw refused("invalid:reason");
            }
            String reason = reasonNode == null || reasonNode.isNull() ? null : clean(reasonNode.textValue());
            if (reason != null && reason.codePointCount(0, reason.length()) > REASON_MAX) {
                throw refused("too_long:reason:" + REASON_MAX);
            }
            boolean isAbsent = absent.booleanValue();
            checked.add(new Entry(found, isAbsent, isAbsent && excused != null && excused.booleanValue(),
                    isAbsent ? reason : null));
        }
        return checked;
    }

    private static void lockEnrolments(Connection connection, List<Long> ids) throws SQLException {
        for (Long id : ids) {
            Queries.scalar(connection, "SELECT id FROM tutti.enrolment WHERE id = ? FOR UPDATE", id);
        }
    }

    /** family id, "Prénom Nom", was absent, its first absence's excused and reason. */
    private static Object[] pupil(Connection connection, long enrolmentId, LocalDate date) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT st.family_id, st.first_name || ' ' || st.last_name,"
                        + " (SELECT a.excused FROM tutti.absence a WHERE a.enrolment_id = e.id AND a.absence_date = ?"
                        + "   ORDER BY a.id LIMIT 1),"
                        + " (SELECT a.reason FROM tutti.absence a WHERE a.enrolment_id = e.id AND a.absence_date = ?"
                        + "   ORDER BY a.id LIMIT 1),"
                        + " EXISTS (SELECT 1 FROM tutti.absence a WHERE a.enrolment_id = e.id AND a.absence_date = ?)"
                        + " FROM tutti.enrolment e JOIN tutti.student st ON st.id = e.student_id WHERE e.id = ?")) {
            statement.setObject(1, date);
            statement.setObject(2, date);
            statement.setObject(3, date);
            statement.setLong(4, enrolmentId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(5), rs.getObject(3, Boolean.class),
                        rs.getString(4)};
            }
        }
    }

    // ------------------------------------------------------------------ record_evaluation

    /**
     * {@code tutti.record_evaluation(enrolment_id, evaluation_date, kind, mark, mention, appreciation)}: the
     * evaluation's id. Raises TU401, TU403 'forbidden', TU409 'busy' or TU422 (see SQL-API.md, "Front desk —
     * pedagogy").
     */
    public static Long recordEvaluation(Connection connection, Long enrolmentId, LocalDate evaluationDate, String kind,
                                        BigDecimal mark, String mention, String appreciation) throws SQLException {
        Staff staff = staff(connection);
        Object[] sheet = sheet(connection, enrolmentId, staff);
        LocalDate yearStart = (LocalDate) sheet[2];
        LocalDate yearEnd = (LocalDate) sheet[3];
        if (kind == null || !KINDS.contains(kind)) {
            throw refused("invalid:kind");
        }
        if (evaluationDate == null || evaluationDate.isAfter(staff.today()) || evaluationDate.isBefore(yearStart)
                || evaluationDate.isAfter(yearEnd)) {
            throw refused("invalid:evaluation_date");
        }
        if (mark != null && (mark.signum() < 0 || mark.compareTo(TWENTY) > 0
                || mark.compareTo(mark.setScale(2, RoundingMode.HALF_UP)) != 0)) {
            throw refused("invalid:mark");
        }
        String cleanMention = clean(mention);
        if (cleanMention != null && cleanMention.codePointCount(0, cleanMention.length()) > MENTION_MAX) {
            throw refused("too_long:mention:" + MENTION_MAX);
        }
        String cleanAppreciation = clean(appreciation);
        if (cleanAppreciation != null && cleanAppreciation.codePointCount(0, cleanAppreciation.length()) > APPRECIATION_MAX) {
            throw refused("too_long:appreciation:" + APPRECIATION_MAX);
        }
        if (mark == null && cleanMention == null) {
            throw refused("invalid:mark");
        }
        BigDecimal rounded = mark == null ? null : mark.setScale(2, RoundingMode.HALF_UP);
        long created;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tutti.evaluation (enrolment_id, teacher_id, evaluation_date, kind, mark, mention, appreciation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
            insert.setLong(1, (Long) sheet[0]);
            insert.setLong(2, (Long) sheet[1]);
            insert.setObject(3, evaluationDate);
            insert.setString(4, kind);
            insert.setBigDecimal(5, rounded);
            insert.setString(6, cleanMention);
            insert.setString(7, cleanAppreciation);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                created = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw busyOr(e);
        }
        String student = (String) sheet[6];
        String after = "{\"student\":" + jsonString(student)
                + ",\"date\":" + jsonString(evaluationDate.toString())
                + ",\"kind\":" + jsonString(kind)
                + ",\"mark\":" + (rounded == null ? "null" : jsonString(rounded.toPlainString()))
                + ",\"mention\":" + (cleanMention == null ? "null" : jsonString(cleanMention))
                + ",\"appreciation\":" + (cleanAppreciation == null ? "null" : jsonString(cleanAppreciation)) + "}";
        Audit.staff(connection, staff.now(), staff.siteId(), staff.accountId(), (Long) sheet[5], "EVALUATION_RECORDED",
                "Évaluation saisie (" + sheet[4] + ", " + student + ")", null, after);
        return created;
    }

    /** enrolment id, teacher id, year start, year end, discipline, family id, "Prénom Nom"; TU403 unless of the site. */
    private static Object[] sheet(Connection connection, Long enrolmentId, Staff staff) throws SQLException {
        if (enrolmentId == null) {
            throw forbidden();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT e.id, c.teacher_id, y.start_date, y.end_date, d.name, st.family_id,"
                        + " st.first_name || ' ' || st.last_name FROM tutti.enrolment e"
                        + " JOIN tutti.course c ON c.id = e.course_id"
                        + " JOIN tutti.school_year y ON y.id = c.school_year_id"
                        + " JOIN tutti.discipline d ON d.id = c.discipline_id"
                        + " JOIN tutti.student st ON st.id = e.student_id WHERE e.id = ? AND c.site_id = ?")) {
            statement.setLong(1, enrolmentId);
            statement.setLong(2, staff.siteId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw forbidden();
                }
                return new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6), rs.getString(7)};
            }
        }
    }
}
