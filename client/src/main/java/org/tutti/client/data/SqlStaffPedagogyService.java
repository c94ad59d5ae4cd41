package org.tutti.client.data;

import static org.tutti.client.data.ReenrolmentRows.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.AbsenceEntry;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.EvaluationEntry;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.service.PedagogyRefusedException;
import org.tutti.client.service.PedagogyRefusedException.Reason;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.StaffPedagogyService;

/**
 * Pédagogie at the front desk. Reads are plain SQL on the tables a staff session reads already
 * (its site's courses, enrolments, students and absences: grants and row-level security on
 * PostgreSQL), stating the {@link Visibility} rule that keeps H2 honest; writes are calls of
 * {@code tutti.record_absences} and {@code tutti.record_evaluation} in a transaction bound to the
 * session, whose refusals become {@link PedagogyRefusedException}s.
 */
final class SqlStaffPedagogyService implements StaffPedagogyService {

    static final String RECORD_ABSENCES = "select tutti.record_absences(?, ?, ?)";
    static final String RECORD_EVALUATION = "select tutti.record_evaluation(?, ?, ?, ?, ?, ?)";

    private static final Logger LOG = LoggerFactory.getLogger(SqlStaffPedagogyService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    SqlStaffPedagogyService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<StaffCourse> courses(UserSession user) {
        Visibility visibility = Visibility.ofStaff(user);
        List<StaffCourse> courses = new ArrayList<>(transactions.readOnly(user, session -> list(session,
                "select c.id, d.name, c.class_label, cy.name, t.first_name, t.last_name, c.day_of_week, c.start_time,"
                        + " c.duration_minutes, (select count(*) from tutti.enrolment e where e.course_id = c.id"
                        + "   and e.status = 'ACTIVE')"
                        + " from tutti.course c"
                        + " join tutti.school_year y on y.id = c.school_year_id"
                        + " join tutti.discipline d on d.id = c.discipline_id"
                        + " join tutti.teacher t on t.id = c.teacher_id"
                        + " left join tutti.cycle cy on cy.id = c.cycle_id"
                        + " where y.is_current and " + visibility.siteSql("c.site_id"),
                rs -> new StaffCourse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        BillingRows.studentName(rs.getString(5), rs.getString(6)), DayOfWeek.of(rs.getInt(7)),
                        rs.getObject(8, LocalTime.class), rs.getInt(9), rs.getInt(10)),
                visibility.sqlParameter())));
        Collator collator = HibernateSiteService.frenchCollator();
        courses.sort(Comparator.comparing(StaffCourse::discipline, collator)
                .thenComparing(StaffCourse::classLabel, collator)
                .thenComparing(StaffCourse::day).thenComparing(StaffCourse::startTime).thenComparingLong(StaffCourse::id));
        return courses;
    }

    @Override
    public List<CourseStudent> students(UserSession user, long courseId) {
        Visibility visibility = Visibility.ofStaff(user);
        List<CourseStudent> students = new ArrayList<>(transactions.readOnly(user, session -> {
            requireCourse(session, visibility, courseId);
            return list(session, "select e.id, st.id, f.id, st.first_name, st.last_name, f.identifier"
                            + " from tutti.enrolment e"
                            + " join tutti.student st on st.id = e.student_id"
                            + " join tutti.family f on f.id = st.family_id"
                            + " where e.course_id = ? and e.status = 'ACTIVE' and " + visibility.familiesSql("f"),
                    rs -> new CourseStudent(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            BillingRows.studentName(rs.getString(4), rs.getString(5)), rs.getString(6)),
                    courseId, visibility.sqlParameter());
        }));
        students.sort(Comparator.comparing(CourseStudent::name, HibernateSiteService.frenchCollator())
                .thenComparingLong(CourseStudent::enrolmentId));
        return students;
    }

