package org.tutti.client.ui.login;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ThemeManager;

/**
 * The lost-password dialog, owned by the login window (modal to it): Identifiant and E-mail,
 * Valider (default button, Enter) and Annuler (Escape). Its messages are dialogs with OK owned
 * by it; after the confirmation it closes.
 */
public final class LostPasswordDialog {

    private final LostPasswordViewModel model;
    private final Stage stage = new Stage();
    private final TextField identifier = new TextField();
    private final TextField email = new TextField();

    public LostPasswordDialog(Window owner, LostPasswordViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.get("lost.title"));
        Scene scene = new Scene(content());
        ThemeManager.get().apply(scene);
        stage.setScene(scene);
        stage.setResizable(true);
        model.setOnNotice(this::show);
    }

    /** Shows the dialog (does not wait), the focus in the first empty field. */
    public void show() {
        stage.show();
        stage.setMinWidth(stage.getWidth());
        stage.setMinHeight(stage.getHeight());
        if (identifier.getText() == null || identifier.getText().isBlank()) {
            identifier.requestFocus();
        } else {
            email.requestFocus();
        }
    }

    public Stage stage() {
        return stage;
    }

    private Parent content() {
        Label heading = Forms.heading("lost.heading");
        Label intro = Forms.wrapped(I18n.get("lost.intro"), "muted");

        identifier.setId("lostIdentifier");
        identifier.textProperty().bindBidirectional(model.identifierProperty());
        email.setId("lostEmail");
        email.textProperty().bindBidirectional(model.emailProperty());

        GridPane form = Forms.grid();
        form.addRow(0, Forms.label("lost.identifier", identifier), identifier);
        form.addRow(1, Forms.label("lost.email", email), email);

        Button submit = new Button(Actions.LOST_SUBMIT.text());
        submit.setId(Actions.LOST_SUBMIT.id());
        submit.setMnemonicParsing(true);
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> model.submit());

        Button cancel = new Button(Actions.LOST_CANCEL.text());
        cancel.setId(Actions.LOST_CANCEL.id());
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("lostBusy");
        busy.getStyleClass().add("small-progress");
        busy.setAccessibleText(I18n.get("lost.busy"));
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(submit, busy, spacer, cancel);
        actions.getStyleClass().add("button-row");
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(heading, intro, form, actions);
        root.setId("lostPasswordDialog");
        root.getStyleClass().addAll("dialog-content", "lost-password");
        return root;
    }


    private void show(LostPasswordViewModel.Notice notice) {
        Alert alert = notice.kind() == LostPasswordViewModel.Kind.ERROR
                ? Dialogs.error(stage, notice.text())
                : Dialogs.message(stage, notice.text(), notice.kind() == LostPasswordViewModel.Kind.WARNING);
        alert.showAndWait();
        if (notice.close()) {
            stage.close();
            return;
        }
        if (notice.focus() != null) {
            stage.requestFocus();
            (notice.focus() == LostPasswordViewModel.Field.IDENTIFIER ? identifier : email).requestFocus();
        }
    }
}
