package org.tutti.client.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.data.entity.ChangeRequestStatus;
import org.tutti.client.data.entity.ChangeTarget;
import org.tutti.client.data.entity.Civility;
import org.tutti.client.data.entity.Sex;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.FamilyFileHeader;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.domain.RefusedChange;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.FamilyFileService.Refusal;
import org.tutti.client.service.ServiceException;

/**
 * Famille and Élèves › Identité over the SQL API. Reads are projections into records (on
 * PostgreSQL a family has column privileges and row-level security) that state the
 * {@link Visibility} rule. Pending values come from the family's {@code change_request} rows with
 * status PENDING (the newest per field wins, though the database supersedes older ones).
 * Refused changes the family has not marked as seen come with the file ({@code seen_at} null);
 * {@code tutti.acknowledge_change} marks one. Changes go through
 * {@code tutti.submit_changes(target, id, json, shown)}; its refusals name the field (TU422
 * {@code invalid:<column>}, {@code unknown_field:<column>}, {@code too_long:<column>:<max>}; TU409
 * {@code already_pending:<column>}, {@code replaced:<column>}). The front desk, viewing one family,
 * applies changes at once through {@code tutti.staff_edit(target, id, json)} (same refusals), and
 * does not see the family's refused changes (the family marks them as seen, not the staff).
 */
final class HibernateFamilyFileService implements FamilyFileService {

    static final String SUBMIT_CHANGES = "select tutti.submit_changes(?, ?, ?)";
    static final String SUBMIT_CHANGES_SHOWN = "select tutti.submit_changes(?, ?, ?, ?)";
    static final String ACKNOWLEDGE_CHANGE = "select tutti.acknowledge_change(?)";
    static final String STAFF_EDIT = "select tutti.staff_edit(?, ?, ?)";

    private static final Logger LOG = LoggerFactory.getLogger(HibernateFamilyFileService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    HibernateFamilyFileService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The family's row: the columns of {@link FamilyFile#FIELDS}. */
    private record FamilyRow(Civility civility, String lastName, String firstName, String address1, String address2,
            String postalCode, String city, String country, String phoneHome, String phoneMobile, String phoneWork,
            String email) {

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("civility", text(civility));
            fields.put("last_name", lastName);
            fields.put("first_name", firstName);
            fields.put("address1", address1);
            fields.put("address2", address2);
            fields.put("postal_code", postalCode);
            fields.put("city", city);
            fields.put("country", country);
            fields.put("phone_home", phoneHome);
            fields.put("phone_mobile", phoneMobile);
            fields.put("phone_work", phoneWork);
            fields.put("email", email);
            return fields;
        }
    }

