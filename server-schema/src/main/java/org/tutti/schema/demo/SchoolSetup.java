package org.tutti.schema.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.tutti.schema.demo.DemoSite.Course;
import org.tutti.schema.demo.DemoSite.Event;
import org.tutti.schema.demo.DemoSite.SchoolYear;
import org.tutti.schema.demo.DemoSite.YearCourses;
import org.tutti.schema.demo.SchoolCatalogue.Department;
import org.tutti.schema.demo.SchoolCatalogue.Ensemble;
import org.tutti.schema.demo.SchoolCatalogue.EventTemplate;
import org.tutti.schema.demo.SchoolCatalogue.Instrument;
import org.tutti.schema.demo.SchoolCatalogue.RentalOffer;

/**
 * Writes the reference data of the two sites: school years, departments, disciplines, cycles,
 * teachers, rooms, courses and events of every year, rooms for rent, the re-enrolment
 * campaigns and the staff accounts.
 */
final class SchoolSetup {

    /** A staff or demo account other generators refer to. */
    record KnownAccount(long id, long siteId, String identifier, String email, OffsetDateTime createdAt) {
    }

    record School(List<SchoolYear> years, DemoSite bellerive, DemoSite montfleury, Map<String, KnownAccount> staff) {
        /** The years with lessons, oldest first; the last one is the current year. */
        List<SchoolYear> taughtYears() {
            return years.subList(0, CURRENT_YEAR_INDEX + 1);
        }
    }

    /** How a site's invoices are paid: printed instructions; the provider's page template if it offers online payment. */
    private record Payment(String instructions, String onlineUrl) {
    }

    /** PayFiP, the public treasury's online payment of local public bodies' invoices (TIPI's successor). */
    private static final Payment BELLERIVE_PAYMENT = new Payment(
            "Règlement à réception de la facture : par chèque à l’ordre du Trésor public, par virement "
                    + "(IBAN FR76 1007 1690 0000 0020 0612 345, en indiquant le numéro de la facture) "
                    + "ou en ligne par carte bancaire depuis le portail Tutti (PayFiP).",
            "https://www.payfip.gouv.fr/tpa/paiement.web?numcli=012345&exer={year}&refdet={reference}"
                    + "&objet={label}&montant={amountCents}&mel={email}&saisie=T");
    private static final Payment MONTFLEURY_PAYMENT = new Payment(
            "Règlement à réception de la facture : par chèque à l’ordre de l’École de musique de Montfleury, "
                    + "par virement (IBAN FR76 1390 6000 1285 0412 7733 081, en indiquant le numéro de la facture) "
                    + "ou en espèces au secrétariat.",
            null);

    static final int CURRENT_YEAR_INDEX = 3;
    private static final int BCRYPT_COST = 10;
    private static final OffsetDateTime STAFF_CREATED_AT = DemoCalendar.at(LocalDate.of(2023, 8, 28), 9, 0);

    private final DemoTables tables;
    private final DemoRandom random;
    private final FrenchNames names;

    SchoolSetup(DemoTables tables, DemoRandom random, FrenchNames names) {
        this.tables = tables;
        this.random = random;
        this.names = names;
    }

