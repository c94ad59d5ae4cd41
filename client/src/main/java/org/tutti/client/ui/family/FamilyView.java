package org.tutti.client.ui.family;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;

/**
 * Famille: the responsible adult's file, one row per field with its pending marker and its
 * message, then Modifier (enabled only when something changed) with, at its bottom right, the
 * message that the file awaits validation while anything is pending.
 */
public final class FamilyView {

    private final ScrollPane root;
    private final FileFormView fields;

    public FamilyView(FamilyViewModel model) {
        Label heading = Forms.heading("family.heading");
        Label intro = Forms.wrapped(I18n.get("family.intro"), "muted");
        fields = new FileFormView(model.form(), "family", "family.field.", FamilyFile.FIELDS);
        fields.grid().disableProperty().bind(model.loadedProperty().not().or(model.busyProperty()));

        Label formError = Forms.error("familyError", model.formErrorProperty());
        Button modify = new Button(Actions.FAMILY_MODIFY.text());
        modify.setId(Actions.FAMILY_MODIFY.id());
        modify.setMnemonicParsing(true);
        modify.getStyleClass().add("accent");
        modify.disableProperty().bind(model.busyProperty().or(model.form().changedProperty().not()));
        modify.setOnAction(e -> model.submit());

        ProgressIndicator busy = Forms.busyIndicator("familyBusy", "family.busy", model.busyProperty());

        HBox buttons = Forms.buttonRow(modify, busy);
        HBox pendingRow = Forms.pendingMessageRow("familyPendingMessage", "family.pendingMessage", model.anyPendingProperty());

        VBox card = new VBox(heading, intro, fields.grid(), formError, buttons, pendingRow);
        card.getStyleClass().addAll("card", "family-card");
        card.setMaxWidth(720);
        VBox page = new VBox(card);
        page.getStyleClass().add("page");
        root = new ScrollPane(page);
        root.setId("familyRoot");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");

        model.setOnFocus(this::focus);
        model.setOnSubmitted(message -> Dialogs.showMessage(root.getScene().getWindow(), message));
    }

    public Parent root() {
        return root;
    }

    private void focus(String field) {
        Control control = fields.control(field);
        if (control != null) {
            control.requestFocus();
        }
    }
}
