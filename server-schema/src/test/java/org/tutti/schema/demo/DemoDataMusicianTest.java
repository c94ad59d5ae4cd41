package org.tutti.schema.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.testing.SqlRows.number;
import static org.tutti.schema.testing.SqlRows.query;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.Repertoire.Piece;
import org.tutti.schema.demo.Repertoire.Style;
import org.tutti.schema.testing.TestDatabases;

/**
 * The embedded demo read as a musician would: what is played at each event, the level on a
 * choir's sheet, the absences of earlier years. Plain SQL over the seeded database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataMusicianTest {

    private static final Set<String> CHOIR_LEVELS = Set.of("Chœur d'enfants", "Chœur de jeunes", "Chœur adultes");

    /** Half the embedded demo: every instrument, ensemble and event still appears. */
    private static final int FAMILIES = DemoDataGenerator.DEMO_FAMILIES / 2;

    private DataSource db;

    @BeforeAll
    void generateTheEmbeddedDemo() throws SQLException {
        db = TestDatabases.freshH2().dataSource();
        new SchemaMigrator(db, DatabaseVendor.H2).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, FAMILIES)
                .generate(db, DemoProgress.NONE);
    }

    @Test
    void everyPerformedPieceBelongsToItsEventsProgrammeAndIsPlayedOnTheStudentsInstrument() throws SQLException {
        // the instruments a student learnt in the school year of the event (two for a second instrument)
        List<List<String>> rows = query(db, "SELECT p.id, m.title, m.repertoire, p.composer, p.piece, d.name "
                + "FROM tutti.event_participation p JOIN tutti.musical_event m ON m.id = p.event_id "
                + "JOIN tutti.school_year y ON m.event_date BETWEEN y.start_date AND y.end_date "
                + "JOIN tutti.enrolment e ON e.student_id = p.student_id "
                + "JOIN tutti.course c ON c.id = e.course_id AND c.school_year_id = y.id AND c.kind = 'INDIVIDUAL' "
                + "JOIN tutti.discipline d ON d.id = c.discipline_id ORDER BY p.id");
        Map<String, List<String>> participations = new LinkedHashMap<>();
        Map<String, Set<String>> instruments = new LinkedHashMap<>();
        for (List<String> row : rows) {
            participations.putIfAbsent(row.get(0), row.subList(1, 5));
            instruments.computeIfAbsent(row.get(0), id -> new HashSet<>()).add(row.get(5));
        }
        Map<String, Style> styles = Arrays.stream(Style.values()).collect(Collectors.toMap(s -> s.label, s -> s));
        Map<String, Piece> pieces = Repertoire.PIECES.stream()
                .collect(Collectors.toMap(p -> p.composer() + " — " + p.title(), p -> p));

        List<String> misfits = new ArrayList<>();
        Map<String, Integer> byProgramme = new TreeMap<>();
        participations.forEach((id, p) -> {
            String performance = p.get(0) + " (" + p.get(1) + "): " + p.get(2) + " — " + p.get(3) + " on "
                    + instruments.get(id);
            Style style = styles.get(p.get(1));
            Piece piece = pieces.get(p.get(2) + " — " + p.get(3));
            if (style == null || piece == null || !piece.fits(style)
                    || piece.instruments().stream().noneMatch(instruments.get(id)::contains)) {
                misfits.add(performance);
            }
            byProgramme.merge(p.get(1), 1, Integer::sum);
        });
        assertThat(misfits).as("pieces out of their event's programme or instrument").isEmpty();
        assertThat(participations).as("performances").hasSizeGreaterThan(200);
        assertThat(byProgramme).as("programmes heard").hasSizeGreaterThanOrEqualTo(5)
                .containsKeys(Style.JAZZ.label, Style.ANY.label);
    }

    @Test
    void everyPieceOfTheRepertoireIsPlayedOnTaughtInstrumentsAndEveryInstrumentHasPieces() {
        Set<String> taught = new HashSet<>();
        SchoolCatalogue.INSTRUMENTS.forEach(i -> taught.add(i.name()));
        assertThat(Repertoire.PIECES).allSatisfy(p -> {
            assertThat(taught).as(p.title()).containsAll(p.instruments());
            assertThat(p.styles()).as(p.title()).isNotEmpty().doesNotContain(Style.ANY);
            assertThat(p.seconds()).as(p.title()).isBetween(60, 660);
        });
        assertThat(Repertoire.PIECES).extracting(p -> p.composer() + " — " + p.title()).doesNotHaveDuplicates();
        for (String instrument : taught) {
            assertThat(Repertoire.pieces(instrument, Style.ANY)).as(instrument).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(Repertoire.pieces("Piano", Style.BAROQUE)).extracting(Piece::title)
                .doesNotContain("Lettre à Élise").contains("Le Rappel des oiseaux");
        assertThat(Repertoire.pieces("Harpe", Style.ROMANTIC)).extracting(Piece::composer)
                .doesNotContain("Frédéric Chopin");
    }

    @Test
    void aChoirsSheetShowsAChoirLevelAndNoCollectiveSheetShowsAnInstrumentAsLevel() throws SQLException {
        List<List<String>> choirs = query(db, "SELECT c.class_label, e.level_label, y.start_date, st.birth_date "
                + "FROM tutti.enrolment e JOIN tutti.course c ON c.id = e.course_id "
                + "JOIN tutti.discipline d ON d.id = c.discipline_id JOIN tutti.school_year y ON y.id = c.school_year_id "
                + "JOIN tutti.student st ON st.id = e.student_id WHERE d.name = 'Chorale'");
        assertThat(choirs).as("choir sheets").hasSizeGreaterThan(20);
        assertThat(choirs).allSatisfy(row -> {
            assertThat(row.get(1)).as("level of a sheet of " + row.get(0)).isIn(CHOIR_LEVELS).isEqualTo(row.get(0));
            int age = LocalDate.parse(row.get(3)).until(LocalDate.parse(row.get(2))).getYears();
            assertThat(row.get(1)).as("choir of a singer of " + age)
                    .isEqualTo(age <= 11 ? "Chœur d'enfants" : age <= 18 ? "Chœur de jeunes" : "Chœur adultes");
        });
        assertThat(query(db, "SELECT DISTINCT c.class_label, e.level_label FROM tutti.enrolment e "
                + "JOIN tutti.course c ON c.id = e.course_id WHERE c.kind = 'COLLECTIVE' "
                + "AND e.level_label IN (SELECT name FROM tutti.discipline)")).as("an instrument as a level").isEmpty();
        assertThat(query(db, "SELECT DISTINCT e.level_label FROM tutti.enrolment e "
                + "JOIN tutti.course c ON c.id = e.course_id JOIN tutti.discipline d ON d.id = c.discipline_id "
                + "WHERE d.name = 'Orchestre'")).extracting(r -> r.get(0)).contains("Cycle 2").allMatch(
                        level -> level.startsWith("Cycle") || level.equals("Hors cycle"));
    }

    @Test
    void everyPastYearsSheetsHaveAbsencesOnLessonDaysWithinTheEnrolment() throws SQLException {
        Map<String, Long> absencesByYear = new TreeMap<>();
        for (List<String> row : query(db, "SELECT y.label, COUNT(a.id) FROM tutti.school_year y "
                + "JOIN tutti.course c ON c.school_year_id = y.id JOIN tutti.enrolment e ON e.course_id = c.id "
                + "LEFT JOIN tutti.absence a ON a.enrolment_id = e.id GROUP BY y.label")) {
            absencesByYear.put(row.get(0), Long.parseLong(row.get(1)));
        }
        assertThat(absencesByYear).containsOnlyKeys("2023-2024", "2024-2025", "2025-2026", "2026-2027")
                .allSatisfy((year, count) -> assertThat(count).as(year).isGreaterThan(50));
        for (String excused : List.of("a.excused AND a.reason IS NOT NULL", "NOT a.excused AND a.reason IS NULL")) {
            assertThat(number(db, "SELECT COUNT(*) FROM tutti.absence a JOIN tutti.enrolment e ON e.id = a.enrolment_id "
                    + "JOIN tutti.course c ON c.id = e.course_id JOIN tutti.school_year y ON y.id = c.school_year_id "
                    + "WHERE NOT y.is_current AND " + excused)).as(excused).isPositive();
        }

        List<String> misplaced = new ArrayList<>();
        Set<MonthDay> noLessons = Set.of(MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25),
                MonthDay.of(12, 31), MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8));
        for (List<String> row : query(db, "SELECT a.absence_date, c.day_of_week, e.enrolled_on, e.ended_on, "
                + "c.class_label FROM tutti.absence a JOIN tutti.enrolment e ON e.id = a.enrolment_id "
                + "JOIN tutti.course c ON c.id = e.course_id")) {
            LocalDate date = LocalDate.parse(row.get(0));
            boolean outside = date.isBefore(LocalDate.parse(row.get(2)))
                    || (!row.get(3).equals("null") && !date.isBefore(LocalDate.parse(row.get(3))))
                    || !date.isBefore(DemoDataGenerator.DEMO_TODAY);
            if (outside || date.getDayOfWeek() != DayOfWeek.of(Integer.parseInt(row.get(1)))
                    || noLessons.contains(MonthDay.from(date))) {
                misplaced.add(row.get(4) + " " + date);
            }
        }
        assertThat(misplaced).as("absences outside the lessons of the enrolment").isEmpty();
    }
}