    School write() throws SQLException {
        // bcrypt is slow on purpose (~0.1 to 0.3 s per hash): both site passwords are hashed on their own
        // threads while the reference data is written. Salts are drawn first, so the result stays deterministic.
        ExecutorService hashing = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-password-hash");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<String> bellerivePassword = hashing.submit(hashTask("bellerive"));
            Future<String> montfleuryPassword = hashing.submit(hashTask("montfleury"));
            return write(bellerivePassword, montfleuryPassword);
        } finally {
            hashing.shutdown();
        }
    }

    private School write(Future<String> bellerivePassword, Future<String> montfleuryPassword) throws SQLException {
        List<SchoolYear> years = writeSchoolYears();
        DemoSite bellerive = writeSite("BELLERIVE", "Conservatoire de Bellerive", "BEL", BELLERIVE_PAYMENT,
                "4 place de l'Orangerie", null, "69300", "Bellerive", "04 78 23 45 10", "contact@bellerive.example.org",
                bellerivePassword, names.belleriveTowns, List.of());
        DemoSite montfleury = writeSite("MONTFLEURY", "École de musique de Montfleury", "MON", MONTFLEURY_PAYMENT,
                "27 avenue des Tilleuls", "Espace culturel Jean-Vilar", "38240", "Montfleury", "04 76 41 18 92",
                "secretariat@montfleury.example.net", montfleuryPassword, names.montfleuryTowns,
                SchoolCatalogue.NOT_TAUGHT_AT_MONTFLEURY);
        for (DemoSite site : List.of(bellerive, montfleury)) {
            writeTeachingOffer(site, years, "BELLERIVE".equals(site.code)
                    ? SchoolCatalogue.BELLERIVE_ROOMS : SchoolCatalogue.MONTFLEURY_ROOMS);
        }
        writeCampaign(bellerive, years.get(CURRENT_YEAR_INDEX + 1), "OPEN", LocalDate.of(2026, 11, 15),
                LocalDate.of(2027, 6, 30), List.of("Justificatif de domicile", "Attestation d'assurance",
                        "Avis d'imposition"));
        writeCampaign(montfleury, years.get(CURRENT_YEAR_INDEX + 1), "CLOSED", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 11, 15), List.of("Justificatif de domicile", "Attestation d'assurance"));

        Map<String, KnownAccount> staff = new LinkedHashMap<>();
        staffAccount(staff, bellerive, "ACCUEIL", "accueil@example.org", "Accueil — Nathalie Roux");
        staffAccount(staff, bellerive, "DIRECTION", "direction.bellerive@example.org", "Direction — Philippe Garnier");
        staffAccount(staff, bellerive, "COMPTA", "comptabilite.bellerive@example.org", "Comptabilité — Karine Lemoine");
        staffAccount(staff, montfleury, "SECRETARIAT", "secretariat.montfleury@example.org",
                "Secrétariat — Sophie Marchand");
        staffAccount(staff, montfleury, "DIRECTION", "direction.montfleury@example.org", "Direction — Olivier Fabre");
        bellerive.deskAccountId = staff.get("BELLERIVE/ACCUEIL").id();
        montfleury.deskAccountId = staff.get("MONTFLEURY/SECRETARIAT").id();
        return new School(List.copyOf(years), bellerive, montfleury, staff);
    }

    private List<SchoolYear> writeSchoolYears() throws SQLException {
        List<SchoolYear> years = new ArrayList<>();
        for (int startYear = 2023; startYear <= 2027; startYear++) {
            int index = startYear - 2023;
            LocalDate start = LocalDate.of(startYear, 9, 1);
            LocalDate end = LocalDate.of(startYear + 1, 8, 31);
            String label = startYear + "-" + (startYear + 1);
            boolean current = index == CURRENT_YEAR_INDEX;
            long id = tables.schoolYear.insert(label, start, end, current);
            years.add(new SchoolYear(index, id, label, start, end, current));
        }
        return years;
    }

    private DemoSite writeSite(String code, String name, String prefix, Payment payment, String address1,
                               String address2, String postalCode, String city, String phone, String email,
                               Future<String> passwordHash, List<FrenchNames.Town> towns, List<String> notTaught)
            throws SQLException {
        boolean onlinePayment = payment.onlineUrl() != null;
        long id = tables.site.insert(code, name, address1, address2, postalCode, city, phone, email, onlinePayment,
                prefix, payment.onlineUrl(), payment.instructions(), identifierPattern(code));
        List<Instrument> instruments = SchoolCatalogue.INSTRUMENTS.stream()
                .filter(i -> !notTaught.contains(i.name())).toList();
        boolean conservatoire = notTaught.isEmpty(); // the smaller school has no symphony orchestra and no CPES
        List<Ensemble> ensembles = SchoolCatalogue.ENSEMBLES.stream()
                .filter(e -> conservatoire || !e.classLabel().contains("symphonique")).toList();
        DemoSite site = new DemoSite(id, code, name, prefix, conservatoire, onlinePayment, passwordHash, instruments,
                ensembles, towns);

        for (Department department : SchoolCatalogue.DEPARTMENTS) {
            long departmentId = tables.department.insert(id, department.code(), department.name());
            for (String discipline : department.disciplines()) {
                if (!notTaught.contains(discipline)) {
                    site.disciplineIds.put(discipline, tables.discipline.insert(id, departmentId, discipline));
                }
            }
        }
        int rank = 0;
        for (Level.Cycle cycle : Level.Cycle.values()) {
            if (cycle != Level.Cycle.CPES || site.conservatoire) {
                site.cycleIds.put(cycle, tables.cycle.insert(id, cycle.code, cycle.label, rank++));
            }
        }
        return site;
    }

    /** One bcrypt hash per site password, shared by every account of the site. */
    private Callable<String> hashTask(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return () -> OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, BCRYPT_COST);
    }

    private void writeTeachingOffer(DemoSite site, List<SchoolYear> years, List<String> roomNames) throws SQLException {
        Map<String, List<Long>> teachers = writeTeachers(site);
        List<Long> rooms = new ArrayList<>();
        for (String roomName : roomNames) {
            int capacity = roomName.startsWith("Auditorium") || roomName.startsWith("Grande") ? 180
                    : roomName.contains("orchestre") || roomName.contains("formation") ? 30 : random.between(4, 12);
            rooms.add(tables.room.insert(site.id, roomName, capacity));
        }
        long bigRoom = rooms.get(roomNames.indexOf(roomNames.stream()
                .filter(r -> r.startsWith("Auditorium") || r.startsWith("Grande")).findFirst().orElseThrow()));
        long fmRoom = rooms.get(roomNames.indexOf(roomNames.stream()
                .filter(r -> r.contains("formation musicale")).findFirst().orElseThrow()));
        List<Long> smallRooms = rooms.stream().filter(r -> r != bigRoom && r != fmRoom).toList();

        for (SchoolYear year : years.subList(0, CURRENT_YEAR_INDEX + 1)) {
            YearCourses courses = new YearCourses();
            for (Instrument instrument : site.instruments) {
                Map<Level, Course> byLevel = new LinkedHashMap<>();
                for (Level level : Level.values()) {
                    if (level == Level.EVEIL || (level == Level.CPES && !site.conservatoire)) {
                        continue;
                    }
                    String label = instrument.name() + " — " + level.label;
                    byLevel.put(level, course(site, year, instrument.name(), level.cycle, teachers, random.pick(smallRooms),
                            label, "INDIVIDUAL", instrumentLessonMinutes(level)));
                }
                courses.individual.put(instrument.name(), byLevel);
            }
            for (Level level : Level.values()) {
                if (level.takesFormationMusicale() && (level != Level.CPES || site.conservatoire)) {
                    String label = level == Level.CPES ? "FM CPES — analyse" : "FM " + level.label;
                    int minutes = level.cycle == Level.Cycle.INITIATION || level.cycle == Level.Cycle.C1 ? 60
                            : level.cycle == Level.Cycle.C2 ? 90 : 120;
                    courses.formationMusicale.put(level, course(site, year, "Formation musicale", level.cycle, teachers,
                            fmRoom, label, "COLLECTIVE", minutes));
                }
            }
            courses.formationMusicaleAdults = course(site, year, "Formation musicale", Level.Cycle.HORS_CYCLE, teachers,
                    fmRoom, "FM adultes", "COLLECTIVE", 90);
            for (Ensemble ensemble : site.ensembles) {
                courses.ensembles.put(ensemble.classLabel(), course(site, year, ensemble.discipline(), null, teachers,
                        bigRoom, ensemble.classLabel(), "COLLECTIVE", ensemble.durationMinutes()));
            }
            for (int age = 4; age <= 5; age++) {
                courses.eveilByAge.put(age, course(site, year, "Éveil musical", Level.Cycle.EVEIL, teachers, fmRoom,
                        "Éveil musical — " + age + " ans", "COLLECTIVE", 45));
            }
            site.coursesByYear.add(courses);
            site.eventsByYear.add(writeEvents(site, year));
        }
        for (RentalOffer offer : SchoolCatalogue.ROOM_OFFERS) {
            site.roomRentalItemIds.put(offer.label(), tables.rentalItem.insert(site.id, offer.kind(), offer.label(),
                    site.nextInventoryCode(), BigDecimal.valueOf(offer.monthlyFeeCents(), 2)));
        }
    }

    private static int instrumentLessonMinutes(Level level) {
        return switch (level.cycle) {
            case INITIATION, C1 -> 30;
            case C2, HORS_CYCLE -> 45;
            default -> 60;
        };
    }

    private Map<String, List<Long>> writeTeachers(DemoSite site) throws SQLException {
        Map<String, List<Long>> teachers = new LinkedHashMap<>();
        for (String discipline : site.disciplineIds.keySet().stream().sorted().toList()) {
            int count = switch (discipline) {
                case "Piano" -> "BELLERIVE".equals(site.code) ? 4 : 2;
                case "Formation musicale", "Guitare", "Violon" -> 2;
                default -> 1;
            };
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean woman = random.chance(0.55);
                String firstName = names.firstName(random, woman ? "F" : "M");
                String lastName = random.pick(names.lastNames);
                String email = FrenchNames.asciiSlug(firstName) + "." + FrenchNames.asciiSlug(lastName) + "@"
                        + site.code.toLowerCase(Locale.ROOT) + ".example.org";
                ids.add(tables.teacher.insert(site.id, lastName, firstName, email, Phones.mobile(random)));
            }
            teachers.put(discipline, ids);
        }
        return teachers;
    }

    private Course course(DemoSite site, SchoolYear year, String discipline, Level.Cycle cycle,
                          Map<String, List<Long>> teachers, long roomId, String label, String kind, int minutes)
            throws SQLException {
        long disciplineId = site.disciplineIds.get(discipline);
        List<Long> candidates = teachers.get(discipline);
        long teacherId = random.pick(candidates);
        int day = new int[] {1, 2, 3, 3, 3, 4, 5, 6, 6}[random.between(0, 8)];
        boolean freeDay = day == 3 || day == 6;
        int startMinutes = freeDay ? random.between(9 * 4, 17 * 4) * 15 : random.between(66, 79) * 15;
        LocalTime start = LocalTime.of(startMinutes / 60, startMinutes % 60);
        Long cycleId = cycle == null ? null : site.cycleIds.get(cycle);
        long id = tables.course.insert(site.id, year.id(), disciplineId, cycleId, teacherId, roomId, label, kind, day,
                start, minutes);
        return new Course(id, teacherId, disciplineId, discipline, label, day, start, minutes);
    }

    private List<Event> writeEvents(DemoSite site, SchoolYear year) throws SQLException {
        boolean bellerive = "BELLERIVE".equals(site.code);
        List<Event> events = new ArrayList<>();
        for (EventTemplate template : SchoolCatalogue.EVENTS) {
            if (!bellerive && "MASTERCLASS".equals(template.kind())) {
                continue;
            }
            int calendarYear = template.month() >= 9 ? year.start().getYear() : year.end().getYear();
            LocalDate date = LocalDate.of(calendarYear, template.month(), template.day());
            String place = switch (template.kind()) {
                case "SHOW" -> bellerive ? "Place du Marché, Bellerive" : "Parc de la Mairie, Montfleury";
                case "CONCERT" -> template.title().contains("Noël")
                        ? (bellerive ? "Église Saint-Martin de Bellerive" : "Église Notre-Dame de Montfleury")
                        : (bellerive ? "Auditorium Ravel" : "Espace culturel Jean-Vilar");
                default -> bellerive ? "Salle Debussy" : "Grande salle";
            };
            Repertoire.Style style = random.pick(template.styles());
            long id = tables.musicalEvent.insert(site.id, template.title(), style.label, date, place, template.kind());
            events.add(new Event(id, date, template, style));
        }
        return events;
    }

    private void writeCampaign(DemoSite site, SchoolYear target, String status, LocalDate opensOn, LocalDate closesOn,
                               List<String> documentTypes) throws SQLException {
        String instructions = "Réinscriptions pour l'année " + target.label() + " : cochez la réinscription "
                + "administrative et les cours que vous souhaitez poursuivre, puis joignez les justificatifs demandés "
                + "(JPEG, PNG ou PDF, 2 Mo au plus). Votre demande sera validée par l'accueil.";
        site.campaignId = tables.reenrolmentCampaign.insert(site.id, target.id(), opensOn, closesOn, status, instructions);
        site.campaignStatus = status;
        site.campaignOpensOn = opensOn;
        site.campaignClosesOn = closesOn;
        for (String name : documentTypes) {
            boolean required = name.equals("Justificatif de domicile"); // the others only for a reduced fee
            site.documentTypeIds.put(name, tables.documentType.insert(site.campaignId, name, required, 2_097_152));
        }
    }

    /** The shape of the identifiers {@link FamilyGenerator} gives the site's families (F0001, M0001). */
    static String identifierPattern(String siteCode) {
        return ("BELLERIVE".equals(siteCode) ? "F" : "M") + "####";
    }

    private void staffAccount(Map<String, KnownAccount> staff, DemoSite site, String identifier, String email,
                              String displayName) throws SQLException {
        long id = tables.account.insert(site.id, identifier, email, site.passwordHash(), "STAFF", null, displayName, true, 0,
                null, STAFF_CREATED_AT, "DIRECTION".equals(identifier));
        staff.put(site.code + "/" + identifier, new KnownAccount(id, site.id, identifier, email, STAFF_CREATED_AT));
    }
}
