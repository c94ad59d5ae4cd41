package org.tutti.client.ui.staffpedagogy;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.DatePickers;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.staffpedagogy.StaffPedagogyViewModel.AbsenceForm;
import org.tutti.client.ui.staffpedagogy.StaffPedagogyViewModel.AbsenceLine;
import org.tutti.client.ui.staffpedagogy.StaffPedagogyViewModel.EvaluationForm;
import org.tutti.client.ui.staffpedagogy.StaffPedagogyViewModel.EvaluationLine;
import org.tutti.client.ui.staffpedagogy.StaffPedagogyViewModel.Form;

/**
 * The two entry windows of Pédagogie, one line per student so that a class is entered in one pass
 * by keyboard (Tab from field to field, Space ticks a box): Saisir les absences ({@code absenceEntryDialog})
 * and Saisir une évaluation ({@code evaluationEntryDialog}). Ctrl+Enter or Enregistrer saves, Escape
 * cancels; a refusal keeps the window open with everything typed, the error under its line.
 */
final class EntryDialogs {

    private EntryDialogs() {
    }

    /** Saisir les absences: the date, then per student Absent, Excusée and the reason. */
    static Stage absences(AbsenceForm form, Window owner, Runnable closed) {
        DatePicker date = datePicker(form, "absenceDate");
        GridPane lines = lineGrid("staffPedagogy.absences.student", "staffPedagogy.absences.absent",
                "staffPedagogy.absences.excused", "staffPedagogy.absences.reason");
        int row = 1;
        int index = 0;
        for (AbsenceLine line : form.lines()) {
            String name = line.student.name();
            CheckBox absent = new CheckBox();
            absent.setId("absenceAbsent" + index);
            absent.setAccessibleText(I18n.get("staffPedagogy.absences.absentOf", name));
            absent.selectedProperty().bindBidirectional(line.absentProperty());
            CheckBox excused = new CheckBox();
            excused.setId("absenceExcused" + index);
            excused.setAccessibleText(I18n.get("staffPedagogy.absences.excusedOf", name));
            excused.selectedProperty().bindBidirectional(line.excusedProperty());
            excused.disableProperty().bind(line.absentProperty().not());
            TextField reason = new TextField();
            reason.setId("absenceReason" + index);
            reason.setPrefColumnCount(20);
            reason.setAccessibleText(I18n.get("staffPedagogy.absences.reasonOf", name));
            Forms.limitLength(reason, StaffPedagogyViewModel.REASON_MAX);
            reason.textProperty().bindBidirectional(line.reasonProperty());
            reason.disableProperty().bind(line.absentProperty().not());
            Forms.describeErrors(reason, line.error, null);
            lines.addRow(row, studentName(name), absent, excused, reason);
            lines.add(Forms.error("absenceLineError" + index, line.error), 0, row + 1, 4, 1);
            row += 2;
            index++;
        }
        return shell(form, owner, "absenceEntry", "staffPedagogy.absences.title", date, null, lines, closed);
    }

    /** Saisir une évaluation: the kind, the date, then per student the mark, a mention and an appreciation. */
    static Stage evaluation(EvaluationForm form, Window owner, Runnable closed) {
        ComboBox<EvaluationKind> kind = new ComboBox<>();
        kind.setId("evaluationKind");
        kind.getItems().setAll(EvaluationKind.values());
        kind.setConverter(Forms.displayConverter(k -> k == null ? "" : I18n.get("pedagogy.evaluationKind." + k.name())));
        kind.valueProperty().bindBidirectional(form.kindProperty());
        DatePicker date = datePicker(form, "evaluationDate");
        GridPane lines = lineGrid("staffPedagogy.evaluations.student", "staffPedagogy.evaluations.mark",
                "staffPedagogy.evaluations.mention", "staffPedagogy.evaluations.appreciation");
        int row = 1;
        int index = 0;
        for (EvaluationLine line : form.lines()) {
            String name = line.student.name();
            TextField mark = field("evaluationMark" + index, 4, I18n.get("staffPedagogy.evaluations.markOf", name));
            mark.textProperty().bindBidirectional(line.markProperty());
            Forms.describeErrors(mark, line.errorProperty(), null);
            TextField mention = field("evaluationMention" + index, 10, I18n.get("staffPedagogy.evaluations.mentionOf", name));
            Forms.limitLength(mention, StaffPedagogyViewModel.MENTION_MAX);
            mention.textProperty().bindBidirectional(line.mentionProperty());
            TextField appreciation = field("evaluationAppreciation" + index, 24,
                    I18n.get("staffPedagogy.evaluations.appreciationOf", name));
            Forms.limitLength(appreciation, StaffPedagogyViewModel.APPRECIATION_MAX);
            appreciation.textProperty().bindBidirectional(line.appreciationProperty());
            lines.addRow(row, studentName(name), mark, mention, appreciation);
            lines.add(Forms.error("evaluationLineError" + index, line.errorProperty()), 0, row + 1, 4, 1);
            row += 2;
            index++;
        }
        return shell(form, owner, "evaluationEntry", "staffPedagogy.evaluations.title", kind, date, lines, closed);
    }

