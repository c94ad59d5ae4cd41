package org.tutti.schema.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tutti.schema.demo.DemoSite.Course;
import org.tutti.schema.demo.DemoSite.Event;
import org.tutti.schema.demo.DemoSite.SchoolYear;
import org.tutti.schema.demo.DemoSite.YearCourses;
import org.tutti.schema.demo.Repertoire.Piece;
import org.tutti.schema.demo.SchoolCatalogue.Ensemble;
import org.tutti.schema.demo.SchoolCatalogue.Instrument;
import org.tutti.schema.h2.FieldLabels;

/**
 * Writes one family at a time: the responsible adult, the students, the family account, every
 * year's enrolments with evaluations, absences and concert participations, the billing of each
 * year, and for some families re-enrolment requests and pending change requests.
 */
final class FamilyGenerator {

    /** Families the demo is presented with; see {@link DemoDataGenerator}. */
    static final String DEMO_FAMILY_WITH_COURSES = "F0001";
    static final String DEMO_FAMILY_REENROLLING = "F0002";
    static final String DEMO_FAMILY_MONTFLEURY = "M0001";

    private static final List<String> ADDRESS_COMPLEMENTS = List.of("Bâtiment B", "Résidence Les Tilleuls",
            "Appartement 12", "Escalier C, 3e étage", "Résidence du Parc", "Lieu-dit Les Granges", "Boîte 4");

    private final DemoTables tables;
    private final DemoRandom random;
    private final FrenchNames names;
    private final SchoolSetup.School school;
    private final StudentPlanner planner;
    private final BillingGenerator billing;
    private final RequestGenerator requests;
    private final List<SchoolSetup.KnownAccount> demoAccounts = new ArrayList<>();

    FamilyGenerator(DemoTables tables, DemoRandom random, FrenchNames names, SchoolSetup.School school,
                    ActivityGenerator activity) {
        this.tables = tables;
        this.random = random;
        this.names = names;
        this.school = school;
        this.planner = new StudentPlanner(random, names);
        this.billing = new BillingGenerator(tables, random);
        this.requests = new RequestGenerator(tables, random, names, activity);
    }

    /** Demo family accounts written so far, in order. */
    List<SchoolSetup.KnownAccount> demoAccounts() {
        return demoAccounts;
    }

    void write(DemoSite site, int number) throws SQLException {
        String identifier = String.format("%s%04d", "BELLERIVE".equals(site.code) ? "F" : "M", number);
        boolean demo = identifier.equals(DEMO_FAMILY_WITH_COURSES) || identifier.equals(DEMO_FAMILY_REENROLLING)
                || identifier.equals(DEMO_FAMILY_MONTFLEURY);

        String civility = random.chance(0.68) ? "MME" : "M";
        String firstName = names.firstName(random, "MME".equals(civility) ? "F" : "M");
        String lastName = random.pick(names.lastNames);
        List<PlannedStudent> students = planner.plan(site, identifier, civility, firstName, lastName);

        int firstYearIndex = SchoolSetup.CURRENT_YEAR_INDEX;
        for (PlannedStudent student : students) {
            for (SchoolYear year : school.taughtYears()) {
                if (StudentPlanner.level(site, student, year) != null) {
                    firstYearIndex = Math.min(firstYearIndex, year.index());
                }
            }
        }
        LocalDate firstYearStart = school.years().get(firstYearIndex).start();
        OffsetDateTime createdAt = DemoCalendar.at(firstYearStart.minusDays(random.between(5, 70)),
                random.between(9, 19), random.between(0, 59));

        int streetNumber = random.between(1, 148);
        String address1 = streetNumber + (random.chance(0.06) ? " bis " : " ") + random.pick(names.streets);
        String address2 = random.chance(0.12) ? random.pick(ADDRESS_COMPLEMENTS) : null;
        FrenchNames.Town town = random.pick(site.towns);
        String phoneHome = random.chance(0.55) ? Phones.landline(random, false) : null;
        String phoneMobile = random.chance(0.95) ? Phones.mobile(random) : null;
        String phoneWork = random.chance(0.2) ? Phones.landline(random, true) : null;
        String email = demo ? identifier.toLowerCase(Locale.ROOT) + "@example.org"
                : FrenchNames.email(random, firstName, lastName);

        long familyId = tables.family.insert(site.id, identifier, civility, lastName, firstName, address1, address2,
                town.postalCode(), town.city(), "France", phoneHome, phoneMobile, phoneWork, email, createdAt);
        for (PlannedStudent student : students) {
            student.id = tables.student.insert(familyId, student.lastName, student.firstName, student.sex,
                    student.birthDate, student.email, student.mobile, student.schoolLevel);
        }
        String displayName = FieldLabels.personName(civility, firstName, lastName);
        long accountId = tables.account.insert(site.id, identifier, email, site.passwordHash(), "FAMILY", familyId,
                displayName, true, 0, null, createdAt, false);
        if (demo) {
            demoAccounts.add(new SchoolSetup.KnownAccount(accountId, site.id, identifier, email, createdAt));
        }

        for (SchoolYear year : school.taughtYears()) {
            BillingPlan plan = new BillingPlan(year);
            int childrenBilled = 0;
            for (PlannedStudent student : students) {
                Level level = StudentPlanner.level(site, student, year);
                if (level != null) {
                    writeYear(site, student, year, level, plan, ++childrenBilled);
                }
            }
            if (!plan.fees.isEmpty()) {
                plan.fees.add(new BillingPlan.Fee(null, "Frais de dossier", 1500));
                billing.writeYear(site, familyId, identifier, lastName, plan);
            }
        }

        if (!identifier.equals(DEMO_FAMILY_WITH_COURSES)) {
            requests.writeReenrolmentRequests(site, identifier, students, accountId);
        }
        if (!demo && (number == 3 || number == 4 || random.chance(0.025))) {
            requests.writeChangeRequests(site, familyId, accountId, displayName, email, phoneMobile, phoneHome,
                    address1, students);
        }
    }