    @Override
    public List<AbsenceEntry> absences(UserSession user, long courseId, LocalDate date) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> {
            requireCourse(session, visibility, courseId);
            List<AbsenceEntry> rows = list(session, "select a.enrolment_id, a.excused, a.reason from tutti.absence a"
                            + " join tutti.enrolment e on e.id = a.enrolment_id"
                            + " join tutti.student st on st.id = e.student_id"
                            + " join tutti.family f on f.id = st.family_id"
                            + " where e.course_id = ? and a.absence_date = ? and " + visibility.familiesSql("f")
                            + " order by a.enrolment_id, a.id",
                    rs -> new AbsenceEntry(rs.getLong(1), true, rs.getBoolean(2), rs.getString(3)),
                    courseId, date, visibility.sqlParameter());
            // one line per student (the first of a date's absences, as the function reads it)
            List<AbsenceEntry> firsts = new ArrayList<>();
            for (AbsenceEntry row : rows) {
                if (firsts.isEmpty() || firsts.get(firsts.size() - 1).enrolmentId() != row.enrolmentId()) {
                    firsts.add(row);
                }
            }
            return firsts;
        });
    }

    /** NOT_FOUND unless the course is one of the site's. */
    private static void requireCourse(org.hibernate.Session session, Visibility visibility, long courseId) {
        if (list(session, "select c.id from tutti.course c where c.id = ? and " + visibility.siteSql("c.site_id"),
                rs -> rs.getLong(1), courseId, visibility.sqlParameter()).isEmpty()) {
            throw new ServiceException(ServiceException.Reason.NOT_FOUND, "No course " + courseId + " at this site");
        }
    }

    @Override
    public int recordAbsences(UserSession user, long courseId, LocalDate date, List<AbsenceEntry> entries) {
        Visibility.ofStaff(user);
        ArrayNode json = JSON.createArrayNode();
        for (AbsenceEntry entry : entries) {
            String reason = entry.reason() == null || entry.reason().isBlank() ? null : entry.reason().strip();
            json.addObject().put("enrolment", entry.enrolmentId()).put("absent", entry.absent())
                    .put("excused", entry.absent() && entry.excused()).put("reason", entry.absent() ? reason : null);
        }
        String text;
        try {
            text = JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable", e);
        }
        int absent = transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD_ABSENCES)) {
                statement.setLong(1, courseId);
                setDate(statement, 2, date);
                statement.setString(3, text);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw refusal(e, null);
            }
        }));
        LOG.info("Absences of {} recorded for course {}: {} absent of {} listed: {}", date, courseId, absent,
                entries.size(), user);
        return absent;
    }

    @Override
    public int recordEvaluations(UserSession user, LocalDate date, EvaluationKind kind, List<EvaluationEntry> entries) {
        Visibility.ofStaff(user);
        int recorded = transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD_EVALUATION)) {
                for (EvaluationEntry entry : entries) {
                    statement.setLong(1, entry.enrolmentId());
                    setDate(statement, 2, date);
                    statement.setString(3, kind == null ? null : kind.name());
                    statement.setBigDecimal(4, entry.mark());
                    statement.setString(5, blankToNull(entry.mention()));
                    statement.setString(6, blankToNull(entry.appreciation()));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                    } catch (SQLException e) {
                        throw refusal(e, entry.enrolmentId());
                    }
                }
                return entries.size();
            }
        }));
        LOG.info("{} evaluation(s) {} of {} recorded: {}", recorded, kind, date, user);
        return recorded;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }

    /**
     * TU401 a session that ended, TU403 (another site's course or student, no such row) NOT_FOUND,
     * TU409 / TU422 and a lock timeout a {@link PedagogyRefusedException}; anything else as it is
     * (a lost connection becomes DATABASE_UNAVAILABLE in {@link Transactions}).
     */
    static RuntimeException refusal(SQLException e, Long enrolmentId) throws SQLException {
        ReenrolmentRows.Refusal refusal = ReenrolmentRows.refusal(e);
        if (HibernateAccountService.NO_SESSION.equals(refusal.state())) {
            return ReenrolmentRows.sessionExpired(e);
        }
        if ("TU403".equals(refusal.state())) {
            return new ServiceException(ServiceException.Reason.NOT_FOUND, "Not a row of the session's site", e);
        }
        if ("55P03".equals(refusal.state()) || "busy".equals(refusal.code())) {
            return new PedagogyRefusedException(Reason.BUSY, null, enrolmentId, e);
        }
        if (HibernateAccountService.UNACCEPTABLE.equals(refusal.state()) && "invalid".equals(refusal.code())) {
            return new PedagogyRefusedException(Reason.INVALID, refusal.detail(), enrolmentId, e);
        }
        if (HibernateAccountService.UNACCEPTABLE.equals(refusal.state()) && "too_long".equals(refusal.code())) {
            return new PedagogyRefusedException(Reason.TOO_LONG, refusal.detail(), enrolmentId, e);
        }
        throw e;
    }
}
