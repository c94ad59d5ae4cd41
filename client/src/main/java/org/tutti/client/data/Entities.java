package org.tutti.client.data;

import java.util.List;
import org.tutti.client.data.entity.Absence;
import org.tutti.client.data.entity.Account;
import org.tutti.client.data.entity.ChangeRequest;
import org.tutti.client.data.entity.Course;
import org.tutti.client.data.entity.Cycle;
import org.tutti.client.data.entity.Department;
import org.tutti.client.data.entity.Discipline;
import org.tutti.client.data.entity.Enrolment;
import org.tutti.client.data.entity.Evaluation;
import org.tutti.client.data.entity.EventParticipation;
import org.tutti.client.data.entity.Family;
import org.tutti.client.data.entity.MusicalEvent;
import org.tutti.client.data.entity.Room;
import org.tutti.client.data.entity.SchoolYear;
import org.tutti.client.data.entity.Site;
import org.tutti.client.data.entity.Student;
import org.tutti.client.data.entity.Teacher;

/**
 * The entities Hibernate maps, and validates against the schema at start: those the client's
 * queries use, one per table they read. A feature that reads another table adds its entity
 * here with its queries.
 */
final class Entities {

    static final List<Class<?>> ALL = List.of(
            Absence.class,
            Account.class,
            ChangeRequest.class,
            Course.class,
            Cycle.class,
            Department.class,
            Discipline.class,
            Enrolment.class,
            Evaluation.class,
            EventParticipation.class,
            Family.class,
            MusicalEvent.class,
            Room.class,
            SchoolYear.class,
            Site.class,
            Student.class,
            Teacher.class);

    private Entities() {
    }
}
