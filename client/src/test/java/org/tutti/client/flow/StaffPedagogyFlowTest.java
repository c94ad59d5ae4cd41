package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.model.EvaluationKind;

/**
 * Issue 16, pedagogy entry, on the seeded embedded demo: ACCUEIL opens Pédagogie, records an
 * excused absence with its reason for one of F0001's children and an evaluation (the outcome said,
 * the rows and their audit in the database); then F0001 logs in and finds both in the course's
 * window (Élèves › Cours). And the same absence entry by keyboard alone: the filter, Down, Enter,
 * Tab and Space through the lines, Ctrl+Enter.
 */
class StaffPedagogyFlowTest extends AppHarness {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String REASON = "Rendez-vous chez l’orthodontiste";
    private static final String APPRECIATION = "Beau travail sur les nuances";

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    private DemoSql sql() {
        return new DemoSql(dataFolder);
    }

    /** An active enrolment of an F0001 student in a BELLERIVE course of the current year. */
    private record Target(long enrolmentId, long courseId, long studentId, String classLabel) {
    }

    private Target target() throws Exception {
        List<String> row = List.of(sql().string("select e.id || ';' || c.id || ';' || st.id || ';' || c.class_label"
                + " from tutti.enrolment e join tutti.student st on st.id = e.student_id"
                + " join tutti.family f on f.id = st.family_id join tutti.course c on c.id = e.course_id"
                + " join tutti.school_year y on y.id = c.school_year_id"
                + " where f.identifier = 'F0001' and y.is_current and e.status = 'ACTIVE' order by e.id").split(";"));
        return new Target(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), Long.parseLong(row.get(2)), row.get(3));
    }

    @Test
    void theFrontDeskRecordsAnAbsenceAndAnEvaluationAndTheFamilySeesThem() throws Exception {
        DemoData.copyInto(dataFolder);
        Target target = target();
        LocalDate today = LocalDate.now();
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navStaffPedagogy"));
        clickOn("#navStaffPedagogy");
        TableView<StaffCourse> courses = lookup("#staffCoursesTable").query();
        await("the courses", () -> !courses.getItems().isEmpty());
        assertThat(courses.getItems()).extracting(StaffCourse::id).containsExactlyInAnyOrderElementsOf(sql().longs(
                "select c.id from tutti.course c join tutti.site s on s.id = c.site_id join tutti.school_year y"
                        + " on y.id = c.school_year_id where s.code = 'BELLERIVE' and y.is_current"));

        // the course, its students
        int line = selectCourse(courses, target);
        clickOn("#absenceEntry");
        await("the absence window", () -> exists("#absenceEntryDialog"));
        Stage absences = shown("absenceEntryDialog");
        Parent root = absences.getScene().getRoot();
        await("the date focused", () -> focusId(absences.getScene()).equals("absenceDate"));
        clickOn(from(root).lookup("#absenceAbsent" + line).queryAs(CheckBox.class));
        clickOn(from(root).lookup("#absenceExcused" + line).queryAs(CheckBox.class));
        clickOn(from(root).lookup("#absenceReason" + line).queryAs(TextField.class));
        write(REASON);
        press(root, KeyCode.ENTER, true);
        await("saved", () -> !absences.isShowing());
        await("the outcome", () -> label("#staffPedagogyStatus").equals("1 absence enregistrée pour le "
                + DATE.format(today) + "."));
        assertThat(sql().strings("select cast(excused as varchar(5)) || ' ' || reason from tutti.absence"
                + " where enrolment_id = " + target.enrolmentId() + " and absence_date = current_date"))
                .containsExactly("TRUE " + REASON);
        assertThat(sql().strings("select e.detail || ' | ' || e.after_value from tutti.audit_event e"
                + " join tutti.family f on f.id = e.family_id where e.kind = 'ABSENCE_RECORDED' and f.identifier = 'F0001'"))
                .singleElement().satisfies(a -> assertThat(a).startsWith("Absences du " + DATE.format(today) + " saisies (")
                        .endsWith(":\"absence excusée — " + REASON + "\"}"));

        // reopened: the absence is ticked again
        clickOn("#absenceEntry");
        await("the absence window again", () -> exists("#absenceEntryDialog"));
        Stage again = shown("absenceEntryDialog");
        CheckBox absent = from(again.getScene().getRoot()).lookup("#absenceAbsent" + line).queryAs(CheckBox.class);
        await("the recorded absence ticked", () -> absent.isSelected()
                && REASON.equals(from(again.getScene().getRoot()).lookup("#absenceReason" + line).queryAs(TextField.class).getText()));
        press(again.getScene().getRoot(), KeyCode.ESCAPE, false);
        await("closed by Escape", () -> !again.isShowing());

        // an evaluation: a wrong mark is said on its line, nothing typed lost; then saved
        clickOn("#evaluationEntry");
        await("the evaluation window", () -> exists("#evaluationEntryDialog"));
        Stage evaluation = shown("evaluationEntryDialog");
        Parent evaluationRoot = evaluation.getScene().getRoot();
        interact(() -> from(evaluationRoot).lookup("#evaluationKind").<ComboBox<EvaluationKind>>query()
                .setValue(EvaluationKind.EXAM));
        clickOn(from(evaluationRoot).lookup("#evaluationMark" + line).queryAs(TextField.class));
        write("21");
        clickOn(from(evaluationRoot).lookup("#evaluationAppreciation" + line).queryAs(TextField.class));
        write(APPRECIATION);
        clickOn(from(evaluationRoot).lookup("#evaluationEntryConfirm").queryAs(Node.class));
        await("the line's error", () -> text(evaluationRoot, "#evaluationLineError" + line)
                .equals("Une note va de 0 à 20, avec deux décimales au plus (15 ou 15,5)."));
        assertThat(evaluation.isShowing()).isTrue();
        assertThat(from(evaluationRoot).lookup("#evaluationAppreciation" + line).queryAs(TextField.class).getText())
                .isEqualTo(APPRECIATION);
        interact(() -> from(evaluationRoot).lookup("#evaluationMark" + line).queryAs(TextField.class).setText("15,5"));
        clickOn(from(evaluationRoot).lookup("#evaluationEntryConfirm").queryAs(Node.class));
        await("saved", () -> !evaluation.isShowing());
        await("the outcome", () -> label("#staffPedagogyStatus").equals("1 évaluation enregistrée."));
        assertThat(sql().strings("select kind || ' ' || cast(mark as varchar(6)) || ' ' || appreciation"
                + " from tutti.evaluation where enrolment_id = " + target.enrolmentId() + " and appreciation = '"
                + APPRECIATION + "'")).containsExactly("EXAM 15.50 " + APPRECIATION);

        // F0001, at its next screen: Élèves › Cours › the course's window
        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        await("Accueil", () -> exists("#navStudents"));
        clickOn("#navStudents");
        await("the students", () -> exists("#studentSelector"));
        ComboBox<StudentIdentity> selector = lookup("#studentSelector").query();
        await("the student", () -> !selector.isDisabled()
                && selector.getItems().stream().anyMatch(s -> s.id() == target.studentId()));
        interact(() -> selector.setValue(selector.getItems().stream().filter(s -> s.id() == target.studentId())
                .findFirst().orElseThrow()));
        clickOn("#tabCourses");
        TableView<CourseSheet> studentCourses = lookup("#coursesTable").query();
        await("the student's courses", () -> !studentCourses.getItems().isEmpty()
                && !lookup("#coursesTableBusy").query().isVisible());
        int row = -1;
        for (int i = 0; i < studentCourses.getItems().size(); i++) {
            if (studentCourses.getItems().get(i).enrolmentId() == target.enrolmentId()) {
                row = i;
            }
        }
        assertThat(row).as("the course among the student's").isNotNegative();
        int courseRow = row;
        Set<Window> before = showingWindows();
        interact(() -> {
            studentCourses.requestFocus();
            studentCourses.getSelectionModel().clearAndSelect(courseRow);
            studentCourses.getFocusModel().focus(courseRow);
        });
        press(studentCourses, KeyCode.ENTER, false);
        Stage course = awaitWindow("courseWindow", before);
        Parent courseRoot = course.getScene().getRoot();
        clickOn(from(courseRoot).lookup("#tabAbsences").queryAs(Node.class));
        TableView<AbsenceLine> seenAbsences = from(courseRoot).lookup("#absencesTable").query();
        await("the absence", () -> seenAbsences.getItems().stream().anyMatch(a -> a.date().equals(today)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seenAbsences.getItems()).filteredOn(a -> a.date().equals(today)).singleElement()
                .satisfies(a -> {
                    assertThat(a.excused()).isTrue();
                    assertThat(a.reason()).isEqualTo(REASON);
                });
        assertThat(rowTexts(seenAbsences, seenAbsences.getItems().indexOf(seenAbsences.getItems().stream()
                .filter(a -> a.date().equals(today)).findFirst().orElseThrow())))
                .contains(DATE.format(today), REASON);
        clickOn(from(courseRoot).lookup("#tabEvaluations").queryAs(Node.class));
        TableView<EvaluationLine> seenEvaluations = from(courseRoot).lookup("#evaluationsTable").query();
        await("the evaluation", () -> seenEvaluations.getItems().stream().anyMatch(e -> APPRECIATION.equals(e.appreciation())));
        assertThat(seenEvaluations.getItems()).filteredOn(e -> APPRECIATION.equals(e.appreciation())).singleElement()
                .satisfies(e -> {
                    assertThat(e.date()).isEqualTo(today);
                    assertThat(e.kind()).isEqualTo(EvaluationKind.EXAM);
                    assertThat(e.mark()).isEqualByComparingTo("15.5");
                });
    }

    @Test
    void anAbsenceIsEnteredWithTheKeyboardAlone() throws Exception {
        DemoData.copyInto(dataFolder);
        Target target = target();
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navStaffPedagogy"));

        // Ctrl+Shift+E: Pédagogie, the focus in the filter
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        TableView<StaffCourse> courses = lookup("#staffCoursesTable").query();
        await("the courses", () -> !courses.getItems().isEmpty());
        await("the filter focused", () -> focusId(stage.getScene()).equals("staffCoursesFilter"));
        // the course's class typed: it comes first (or alone); Down to the list, Enter opens its absences
        write(target.classLabel());
        await("filtered", () -> !courses.getItems().isEmpty()
                && courses.getItems().stream().allMatch(c -> c.classLabel().equals(target.classLabel())));
        long wanted = target.courseId();
        int index = courses.getItems().stream().map(StaffCourse::id).toList().indexOf(wanted);
        assertThat(index).as("the course among the filtered ones").isNotNegative();
        type(KeyCode.DOWN);
        await("the list focused", () -> focusId(stage.getScene()).equals("staffCoursesTable"));
        for (int i = 0; i < index; i++) {
            type(KeyCode.DOWN);
        }
        await("the course selected with its students", () -> courses.getSelectionModel().getSelectedItem() != null
                && courses.getSelectionModel().getSelectedItem().id() == wanted
                && lookup("#staffCourseStudents").queryAs(TableView.class).getItems().size()
                        == courses.getSelectionModel().getSelectedItem().students());
        int line = studentLine(target);
        type(KeyCode.ENTER);
        await("the absence window", () -> exists("#absenceEntryDialog"));
        Stage absences = shown("absenceEntryDialog");
        // the robot's keys to the window that has the focus (headless Monocle does not tell it)
        targetWindow(absences);
        await("the date focused", () -> focusId(absences.getScene()).equals("absenceDate"));
        // Tab to the line's Absent box (each line before it: Absent only, its other fields disabled)
        type(KeyCode.TAB);
        for (int i = 0; i < line; i++) {
            type(KeyCode.TAB);
        }
        await("the line's Absent box", () -> focusId(absences.getScene()).equals("absenceAbsent" + line));
        type(KeyCode.SPACE);
        type(KeyCode.TAB);
        await("Excusée", () -> focusId(absences.getScene()).equals("absenceExcused" + line));
        type(KeyCode.TAB);
        await("Motif", () -> focusId(absences.getScene()).equals("absenceReason" + line));
        write("Malade");
        push(KeyCode.CONTROL, KeyCode.ENTER);
        await("saved", () -> !absences.isShowing());
        targetWindow(stage);
        await("the outcome", () -> label("#staffPedagogyStatus").startsWith("1 absence enregistrée pour le "));
        await("the focus back on the course", () -> focusId(stage.getScene()).equals("staffCoursesTable"));
        assertThat(sql().strings("select cast(excused as varchar(5)) || ' ' || reason from tutti.absence"
                + " where enrolment_id = " + target.enrolmentId() + " and absence_date = current_date"))
                .containsExactly("FALSE Malade");
    }

    // ------------------------------------------------------------------------------ helpers

    /** Selects the target's course in the list; the index of its student's line in the entry windows. */
    private int selectCourse(TableView<StaffCourse> courses, Target target) throws Exception {
        StaffCourse course = courses.getItems().stream().filter(c -> c.id() == target.courseId()).findFirst().orElseThrow();
        interact(() -> {
            courses.requestFocus();
            courses.getSelectionModel().select(course);
            courses.scrollTo(course);
        });
        await("its students", () -> lookup("#staffCourseStudents").queryAs(TableView.class).getItems().size()
                == course.students());
        return studentLine(target);
    }

    @SuppressWarnings("unchecked")
    private int studentLine(Target target) {
        TableView<CourseStudent> students = lookup("#staffCourseStudents").query();
        int line = students.getItems().stream().map(CourseStudent::enrolmentId).toList().indexOf(target.enrolmentId());
        assertThat(line).as("the student among the course's").isNotNegative();
        return line;
    }

    private Stage shown(String rootId) {
        return (Stage) listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && rootId.equals(w.getScene().getRoot().getId())).findFirst().orElseThrow();
    }

    private static String focusId(Scene scene) {
        Node focus = scene.getFocusOwner();
        // a date picker's or combo box's editor has the focus for its control
        while (focus != null && focus.getId() == null) {
            focus = focus.getParent();
        }
        if (focus != null && focus.getParent() instanceof ComboBoxBase<?> box) {
            return box.getId();
        }
        return focus == null ? "" : focus.getId();
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private String text(Parent root, String query) {
        return from(root).lookup(query).queryAs(Label.class).getText();
    }

    private List<String> rowTexts(TableView<?> table, int index) {
        TableRow<?> row = from(table).lookup(".table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(r -> r.getIndex() == index).findFirst().orElseThrow();
        return row.getChildrenUnmodifiable().stream().filter(n -> n instanceof TableCell<?, ?>)
                .map(n -> ((TableCell<?, ?>) n).getText()).filter(t -> t != null).toList();
    }

    /** A key pressed on {@code target} (with Ctrl when asked). */
    private void press(Node target, KeyCode key, boolean control) {
        interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, control, false,
                false)));
    }
}
