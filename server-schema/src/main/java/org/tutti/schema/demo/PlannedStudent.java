package org.tutti.schema.demo;

import java.time.LocalDate;
import org.tutti.schema.demo.SchoolCatalogue.Instrument;

/** A student decided before anything is written; ids and current enrolments are filled in as rows are written. */
final class PlannedStudent {
    String sex;
    String firstName;
    String lastName;
    LocalDate birthDate;
    int age;
    boolean adult;
    Instrument instrument;
    Instrument secondInstrument;
    /** Years of instrument before the current one. */
    int practiceYears;
    /** School years at this school before the current one. */
    int yearsAtSchool;
    /** The demo family's student who must follow three courses or more. */
    boolean threeCoursesAtLeast;
    long id;
    /** Current-year enrolments (0 when none), which re-enrolment choices refer to. */
    long currentInstrumentEnrolment;
    long currentFormationMusicaleEnrolment;
    /** The courses of those enrolments (null when none): a re-enrolment choice is labelled after its course. */
    DemoSite.Course currentInstrumentCourse;
    DemoSite.Course currentFormationMusicaleCourse;
    Level currentLevel;
    String email;
    String mobile;
    String schoolLevel;
}
