package org.tutti.client.ui.students;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.NavigatorBar;
import org.tutti.client.ui.common.RecordNavigator;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;

/**
 * Élèves › Cours, Historique and Répertoire (seed manual): this year's courses, whose line opens
 * the course's follow-up window; the earlier years' sheets, with the first / previous / next /
 * last arrows under the list and one sheet window that follows them; the events the student
 * took part in, whose line opens the event. The windows belong to the student shown: changing
 * student or leaving the screen closes them.
 */
final class PedagogyTabs {

    /** The key of the history's one sheet window, which follows the arrows. */
    private static final String HISTORY_WINDOW = "history";

    private final PedagogyViewModel model;
    private final DetailWindows windows = new DetailWindows();
    private final CourseWindows courseWindows;
    private final TableView<CourseSheet> courses = Tables.table("coursesTable", "pedagogy.courses.empty");
    private final TableView<CourseSheet> history = Tables.table("historyTable", "pedagogy.history.empty");
    private final TableView<RepertoireLine> repertoire = Tables.table("repertoireTable", "pedagogy.repertoire.empty");
    private final RecordNavigator<CourseSheet> historyNavigator;
    private CourseSheetViewModel historySheet;
    private CourseSheetView historySheetView;

    PedagogyTabs(PedagogyViewModel model) {
        this.model = model;
        this.courseWindows = new CourseWindows(windows, model::newSheetModel);
        courses.setItems(model.currentCourses());
        history.setItems(model.history());
        repertoire.setItems(model.repertoire());
        historyNavigator = new RecordNavigator<>(history.getItems());
        NavigatorBar.bind(history, historyNavigator);
        historyNavigator.currentProperty().addListener((obs, old, sheet) -> {
            if (sheet != null && historySheet != null && windows.window(HISTORY_WINDOW) != null) {
                // an evaluation of the sheet left behind must not stay open beside the new one
                historySheetView.closeDetails();
                historySheet.show(sheet);
            }
        });
        // a new list (another student): its first sheet is current, so the arrows have a start
        model.history().addListener((ListChangeListener<CourseSheet>) change -> {
            if (historyNavigator.current() == null && !model.history().isEmpty()) {
                historyNavigator.first();
            }
        });
        // issue 15: each list says what it lists (its tab's title) to a screen reader
        courses.setAccessibleText(I18n.get("students.tab.courses"));
        history.setAccessibleText(I18n.get("students.tab.history"));
        repertoire.setAccessibleText(I18n.get("students.tab.repertoire"));
        courseColumns();
        historyColumns();
        repertoireColumns();
        RowOpening.install(courses, this::openCourse);
        RowOpening.install(history, this::openHistorySheet);
        RowOpening.install(repertoire, this::openEvent);
    }

    Tab coursesTab() {
        return Forms.tab("tabCourses", "students.tab.courses", listPane(courses, null));
    }

    Tab historyTab() {
        javafx.scene.layout.FlowPane arrows = NavigatorBar.create(historyNavigator, null);
        VBox pane = listPane(history, arrows);
        NavigatorBar.installKeys(pane, historyNavigator);
        return Forms.tab("tabHistory", "students.tab.history", pane);
    }

    Tab repertoireTab() {
        return Forms.tab("tabRepertoire", "students.tab.repertoire", listPane(repertoire, null));
    }

    /** Closes every window opened from these tabs (another student, another screen, Déconnexion). */
    void closeWindows() {
        windows.closeAll();
    }

