package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.flow.PedagogyData.Absence;
import org.tutti.client.flow.PedagogyData.Evaluation;
import org.tutti.client.flow.PedagogyData.Participation;
import org.tutti.client.flow.PedagogyData.Sheet;
import org.tutti.client.flow.PedagogyData.Student;

/**
 * Élèves › Cours, Historique and Répertoire on the real embedded demo, as F0001: the lists equal
 * what the database holds (read by plain SQL), Enter or a double-click opens a row's window,
 * Escape closes it and gives the focus back to the row, the same row never opens twice, the
 * history's one sheet window follows the arrows and their keys, and the windows close when the
 * student changes. The tests only read, so the class logs in once (one copy of the demo).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PedagogyFlowTest extends AppHarness {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    static Path dataFolder;

    private PedagogyData db;
    private List<Student> students;

    @BeforeAll
    void startAndLogIn() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("the home screen", () -> exists("#homeFamilyName"));
        db = new PedagogyData(dataFolder);
        students = db.students("F0001");
        assertThat(students).as("F0001's students").hasSizeGreaterThanOrEqualTo(2);
    }

    @AfterAll
    void stop() throws Exception {
        stopApp();
    }

    /** Élèves afresh (leaving Accueil, coming back), with no window left by an earlier test. */
    @BeforeEach
    void openStudents() throws Exception {
        interact(() -> listWindows().stream().filter(w -> w != stage && w.isShowing()).toList()
                .forEach(Window::hide));
        clickOn("#navHome");
        await("the home screen", () -> exists("#homeFamilyName"));
        clickOn("#navStudents");
        await("the students", () -> exists("#studentSelector") && selector().getValue() != null);
        awaitPedagogy();
    }

    // ------------------------------------------------------------------------------------ Cours

    @Test
    @Order(1)
    void coursesListThisYearsEnrolmentsAndOpenTheFollowUpWithItsEvaluationsAndAbsences() throws Exception {
        Student chosen = null;
        int chosenRow = -1;
        for (Student student : students) {
            selectStudent(student);
            selectTab("#tabCourses");
            List<Sheet> expected = db.currentCourses(student.id());
            TableView<?> courses = table("#coursesTable");
            assertThat(courses.getItems()).as(student.name() + "'s courses").hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Sheet sheet = expected.get(i);
                Map<String, String> row = row(courses, i);
                assertThat(row).as(student.name() + ", course " + (i + 1))
                        .containsEntry("Discipline", sheet.discipline())
                        .containsEntry("Département", sheet.department())
                        .containsEntry("Classe", sheet.classLabel())
                        .containsEntry("Enseignant", sheet.teacher())
                        .containsEntry("Évaluations", Integer.toString(sheet.evaluations()))
                        .containsEntry("Absences excusées", Integer.toString(sheet.excused()))
                        .containsEntry("Absences non excusées", Integer.toString(sheet.unexcused()));
                assertThat(row.get("Jour et horaire")).startsWith(dayName(sheet.day()) + " ");
                if (chosen == null && sheet.evaluations() > 0 && sheet.unexcused() + sheet.excused() > 0) {
                    chosen = student;
                    chosenRow = i;
                }
            }
        }
        assertThat(chosen).as("a course of F0001 with both evaluations and absences in the demo").isNotNull();
        Sheet sheet = db.currentCourses(chosen.id()).get(chosenRow);
        selectStudent(chosen);
        selectTab("#tabCourses");
        TableView<?> courses = table("#coursesTable");

        // Enter on the course: its follow-up window
        Set<Window> before = showingWindows();
        enterOn(courses, chosenRow);
        Stage course = awaitWindow("courseWindow", before);
        Parent root = course.getScene().getRoot();
        assertThat(course.getOwner()).isSameAs(stage);
        assertThat(text(root, "#courseClass")).isEqualTo(sheet.classLabel());
        assertThat(text(root, "#courseTeacher")).isEqualTo(sheet.teacher());
        assertThat(text(root, "#courseDiscipline")).isEqualTo(sheet.discipline());
        assertThat(text(root, "#courseYear")).isEqualTo(sheet.year());

        // Évaluations: as many as the database has; Enter on the longest appreciation shows it in full
        List<Evaluation> evaluations = db.evaluations(sheet.enrolmentId());
        clickOn(from(root).lookup("#tabEvaluations").queryAs(Node.class));
        TableView<?> evaluationsTable = from(root).lookup("#evaluationsTable").query();
        await("the evaluations", () -> evaluationsTable.getItems().size() == evaluations.size()
                && !from(root).lookup("#courseBusy").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(evaluationsTable.getItems()).hasSize(sheet.evaluations());
        int longest = 0;
        for (int i = 0; i < evaluations.size(); i++) {
            if (length(evaluations.get(i).appreciation()) > length(evaluations.get(longest).appreciation())) {
                longest = i;
            }
            assertThat(row(evaluationsTable, i)).as("evaluation " + (i + 1))
                    .containsEntry("Date", DATE.format(evaluations.get(i).date()))
                    .containsEntry("Enseignant", evaluations.get(i).teacher());
        }
        Evaluation evaluation = evaluations.get(longest);
        before = showingWindows();
        enterOn(evaluationsTable, longest);
        Stage detail = awaitWindow("detailWindow", before);
        assertThat(detail.getOwner()).isSameAs(course);
        Parent detailRoot = detail.getScene().getRoot();
        assertThat(text(detailRoot, "#detailDate")).isEqualTo(DATE.format(evaluation.date()));
        assertThat(text(detailRoot, "#detailTeacher")).isEqualTo(evaluation.teacher());
        assertThat(from(detailRoot).lookup("#detailAppreciation").queryAs(Node.class)).isInstanceOf(TextArea.class);
        assertThat(text(detailRoot, "#detailAppreciation")).as("the appreciation in full")
                .isEqualTo(evaluation.appreciation() == null ? "—" : evaluation.appreciation());
        assertThat(from(detailRoot).lookup("#detailAppreciation").queryAs(TextArea.class).isEditable()).isFalse();
        // Enter again on the same evaluation: the same window, not a second one
        enterOn(evaluationsTable, longest);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowsWithRoot("detailWindow")).as("one window per evaluation").isEqualTo(1);
        escape(detail);
        awaitFocusOnRow(evaluationsTable, longest);
        assertThat(course.isShowing()).isTrue();

        // Absences: a double-click opens one
        List<Absence> absences = db.absences(sheet.enrolmentId());
        clickOn(from(root).lookup("#tabAbsences").queryAs(Node.class));
        TableView<?> absencesTable = from(root).lookup("#absencesTable").query();
        await("the absences", () -> absencesTable.getItems().size() == absences.size());
        WaitForAsyncUtils.waitForFxEvents();
        int last = absences.size() - 1;
        Absence absence = absences.get(last);
        before = showingWindows();
        doubleClickOn(rowNode(absencesTable, last));
        detail = awaitWindow("detailWindow", before);
        detailRoot = detail.getScene().getRoot();
        assertThat(text(detailRoot, "#detailDate")).isEqualTo(DATE.format(absence.date()));
        assertThat(text(detailRoot, "#detailExcused")).isEqualTo(absence.excused() ? "Excusée" : "Non excusée");
        assertThat(text(detailRoot, "#detailReason")).isEqualTo(absence.reason() == null ? "—" : absence.reason());
        assertThat(text(detailRoot, "#detailDuration")).startsWith(absence.durationMinutes() < 60
                ? absence.durationMinutes() + " min" : absence.durationMinutes() / 60 + " h");
        escape(detail);
        awaitFocusOnRow(absencesTable, last);

        // Enter twice on the course in the list: still one window, the same
        enterOn(courses, chosenRow);
        WaitForAsyncUtils.waitForFxEvents();
        enterOn(courses, chosenRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowsWithRoot("courseWindow")).as("one window per course").isEqualTo(1);
        assertThat(course.isShowing()).isTrue();
        escape(course);
        awaitFocusOnRow(courses, chosenRow);
        assertThat(windowsWithRoot("courseWindow")).isZero();
    }

    // ------------------------------------------------------------------------------ Historique

    @Test
    @Order(2)
    void historyListsEarlierYearsNewestFirstAndOneSheetWindowFollowsTheArrows() throws Exception {
        List<Sheet> expected = showLongestHistory();
        TableView<?> history = table("#historyTable");
        assertThat(history.getItems()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(row(history, i)).as("sheet " + (i + 1))
                    .containsEntry("Année", expected.get(i).year())
                    .containsEntry("Département", expected.get(i).department())
                    .containsEntry("Classe", expected.get(i).classLabel())
                    .containsEntry("Enseignant", expected.get(i).teacher());
        }
        List<String> years = expected.stream().map(Sheet::year).toList();
        assertThat(years).as("newest year first").isSortedAccordingTo(Comparator.reverseOrder());

        // a double-click on the first row: the sheet window, at 1 of n
        Set<Window> before = showingWindows();
        doubleClickOn(rowNode(history, 0));
        Stage window = awaitWindow("courseWindow", before);
        int n = expected.size();
        assertSheet(window, history, expected, 0);
        keepClear(window, lookup("#navLast").query());

        clickOn("#navLast");
        assertSheet(window, history, expected, n - 1);
        clickOn("#navPrevious");
        assertSheet(window, history, expected, n - 2);
        clickOn("#navFirst");
        assertSheet(window, history, expected, 0);
        clickOn("#navNext");
        assertSheet(window, history, expected, 1);

        // the window's own arrows
        Parent root = window.getScene().getRoot();
        clickOn(from(root).lookup("#sheetNavLast").queryButton());
        assertSheet(window, history, expected, n - 1);
        clickOn(from(root).lookup("#sheetNavFirst").queryButton());
        assertSheet(window, history, expected, 0);

        // the keys, in the list and in the window
        interact(() -> {
            stage.requestFocus();
            history.requestFocus();
        });
        push(KeyCode.CONTROL, KeyCode.END);
        assertSheet(window, history, expected, n - 1);
        push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        assertSheet(window, history, expected, n - 2);
        interact(() -> {
            window.requestFocus();
            from(root).lookup("#courseYear").query().requestFocus();
        });
        push(KeyCode.CONTROL, KeyCode.HOME);
        assertSheet(window, history, expected, 0);
        push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        assertSheet(window, history, expected, 1);

        // another row, opened while the window is open: the same window shows it
        keepClear(window, rowNode(history, 2));
        doubleClickOn(rowNode(history, 2));
        assertSheet(window, history, expected, 2);
        enterOn(history, 1);
        assertSheet(window, history, expected, 1);

        escape(window);
        awaitFocusOnRow(history, 1);
        assertThat(windowsWithRoot("courseWindow")).isZero();
    }

    /**
     * Sorting the list re-orders what the arrows move through: the open sheet stays, its
     * position and the arrows follow its new place. (The window's title is checked apart, see
     * {@link #theSheetWindowsTitleFollowsItsPositionWhenTheListIsSorted()}.)
     */
    @Test
    @Order(3)
    void sortingTheHistoryKeepsTheOpenSheetAndTheArrowsFollowTheNewOrder() throws Exception {
        SortedHistory sorted = openFirstSheetAndSortByYear();
        try {
            assertThat(row(sorted.table(), 0)).containsEntry("Année", sorted.sheets().get(0).year());
            assertSheet(sorted.window(), sorted.table(), sorted.sheets(), sorted.position(), false);
            keepClear(sorted.window(), lookup("#navFirst").query());
            clickOn("#navFirst");
            assertSheet(sorted.window(), sorted.table(), sorted.sheets(), 0);
            keepClear(sorted.window(), lookup("#navLast").query());
            clickOn("#navLast");
            assertSheet(sorted.window(), sorted.table(), sorted.sheets(), sorted.sheets().size() - 1);
            escape(sorted.window());
        } finally {
            interact(() -> sorted.table().getSortOrder().clear());
        }
    }

    @Test
    @Order(3)
    void theSheetWindowsTitleFollowsItsPositionWhenTheListIsSorted() throws Exception {
        SortedHistory sorted = openFirstSheetAndSortByYear();
        try {
            assertSheet(sorted.window(), sorted.table(), sorted.sheets(), sorted.position(), true);
        } finally {
            interact(() -> sorted.table().getSortOrder().clear());
        }
    }

    /** Shows Historique of the F0001 student with the most earlier sheets (three at least); returns them. */
    private List<Sheet> showLongestHistory() throws Exception {
        Student student = mostOf(s -> db.history(s.id()).size());
        List<Sheet> expected = db.history(student.id());
        assertThat(expected).as("the earlier sheets of the F0001 student with the most (three at least in the demo)")
                .hasSizeGreaterThanOrEqualTo(3);
        selectStudent(student);
        selectTab("#tabHistory");
        return expected;
    }

    private record SortedHistory(Stage window, TableView<?> table, List<Sheet> sheets, int position) {
    }

    /** Opens the history's first sheet, then sorts the list by Année, ascending (oldest first). */
    private SortedHistory openFirstSheetAndSortByYear() throws Exception {
        List<Sheet> expected = showLongestHistory();
        TableView<?> history = table("#historyTable");
        Set<Window> before = showingWindows();
        enterOn(history, 0);
        Stage window = awaitWindow("courseWindow", before);
        assertSheet(window, history, expected, 0);

        Node yearHeader = from(history).lookup(".column-header").queryAll().stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && "Année".equals(h.getTableColumn().getText()))
                .findFirst().orElseThrow();
        keepClear(window, yearHeader);
        clickOn(yearHeader);
        // the table sorts stably: within a year, the database's order stays
        List<Sheet> sorted = expected.stream().sorted(Comparator.comparing(Sheet::year)).toList();
        await("the list sorted by year", () -> history.getSortOrder().size() == 1);
        return new SortedHistory(window, history, sorted, sorted.indexOf(expected.get(0)));
    }

    // ------------------------------------------------------------------------------ Répertoire

    @Test
    @Order(4)
    void repertoireListsTheEventsNewestFirstAndOpensOneWithItsPieceComposerAndPlace() throws Exception {
        Student student = mostOf(s -> db.repertoire(s.id()).size());
        List<Participation> expected = db.repertoire(student.id());
        assertThat(expected).as("the events of the F0001 student with the most (one at least in the demo)").isNotEmpty();
        selectStudent(student);
        selectTab("#tabRepertoire");
        TableView<?> repertoire = table("#repertoireTable");
        assertThat(repertoire.getItems()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Participation p = expected.get(i);
            assertThat(row(repertoire, i)).as("event " + (i + 1))
                    .containsEntry("Répertoire", p.repertoire())
                    .containsEntry("Date", DATE.format(p.date()))
                    .containsEntry("Morceau", p.piece())
                    .containsEntry("Durée", minutesSeconds(p.durationSeconds()))
                    .containsEntry("Commentaire", p.comment() == null ? "" : p.comment());
        }
        assertThat(expected.stream().map(Participation::date).toList()).as("newest first")
                .isSortedAccordingTo(Comparator.<LocalDate>reverseOrder());

        int index = expected.size() > 1 ? 1 : 0;
        Participation p = expected.get(index);
        Set<Window> before = showingWindows();
        enterOn(repertoire, index);
        Stage event = awaitWindow("detailWindow", before);
        Parent root = event.getScene().getRoot();
        assertThat(text(root, "#detailTitle")).isEqualTo(p.title());
        assertThat(text(root, "#detailRepertoire")).isEqualTo(p.repertoire());
        assertThat(text(root, "#detailDate")).isEqualTo(DATE.format(p.date()));
        assertThat(text(root, "#detailPlace")).isEqualTo(p.place());
        assertThat(text(root, "#detailPiece")).isEqualTo(p.piece());
        assertThat(text(root, "#detailComposer")).isEqualTo(p.composer());
        assertThat(text(root, "#detailDuration")).isEqualTo(minutesSeconds(p.durationSeconds()));
        assertThat(text(root, "#detailComment")).isEqualTo(p.comment() == null ? "—" : p.comment());

        enterOn(repertoire, index);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windowsWithRoot("detailWindow")).as("one window per event").isEqualTo(1);
        escape(event);
        awaitFocusOnRow(repertoire, index);
    }

    // ------------------------------------------------------------------- another student, none

    @Test
    @Order(5)
    void switchingStudentClosesTheOpenWindows() throws Exception {
        Student first = students.stream().filter(s -> !courses(s).isEmpty()).findFirst().orElse(null);
        assertThat(first).as("an F0001 student with a course this year in the demo").isNotNull();
        Student other = students.stream().filter(s -> s != first).findFirst().orElseThrow();
        selectStudent(first);
        selectTab("#tabCourses");
        Set<Window> before = showingWindows();
        enterOn(table("#coursesTable"), 0);
        Stage course = awaitWindow("courseWindow", before);

        selectStudent(other);
        await("the course window closed with the change of student", () -> !course.isShowing());
        assertThat(windowsWithRoot("courseWindow")).isZero();

        // the history's sheet window and an event window too
        Student withHistory = mostOf(s -> db.history(s.id()).size());
        if (!history(withHistory).isEmpty()) {
            selectStudent(withHistory);
            selectTab("#tabHistory");
            before = showingWindows();
            enterOn(table("#historyTable"), 0);
            Stage sheet = awaitWindow("courseWindow", before);
            Stage event = null;
            if (!db.repertoire(withHistory.id()).isEmpty()) {
                keepClear(sheet, lookup("#tabRepertoire").query());
                selectTab("#tabRepertoire");
                before = showingWindows();
                enterOn(table("#repertoireTable"), 0);
                event = awaitWindow("detailWindow", before);
            }
            Stage eventWindow = event;
            selectStudent(students.stream().filter(s -> s != withHistory).findFirst().orElseThrow());
            await("the sheet and event windows closed with the change of student",
                    () -> !sheet.isShowing() && (eventWindow == null || !eventWindow.isShowing()));
        }

        // leaving the screen closes them as well
        selectStudent(first);
        selectTab("#tabCourses");
        before = showingWindows();
        enterOn(table("#coursesTable"), 0);
        Stage again = awaitWindow("courseWindow", before);
        keepClear(again, lookup("#navHome").query());
        clickOn("#navHome");
        await("the course window closed when leaving Élèves", () -> !again.isShowing());
    }

    @Test
    @Order(6)
    void aStudentWithoutEarlierYearsSeesTheEmptyHistoryText() throws Exception {
        Student none = students.stream().filter(s -> history(s).isEmpty()).findFirst().orElse(null);
        if (none == null) {
            // none at F0001: log in as a family that has one (every BELLERIVE demo family's
            // password is the site's); this test runs last
            List<Long> candidates = db.studentsWithoutHistory();
            assertThat(candidates).as("BELLERIVE students without earlier years in the demo").isNotEmpty();
            String family = db.familyOf(candidates.get(0));
            clickOn("#navLogout");
            await("the login window", () -> exists("#loginSubmit") && !lookup("#loginSubmit").query().isDisabled());
            logInByKeyboard(family, "bellerive");
            await("the home screen of " + family, () -> exists("#homeFamilyName"));
            clickOn("#navStudents");
            await("the students", () -> exists("#studentSelector") && selector().getValue() != null);
            awaitPedagogy();
            System.out.println("No F0001 student without earlier years: logged in as " + family);
            none = db.students(family).stream().filter(s -> s.id() == candidates.get(0)).findFirst().orElseThrow();
        }
        selectStudent(none);
        selectTab("#tabHistory");
        TableView<?> history = table("#historyTable");
        assertThat(history.getItems()).isEmpty();
        Label placeholder = from(history).lookup(".table-placeholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).isEqualTo("Aucune fiche de cours des années précédentes.");
        // the arrows have nothing to move through
        for (String id : List.of("#navFirst", "#navPrevious", "#navNext", "#navLast")) {
            assertThat(lookup(id).queryButton().isDisabled()).as(id).isTrue();
        }
    }

    // --------------------------------------------------------------------------------- helpers

    private interface Count {
        int of(Student student) throws Exception;
    }

    private Student mostOf(Count count) throws Exception {
        Student best = students.get(0);
        int most = count.of(best);
        for (Student s : students) {
            int c = count.of(s);
            if (c > most) {
                best = s;
                most = c;
            }
        }
        return best;
    }

    private List<Sheet> courses(Student student) {
        try {
            return db.currentCourses(student.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Sheet> history(Student student) {
        try {
            return db.history(student.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String dayName(int day) {
        String name = DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.FRENCH);
        return name.substring(0, 1).toUpperCase(Locale.FRENCH) + name.substring(1);
    }

    private static String minutesSeconds(int seconds) {
        return seconds / 60 + ":" + (seconds % 60 < 10 ? "0" : "") + seconds % 60;
    }

    private ComboBox<StudentIdentity> selector() {
        return lookup("#studentSelector").query();
    }

    /** Picks the student in the selector and waits for the three lists (with no error shown). */
    private void selectStudent(Student student) throws Exception {
        ComboBox<StudentIdentity> selector = selector();
        await("the selector", () -> !selector.isDisabled()
                && selector.getItems().stream().anyMatch(s -> s.id() == student.id()));
        StudentIdentity item = selector.getItems().stream().filter(s -> s.id() == student.id()).findFirst()
                .orElseThrow();
        interact(() -> selector.setValue(item));
        awaitPedagogy();
        assertThat(selector.getValue().id()).isEqualTo(student.id());
    }

    private void awaitPedagogy() throws Exception {
        await("the pedagogical file", () -> !lookup("#coursesTableBusy").query().isVisible()
                && !selector().isDisabled());
        Label error = lookup("#coursesTableError").queryAs(Label.class);
        assertThat(error.isVisible() ? error.getText() : "").as("error shown over the lists").isEmpty();
    }

    /** Clicks the tab's header (in the main window) and waits until it is the selected tab. */
    private void selectTab(String id) throws Exception {
        clickOn(id);
        TabPane tabs = from(stage.getScene().getRoot()).lookup("#studentTabs").queryAs(TabPane.class);
        await(id + " selected", () -> id.equals("#" + tabs.getSelectionModel().getSelectedItem().getId()));
    }

    private TableView<?> table(String id) {
        return from(stage.getScene().getRoot()).lookup(id).query();
    }

    private String text(Parent root, String id) {
        return from(root).lookup(id).queryAs(TextInputControl.class).getText();
    }

    /**
     * What the row shows, column title to cell text (an empty cell gives ""); a grouped column's
     * title is its group's and its own ("Absences excusées").
     */
    private Map<String, String> row(TableView<?> table, int index) {
        TableRow<?> row = rowNode(table, index);
        Map<String, String> cells = new LinkedHashMap<>();
        for (Node node : row.getChildrenUnmodifiable()) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                TableColumnBase<?, ?> column = cell.getTableColumn();
                String title = column.getParentColumn() == null ? column.getText()
                        : column.getParentColumn().getText() + " " + column.getText();
                cells.put(title, cell.getText() == null ? "" : cell.getText());
            }
        }
        return cells;
    }

    /** The shown row at {@code index}, scrolled into view. */
    private TableRow<?> rowNode(TableView<?> table, int index) {
        interact(() -> table.scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
        return from(table).lookup(".table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.isVisible() && !r.isEmpty() && r.getIndex() == index)
                .findFirst().orElseThrow(() -> new AssertionError(table.getId() + " shows no row " + index));
    }

    /** Selects the row, gives its table the keyboard focus (its window first) and presses Enter. */
    private void enterOn(TableView<?> table, int index) {
        interact(() -> {
            table.getScene().getWindow().requestFocus();
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index);
            table.getFocusModel().focus(index);
        });
        type(KeyCode.ENTER);
    }

    private long windowsWithRoot(String rootId) {
        return listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && rootId.equals(w.getScene().getRoot().getId())).count();
    }

    /** Escape, typed in the window (its own focus first). */
    private void escape(Stage window) throws Exception {
        interact(window::requestFocus);
        type(KeyCode.ESCAPE);
        await("'" + window.getTitle() + "' closed by Escape", () -> !window.isShowing());
    }

    private void awaitFocusOnRow(TableView<?> table, int index) throws Exception {
        await("the focus back on " + table.getId() + " row " + (index + 1), () -> table.isFocused()
                && table.getScene().getFocusOwner() == table
                && table.getSelectionModel().getSelectedIndex() == index);
    }

    /**
     * Moves a window that covers {@code node} beside it, as a user would before clicking there
     * (the robot clicks screen positions: a child window over the button would take the click).
     */
    private void keepClear(Stage window, Node node) {
        interact(() -> {
            Bounds b = node.localToScreen(node.getBoundsInLocal());
            boolean covers = window.getX() < b.getMaxX() && window.getX() + window.getWidth() > b.getMinX()
                    && window.getY() < b.getMaxY() && window.getY() + window.getHeight() > b.getMinY();
            if (covers) {
                window.setX(b.getMaxX() + 20);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertSheet(Stage window, TableView<?> history, List<Sheet> expected, int k) throws Exception {
        assertSheet(window, history, expected, k, true);
    }

    /**
     * The window shows sheet {@code k} (and its position, in its title too if asked); the list
     * selects it; the arrows of both are disabled at the ends.
     */
    private void assertSheet(Stage window, TableView<?> history, List<Sheet> expected, int k, boolean title)
            throws Exception {
        Sheet sheet = expected.get(k);
        int n = expected.size();
        Parent root = window.getScene().getRoot();
        await("sheet " + (k + 1) + " (" + sheet.year() + ", " + sheet.classLabel() + ")",
                () -> sheet.year().equals(text(root, "#courseYear"))
                        && sheet.classLabel().equals(text(root, "#courseClass"))
                        && history.getSelectionModel().getSelectedIndex() == k);
        assertThat(window.isShowing()).isTrue();
        assertThat(windowsWithRoot("courseWindow")).as("one sheet window").isEqualTo(1);
        assertThat(text(root, "#courseDiscipline")).isEqualTo(sheet.discipline());
        assertThat(text(root, "#courseTeacher")).isEqualTo(sheet.teacher());
        String position = "fiche " + (k + 1) + " sur " + n;
        assertThat(from(root).lookup("#sheetPosition").queryAs(Label.class).getText()).isEqualTo(position);
        if (title) {
            assertThat(window.getTitle()).as("the window's title").isEqualTo("Fiche de cours " + sheet.year() + " — " + sheet.classLabel()
                    + " (" + position + ")");
        }
        boolean atFirst = k == 0;
        boolean atLast = k == n - 1;
        Parent main = stage.getScene().getRoot();
        Map<String, Boolean> disabled = Map.of("navFirst", atFirst, "navPrevious", atFirst, "navNext", atLast,
                "navLast", atLast);
        for (Map.Entry<String, Boolean> arrow : disabled.entrySet()) {
            String id = arrow.getKey();
            String sheetId = "sheet" + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            assertThat(from(main).lookup("#" + id).queryAs(Button.class).isDisabled()).as(id)
                    .isEqualTo(arrow.getValue());
            assertThat(from(root).lookup("#" + sheetId).queryAs(Button.class).isDisabled()).as(sheetId)
                    .isEqualTo(arrow.getValue());
        }
        TableView<?> evaluations = from(root).lookup("#evaluationsTable").query();
        await("sheet " + (k + 1) + "'s evaluations", () -> evaluations.getItems().size() == sheet.evaluations());
    }
}
