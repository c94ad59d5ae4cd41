package org.tutti.client.ui.staffpedagogy;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;

/**
 * Pédagogie at the front desk, built in code: the filter, the site's courses of the year
 * ({@code staffCoursesTable}), the selected course's students, Saisir les absences… and Saisir une
 * évaluation… (each a dialog), the outcome of the last entry and the errors as text. Enter or a
 * double click on a course opens its absences.
 */
public final class StaffPedagogyView {

    private final StaffPedagogyViewModel model;
    private final VBox root;
    private final TextField filter;
    private final TableView<StaffCourse> courses = Tables.table("staffCoursesTable", "staffPedagogy.empty");

    public StaffPedagogyView(StaffPedagogyViewModel model) {
        this.model = model;

        Label title = new Label(I18n.get("staffPedagogy.title"));
        title.getStyleClass().add("h1");
        Label intro = Forms.wrapped(I18n.get("staffPedagogy.intro"), "muted");

        filter = new TextField();
        filter.setId(Actions.COURSE_FILTER.id());
        filter.setPromptText(I18n.get("staffPedagogy.filter.prompt"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                e.consume();
                filter.clear();
            } else if (e.getCode() == KeyCode.DOWN && !courses.getItems().isEmpty()) {
                e.consume();
                courses.requestFocus();
                if (courses.getSelectionModel().isEmpty()) {
                    courses.getSelectionModel().selectFirst();
                }
            }
        });
        Label count = new Label();
        count.setId("staffCoursesCount");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(model.countText());
        HBox filterRow = new HBox(Forms.label("staffPedagogy.filter", filter), filter, count);
        filterRow.getStyleClass().add("filter-row");
        filterRow.setAlignment(Pos.CENTER_LEFT);

        courses.setAccessibleText(I18n.get("staffPedagogy.courses").replace("_", ""));
        courses.getColumns().setAll(java.util.List.of(
                Tables.text("staffPedagogy.column.discipline", StaffCourse::discipline),
                Tables.text("staffPedagogy.column.class", StaffCourse::classLabel),
                Tables.text("staffPedagogy.column.cycle", StaffCourse::cycle),
                Tables.text("staffPedagogy.column.teacher", StaffCourse::teacher),
                Tables.column("staffPedagogy.column.slot", c -> c, StaffPedagogyViewModel::slot,
                        java.util.Comparator.comparing(StaffCourse::day).thenComparing(StaffCourse::startTime)),
                Tables.formatted("staffPedagogy.column.students", StaffCourse::students, String::valueOf)));
        courses.setItems(model.courses());
        Tables.placeholderWhileLoading(courses, model.loadingProperty(), model.errorProperty());
        courses.getSelectionModel().selectedItemProperty().addListener((obs, old, course) -> {
            if (course != null || !model.courses().contains(model.selectedProperty().get())) {
                model.selectedProperty().set(course);
            }
        });
        model.selectedProperty().addListener((obs, old, course) -> {
            if (course != null && courses.getSelectionModel().getSelectedItem() != course) {
                courses.getSelectionModel().select(course);
            }
        });
        RowOpening.install(courses, course -> openAbsences());
        VBox.setVgrow(courses, Priority.ALWAYS);
        courses.setPrefHeight(14 * org.tutti.client.ui.common.ThemeManager.get().emInPixels());

        TableView<CourseStudent> students = Tables.table("staffCourseStudents", "staffPedagogy.students.empty");
        students.setAccessibleText(I18n.get("staffPedagogy.students").replace("_", ""));
        students.getColumns().setAll(java.util.List.of(
                Tables.text("staffPedagogy.column.student", CourseStudent::name),
                Tables.text("staffPedagogy.column.family", CourseStudent::familyIdentifier)));
        students.setItems(model.students());
        students.setPrefHeight(9 * org.tutti.client.ui.common.ThemeManager.get().emInPixels());

        Button absences = Forms.button(Actions.ABSENCE_ENTRY, this::openAbsences);
        Button evaluation = Forms.button(Actions.EVALUATION_ENTRY, this::openEvaluation);
        absences.disableProperty().bind(model.selectedProperty().isNull().or(Bindings.isEmpty(model.students())));
        evaluation.disableProperty().bind(absences.disableProperty());
        HBox buttons = Forms.buttonRow(absences, evaluation,
                Forms.busyIndicator("staffPedagogyBusy", "staffPedagogy.busy", model.loadingProperty()));

        Label status = Forms.announce(Forms.message("staffPedagogyStatus", model.statusProperty(), "status-text"), false);
        Label error = Forms.announce(Forms.error("staffPedagogyError", model.errorProperty()), false);

        root = new VBox(title, intro, filterRow, Forms.label("staffPedagogy.courses", courses), courses,
                Forms.label("staffPedagogy.students", students), students, buttons, status, error);
        root.setId("staffPedagogyRoot");
        root.getStyleClass().add("page");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                e.consume();
                model.refresh();
            } else if (Actions.COURSE_FILTER.keyCombination().match(e)) {
                e.consume();
                filter.requestFocus();
            } else if (Actions.ABSENCE_ENTRY.keyCombination().match(e) && !absences.isDisabled()) {
                e.consume();
                openAbsences();
            } else if (Actions.EVALUATION_ENTRY.keyCombination().match(e) && !evaluation.isDisabled()) {
                e.consume();
                openEvaluation();
            }
        });
    }

    private void openAbsences() {
        StaffPedagogyViewModel.AbsenceForm form = model.absenceForm();
        if (form != null && !form.lines().isEmpty()) {
            EntryDialogs.absences(form, owner(), this::backToCourse).show();
        }
    }

    private void openEvaluation() {
        StaffPedagogyViewModel.EvaluationForm form = model.evaluationForm();
        if (form != null && !form.lines().isEmpty()) {
            EntryDialogs.evaluation(form, owner(), this::backToCourse).show();
        }
    }

    /** A dialog closed: the focus back on its course's row. */
    private void backToCourse() {
        StaffCourse course = model.selectedProperty().get();
        if (course != null) {
            RowOpening.focusRow(courses, course);
        } else {
            courses.requestFocus();
        }
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** The focus where the user starts: the filter. */
    public void focus() {
        Forms.focusWhenShown(filter);
    }
}