    private void writeYear(DemoSite site, PlannedStudent student, SchoolYear year, Level level, BillingPlan plan,
                           int childNumber) throws SQLException {
        YearCourses courses = site.coursesByYear.get(year.index());
        int ageThen = student.age - (SchoolSetup.CURRENT_YEAR_INDEX - year.index());
        double markMean = 11 + random.nextDouble() * 6;
        List<Course> taken = new ArrayList<>();
        List<String> levelLabels = new ArrayList<>();

        if (level == Level.EVEIL) {
            taken.add(courses.eveilByAge.get(Math.min(5, ageThen)));
            levelLabels.add("Éveil " + Math.min(5, ageThen) + " ans");
        } else {
            taken.add(courses.individual.get(student.instrument.name()).get(level));
            levelLabels.add(level.label);
            Course formationMusicale = null;
            if (level.takesFormationMusicale() && (student.threeCoursesAtLeast || random.chance(0.92))) {
                formationMusicale = courses.formationMusicale.get(level);
            } else if (level == Level.HORS_CYCLE && random.chance(ageThen < 26 ? 0.3 : 0.12)) {
                formationMusicale = courses.formationMusicaleAdults;
            }
            if (formationMusicale != null) {
                taken.add(formationMusicale);
                levelLabels.add(level == Level.HORS_CYCLE ? "Adultes" : level.label);
            }
            List<Ensemble> open = site.ensembles.stream()
                    .filter(e -> e.admits(student.instrument, level, ageThen)).toList();
            if (!open.isEmpty() && (student.threeCoursesAtLeast || random.chance(0.38))) {
                Ensemble ensemble = random.pick(open);
                taken.add(courses.ensembles.get(ensemble.classLabel()));
                levelLabels.add(ensemble.memberLevel(level));
            }
            if (year.current() && student.secondInstrument != null) {
                taken.add(courses.individual.get(student.secondInstrument.name()).get(Level.C1_1));
                levelLabels.add(Level.C1_1.label);
            }
        }

        for (int i = 0; i < taken.size(); i++) {
            Course course = taken.get(i);
            long enrolmentId = writeEnrolment(student, year, course, levelLabels.get(i), markMean);
            if (year.current() && i == 0) {
                student.currentInstrumentEnrolment = enrolmentId;
                student.currentInstrumentCourse = course;
                student.currentLevel = level;
            }
            if (year.current() && course.discipline().equals("Formation musicale")) {
                student.currentFormationMusicaleEnrolment = enrolmentId;
                student.currentFormationMusicaleCourse = course;
            }
        }
        if (level != Level.EVEIL) {
            writeParticipations(site, student, year);
        }
        planBilling(site, student, year, level, ageThen, plan, childNumber);
    }

