package org.tutti.schema.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tutti.schema.demo.DemoSite.SchoolYear;
import org.tutti.schema.demo.SchoolCatalogue.Instrument;

/**
 * Decides a family's students: age, instrument, since when they study at the school, and so
 * their level in each school year (one step of the curriculum per year).
 */
final class StudentPlanner {

    private static final LocalDate AGE_REFERENCE = LocalDate.of(2026, 9, 1);

    private final DemoRandom random;
    private final FrenchNames names;

    StudentPlanner(DemoRandom random, FrenchNames names) {
        this.random = random;
        this.names = names;
    }

    /** One to four students; an adult learner is the responsible adult and studies alone. */
    List<PlannedStudent> plan(DemoSite site, String identifier, String civility, String firstName, String lastName) {
        boolean demoFamily = identifier.equals(FamilyGenerator.DEMO_FAMILY_WITH_COURSES);
        int count = demoFamily ? 2 : 1 + random.weighted(45, 35, 15, 5);
        List<PlannedStudent> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlannedStudent student = new PlannedStudent();
            if (demoFamily) {
                student.age = i == 0 ? 11 : 8;
                student.threeCoursesAtLeast = i == 0;
            } else {
                student.age = age(i == 0 ? 6 : 4);
            }
            student.adult = student.age >= 26;
            if (student.adult) {
                // An adult learner is the family's responsible adult, alone on the file.
                student.sex = "MME".equals(civility) ? "F" : "M";
                student.firstName = firstName;
                student.lastName = lastName;
                count = 1;
            } else {
                student.sex = random.chance(0.52) ? "F" : "M";
                student.firstName = names.firstName(random, student.sex);
                student.lastName = random.chance(0.92) ? lastName : random.pick(names.lastNames);
            }
            student.birthDate = AGE_REFERENCE.minusYears(student.age).minusDays(random.between(0, 364));
            student.instrument = demoFamily
                    ? site.instruments.get(i == 0 ? 0 : 2) // piano and violin: the classic demo family
                    : instrument(site, student.age);
            if (student.adult) {
                student.yearsAtSchool = random.between(0, 5);
            } else if (student.age >= 6) {
                int startAge = random.between(6, Math.min(student.age, 11));
                student.practiceYears = student.age - startAge;
                student.yearsAtSchool = random.between(0, Math.min(4, student.age - 4));
            } else {
                student.yearsAtSchool = student.age - 4;
            }
            if (student.age >= 8 && !student.adult && random.chance(0.04)) {
                Instrument second = instrument(site, student.age);
                student.secondInstrument = second.equals(student.instrument) ? null : second;
            }
            student.schoolLevel = student.adult ? null : SchoolCatalogue.schoolLevel(student.age);
            if (student.age >= 14 && random.chance(0.6)) {
                student.email = FrenchNames.email(random, student.firstName, student.lastName);
            }
            if (student.age >= 12 && random.chance(0.7)) {
                student.mobile = Phones.mobile(random);
            }
            students.add(student);
            if (student.adult) {
                break;
            }
        }
        return students;
    }

    /** Age on 1 September of the current year: mostly children and teenagers, a few young and older adults. */
    private int age(int youngest) {
        int bucket = youngest > 4 ? 1 + random.weighted(38, 28, 14, 7, 7) : random.weighted(6, 38, 28, 14, 7);
        return switch (bucket) {
            case 0 -> random.between(4, 5);
            case 1 -> random.between(6, 10);
            case 2 -> random.between(11, 14);
            case 3 -> random.between(15, 18);
            case 4 -> random.between(19, 25);
            default -> random.between(26, 68);
        };
    }

    private Instrument instrument(DemoSite site, int age) {
        Instrument instrument = site.instruments.get(random.weighted(site.instrumentWeights));
        boolean tooYoung = age < 8 && (instrument.family() == SchoolCatalogue.Family.VOICE
                || instrument.family() == SchoolCatalogue.Family.AMPLIFIED
                || instrument.family() == SchoolCatalogue.Family.PERCUSSION);
        return tooYoung ? site.instruments.get(random.chance(0.6) ? 0 : 2) : instrument; // piano or violin
    }

    /** The student's level in a school year, or null when not enrolled that year. */
    static Level level(DemoSite site, PlannedStudent student, SchoolYear year) {
        int yearsBack = SchoolSetup.CURRENT_YEAR_INDEX - year.index();
        int ageThen = student.age - yearsBack;
        if (yearsBack > student.yearsAtSchool || ageThen < 4) {
            return null;
        }
        if (student.adult) {
            return Level.HORS_CYCLE;
        }
        int practiceThen = student.practiceYears - yearsBack;
        if (ageThen >= 6 && practiceThen < 0) {
            return null; // at school in a later year only
        }
        return Level.forChild(ageThen, Math.max(0, practiceThen), site.conservatoire);
    }
}