    /** A student's row: its id and the columns of {@link StudentIdentity#FIELDS}. */
    private record StudentRow(long id, String lastName, String firstName, Sex sex, LocalDate birthDate, String email,
            String phoneMobile, String schoolLevel) {

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("last_name", lastName);
            fields.put("first_name", firstName);
            fields.put("sex", text(sex));
            fields.put("birth_date", text(birthDate));
            fields.put("email", email);
            fields.put("phone_mobile", phoneMobile);
            fields.put("school_level", schoolLevel);
            return fields;
        }
    }

    /** A pending change of one field. */
    /** A pending change of one of several rows (students), with the row it changes. */
    private record TargetPendingRow(long targetId, long id, String field, String newValue) {
    }

    /** A refused change not yet seen, of one of several rows (students), with the row it changes. */
    private record TargetRefusedRow(long targetId, long id, String field, String newValue, String comment,
            Instant decidedAt) {
        RefusedChange change() {
            return new RefusedChange(id, field, newValue, comment, decidedAt);
        }
    }

    private record PendingRow(long id, String field, String newValue) {
    }

    /** The session's visibility, which must be a family's (or the front desk's in one family's file). */
    private static Visibility familyOf(UserSession user) {
        if (user == null || user.familyId() == null) {
            throw new IllegalArgumentException("Not a family session: " + user);
        }
        return Visibility.of(user);
    }

    @Override
    public FamilyFile loadFamily(UserSession user) {
        Visibility visibility = familyOf(user);
        long familyId = user.familyId();
        return transactions.readOnly(user, session -> {
            FamilyRow family = visibility.bind(session.createSelectionQuery(
                            "select f.civility, f.lastName, f.firstName, f.address1, f.address2, f.postalCode,"
                                    + " f.city, f.country, f.phoneHome, f.phoneMobile, f.phoneWork, f.email"
                                    + " from Family f where " + visibility.families("f"), FamilyRow.class))
                    .getResultList().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("The session's family " + familyId + " is not visible"));
            return new FamilyFile(familyId, values(session, visibility, family.fields(), ChangeTarget.FAMILY, familyId,
                    user.isViewingFamily()));
        });
    }

    @Override
    public List<StudentIdentity> students(UserSession user) {
        Visibility visibility = familyOf(user);
        Collator collator = HibernateSiteService.frenchCollator();
        return transactions.readOnly(user, session -> students(session, visibility, studentRows(session, visibility, null),
                        user.isViewingFamily()).stream()
                .sorted(Comparator.comparing(StudentIdentity::firstName, collator)
                        .thenComparing(StudentIdentity::lastName, collator)
                        .thenComparing(StudentIdentity::id))
                .toList());
    }

    @Override
    public StudentIdentity loadStudent(UserSession user, long studentId) {
        Visibility visibility = familyOf(user);
        return transactions.readOnly(user, session -> studentRows(session, visibility, studentId).stream()
                .map(r -> student(session, visibility, r, user.isViewingFamily()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a student of the family: " + studentId)));
    }

    private static List<StudentRow> studentRows(Session session, Visibility visibility, Long studentId) {
        var query = visibility.bind(session.createSelectionQuery(
                        "select s.id, s.lastName, s.firstName, s.sex, s.birthDate, s.email, s.phoneMobile, s.schoolLevel"
                                + " from Student s where " + visibility.families("s.family")
                                + (studentId == null ? "" : " and s.id = :student"), StudentRow.class));
        if (studentId != null) {
            query.setParameter("student", studentId);
        }
        return query.getResultList();
    }

    private static StudentIdentity student(Session session, Visibility visibility, StudentRow r, boolean frontDesk) {
        return new StudentIdentity(r.id(), r.firstName(), r.lastName(),
                values(session, visibility, r.fields(), ChangeTarget.STUDENT, r.id(), frontDesk));
    }

    /**
     * The students of {@code rows} with their pending and unseen refused changes, read for all of
     * them at once: the same statements for one student or ten.
     */
    private static List<StudentIdentity> students(Session session, Visibility visibility, List<StudentRow> rows,
            boolean frontDesk) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(StudentRow::id).toList();
        Map<Long, List<TargetPendingRow>> pending = visibility.bind(session.createSelectionQuery(
                        "select c.targetId, c.id, c.fieldName, c.newValue from ChangeRequest c"
                                + " where " + visibility.families("c.family")
                                + " and c.target = :target and c.targetId in :ids"
                                + " and c.status = :pending order by c.submittedAt, c.id", TargetPendingRow.class))
                .setParameter("target", ChangeTarget.STUDENT)
                .setParameterList("ids", ids)
                .setParameter("pending", ChangeRequestStatus.PENDING)
                .getResultList().stream()
                .collect(Collectors.groupingBy(TargetPendingRow::targetId));
        Map<Long, List<TargetRefusedRow>> refused = frontDesk ? Map.of() : visibility.bind(session.createSelectionQuery(
                        "select c.targetId, c.id, c.fieldName, c.newValue, c.decisionComment, c.decidedAt"
                                + " from ChangeRequest c"
                                + " where " + visibility.families("c.family")
                                + " and c.target = :target and c.targetId in :ids"
                                + " and c.status = :rejected and c.seenAt is null order by c.decidedAt, c.id",
                        TargetRefusedRow.class))
                .setParameter("target", ChangeTarget.STUDENT)
                .setParameterList("ids", ids)
                .setParameter("rejected", ChangeRequestStatus.REJECTED)
                .getResultList().stream()
                .collect(Collectors.groupingBy(TargetRefusedRow::targetId));
        return rows.stream().map(r -> {
            Map<String, String> pendingValues = new HashMap<>();
            Map<String, Long> pendingIds = new HashMap<>();
            for (TargetPendingRow change : pending.getOrDefault(r.id(), List.of())) {
                pendingValues.put(change.field(), change.newValue());
                pendingIds.put(change.field(), change.id());
            }
            List<RefusedChange> refusedChanges = refused.getOrDefault(r.id(), List.of()).stream()
                    .map(TargetRefusedRow::change).toList();
            return new StudentIdentity(r.id(), r.firstName(), r.lastName(),
                    new FieldValues(r.fields(), pendingValues, pendingIds, refusedChanges));
        }).toList();
    }

    /**
     * A row's values with its pending changes (and their request ids) and its unseen refused changes
     * (none for the front desk: only the family marks them as seen).
     */
    private static FieldValues values(Session session, Visibility visibility, Map<String, String> current,
            ChangeTarget target, long targetId, boolean frontDesk) {
        Map<String, String> pending = new HashMap<>();
        Map<String, Long> pendingIds = new HashMap<>();
        visibility.bind(session.createSelectionQuery(
                        "select c.id, c.fieldName, c.newValue from ChangeRequest c"
                                + " where " + visibility.families("c.family")
                                + " and c.target = :target and c.targetId = :id"
                                + " and c.status = :pending order by c.submittedAt, c.id", PendingRow.class))
                .setParameter("target", target)
                .setParameter("id", targetId)
                .setParameter("pending", ChangeRequestStatus.PENDING)
                .getResultList()
                .forEach(r -> {
                    pending.put(r.field(), r.newValue());
                    pendingIds.put(r.field(), r.id());
                });
        List<RefusedChange> refused = frontDesk ? List.of() : visibility.bind(session.createSelectionQuery(
                        "select c.id, c.fieldName, c.newValue, c.decisionComment, c.decidedAt from ChangeRequest c"
                                + " where " + visibility.families("c.family")
                                + " and c.target = :target and c.targetId = :id"
                                + " and c.status = :rejected and c.seenAt is null order by c.decidedAt, c.id",
                        RefusedChange.class))
                .setParameter("target", target)
                .setParameter("id", targetId)
                .setParameter("rejected", ChangeRequestStatus.REJECTED)
                .getResultList();
        return new FieldValues(current, pending, pendingIds, refused);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }

    @Override
    public void acknowledge(UserSession user, long requestId) {
        familyOf(user);
        transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement acknowledge = connection.prepareStatement(ACKNOWLEDGE_CHANGE)) {
                acknowledge.setLong(1, requestId);
                acknowledge.executeQuery().close();
                return null;
            } catch (SQLException e) {
                throw refusal(e);
            }
        }));
        LOG.info("Refused change {} marked as seen: {}", requestId, user);
    }

    @Override
    public int submit(UserSession user, Target target, long id, Map<String, String> changes,
            Map<String, Long> shown) {
        familyOf(user);
        if (changes == null || changes.isEmpty()) {
            loggedIn(user);
            return 0;
        }
        String shownBody = shown == null ? null : json(shown);
        int recorded = send(user, shownBody == null ? SUBMIT_CHANGES : SUBMIT_CHANGES_SHOWN, target, id, changes,
                shownBody);
        LOG.info("Changes submitted for validation ({} {}: {} field(s)): {}", target, id, recorded, user);
        return recorded;
    }

    private static void loggedIn(UserSession user) {
        if (user.token() == null) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "Not logged in");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Changes not serialisable", e);
        }
    }

    /**
     * Calls {@code sql} (submit_changes or staff_edit) with the target, its id, the changes as a
     * JSON object and, when not null, {@code shownBody}: the number it answers; its refusals as
     * {@link FieldRefusedException}.
     */
    private int send(UserSession user, String sql, Target target, long id, Map<String, String> changes,
            String shownBody) {
        loggedIn(user);
        ObjectNode object = JSON.createObjectNode();
        changes.forEach(object::put);
        String body = json(object);
        return transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement call = connection.prepareStatement(sql)) {
                call.setString(1, target.name());
                call.setLong(2, id);
                call.setString(3, body);
                if (shownBody != null) {
                    call.setString(4, shownBody);
                }
                try (ResultSet rs = call.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            } catch (SQLException e) {
                throw refusal(e);
            }
        }));
    }

    @Override
    public FamilyFileHeader header(UserSession viewing) {
        if (viewing == null || !viewing.isViewingFamily()) {
            throw new IllegalArgumentException("Not the front desk viewing a family: " + viewing);
        }
        Visibility visibility = Visibility.of(viewing);
        long familyId = viewing.familyId();
        return transactions.readOnly(viewing, session -> session.doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select f.identifier, f.civility, f.first_name, f.last_name, f.email, f.phone_mobile, f.phone_home,"
                            + " a.id, a.active, a.locked_until > current_timestamp"
                            + " from tutti.family f left join tutti.account a on a.family_id = f.id and a.role = 'FAMILY'"
                            + " where f.id = ? and " + visibility.familiesSql("f")
                            + " and f.site_id = (select vs.id from tutti.site vs where vs.code = ?) order by a.id limit 1")) {
                query.setLong(1, familyId);
                query.setObject(2, visibility.sqlParameter());
                query.setString(3, viewing.siteCode());
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("Not a family of the front desk's site: " + familyId);
                    }
                    FamilyFileHeader.AccountState state;
                    if (rs.getObject(8) == null) {
                        state = FamilyFileHeader.AccountState.NONE;
                    } else if (!rs.getBoolean(9)) {
                        state = FamilyFileHeader.AccountState.INACTIVE;
                    } else {
                        state = rs.getBoolean(10) ? FamilyFileHeader.AccountState.LOCKED
                                : FamilyFileHeader.AccountState.ACTIVE;
                    }
                    String phone = rs.getString(6) != null ? rs.getString(6) : rs.getString(7);
                    return new FamilyFileHeader(familyId, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), phone, state);
                }
            }
        }));
    }

    @Override
    public int edit(UserSession viewing, Target target, long id, Map<String, String> changes) {
        if (viewing == null || !viewing.isViewingFamily()) {
            throw new IllegalArgumentException("Not the front desk viewing a family: " + viewing);
        }
        if (changes == null || changes.isEmpty()) {
            loggedIn(viewing);
            return 0;
        }
        int changed = send(viewing, STAFF_EDIT, target, id, changes, null);
        LOG.info("Changes applied at the front desk ({} {}: {} field(s)): {}", target, id, changed, viewing);
        return changed;
    }

    private static RuntimeException refusal(SQLException e) throws SQLException {
        String state = e.getSQLState();
        if (HibernateAccountService.NO_SESSION.equals(state)) {
            return new ServiceException(ServiceException.Reason.SESSION_EXPIRED,
                    "The database no longer knows this session (ended or expired)", e);
        }
        if ("TU403".equals(state)) {
            return new IllegalArgumentException("Not a file of the session's family", e);
        }
        if (HibernateAccountService.UNACCEPTABLE.equals(state) || "TU409".equals(state)) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            for (Refusal refusal : Refusal.values()) {
                String prefix = PREFIXES.get(refusal);
                int at = message.indexOf(prefix);
                if (at >= 0) {
                    String field = column(message, at + prefix.length());
                    int limit = 0;
                    int end = at + prefix.length() + field.length();
                    if (refusal == Refusal.TOO_LONG && end < message.length() && message.charAt(end) == ':') {
                        String digits = column(message, end + 1);
                        limit = digits.matches("\\d{1,6}") ? Integer.parseInt(digits) : 0;
                    }
                    return new FieldRefusedException(field, refusal, limit, e);
                }
            }
        }
        throw e;
    }

    /** What the database's message starts with, per refusal (TU422 and TU409). */
    private static final Map<Refusal, String> PREFIXES = Map.of(
            Refusal.INVALID, "invalid:", Refusal.UNKNOWN, "unknown_field:", Refusal.TOO_LONG, "too_long:",
            Refusal.ALREADY_PENDING, "already_pending:", Refusal.REPLACED, "replaced:");

    /** The column name starting at {@code from}: letters, digits and underscores. */
    static String column(String message, int from) {
        int end = from;
        while (end < message.length()
                && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
            end++;
        }
        return message.substring(from, end);
    }
}