    private long writeEnrolment(PlannedStudent student, SchoolYear year, Course course, String levelLabel,
                                double markMean) throws SQLException {
        LocalDate enrolledOn = year.start().plusDays(random.between(5, 18));
        String status;
        LocalDate endedOn;
        if (year.current()) {
            status = "ACTIVE";
            endedOn = null;
        } else if (random.chance(0.03)) {
            status = "WITHDRAWN";
            int spring = year.end().getYear();
            endedOn = random.dateBetween(LocalDate.of(spring, 1, 5), LocalDate.of(spring, 3, 31));
        } else {
            status = "COMPLETED";
            endedOn = year.lastLessonDay().minusDays(random.between(0, 4));
        }
        long enrolmentId = tables.enrolment.insert(student.id, course.id(), levelLabel, status, enrolledOn, endedOn);
        writeEvaluations(enrolmentId, course, year, enrolledOn, endedOn, levelLabel, markMean);
        if (year.current()) {
            writeAbsences(enrolmentId, course, enrolledOn, DemoCalendar.TODAY, random.weighted(55, 25, 13, 7));
        } else {
            // a whole year of lessons: a few more absences than the current year's first three months
            writeAbsences(enrolmentId, course, enrolledOn, endedOn, random.weighted(20, 25, 22, 15, 10, 8));
        }
        return enrolmentId;
    }

    private void writeEvaluations(long enrolmentId, Course course, SchoolYear year, LocalDate enrolledOn,
                                  LocalDate endedOn, String levelLabel, double markMean) throws SQLException {
        int first = year.start().getYear();
        if (year.current()) {
            int count = 1 + random.weighted(50, 38, 12);
            LocalDate from = enrolledOn.plusDays(14);
            for (int i = 0; i < count; i++) {
                LocalDate date = random.dateBetween(from, DemoCalendar.TODAY.minusDays(1));
                String kind = date.isAfter(LocalDate.of(first, 11, 15)) && random.chance(0.4) ? "MIDTERM" : "CONTINUOUS";
                writeEvaluation(enrolmentId, course, date, kind, markMean);
            }
            return;
        }
        boolean endOfCycle = levelLabel.equals("1C4") || levelLabel.equals("2C4") || levelLabel.equals("3C2")
                || levelLabel.equals("CPES");
        LocalDate[] dates = {
            random.dateBetween(LocalDate.of(first, 12, 1), LocalDate.of(first, 12, 18)),
            random.dateBetween(LocalDate.of(first + 1, 3, 9), LocalDate.of(first + 1, 3, 27)),
            random.dateBetween(LocalDate.of(first + 1, 6, 1), LocalDate.of(first + 1, 6, 24)),
        };
        String[] kinds = {"CONTINUOUS", "MIDTERM", endOfCycle ? "EXAM" : random.chance(0.25) ? "AUDITION" : "CONTINUOUS"};
        for (int i = 0; i < dates.length; i++) {
            boolean skipped = i > 0 && random.chance(0.15); // the first one is always there
            if (skipped || endedOn.isBefore(dates[i])) {
                continue;
            }
            writeEvaluation(enrolmentId, course, dates[i], kinds[i], markMean);
        }
    }

    private void writeEvaluation(long enrolmentId, Course course, LocalDate date, String kind, double markMean)
            throws SQLException {
        int result = random.weighted(65, 15, 20); // mark only, mark and mention, mention only
        BigDecimal mark = result < 2 ? random.mark(markMean) : null;
        double standard = mark != null ? mark.doubleValue() : markMean;
        String mention = result > 0 ? mention(standard) : null;
        String appreciation = random.chance(0.9) ? appreciation(standard) : null;
        tables.evaluation.insert(enrolmentId, course.teacherId(), date, kind, mark, mention, appreciation);
    }

    private String mention(double mark) {
        if (mark >= 17) {
            return random.pickOf("Très bien", "Félicitations", "Très bien à l'unanimité");
        }
        if (mark >= 14) {
            return random.pickOf("Bien", "Très bien");
        }
        if (mark >= 11) {
            return random.pickOf("Assez bien", "Encouragements");
        }
        return random.pickOf("Passable", "Encouragements");
    }

    /** One to four sentences in the tone of the mark, the longest ones reading like a real end-of-term report. */
    private String appreciation(double mark) {
        List<String> openings = mark >= 15 ? SchoolCatalogue.APPRECIATION_OPENINGS_GOOD
                : mark >= 11 ? SchoolCatalogue.APPRECIATION_OPENINGS_FAIR : SchoolCatalogue.APPRECIATION_OPENINGS_WEAK;
        StringBuilder text = new StringBuilder(random.pick(openings));
        int details = random.weighted(35, 45, 20);
        for (int i = 0; i < details; i++) {
            text.append(' ').append(random.pick(SchoolCatalogue.APPRECIATION_DETAILS));
        }
        if (random.chance(0.5)) {
            text.append(' ').append(random.pick(SchoolCatalogue.APPRECIATION_ADVICE));
        }
        return text.toString();
    }

