package org.tutti.client.ui.students;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
import org.tutti.client.documents.CheckedDocument;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.FileChoosers;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.students.ReenrolmentViewModel.ImportViewModel;

/**
 * The import dialog of Élèves › Réinscription (seed manual: "Parcourir", choose the document,
 * "Importer"): the file's path (Parcourir fills it; typing or pasting works too), the kind of
 * document, and Importer, which checks the file's content in the background. A refusal says why
 * in the dialog and keeps the path and the kind as they were; Escape or Annuler closes it.
 * Importing a second file for a kind already imported replaces it, after asking.
 */
final class ImportDialog {

    private final ImportViewModel model;
    private final Stage stage = new Stage();
    private final Button submit = Forms.button(Actions.IMPORT_SUBMIT);

    ImportDialog(ImportViewModel model, Window owner) {
        this.model = model;
        TextField file = new TextField();
        file.setId("importFile");
        file.textProperty().bindBidirectional(model.pathProperty());
        file.setPrefColumnCount(32);
        Button browse = Forms.button(Actions.IMPORT_BROWSE);
        browse.setOnAction(e -> FileChoosers.open(stage, "reenrolment.import.chooserTitle", FileChoosers.Kind.DOCUMENT)
                .ifPresent(path -> {
                    model.pathProperty().set(path.toString());
                    submit.requestFocus();
                }));
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox fileCell = new HBox(file, browse);
        fileCell.getStyleClass().add("field-cell");
        fileCell.setAlignment(Pos.CENTER_LEFT);

        ComboBox<DocumentType> type = new ComboBox<>(model.types());
        type.setId("importDocumentType");
        type.setCellFactory(list -> new TypeCell());
        type.setButtonCell(new TypeCell());
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = Forms.grid();
        grid.addRow(0, Forms.label("reenrolment.import.file", file), fileCell);
        grid.addRow(1, Forms.label("reenrolment.import.type", type), type);
        Label hint = Forms.wrapped(I18n.get("reenrolment.limits", Formats.size(model.maxDocumentBytes())), "muted");
        hint.setId("importHint");
        Label error = Forms.announce(Forms.error("importError", model.errorProperty()), true);
        // a refusal's text (or its end) changes the dialog's height: the window follows, the
        // buttons stay whole under it
        error.visibleProperty().addListener((obs, was, shown) -> Platform.runLater(() -> {
            if (stage.isShowing()) {
                stage.sizeToScene();
            }
        }));

        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(model.checkingProperty());
        submit.setOnAction(e -> model.check(this::accepted));
        Button cancel = Forms.button(Actions.IMPORT_CANCEL);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        file.disableProperty().bind(model.checkingProperty());
        browse.disableProperty().bind(model.checkingProperty());
        type.disableProperty().bind(model.checkingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = Forms.buttonRow(spacer,
                Forms.busyIndicator("importBusy", "reenrolment.import.checking", model.checkingProperty()),
                submit, cancel);

        VBox root = new VBox(Forms.heading("reenrolment.import.heading"), grid, hint, error, buttons);
        root.setId("importDialog");
        root.getStyleClass().addAll("dialog-content", "import-dialog");
        double em = ThemeManager.get().emInPixels();
        root.setPrefWidth(40 * em);
        root.setMinHeight(Region.USE_PREF_SIZE);
        Scene scene = new Scene(root);
        ThemeManager.get().apply(scene);
        // a filter: the combo box's list would take Escape first; Enter imports from the fields
        // and from Parcourir (the file chosen, Enter goes on), not from Annuler
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (type.isShowing()) {
                return;
            }
            if (Actions.IMPORT_CANCEL.keyCombination().match(e)) {
                e.consume();
                stage.close();
            } else if (Actions.IMPORT_SUBMIT.keyCombination().match(e) && scene.getFocusOwner() != cancel) {
                e.consume();
                if (!submit.isDisabled()) {
                    submit.fire();
                }
            }
        });
        stage.setScene(scene);
        stage.setTitle(I18n.get("reenrolment.import.title"));
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setOnShown(e -> file.requestFocus());
        // closed while a file is checked (Annuler, Escape, the window's close box): nothing is imported
        stage.setOnHidden(e -> model.cancel());
    }

    void show() {
        stage.show();
        stage.sizeToScene();
    }

    private void accepted(CheckedDocument document) {
        if (model.replaces() && !Dialogs.confirm(stage,
                I18n.get("reenrolment.import.replaceQuestion", model.typeProperty().get().name()),
                I18n.get("reenrolment.import.replace"))) {
            return;
        }
        model.add(document);
        stage.close();
    }

    private static final class TypeCell extends ListCell<DocumentType> {
        @Override
        protected void updateItem(DocumentType item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ReenrolmentViewModel.documentTypeText(item));
        }
    }
}
