package org.tutti.client.flow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.tutti.schema.H2Urls;

/**
 * What the demo database holds of a student's pedagogical file, read by plain SQL on the
 * application's own H2 file (a second connection of this JVM), so that the flow tests compare
 * the Élèves screen with the data and not with the application's own queries.
 */
final class PedagogyData {

    record Student(long id, String firstName, String lastName) {
        String name() {
            return firstName + " " + lastName;
        }
    }

    record Sheet(long enrolmentId, String year, String department, String discipline, String classLabel,
            String teacher, int day, LocalTime start, int durationMinutes, int evaluations, int excused,
            int unexcused) {
    }

    record Evaluation(long id, LocalDate date, String teacher, String appreciation) {
    }

    record Absence(long id, LocalDate date, LocalTime start, int durationMinutes, boolean excused, String reason) {
    }

    record Participation(long id, String repertoire, String title, LocalDate date, String place, String piece,
            String composer, int durationSeconds, String comment) {
    }

    private static final String SHEETS = "select e.id, y.label, dep.name, d.name, c.class_label,"
            + " t.first_name || ' ' || t.last_name, c.day_of_week, c.start_time, c.duration_minutes,"
            + " (select count(*) from tutti.evaluation ev where ev.enrolment_id = e.id),"
            + " (select count(*) from tutti.absence a where a.enrolment_id = e.id and a.excused),"
            + " (select count(*) from tutti.absence a where a.enrolment_id = e.id and not a.excused)"
            + " from tutti.enrolment e"
            + " join tutti.course c on c.id = e.course_id"
            + " join tutti.school_year y on y.id = c.school_year_id"
            + " join tutti.discipline d on d.id = c.discipline_id"
            + " join tutti.department dep on dep.id = d.department_id"
            + " join tutti.teacher t on t.id = c.teacher_id"
            + " where e.student_id = ?";

    private final Path dataFolder;

    PedagogyData(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
    }

    /** A family's students at BELLERIVE. */
    List<Student> students(String family) throws SQLException {
        return list("select s.id, s.first_name, s.last_name from tutti.student s"
                + " join tutti.family f on f.id = s.family_id join tutti.site si on si.id = f.site_id"
                + " where f.identifier = ? and si.code = 'BELLERIVE' order by s.id", family,
                rs -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** This year's enrolments that are not withdrawn, in the week's order (day, time). */
    List<Sheet> currentCourses(long student) throws SQLException {
        return list(SHEETS + " and y.is_current and e.status <> 'WITHDRAWN'"
                + " order by c.day_of_week, c.start_time, e.id", student, PedagogyData::sheet);
    }

    /** Every enrolment of the years before the current one: newest year first, then department, discipline. */
    List<Sheet> history(long student) throws SQLException {
        return list(SHEETS + " and y.start_date < (select start_date from tutti.school_year where is_current)"
                + " order by y.start_date desc, dep.name, d.name, e.id", student, PedagogyData::sheet);
    }

    /** A course's evaluations, oldest first. */
    List<Evaluation> evaluations(long enrolment) throws SQLException {
        return list("select ev.id, ev.evaluation_date, t.first_name || ' ' || t.last_name, ev.appreciation"
                + " from tutti.evaluation ev join tutti.teacher t on t.id = ev.teacher_id"
                + " where ev.enrolment_id = ? order by ev.evaluation_date, ev.id", enrolment,
                rs -> new Evaluation(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4)));
    }

    /** A course's absences, oldest first. */
    List<Absence> absences(long enrolment) throws SQLException {
        return list("select a.id, a.absence_date, a.start_time, a.duration_minutes, a.excused, a.reason"
                + " from tutti.absence a where a.enrolment_id = ? order by a.absence_date, a.start_time, a.id",
                enrolment, rs -> new Absence(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getInt(4), rs.getBoolean(5), rs.getString(6)));
    }

    /** The events a student took part in, newest first. */
    List<Participation> repertoire(long student) throws SQLException {
        return list("select p.id, m.repertoire, m.title, m.event_date, m.place, p.piece, p.composer,"
                + " p.duration_seconds, p.comment from tutti.event_participation p"
                + " join tutti.musical_event m on m.id = p.event_id"
                + " where p.student_id = ? order by m.event_date desc, p.id", student,
                rs -> new Participation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getInt(8), rs.getString(9)));
    }

    /** BELLERIVE students (of any family) with no sheet of an earlier year. */
    List<Long> studentsWithoutHistory() throws SQLException {
        return list("select s.id from tutti.student s join tutti.family f on f.id = s.family_id"
                + " join tutti.site si on si.id = f.site_id where si.code = 'BELLERIVE'"
                + " and not exists (select 1 from tutti.enrolment e join tutti.course c on c.id = e.course_id"
                + " join tutti.school_year y on y.id = c.school_year_id where e.student_id = s.id and not y.is_current)"
                + " order by s.id", null, rs -> rs.getLong(1));
    }

    /** The family identifier of a student. */
    String familyOf(long student) throws SQLException {
        return list("select f.identifier from tutti.family f join tutti.student s on s.family_id = f.id"
                + " where s.id = ?", student, rs -> rs.getString(1)).get(0);
    }

    private static Sheet sheet(ResultSet rs) throws SQLException {
        return new Sheet(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getObject(8, LocalTime.class), rs.getInt(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String sql, Object parameter, Row<T> row) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            if (parameter != null) {
                p.setObject(1, parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        }
    }
}