    /** {@code count} absences at most, on lesson days from {@code from} to the day before {@code until}. */
    private void writeAbsences(long enrolmentId, Course course, LocalDate from, LocalDate until, int count)
            throws SQLException {
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = random.dateBetween(from, until.minusDays(1))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.of(course.dayOfWeek())));
            while (!DemoCalendar.isLessonDay(date)) {
                date = date.plusWeeks(1); // the first lesson after the holidays
            }
            if (date.isBefore(from) || !date.isBefore(until) || !dates.add(date)) {
                continue;
            }
            boolean excused = random.chance(0.6);
            tables.absence.insert(enrolmentId, date, course.startTime(), course.durationMinutes(), excused,
                    excused ? random.pick(SchoolCatalogue.ABSENCE_REASONS) : null);
        }
    }

    private void writeParticipations(DemoSite site, PlannedStudent student, SchoolYear year) throws SQLException {
        List<Event> open = new ArrayList<>();
        for (Event event : site.eventsByYear.get(year.index())) {
            String only = event.template().instrumentOnly();
            boolean fits = !Repertoire.pieces(student.instrument.name(), event.style()).isEmpty();
            if (!event.date().isAfter(DemoCalendar.TODAY) && (only == null || only.equals(student.instrument.name()))
                    && fits) {
                open.add(event);
            }
        }
        int count = Math.min(open.size(), random.weighted(50, 38, 12));
        for (int i = 0; i < count; i++) {
            Event event = open.remove(random.between(0, open.size() - 1));
            // a piece of the event's programme, on the student's instrument
            Piece piece = random.pick(Repertoire.pieces(student.instrument.name(), event.style()));
            int seconds = piece.seconds() * random.between(90, 110) / 100;
            String comment = random.chance(0.5) ? random.pick(SchoolCatalogue.PARTICIPATION_COMMENTS) : null;
            tables.eventParticipation.insert(event.id(), student.id, piece.title(), piece.composer(), seconds, comment);
        }
    }

    private void planBilling(DemoSite site, PlannedStudent student, SchoolYear year, Level level, int ageThen,
                             BillingPlan plan, int childNumber) {
        int fee = level.cycle.yearlyFeeCents;
        if (!site.conservatoire) {
            fee = Math.round(fee * 0.85f / 100) * 100; // the smaller school is cheaper, in whole euros
        }
        String discipline = level == Level.EVEIL ? "Éveil musical" : student.instrument.name();
        String label = "Cotisation annuelle — " + level.cycle.label + " — " + discipline;
        if (childNumber >= 3) {
            fee = fee * 7 / 10;
            label += " (tarif fratrie)";
        }
        plan.fees.add(new BillingPlan.Fee(student.id, label, fee));
        if (year.current() && student.secondInstrument != null) {
            plan.fees.add(new BillingPlan.Fee(student.id,
                    "Cotisation annuelle — Deuxième instrument — " + student.secondInstrument.name(), 18000));
        }

        Instrument instrument = student.instrument;
        if (instrument.rentable() && level != Level.EVEIL && ageThen <= 14 && !level.atLeast(Level.C2_1)
                && random.chance(0.4)) {
            List<String> models = instrument.rentalModels();
            int size = Math.min(models.size() - 1, Math.max(0, (ageThen - 6) / 2));
            plan.rentals.add(new BillingPlan.Rental(student.id, "INSTRUMENT", models.get(size), null,
                    random.between(12, 30) * 100, random.between(10, 25) * 1000));
        }
        if (level == Level.HORS_CYCLE && random.chance(0.15)) {
            SchoolCatalogue.RentalOffer room = random.pick(SchoolCatalogue.ROOM_OFFERS);
            plan.rentals.add(new BillingPlan.Rental(student.id, "ROOM", null, room.label(), room.monthlyFeeCents(),
                    room.depositCents()));
        }
        if (level != Level.EVEIL && random.chance(instrument.family() == SchoolCatalogue.Family.AMPLIFIED ? 0.15 : 0.02)) {
            SchoolCatalogue.RentalOffer equipment = instrument.family() == SchoolCatalogue.Family.AMPLIFIED
                    ? SchoolCatalogue.EQUIPMENT_OFFERS.get(2) : random.pick(SchoolCatalogue.EQUIPMENT_OFFERS);
            plan.rentals.add(new BillingPlan.Rental(student.id, "EQUIPMENT", equipment.label(), null,
                    equipment.monthlyFeeCents(), equipment.depositCents()));
        }
    }
}
