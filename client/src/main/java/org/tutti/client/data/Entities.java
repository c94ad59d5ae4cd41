package org.tutti.client.data;

import java.util.List;
import org.tutti.client.domain.model.Absence;
import org.tutti.client.domain.model.Account;
import org.tutti.client.domain.model.ChangeRequest;
import org.tutti.client.domain.model.Course;
import org.tutti.client.domain.model.Cycle;
import org.tutti.client.domain.model.Department;
import org.tutti.client.domain.model.Discipline;
import org.tutti.client.domain.model.Enrolment;
import org.tutti.client.domain.model.Evaluation;
import org.tutti.client.domain.model.EventParticipation;
import org.tutti.client.domain.model.Family;
import org.tutti.client.domain.model.MusicalEvent;
import org.tutti.client.domain.model.Room;
import org.tutti.client.domain.model.SchoolYear;
import org.tutti.client.domain.model.Site;
import org.tutti.client.domain.model.Student;
import org.tutti.client.domain.model.Teacher;

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
