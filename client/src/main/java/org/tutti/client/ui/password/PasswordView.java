package org.tutti.client.ui.password;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;

/**
 * Mot de passe, built in code: three password fields, each with its label (mnemonic, labelFor)
 * and its message under it as text (WCAG 3.3.1), then Modifier le mot de passe. Enter in any
 * field submits. The success message is a dialog with OK.
 */
public final class PasswordView {

    private final PasswordViewModel model;
    private final ScrollPane root;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    public PasswordView(PasswordViewModel model) {
        this.model = model;

        Label heading = Forms.heading("password.heading");
        Label intro = Forms.wrapped(I18n.get("password.intro"), "muted");

        current.setId("passwordCurrent");
        current.textProperty().bindBidirectional(model.currentProperty());
        next.setId("passwordNew");
        next.textProperty().bindBidirectional(model.nextProperty());
        confirm.setId("passwordConfirm");
        confirm.textProperty().bindBidirectional(model.confirmProperty());

        Label rules = new Label(model.rulesText());
        rules.setId("passwordRules");
        rules.getStyleClass().addAll("muted", "field-hint");
        rules.setWrapText(true);
        rules.setMinHeight(Region.USE_PREF_SIZE);
        next.setAccessibleHelp(model.rulesText());

        GridPane form = Forms.grid("password-form");
        int row = 0;
        form.addRow(row++, Forms.label("password.current", current), current);
        form.add(Forms.error("passwordCurrentError", model.currentErrorProperty()), 1, row++);
        form.addRow(row++, Forms.label("password.new", next), next);
        form.add(rules, 1, row++);
        form.add(Forms.error("passwordNewError", model.nextErrorProperty()), 1, row++);
        form.addRow(row++, Forms.label("password.confirm", confirm), confirm);
        form.add(Forms.error("passwordConfirmError", model.confirmErrorProperty()), 1, row);

        Label formError = Forms.announce(Forms.error("passwordError", model.formErrorProperty()), true);

        Button submit = new Button(Actions.PASSWORD_SUBMIT.text());
        submit.setId(Actions.PASSWORD_SUBMIT.id());
        submit.setMnemonicParsing(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> model.submit());
        current.setOnAction(e -> model.submit());
        next.setOnAction(e -> model.submit());
        confirm.setOnAction(e -> model.submit());

        ProgressIndicator busy = Forms.busyIndicator("passwordBusy", "password.busy", model.busyProperty());
        HBox actions = Forms.buttonRow(submit, busy);

        VBox card = new VBox(heading, intro, form, formError, actions);
        card.getStyleClass().addAll("card", "password-card");
        card.setMaxWidth(Region.USE_PREF_SIZE);
        VBox page = new VBox(card);
        page.getStyleClass().add("page");

        root = new ScrollPane(page);
        root.setId("passwordRoot");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");

        Forms.describeErrors(current, model.currentErrorProperty(), null);
        Forms.describeErrors(next, model.nextErrorProperty(), null);
        Forms.describeErrors(confirm, model.confirmErrorProperty(), null);
        model.setOnFocus(this::focus);
        model.setOnChanged(message -> {
            Dialogs.showMessage(root.getScene().getWindow(), message);
            current.requestFocus();
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus in the first field (the module was opened). */
    public void focusFirstField() {
        Forms.focusWhenShown(current);
    }

    private void focus(PasswordViewModel.Field field) {
        switch (field) {
            case CURRENT:
                current.requestFocus();
                break;
            case NEW:
                next.requestFocus();
                break;
            default:
                confirm.requestFocus();
                break;
        }
    }
}