    private static TextField field(String id, int columns, String accessibleText) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setAccessibleText(accessibleText);
        return field;
    }

    private static DatePicker datePicker(Form form, String id) {
        DatePicker date = DatePickers.strict(form.dateProperty());
        date.setId(id);
        date.setValue(java.time.LocalDate.parse(form.dateProperty().get()));
        Forms.describeErrors(date, form.dateErrorProperty(), null);
        return date;
    }

    /** The lines' grid, its first row the columns' titles. */
    private static GridPane lineGrid(String... headerKeys) {
        GridPane lines = Forms.grid("entry-lines");
        lines.getColumnConstraints().clear();
        for (int i = 0; i < headerKeys.length; i++) {
            Label header = new Label(I18n.get(headerKeys[i]));
            header.getStyleClass().add("column-header-text");
            header.setMinWidth(Region.USE_PREF_SIZE);
            lines.add(header, i, 0);
        }
        return lines;
    }

    private static Label studentName(String name) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * The window: the title, the course, {@code first} (and {@code second}) with their labels, the
     * lines (scrolled when many), the error, Enregistrer and Annuler. {@code closed} runs when it closes.
     */
    private static Stage shell(Form form, Window owner, String id, String titleKey, Node first, Node second,
            GridPane lines, Runnable closed) {
        Stage stage = new Stage();
        GridPane head = Forms.grid("detail-form");
        int row = 0;
        if (first instanceof ComboBox<?>) {
            head.addRow(row++, Forms.label("staffPedagogy.evaluations.kind", first), first);
        }
        DatePicker date = (DatePicker) (first instanceof DatePicker ? first : second);
        head.addRow(row++, Forms.label("staffPedagogy.dialog.date", date), date);
        head.add(Forms.error(date.getId() + "Error", form.dateErrorProperty()), 1, row);

        ScrollPane scroll = new ScrollPane(lines);
        scroll.setId(id + "Lines");
        scroll.setFitToWidth(true);
        double em = ThemeManager.get().emInPixels();
        scroll.setPrefViewportHeight(Math.min(22 * em, Math.max(4, lines.getRowCount()) * 1.6 * em));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label course = Forms.wrapped(form.title(), "muted");
        course.setId(id + "Course");
        Label error = Forms.announce(Forms.error(id + "Error", form.errorProperty()), false);
        error.visibleProperty().addListener((obs, was, shown) -> Platform.runLater(() -> {
            if (stage.isShowing()) {
                stage.sizeToScene();
            }
        }));

        Button save = Forms.button(Actions.PEDAGOGY_ENTRY_SAVE, () -> form.submit(stage::close));
        save.setId(id + "Confirm");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(form.busyProperty());
        Button cancel = Forms.button(Actions.PEDAGOGY_ENTRY_CANCEL, stage::close);
        cancel.setId(id + "Cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(form.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = Forms.buttonRow(spacer, Forms.busyIndicator(id + "Busy", "staffPedagogy.busy", form.busyProperty()),
                save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        head.disableProperty().bind(form.busyProperty());
        lines.disableProperty().bind(form.busyProperty());

        VBox root = new VBox(Forms.heading(titleKey), course, head, scroll, error, buttons);
        root.setId(id + "Dialog");
        root.getStyleClass().addAll("dialog-content", "entry-dialog");
        root.setMinHeight(Region.USE_PREF_SIZE);
        Scene scene = new Scene(root);
        ThemeManager.get().apply(scene);
        // a filter: a combo box or a date picker would take the keys first
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof ComboBoxBase<?> box && box.isShowing()) {
                return;
            }
            if (Actions.PEDAGOGY_ENTRY_CANCEL.keyCombination().match(e)) {
                e.consume();
                if (!form.busyProperty().get()) {
                    stage.close();
                }
            } else if (Actions.PEDAGOGY_ENTRY_SAVE.keyCombination().match(e)) {
                e.consume();
                if (!save.isDisabled()) {
                    // the field being typed in commits first (a date picker's text)
                    if (scene.getFocusOwner() instanceof DatePicker picker) {
                        picker.setValue(picker.getConverter().fromString(picker.getEditor().getText()));
                    }
                    save.fire();
                }
            }
        });
        stage.setScene(scene);
        stage.setTitle(I18n.get(titleKey));
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setOnCloseRequest(e -> {
            if (form.busyProperty().get()) {
                e.consume();
            }
        });
        stage.setOnShown(e -> first.requestFocus());
        stage.setOnHidden(e -> closed.run());
        return stage;
    }
}
