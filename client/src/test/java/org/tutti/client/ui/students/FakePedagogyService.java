package org.tutti.client.ui.students;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.CourseKind;
import org.tutti.client.domain.model.EnrolmentStatus;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.domain.model.EventKind;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ServiceException;

/** Two students (21: one course, two earlier years, one event; 22: nothing), calls recorded. */
public final class FakePedagogyService implements PedagogyService {

    public final List<Long> pedagogyCalls = new ArrayList<>();
    public final List<Long> followUpCalls = new ArrayList<>();
    public final Map<Long, StudentPedagogy> students = new HashMap<>();
    public final Map<Long, CourseFollowUp> followUps = new HashMap<>();
    public RuntimeException failure;

    public FakePedagogyService() {
        CourseSheet current = sheet(101, 21, "2026-2027", "Piano — cycle 2 année 1", 2, 1, 1);
        CourseSheet earlier = sheet(91, 21, "2025-2026", "Piano — cycle 1 année 4", 3, 0, 0);
        CourseSheet oldest = sheet(81, 21, "2024-2025", "Piano — cycle 1 année 3", 1, 0, 2);
        RepertoireLine concert = new RepertoireLine(7, 3, "Concert de Noël", "Concert de Noël des classes de piano",
                LocalDate.of(2025, 12, 14), "Auditorium", EventKind.CONCERT, "Clair de lune", "Debussy", 305, null);
        students.put(21L, new StudentPedagogy(21, List.of(current), List.of(earlier, oldest), List.of(concert)));
        students.put(22L, new StudentPedagogy(22, List.of(), List.of(), List.of()));
        followUps.put(101L, new CourseFollowUp(current,
                List.of(new EvaluationLine(1, LocalDate.of(2026, 10, 10), EvaluationKind.CONTINUOUS,
                                new BigDecimal("15.50"), null, "Claire Martin", "Bon travail. ".repeat(40)),
                        new EvaluationLine(2, LocalDate.of(2026, 11, 20), EvaluationKind.MIDTERM, null, "Très bien",
                                "Claire Martin", null)),
                List.of(new AbsenceLine(5, LocalDate.of(2026, 11, 3), LocalTime.of(17, 30), 45, true, "Maladie"),
                        new AbsenceLine(6, LocalDate.of(2026, 11, 17), LocalTime.of(17, 30), 45, false, null))));
        followUps.put(91L, new CourseFollowUp(earlier, List.of(), List.of()));
        followUps.put(81L, new CourseFollowUp(oldest, List.of(), List.of()));
    }

    static CourseSheet sheet(long enrolment, long student, String year, String classLabel, int evaluations,
            int excused, int unexcused) {
        int start = Integer.parseInt(year.substring(0, 4));
        return new CourseSheet(enrolment, student, year, LocalDate.of(start, 9, 1), "Claviers", "Piano", "Cycle 2",
                classLabel, null, CourseKind.INDIVIDUAL, "Claire Martin", DayOfWeek.TUESDAY, LocalTime.of(17, 30), 45,
                "Salle 12", EnrolmentStatus.ACTIVE, LocalDate.of(start, 9, 12), null, evaluations, excused, unexcused);
    }

    @Override
    public StudentPedagogy pedagogy(UserSession user, long studentId) {
        pedagogyCalls.add(studentId);
        if (failure != null) {
            throw failure;
        }
        StudentPedagogy found = students.get(studentId);
        if (found == null) {
            throw new ServiceException(ServiceException.Reason.NOT_FOUND, "no student " + studentId);
        }
        return found;
    }

    @Override
    public CourseFollowUp followUp(UserSession user, long enrolmentId) {
        followUpCalls.add(enrolmentId);
        if (failure != null) {
            throw failure;
        }
        CourseFollowUp found = followUps.get(enrolmentId);
        if (found == null) {
            throw new ServiceException(ServiceException.Reason.NOT_FOUND, "no enrolment " + enrolmentId);
        }
        return found;
    }
}
