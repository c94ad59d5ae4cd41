package org.tutti.client.ui.students;

import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.NavigatorBar;
import org.tutti.client.ui.common.RecordNavigator;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;

/**
 * A course follow-up window (root id {@code courseWindow}): tabs Cours (the sheet), Évaluations
 * and Absences; Enter or a double-click on a line opens its detail window. The same window,
 * read-only like every sheet, shows an earlier year's sheet from Historique, then with the
 * first / previous / next / last arrows of the list it came from.
 */
final class CourseSheetView {

    private final CourseSheetViewModel model;
    private final DetailWindows details = new DetailWindows();
    private final BorderPane root = new BorderPane();

    /** @param navigator the history's navigator, or null for a course of the current year */
    CourseSheetView(CourseSheetViewModel model, RecordNavigator<CourseSheet> navigator) {
        this.model = model;
        Tab course = Forms.tab("tabCourse", "pedagogy.tab.course", courseTab());
        Tab evaluations = Forms.tab("tabEvaluations", "pedagogy.tab.evaluations", evaluationsTab());
        Tab absences = Forms.tab("tabAbsences", "pedagogy.tab.absences", absencesTab());
        TabPane tabs = new TabPane(course, evaluations, absences);
        tabs.setId("courseTabs");
        tabs.setAccessibleText(I18n.get("tabs.course"));
        evaluations.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.get("pedagogy.tab.evaluationsCount", model.evaluations().size()), model.evaluations()));
        absences.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.get("pedagogy.tab.absencesCount", model.absences().size()), model.absences()));

        Label heading = new Label();
        heading.getStyleClass().add("h2");
        heading.setWrapText(true);
        heading.textProperty().bind(Bindings.createStringBinding(() -> model.sheetProperty().get() == null ? ""
                : PedagogyTexts.courseTitle(model.sheetProperty().get()), model.sheetProperty()));
        ProgressIndicator busy = Forms.busyIndicator("courseBusy", "pedagogy.busy", model.busyProperty());
        HBox top = new HBox(heading, busy);
        top.getStyleClass().add("button-row");
        Label error = Forms.error("courseError", model.errorProperty());

        Button close = DetailWindows.closeButton();
        HBox bottom = new HBox();
        bottom.getStyleClass().add("button-row");
        if (navigator != null) {
            Label position = new Label();
            position.setId("sheetPosition");
            position.textProperty().bind(Bindings.createStringBinding(navigator::positionText,
                    navigator.indexProperty(), navigator.records()));
            bottom.getChildren().addAll(NavigatorBar.create(navigator, "sheet"), position);
            NavigatorBar.installKeys(root, navigator);
        }
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bottom.getChildren().addAll(spacer, close);

        root.setId("courseWindow");
        root.getStyleClass().add("course-window");
        root.setTop(new VBox(top, error));
        root.setCenter(tabs);
        root.setBottom(bottom);
    }

    Parent root() {
        return root;
    }

    /** Closes the evaluation and absence windows opened from this one. */
    void closeDetails() {
        details.closeAll();
    }

    private ScrollPane courseTab() {
        GridPane form = Forms.grid("detail-form");
        int row = 0;
        row = Forms.valueRow(form, row, "pedagogy.field.year", "courseYear", sheet(CourseSheet::schoolYear));
        row = Forms.valueRow(form, row, "pedagogy.field.department", "courseDepartment", sheet(CourseSheet::department));
        row = Forms.valueRow(form, row, "pedagogy.field.discipline", "courseDiscipline", sheet(CourseSheet::discipline));
        row = Forms.valueRow(form, row, "pedagogy.field.cycle", "courseCycle", sheet(CourseSheet::cycle));
        row = Forms.valueRow(form, row, "pedagogy.field.class", "courseClass", sheet(CourseSheet::classLabel));
        row = Forms.valueRow(form, row, "pedagogy.field.level", "courseLevel", sheet(CourseSheet::level));
        row = Forms.valueRow(form, row, "pedagogy.field.kind", "courseKind",
                sheet(s -> PedagogyTexts.text("pedagogy.courseKind.", s.kind())));
        row = Forms.valueRow(form, row, "pedagogy.field.teacher", "courseTeacher", sheet(CourseSheet::teacher));
        row = Forms.valueRow(form, row, "pedagogy.field.schedule", "courseSchedule", sheet(PedagogyTexts::slot));
        row = Forms.valueRow(form, row, "pedagogy.field.room", "courseRoom", sheet(CourseSheet::room));
        row = Forms.valueRow(form, row, "pedagogy.field.status", "courseStatus",
                sheet(s -> PedagogyTexts.text("pedagogy.status.", s.status())));
        row = Forms.valueRow(form, row, "pedagogy.field.enrolledOn", "courseEnrolledOn",
                sheet(s -> Formats.date(s.enrolledOn())));
        row = Forms.valueRow(form, row, "pedagogy.field.endedOn", "courseEndedOn",
                sheet(s -> s.endedOn() == null ? null : Formats.date(s.endedOn())));
        row = Forms.valueRow(form, row, "pedagogy.field.evaluationCount", "courseEvaluationCount",
                sheet(s -> Integer.toString(s.evaluationCount())));
        Forms.valueRow(form, row, "pedagogy.field.absences", "courseAbsences", sheet(PedagogyTexts::absenceCounts));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("page-scroll", "tab-content");
        return scroll;
    }

    private ObservableStringValue sheet(Function<CourseSheet, String> value) {
        return Bindings.createStringBinding(() -> model.sheetProperty().get() == null ? null
                : value.apply(model.sheetProperty().get()), model.sheetProperty());
    }

    private VBox evaluationsTab() {
        TableView<EvaluationLine> table = Tables.table("evaluationsTable", "pedagogy.evaluations.empty");
        table.setAccessibleText(I18n.get("pedagogy.tab.evaluations"));
        table.getColumns().addAll(List.of(
                Tables.formatted("pedagogy.column.date", EvaluationLine::date, Formats::date),
                Tables.text("pedagogy.column.evaluationKind",
                        e -> PedagogyTexts.text("pedagogy.evaluationKind.", e.kind())),
                Tables.text("pedagogy.column.result", PedagogyTexts::result),
                Tables.text("pedagogy.column.teacher", EvaluationLine::teacher),
                Tables.text("pedagogy.column.appreciation", EvaluationLine::appreciation)));
        table.setItems(model.evaluations());
        Tables.placeholderWhileLoading(table, model.busyProperty(), model.errorProperty());
        RowOpening.install(table, evaluation -> openDetail(table, "evaluation:" + evaluation.id(), evaluation,
                "pedagogy.evaluation.title", () -> DetailSheets.evaluation(evaluation, model.sheetProperty().get())));
        return tableTab(table);
    }

    private VBox absencesTab() {
        TableView<AbsenceLine> table = Tables.table("absencesTable", "pedagogy.absences.empty");
        table.setAccessibleText(I18n.get("pedagogy.tab.absences"));
        table.getColumns().addAll(List.of(
                Tables.formatted("pedagogy.column.date", AbsenceLine::date, Formats::date),
                Tables.<AbsenceLine, LocalTime>formatted("pedagogy.column.time",
                        AbsenceLine::startTime, Formats::time),
                Tables.<AbsenceLine, Integer>formatted("pedagogy.column.duration",
                        AbsenceLine::durationMinutes, Formats::minutes),
                Tables.text("pedagogy.column.excused", PedagogyTexts::excused),
                Tables.text("pedagogy.column.reason", AbsenceLine::reason)));
        table.setItems(model.absences());
        Tables.placeholderWhileLoading(table, model.busyProperty(), model.errorProperty());
        RowOpening.install(table, absence -> openDetail(table, "absence:" + absence.id(), absence,
                "pedagogy.absence.title", () -> DetailSheets.absence(absence, model.sheetProperty().get())));
        return tableTab(table);
    }

    private static VBox tableTab(TableView<?> table) {
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(table, Forms.wrapped(I18n.get("pedagogy.openHint.window"), "hint"));
        box.getStyleClass().add("tab-content");
        return box;
    }

    private <T> void openDetail(TableView<T> table, String key, T item, String titleKey,
            Supplier<Parent> content) {
        Window owner = table.getScene().getWindow();
        details.show(key, owner, I18n.get(titleKey, PedagogyTexts.courseTitle(model.sheetProperty().get())), content,
                () -> RowOpening.focusRow(table, item));
    }
}
