package org.tutti.schema.demo;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tutti.schema.demo.DemoSite.Course;
import org.tutti.schema.demo.DemoSite.Event;
import org.tutti.schema.demo.DemoSite.SchoolYear;
import org.tutti.schema.demo.DemoSite.YearCourses;
import org.tutti.schema.demo.SchoolCatalogue.Ensemble;
import org.tutti.schema.demo.SchoolCatalogue.Instrument;
import org.tutti.schema.demo.SchoolCatalogue.Piece;

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

    private static final LocalDate AGE_REFERENCE = LocalDate.of(2026, 9, 1);
    private static final List<String> DOMAINS = List.of("example.org", "example.com", "example.net");
    private static final List<String> ADDRESS_COMPLEMENTS = List.of("Bâtiment B", "Résidence Les Tilleuls",
            "Appartement 12", "Escalier C, 3e étage", "Résidence du Parc", "Lieu-dit Les Granges", "Boîte 4");
    private static final List<String> REENROLMENT_COMMENTS = List.of(
            "Souhaiterait garder le même professeur l'an prochain.",
            "Un créneau le mercredi après-midi nous arrangerait beaucoup, si possible.",
            "Nous déménageons en juillet mais restons dans la commune.",
            "Aimerait rejoindre l'orchestre l'année prochaine.",
            "Merci pour cette belle année !");

    /** A student decided before anything is written. */
    private static final class StudentPlan {
        String sex;
        String firstName;
        String lastName;
        LocalDate birthDate;
        int age;
        boolean adult;
        Instrument instrument;
        Instrument secondInstrument;
        int practiceYears;
        int yearsAtSchool;
        boolean threeCoursesAtLeast;
        long id;
        /** Enrolment ids of the current year, by discipline name (for re-enrolment choices). */
        long currentInstrumentEnrolment;
        long currentFormationMusicaleEnrolment;
        Level currentLevel;
        String email;
        String mobile;
        String schoolLevel;
    }

    private final DemoTables tables;
    private final DemoRandom random;
    private final FrenchNames names;
    private final SchoolSetup.School school;
    private final BillingGenerator billing;
    private final ActivityGenerator activity;
    private final List<SchoolSetup.KnownAccount> demoAccounts = new ArrayList<>();

    FamilyGenerator(DemoTables tables, DemoRandom random, FrenchNames names, SchoolSetup.School school,
                    ActivityGenerator activity) {
        this.tables = tables;
        this.random = random;
        this.names = names;
        this.school = school;
        this.billing = new BillingGenerator(tables, random);
        this.activity = activity;
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
        List<StudentPlan> students = planStudents(site, identifier, civility, firstName, lastName);

        int firstYearIndex = SchoolSetup.CURRENT_YEAR_INDEX;
        for (StudentPlan student : students) {
            for (SchoolYear year : school.taughtYears()) {
                if (level(site, student, year) != null) {
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
        String email = demo ? identifier.toLowerCase(Locale.ROOT) + "@example.org" : email(firstName, lastName);

        long familyId = tables.family.insert(site.id, identifier, civility, lastName, firstName, address1, address2,
                town.postalCode(), town.city(), "France", phoneHome, phoneMobile, phoneWork, email, createdAt);
        for (StudentPlan student : students) {
            student.id = tables.student.insert(familyId, student.lastName, student.firstName, student.sex,
                    student.birthDate, student.email, student.mobile, student.schoolLevel);
        }
        String displayName = ("MME".equals(civility) ? "Mme " : "M. ") + lastName + " " + firstName;
        long accountId = tables.account.insert(site.id, identifier, email, site.passwordHash(), "FAMILY", familyId,
                displayName, true, 0, null, createdAt);
        if (demo) {
            demoAccounts.add(new SchoolSetup.KnownAccount(accountId, site.id, identifier, email, createdAt));
        }

        for (SchoolYear year : school.taughtYears()) {
            BillingPlan plan = new BillingPlan(year);
            int childrenBilled = 0;
            for (StudentPlan student : students) {
                Level level = level(site, student, year);
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
            writeReenrolmentRequests(site, identifier, students, accountId);
        }
        if (!demo && (number == 3 || number == 4 || random.chance(0.025))) {
            writeChangeRequests(site, familyId, accountId, displayName, email, phoneMobile, phoneHome, address1, students);
        }
    }

    // ------------------------------------------------------------------ students and their years

    private List<StudentPlan> planStudents(DemoSite site, String identifier, String civility, String firstName,
                                           String lastName) {
        int count = identifier.equals(DEMO_FAMILY_WITH_COURSES) ? 2 : 1 + random.weighted(45, 35, 15, 5);
        List<StudentPlan> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StudentPlan student = new StudentPlan();
            if (identifier.equals(DEMO_FAMILY_WITH_COURSES)) {
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
            student.instrument = identifier.equals(DEMO_FAMILY_WITH_COURSES)
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
                student.email = email(student.firstName, student.lastName);
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
    private static Level level(DemoSite site, StudentPlan student, SchoolYear year) {
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
        return Level.forChild(ageThen, Math.max(0, practiceThen), site.cpesOffered);
    }

    private void writeYear(DemoSite site, StudentPlan student, SchoolYear year, Level level, BillingPlan plan,
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
            List<Ensemble> open = site.ensembles.stream().filter(e -> e.admits(student.instrument, level, ageThen)).toList();
            if (!open.isEmpty() && (student.threeCoursesAtLeast || random.chance(0.38))) {
                taken.add(courses.ensembles.get(random.pick(open).classLabel()));
                levelLabels.add(student.instrument.name());
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
                student.currentLevel = level;
            }
            if (year.current() && course.discipline().equals("Formation musicale")) {
                student.currentFormationMusicaleEnrolment = enrolmentId;
            }
        }
        if (level != Level.EVEIL) {
            writeParticipations(site, student, year);
        }
        planBilling(site, student, year, level, ageThen, plan, childNumber);
    }

    private long writeEnrolment(StudentPlan student, SchoolYear year, Course course, String levelLabel,
                                double markMean) throws SQLException {
        LocalDate enrolledOn = year.start().plusDays(random.between(5, 18));
        String status;
        LocalDate endedOn;
        if (year.current()) {
            status = "ACTIVE";
            endedOn = null;
        } else if (random.chance(0.03)) {
            status = "WITHDRAWN";
            endedOn = random.dateBetween(LocalDate.of(year.end().getYear(), 1, 5), LocalDate.of(year.end().getYear(), 3, 31));
        } else {
            status = "COMPLETED";
            endedOn = year.lastLessonDay().minusDays(random.between(0, 4));
        }
        long enrolmentId = tables.enrolment.insert(student.id, course.id(), levelLabel, status, enrolledOn, endedOn);
        writeEvaluations(enrolmentId, course, year, enrolledOn, endedOn, levelLabel, markMean);
        if (year.current()) {
            writeAbsences(enrolmentId, course, enrolledOn);
        }
        return enrolmentId;
    }

    private void writeEvaluations(long enrolmentId, Course course, SchoolYear year, LocalDate enrolledOn,
                                  LocalDate endedOn, String levelLabel, double markMean) throws SQLException {
        int first = year.start().getYear();
        if (year.current()) {
            int count = random.weighted(10, 45, 35, 10);
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
            if (endedOn.isBefore(dates[i]) || random.chance(0.15)) {
                continue;
            }
            writeEvaluation(enrolmentId, course, dates[i], kinds[i], markMean);
        }
    }

    private void writeEvaluation(long enrolmentId, Course course, LocalDate date, String kind, double markMean)
            throws SQLException {
        int result = random.weighted(65, 15, 20); // mark only, mark and mention, mention only
        java.math.BigDecimal mark = result < 2 ? random.mark(markMean) : null;
        String mention = result > 0 ? mention(mark != null ? mark.doubleValue() : markMean) : null;
        double level = mark != null ? mark.doubleValue() : markMean;
        String appreciation = random.chance(0.9) ? appreciation(level) : null;
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

    private void writeAbsences(long enrolmentId, Course course, LocalDate enrolledOn) throws SQLException {
        int count = random.weighted(55, 25, 13, 7);
        LocalDate previous = null;
        for (int i = 0; i < count; i++) {
            LocalDate date = random.dateBetween(enrolledOn, DemoCalendar.TODAY.minusDays(1))
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.of(course.dayOfWeek())));
            if (date.isBefore(enrolledOn) || date.equals(previous)) {
                continue;
            }
            previous = date;
            boolean excused = random.chance(0.6);
            tables.absence.insert(enrolmentId, date, course.startTime(), course.durationMinutes(), excused,
                    excused ? random.pick(SchoolCatalogue.ABSENCE_REASONS) : null);
        }
    }

    private void writeParticipations(DemoSite site, StudentPlan student, SchoolYear year) throws SQLException {
        List<Event> open = new ArrayList<>();
        for (Event event : site.eventsByYear.get(year.index())) {
            String only = event.template().instrumentOnly();
            if (!event.date().isAfter(DemoCalendar.TODAY) && (only == null || only.equals(student.instrument.name()))) {
                open.add(event);
            }
        }
        int count = Math.min(open.size(), random.weighted(50, 38, 12));
        for (int i = 0; i < count; i++) {
            Event event = open.remove(random.between(0, open.size() - 1));
            Piece piece = random.pick(SchoolCatalogue.PIECES.get(student.instrument.family()));
            int seconds = piece.seconds() * random.between(90, 110) / 100;
            String comment = random.chance(0.5) ? random.pick(SchoolCatalogue.PARTICIPATION_COMMENTS) : null;
            tables.eventParticipation.insert(event.id(), student.id, piece.title(), piece.composer(), seconds, comment);
        }
    }

    private void planBilling(DemoSite site, StudentPlan student, SchoolYear year, Level level, int ageThen,
                             BillingPlan plan, int childNumber) {
        int fee = level.cycle.yearlyFeeCents;
        if (!site.cpesOffered) {
            fee = Math.round(fee * 0.85f / 100) * 100; // the smaller school is cheaper
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

    // ------------------------------------------------------------------ re-enrolment and change requests

    private void writeReenrolmentRequests(DemoSite site, String identifier, List<StudentPlan> students, long accountId)
            throws SQLException {
        boolean open = "OPEN".equals(site.campaignStatus);
        for (int i = 0; i < students.size(); i++) {
            StudentPlan student = students.get(i);
            boolean forced = identifier.equals(DEMO_FAMILY_REENROLLING) && i == 0;
            if (!forced && !random.chance(open ? 0.04 : 0.3)) {
                continue;
            }
            OffsetDateTime submittedAt = DemoCalendar.at(random.dateBetween(site.campaignOpensOn,
                    open ? DemoCalendar.TODAY.minusDays(1) : site.campaignClosesOn.minusDays(1)),
                    random.between(8, 22), random.between(0, 59));
            String status;
            if (forced) {
                status = "PENDING";
            } else if (open) {
                status = random.chance(0.75) ? "PENDING" : "VALIDATED";
            } else {
                status = random.chance(0.85) ? "VALIDATED" : "REJECTED";
            }
            OffsetDateTime decidedAt = null;
            Long decidedBy = null;
            if (!"PENDING".equals(status)) {
                decidedAt = submittedAt.plusDays(random.between(1, 8));
                if (decidedAt.toLocalDate().isAfter(DemoCalendar.TODAY.minusDays(1))) {
                    decidedAt = DemoCalendar.at(DemoCalendar.TODAY.minusDays(1), 17, 30);
                }
                decidedBy = site.deskAccountId;
            }
            String comment = random.chance(0.3) ? random.pick(REENROLMENT_COMMENTS) : null;
            long requestId = tables.reenrolmentRequest.insert(site.campaignId, student.id, forced || random.chance(0.85),
                    comment, status, accountId, submittedAt, decidedBy, decidedAt);
            writeChoices(site, student, requestId);
            if (forced) {
                writeDocuments(site, requestId, submittedAt.minusMinutes(3));
            }
        }
    }

    private void writeChoices(DemoSite site, StudentPlan student, long requestId) throws SQLException {
        if (student.currentLevel == Level.EVEIL) {
            tables.reenrolmentChoice.insert(requestId, site.disciplineIds.get("Éveil musical"),
                    student.currentInstrumentEnrolment, "Éveil musical — passage en initiation");
            return;
        }
        Level next = student.currentLevel.ordinal() < Level.C3_2.ordinal()
                ? Level.values()[student.currentLevel.ordinal() + 1] : student.currentLevel;
        tables.reenrolmentChoice.insert(requestId, site.disciplineIds.get(student.instrument.name()),
                student.currentInstrumentEnrolment, student.instrument.name() + " — " + next.label);
        if (student.currentFormationMusicaleEnrolment != 0) {
            tables.reenrolmentChoice.insert(requestId, site.disciplineIds.get("Formation musicale"),
                    student.currentFormationMusicaleEnrolment, "Formation musicale — " + next.label);
        }
    }

    private void writeDocuments(DemoSite site, long requestId, OffsetDateTime uploadedAt) throws SQLException {
        byte[] png = SampleDocuments.png();
        tables.uploadedDocument.insert(requestId, site.documentTypeIds.get("Justificatif de domicile"),
                "justificatif-domicile.png", "image/png", png.length, SampleDocuments.sha256Hex(png), png, uploadedAt);
        byte[] pdf = SampleDocuments.pdf("Attestation d'assurance - responsabilite civile 2026-2027 (document de demonstration)");
        tables.uploadedDocument.insert(requestId, site.documentTypeIds.get("Attestation d'assurance"),
                "attestation-assurance.pdf", "application/pdf", pdf.length, SampleDocuments.sha256Hex(pdf), pdf,
                uploadedAt.plusMinutes(1));
    }

    private void writeChangeRequests(DemoSite site, long familyId, long accountId, String displayName, String email,
                                     String phoneMobile, String phoneHome, String address1, List<StudentPlan> students)
            throws SQLException {
        OffsetDateTime submittedAt = DemoCalendar.at(DemoCalendar.TODAY.minusDays(random.between(1, 12)),
                random.between(8, 22), random.between(0, 59));
        int fields = 0;
        int wanted = random.between(1, 3);
        String[] candidates = {"phone_mobile", "email", "address1", "phone_home"};
        int start = random.between(0, candidates.length - 1);
        for (int i = 0; i < wanted; i++) {
            String field = candidates[(start + i) % candidates.length];
            String oldValue = switch (field) {
                case "phone_mobile" -> phoneMobile;
                case "email" -> email;
                case "address1" -> address1;
                default -> phoneHome;
            };
            String newValue = switch (field) {
                case "phone_mobile" -> Phones.mobile(random);
                case "email" -> email.replace("@", random.between(1, 99) + "@");
                case "address1" -> random.between(1, 90) + " " + random.pick(names.streets);
                default -> Phones.landline(random, false);
            };
            tables.changeRequest.insert(familyId, "FAMILY", familyId, field, oldValue, newValue, 0L, "PENDING",
                    accountId, submittedAt, null, null, null);
            fields++;
        }
        StudentPlan teenager = students.stream().filter(s -> s.age >= 12 && !s.adult).findFirst().orElse(null);
        if (teenager != null && random.chance(0.5)) {
            tables.changeRequest.insert(familyId, "STUDENT", teenager.id, "phone_mobile", teenager.mobile,
                    Phones.mobile(random), 0L, "PENDING", accountId, submittedAt, null, null, null);
            fields++;
        }
        if (random.chance(0.3)) {
            OffsetDateTime earlier = submittedAt.minusDays(random.between(20, 40));
            tables.changeRequest.insert(familyId, "FAMILY", familyId, "address1", address1,
                    random.between(1, 90) + " " + random.pick(names.streets), 0L, "REJECTED", accountId, earlier,
                    site.deskAccountId, earlier.plusDays(2),
                    "Merci de joindre un justificatif de domicile ou de passer à l'accueil.");
        }
        activity.changeRequestAcknowledged(site, email, displayName, fields, submittedAt);
    }

    private String email(String firstName, String lastName) {
        String local = FrenchNames.asciiSlug(firstName) + "." + FrenchNames.asciiSlug(lastName);
        if (random.chance(0.3)) {
            local += random.between(1, 99);
        }
        return local + "@" + random.pick(DOMAINS);
    }
}
