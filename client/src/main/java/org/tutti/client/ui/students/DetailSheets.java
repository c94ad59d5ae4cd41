package org.tutti.client.ui.students;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tutti.client.domain.AbsenceLine;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.EvaluationLine;
import org.tutti.client.domain.RepertoireLine;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;

/**
 * The contents of the detail windows (root id {@code detailWindow}): one evaluation, one
 * absence, one musical event with the student's part in it. Every field, read-only, the long
 * appreciation in full; Fermer (or Escape) closes.
 */
final class DetailSheets {

    private DetailSheets() {
    }

    static Parent evaluation(EvaluationLine evaluation, CourseSheet course) {
        GridPane form = Forms.grid("detail-form");
        int row = 0;
        row = Forms.valueRow(form, row, "pedagogy.field.course", "detailCourse", fixed(PedagogyTexts.courseTitle(course)));
        row = Forms.valueRow(form, row, "pedagogy.field.date", "detailDate", fixed(Formats.date(evaluation.date())));
        row = Forms.valueRow(form, row, "pedagogy.field.evaluationKind", "detailKind",
                fixed(PedagogyTexts.text("pedagogy.evaluationKind.", evaluation.kind())));
        row = Forms.valueRow(form, row, "pedagogy.field.mark", "detailMark",
                fixed(evaluation.mark() == null ? null : Formats.mark(evaluation.mark())));
        row = Forms.valueRow(form, row, "pedagogy.field.mention", "detailMention", fixed(evaluation.mention()));
        row = Forms.valueRow(form, row, "pedagogy.field.teacher", "detailTeacher", fixed(evaluation.teacher()));
        Forms.longValueRow(form, row, "pedagogy.field.appreciation", "detailAppreciation", fixed(evaluation.appreciation()));
        return window("pedagogy.evaluation.heading", form);
    }

    static Parent absence(AbsenceLine absence, CourseSheet course) {
        GridPane form = Forms.grid("detail-form");
        int row = 0;
        row = Forms.valueRow(form, row, "pedagogy.field.course", "detailCourse", fixed(PedagogyTexts.courseTitle(course)));
        row = Forms.valueRow(form, row, "pedagogy.field.date", "detailDate", fixed(Formats.date(absence.date())));
        row = Forms.valueRow(form, row, "pedagogy.field.time", "detailTime", fixed(Formats.time(absence.startTime())));
        row = Forms.valueRow(form, row, "pedagogy.field.duration", "detailDuration",
                fixed(Formats.minutes(absence.durationMinutes())));
        row = Forms.valueRow(form, row, "pedagogy.field.excused", "detailExcused", fixed(PedagogyTexts.excused(absence)));
        Forms.longValueRow(form, row, "pedagogy.field.reason", "detailReason", fixed(absence.reason()));
        return window("pedagogy.absence.heading", form);
    }

    static Parent event(RepertoireLine line) {
        GridPane form = Forms.grid("detail-form");
        int row = 0;
        row = Forms.valueRow(form, row, "pedagogy.field.eventTitle", "detailTitle", fixed(line.eventTitle()));
        row = Forms.valueRow(form, row, "pedagogy.field.repertoire", "detailRepertoire", fixed(line.repertoire()));
        row = Forms.valueRow(form, row, "pedagogy.field.date", "detailDate", fixed(Formats.date(line.date())));
        row = Forms.valueRow(form, row, "pedagogy.field.place", "detailPlace", fixed(line.place()));
        row = Forms.valueRow(form, row, "pedagogy.field.eventKind", "detailKind",
                fixed(PedagogyTexts.text("pedagogy.eventKind.", line.kind())));
        row = Forms.valueRow(form, row, "pedagogy.field.piece", "detailPiece", fixed(line.piece()));
        row = Forms.valueRow(form, row, "pedagogy.field.composer", "detailComposer", fixed(line.composer()));
        row = Forms.valueRow(form, row, "pedagogy.field.performanceDuration", "detailDuration",
                fixed(Formats.minutesSeconds(line.durationSeconds())));
        Forms.longValueRow(form, row, "pedagogy.field.comment", "detailComment", fixed(line.comment()));
        return window("pedagogy.event.heading", form);
    }

    private static ObservableStringValue fixed(String value) {
        return new ReadOnlyStringWrapper(value);
    }

    private static Parent window(String headingKey, GridPane form) {
        Label heading = Forms.heading(headingKey);
        Button close = DetailWindows.closeButton();
        VBox content = new VBox(heading, form);
        content.getStyleClass().addAll("page", "detail-page");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        // Fermer stays in view however long the text above it
        HBox buttons = Forms.buttonRow(close);
        buttons.getStyleClass().add("window-buttons");
        BorderPane root = new BorderPane(scroll);
        root.setBottom(buttons);
        root.setId("detailWindow");
        root.getStyleClass().add("detail-window");
        return root;
    }
}
