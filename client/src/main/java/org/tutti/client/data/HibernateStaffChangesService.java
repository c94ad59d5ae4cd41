package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.data.entity.ChangeRequestStatus;
import org.tutti.client.data.entity.ChangeTarget;
import org.tutti.client.data.entity.Civility;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.PendingChange;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.StaffChangesService;

/**
 * Validations through the SQL API: the site's pending {@code change_request} rows (projections
 * into records that state the {@link Visibility} rule: the families of the front desk's site),
 * and {@code tutti.decide_change}, whose
 * refusals are SQLSTATEs read here ({@code TU409 conflict} / {@code already_decided},
 * {@code TU403}, {@code TU401}).
 */
final class HibernateStaffChangesService implements StaffChangesService {

    static final String DECIDE = "select tutti.decide_change(?, ?, ?, ?)";

    private static final Logger LOG = LoggerFactory.getLogger(HibernateStaffChangesService.class);

    /** The columns a request may name (SQL-API.md); anything else is never put in a query. */
    static final Set<String> FAMILY_FIELDS = Set.of("civility", "last_name", "first_name", "address1", "address2",
            "postal_code", "city", "country", "phone_home", "phone_mobile", "phone_work", "email");
    static final Set<String> STUDENT_FIELDS = Set.of("last_name", "first_name", "sex", "birth_date", "email",
            "phone_mobile", "school_level");

    private final Transactions transactions;

    HibernateStaffChangesService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A pending request with its family. */
    private record Row(long id, long familyId, String identifier, Civility civility, String firstName, String lastName,
            ChangeTarget target, long targetId, String field, String oldValue, String newValue, Instant submittedAt) {
    }

    private record StudentName(long id, String firstName, String lastName) {
    }

    /** What a request changes. */
    private record Change(ChangeTarget target, long targetId, String field) {
    }

