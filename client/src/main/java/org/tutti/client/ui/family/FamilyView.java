package org.tutti.client.ui.family;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ValidationFormView;

/**
 * Famille: the responsible adult's file, one row per field with its pending marker and its
 * message, then Modifier (enabled only when something changed) with, at its bottom right, the
 * message that the file awaits validation while anything is pending ({@link ValidationFormView}).
 */
public final class FamilyView {

    private final ScrollPane root;

    public FamilyView(FamilyViewModel model) {
        Label heading = Forms.heading("family.heading");
        Label intro = Forms.wrapped(I18n.get("family.intro"), "muted");
        ValidationFormView form = new ValidationFormView(model.editor(), "family",
                Actions.FAMILY_MODIFY, model::submit, "family.pendingMessage");

        VBox card = new VBox(heading, intro);
        card.getChildren().addAll(form.nodes());
        card.getStyleClass().addAll("card", "family-card");
        card.setMaxWidth(720);
        VBox page = new VBox(card);
        page.getStyleClass().add("page");
        root = new ScrollPane(page);
        root.setId("familyRoot");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
    }

    public Parent root() {
        return root;
    }
}
