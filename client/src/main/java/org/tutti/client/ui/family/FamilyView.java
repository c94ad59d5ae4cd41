package org.tutti.client.ui.family;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ValidationFormView;

/**
 * Famille: the responsible adult's file, one row per field with its pending marker and its
 * message, then Modifier (enabled only when something changed) with, at its bottom right, the
 * message that the file awaits validation while anything is pending ({@link ValidationFormView}).
 * The fields scroll; Modifier and the messages about sending stay in view under them, whatever
 * the window's height (1280×900 put Modifier below the fold).
 */
public final class FamilyView {

    private static final double CARD_MAX_WIDTH = 720;

    private final BorderPane root;

    public FamilyView(FamilyViewModel model) {
        Label heading = Forms.heading("family.heading");
        Label intro = Forms.wrapped(I18n.get(model.frontDesk() ? "file.family.intro" : "family.intro"), "muted");
        ValidationFormView form = new ValidationFormView(model.editor(), "family",
                Actions.FAMILY_MODIFY, model::submit, "family.pendingMessage");

        VBox card = new VBox(heading, intro);
        card.getChildren().addAll(form.body());
        card.getStyleClass().addAll("card", "family-card");
        card.setMaxWidth(CARD_MAX_WIDTH);
        VBox page = new VBox(card);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");

        VBox footerCard = new VBox(form.footer());
        footerCard.getStyleClass().addAll("card", "form-footer");
        footerCard.setMaxWidth(CARD_MAX_WIDTH);
        VBox footer = new VBox(footerCard);
        footer.setId("familyFooter");
        footer.getStyleClass().add("page-footer");
        root = new BorderPane(scroll);
        root.setBottom(footer);
        root.setId("familyRoot");
        root.getStyleClass().add("page-scroll");
    }

    public Parent root() {
        return root;
    }
}