    @Override
    public List<PendingChange> pending(UserSession user) {
        requireStaff(user);
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            List<Row> rows = visibility.bind(session.createSelectionQuery(
                            "select cr.id, f.id, f.identifier, f.civility, f.firstName, f.lastName, cr.target, cr.targetId,"
                                    + " cr.fieldName, cr.oldValue, cr.newValue, cr.submittedAt"
                                    + " from ChangeRequest cr join cr.family f"
                                    + " where cr.status = :pending and " + visibility.families("f")
                                    + " order by cr.submittedAt, cr.id", Row.class))
                    .setParameter("pending", ChangeRequestStatus.PENDING)
                    .getResultList();
            Map<Long, String> studentNames = new HashMap<>();
            List<Long> studentIds = rows.stream().filter(r -> r.target() == ChangeTarget.STUDENT)
                    .map(Row::targetId).distinct().toList();
            if (!studentIds.isEmpty()) {
                visibility.bind(session.createSelectionQuery(
                                "select s.id, s.firstName, s.lastName from Student s"
                                        + " where s.id in :ids and " + visibility.families("s.family"),
                                StudentName.class))
                        .setParameter("ids", studentIds)
                        .getResultList()
                        .forEach(s -> studentNames.put(s.id(), s.firstName() + " " + s.lastName()));
            }
            Map<Change, String> current = currentValues(session,
                    rows.stream().map(r -> new Change(r.target(), r.targetId(), r.field())).toList());
            List<PendingChange> result = new ArrayList<>(rows.size());
            for (Row r : rows) {
                boolean student = r.target() == ChangeTarget.STUDENT;
                result.add(new PendingChange(r.id(), r.familyId(), r.identifier(), r.civility().name(),
                        r.firstName() + " " + r.lastName(),
                        r.target().name(), student ? r.targetId() : null, student ? studentNames.get(r.targetId()) : null,
                        r.field(), r.oldValue(), r.newValue(), current.get(new Change(r.target(), r.targetId(), r.field())),
                        r.submittedAt()));
            }
            return result;
        });
    }

    /** Rows read per statement by {@link #currentValues}. */
    private static final int IDS_PER_STATEMENT = 500;

    /**
     * As {@link #currentValue} for many requests: the rows they name read once per table (every
     * field a request may name), not once per request.
     */
    static Map<Change, String> currentValues(Session session, List<Change> changes) {
        Map<Change, String> values = new HashMap<>();
        for (ChangeTarget target : ChangeTarget.values()) {
            Set<String> allowed = target == ChangeTarget.STUDENT ? STUDENT_FIELDS : FAMILY_FIELDS;
            List<Change> named = changes.stream().filter(c -> c.target() == target).toList();
            named.stream().filter(c -> !allowed.contains(c.field()))
                    .forEach(c -> LOG.warn("Change request on an unknown field {}.{}", target, c.field()));
            List<Long> ids = named.stream().filter(c -> allowed.contains(c.field())).map(Change::targetId)
                    .distinct().toList();
            List<String> columns = allowed.stream().sorted().toList();
            String table = target == ChangeTarget.STUDENT ? "tutti.student" : "tutti.family";
            Map<Long, Map<String, String>> rows = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                String sql = "select id, " + String.join(", ", columns) + " from " + table + " where id in ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                session.doWork(connection -> {
                    try (PreparedStatement select = connection.prepareStatement(sql)) {
                        for (int i = 0; i < chunk.size(); i++) {
                            select.setLong(i + 1, chunk.get(i));
                        }
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                Map<String, String> row = new HashMap<>();
                                for (String column : columns) {
                                    row.put(column, text(rs.getObject(column)));
                                }
                                rows.put(rs.getLong("id"), row);
                            }
                        }
                    }
                });
            }
            for (Change c : named) {
                Map<String, String> row = rows.get(c.targetId());
                values.put(c, row == null || !allowed.contains(c.field()) ? null : row.get(c.field()));
            }
        }
        return values;
    }

    private static String text(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value == null ? null : value.toString();
    }

    /** The field's value in the row now, as text as the requests hold it (dates ISO). */
    static String currentValue(Session session, ChangeTarget target, long targetId, String field) {
        Set<String> allowed = target == ChangeTarget.STUDENT ? STUDENT_FIELDS : FAMILY_FIELDS;
        if (!allowed.contains(field)) {
            LOG.warn("Change request on an unknown field {}.{}", target, field);
            return null;
        }
        String table = target == ChangeTarget.STUDENT ? "tutti.student" : "tutti.family";
        return session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + field + " from " + table + " where id = ?")) {
                select.setLong(1, targetId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Object value = rs.getObject(1);
                    if (value instanceof java.sql.Date date) {
                        return date.toLocalDate().toString();
                    }
                    return value == null ? null : value.toString();
                }
            }
        });
    }

    @Override
    public DecisionResult decide(UserSession user, long requestId, boolean accept, String comment, boolean force) {
        requireStaff(user);
        try {
            String outcome = transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
                try (PreparedStatement decide = connection.prepareStatement(DECIDE)) {
                    StaffDecisions.bind(decide, requestId, accept, comment);
                    decide.setBoolean(4, force);
                    try (ResultSet rs = decide.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                } catch (SQLException e) {
                    throw refusal(e);
                }
            }));
            LOG.info("Change request {} decided: {} ({})", requestId, outcome, user);
            return DecisionResult.of("ACCEPTED".equals(outcome) ? Outcome.ACCEPTED : Outcome.REJECTED);
        } catch (StaffDecisions.Refused refused) {
            LOG.info("Decision on change request {} refused: {} ({})", requestId, refused.outcome(), user);
            if (refused.outcome() == Outcome.CONFLICT) {
                return new DecisionResult(Outcome.CONFLICT, currentValueOf(user, requestId));
            }
            return DecisionResult.of(refused.outcome());
        }
    }

    /** In a new transaction (the refused one is unusable on PostgreSQL): what the request's field holds now. */
    private String currentValueOf(UserSession user, long requestId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> visibility.bind(session.createSelectionQuery(
                        "select cr.target, cr.targetId, cr.fieldName from ChangeRequest cr"
                                + " where cr.id = :id and " + visibility.families("cr.family"), Change.class))
                .setParameter("id", requestId)
                .getResultList().stream()
                .findFirst()
                .map(c -> currentValue(session, c.target(), c.targetId(), c.field()))
                .orElse(null));
    }

    private static RuntimeException refusal(SQLException e) throws SQLException {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (HibernateAccountService.NO_SESSION.equals(state)) {
            return new ServiceException(ServiceException.Reason.SESSION_EXPIRED,
                    "The database no longer knows this session (ended or expired)", e);
        }
        if ("TU403".equals(state)) {
            return new StaffDecisions.Refused(Outcome.FORBIDDEN);
        }
        if ("TU409".equals(state)) {
            if (message.contains("already_decided")) {
                return new StaffDecisions.Refused(Outcome.ALREADY_DECIDED);
            }
            if (message.contains("conflict")) {
                return new StaffDecisions.Refused(Outcome.CONFLICT);
            }
        }
        throw e;
    }

    private static void requireStaff(UserSession user) {
        if (user == null || user.token() == null) {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "Not logged in");
        }
        if (!user.isStaff()) {
            throw new IllegalArgumentException("Not a staff session: " + user);
        }
    }
}