    private VBox listPane(TableView<?> table, javafx.scene.layout.Region below) {
        ProgressIndicator busy = Forms.busyIndicator(table.getId() + "Busy", "pedagogy.busy", model.busyProperty());
        Label error = Forms.error(table.getId() + "Error", model.errorProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        Tables.placeholderWhileLoading(table, model.busyProperty(), model.errorProperty());
        VBox pane = new VBox(error, busy, table);
        if (below != null) {
            pane.getChildren().add(below);
        }
        pane.getChildren().add(Forms.wrapped(I18n.get("pedagogy.openHint"), "hint"));
        pane.getStyleClass().add("tab-content");
        return pane;
    }

    private void courseColumns() {
        TableColumn<CourseSheet, CourseSheet> slot = Tables.column("pedagogy.column.slot", s -> s,
                PedagogyTexts::dayAndTime, PedagogyTexts.BY_SLOT);
        courses.getColumns().addAll(List.of(
                Tables.text("pedagogy.column.discipline", CourseSheet::discipline),
                Tables.text("pedagogy.column.department", CourseSheet::department),
                Tables.text("pedagogy.column.cycle", CourseSheet::cycle),
                Tables.text("pedagogy.column.class", CourseSheet::classLabel),
                Tables.text("pedagogy.column.teacher", CourseSheet::teacher),
                slot,
                Tables.text("pedagogy.column.room", CourseSheet::room),
                Tables.<CourseSheet, Integer>formatted("pedagogy.column.evaluations",
                        CourseSheet::evaluationCount, String::valueOf),
                Tables.group("pedagogy.column.absences",
                        Tables.<CourseSheet, Integer>formatted("pedagogy.column.excusedCount",
                                CourseSheet::excusedAbsences, String::valueOf),
                        Tables.<CourseSheet, Integer>formatted("pedagogy.column.notExcusedCount",
                                CourseSheet::unexcusedAbsences, String::valueOf))));
    }

    private void historyColumns() {
        history.getColumns().addAll(List.of(
                Tables.text("pedagogy.column.year", CourseSheet::schoolYear),
                Tables.text("pedagogy.column.department", CourseSheet::department),
                Tables.text("pedagogy.column.class", CourseSheet::classLabel),
                Tables.text("pedagogy.column.cycle", CourseSheet::cycle),
                Tables.text("pedagogy.column.teacher", CourseSheet::teacher)));
    }

    private void repertoireColumns() {
        repertoire.getColumns().addAll(List.of(
                Tables.text("pedagogy.column.repertoire", RepertoireLine::repertoire),
                Tables.formatted("pedagogy.column.date", RepertoireLine::date, Formats::date),
                Tables.text("pedagogy.column.piece", RepertoireLine::piece),
                Tables.<RepertoireLine, Integer>formatted("pedagogy.column.duration",
                        RepertoireLine::durationSeconds, Formats::minutesSeconds),
                Tables.text("pedagogy.column.comment", RepertoireLine::comment)));
    }

    private void openCourse(CourseSheet sheet) {
        courseWindows.open(sheet, courses.getScene().getWindow(), () -> RowOpening.focusRow(courses, sheet));
    }

    private void openHistorySheet(CourseSheet sheet) {
        historyNavigator.moveTo(sheet);
        if (windows.toFront(HISTORY_WINDOW)) {
            return;
        }
        historySheet = model.newSheetModel();
        historySheetView = new CourseSheetView(historySheet, historyNavigator);
        Stage window = windows.show(HISTORY_WINDOW, history.getScene().getWindow(), historyTitle(),
                () -> {
                    historySheet.show(sheet);
                    return historySheetView.root();
                },
                () -> {
                    historySheetView.closeDetails();
                    historySheet = null;
                    historySheetView = null;
                    RowOpening.focusRow(history, historyNavigator.current());
                });
        // the title names the sheet shown and its place in the list, which sorting changes too
        window.titleProperty().bind(Bindings.createStringBinding(this::historyTitle,
                historyNavigator.currentProperty(), historyNavigator.indexProperty(), historyNavigator.records()));
    }

    private String historyTitle() {
        CourseSheet sheet = historyNavigator.current();
        return sheet == null ? I18n.get("students.tab.history")
                : I18n.get("pedagogy.history.title", sheet.schoolYear(), sheet.classLabel(), historyNavigator.positionText());
    }

    private void openEvent(RepertoireLine line) {
        windows.show("event:" + line.participationId(), repertoire.getScene().getWindow(),
                I18n.get("pedagogy.event.title", line.repertoire(), Formats.date(line.date())),
                () -> DetailSheets.event(line),
                () -> RowOpening.focusRow(repertoire, line));
    }
}
