package org.tutti.client.ui.login;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.DisplayControls;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;

/**
 * The login window's content, built in code (no FXML: it is the first thing on screen and
 * start-up time matters). Node ids follow src-docs/ui-contract.md. Mot de passe perdu opens its dialog
 * (owned by this window, pre-filled with the identifier typed here); in the embedded demo a
 * button opens the demo mailbox. A connection to the server that tutti.json explicitly allows
 * without certificate verification shows a warning ({@code loginTlsWarning}).
 */
public final class LoginView {

    private final LoginViewModel model;
    private final BorderPane root = new BorderPane();
    private final ComboBox<SiteSummary> site = new ComboBox<>();
    private final TextField identifier = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button submit = new Button();
    private final Runnable openDemoMailbox;

    public LoginView(LoginViewModel model) {
        this(model, null);
    }

    /** @param openDemoMailbox opens the demo mailbox window (embedded demo); null: no button */
    public LoginView(LoginViewModel model, Runnable openDemoMailbox) {
        this.model = model;
        this.openDemoMailbox = openDemoMailbox;
        root.setId("loginRoot");
        root.getStyleClass().add("login-root");
        root.setTop(header());
        StackPane center = new StackPane(card());
        center.getStyleClass().add("login-center");
        // a small window (or text enlarged to 200 %) scrolls instead of cutting messages short
        ScrollPane scroller = new ScrollPane(center);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setFocusTraversable(false);
        scroller.getStyleClass().add("login-scroller");
        root.setCenter(scroller);
    }

    public Parent root() {
        return root;
    }

    /** Ctrl+5 switches the accessibility mode, as in the main window. */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(Actions.ACCESSIBILITY_TOGGLE.keyCombination(), DisplayControls::toggleMode);
    }

    /** Puts the keyboard focus where the user starts typing. */
    public void focusFirstField() {
        if (identifier.getText() == null || identifier.getText().isEmpty()) {
            identifier.requestFocus();
        } else {
            password.requestFocus();
        }
    }

    private Node header() {
        Label app = new Label(I18n.get("app.name"));
        app.getStyleClass().add("app-title");
        Label subtitle = new Label(I18n.get("login.header"));
        subtitle.getStyleClass().add("app-subtitle");
        HBox header = new HBox(app, subtitle);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    private Node card() {
        Label heading = Forms.heading("login.heading");
        Label intro = Forms.wrapped(I18n.get("login.intro"), "muted");

        site.setId("loginSite");
        site.setItems(model.sites());
        site.valueProperty().bindBidirectional(model.siteProperty());
        site.setConverter(new StringConverter<>() {
            @Override
            public String toString(SiteSummary s) {
                return s == null ? "" : s.name();
            }

            @Override
            public SiteSummary fromString(String text) {
                return model.sites().stream().filter(s -> s.name().equals(text)).findFirst().orElse(null);
            }
        });
        site.setPromptText(I18n.get("login.site.prompt"));
        site.setMaxWidth(Double.MAX_VALUE);
        site.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.READY));

        identifier.setId("loginIdentifier");
        identifier.textProperty().bindBidirectional(model.identifierProperty());
        password.setId("loginPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        // Enter in a field logs in, also while the database is being opened (the button is then
        // disabled and the default button would not fire): the model waits for it
        identifier.setOnAction(e -> model.login());
        password.setOnAction(e -> model.login());

        GridPane form = Forms.grid();
        form.addRow(0, Forms.label("login.site", site), site);
        form.addRow(1, Forms.label("login.identifier", identifier), identifier);
        form.addRow(2, Forms.label("login.password", password), password);

        Label error = new Label();
        error.setId("loginError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        submit.setId(Actions.LOGIN.id());
        submit.setText(Actions.LOGIN.text());
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.canSubmitProperty().not());
        submit.setOnAction(e -> model.login());
        HBox.setHgrow(submit, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("loginBusy");
        busy.getStyleClass().add("small-progress");
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        busy.setAccessibleText(I18n.get("login.busy"));
        HBox actions = new HBox(submit, busy);
        actions.getStyleClass().add("button-row");
        actions.setAlignment(Pos.CENTER_LEFT);

        Label notice = new Label();
        notice.setId("loginNotice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        Hyperlink lost = new Hyperlink(Actions.LOST_PASSWORD.text());
        lost.setId(Actions.LOST_PASSWORD.id());
        lost.setMnemonicParsing(true);
        lost.getStyleClass().add("lost-password-link");
        lost.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.READY));
        lost.setOnAction(e -> {
            lost.setVisited(false);
            openLostPassword();
        });
        HBox lostRow = new HBox(lost);
        lostRow.setAlignment(Pos.CENTER_LEFT);

        model.refusalsProperty().addListener((obs, old, now) -> password.requestFocus());
        // a message about an empty field puts the focus in that field
        model.errorProperty().addListener((obs, old, text) -> {
            if (text == null || text.isEmpty()) {
                return;
            }
            if (identifier.getText() == null || identifier.getText().isBlank()) {
                identifier.requestFocus();
            } else if (password.getText() == null || password.getText().isEmpty()) {
                password.requestFocus();
            }
        });

        VBox card = new VBox(displayRow(), heading, intro, tlsWarning(), form, error, actions, notice, lostRow, startupPane(), demoHint());
        card.getStyleClass().addAll("card", "login-card");
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    /** At the top of the card, where it is seen first: the accessibility mode, the text size and the contrast. */
    private Node displayRow() {
        FlowPane row = new FlowPane(DisplayControls.modeCheckBox(), DisplayControls.textSizeRow(),
                DisplayControls.contrastRow());
        row.getStyleClass().add("login-display");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * Mot de passe perdu: the dialog, owned by this window, with the identifier typed here. When it
     * closes, the focus goes back where the user logs in (the password field, where the mailed
     * password goes), not to the link that opened it.
     */
    private void openLostPassword() {
        LostPasswordViewModel lost = model.lostPasswordModel();
        if (lost != null) {
            LostPasswordDialog dialog = new LostPasswordDialog(root.getScene().getWindow(), lost);
            dialog.stage().setOnHidden(e -> focusFirstField());
            dialog.show();
        }
    }

    private Node startupPane() {
        Label status = new Label();
        status.setId("startupStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("startup-status");
        model.phaseProperty().addListener((obs, old, phase) -> {
            status.getStyleClass().remove("error-text");
            if (phase == LoginViewModel.Phase.FAILED) {
                status.getStyleClass().add("error-text");
            }
        });

        ProgressBar bar = new ProgressBar();
        bar.setId("startupProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.setAccessibleText(I18n.get("startup.progress"));
        bar.visibleProperty().bind(model.phaseProperty().isEqualTo(LoginViewModel.Phase.STARTING));
        bar.managedProperty().bind(bar.visibleProperty());

        Button retry = new Button(Actions.RETRY_STARTUP.text());
        retry.setId(Actions.RETRY_STARTUP.id());
        retry.setOnAction(e -> model.start());
        retry.visibleProperty().bind(model.phaseProperty().isEqualTo(LoginViewModel.Phase.FAILED));
        retry.managedProperty().bind(retry.visibleProperty());

        VBox pane = new VBox(status, bar, retry);
        pane.setId("startupPane");
        pane.getStyleClass().add("startup-pane");
        pane.visibleProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.READY));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    /**
     * Above the fields, so that it is read before a password is typed: the connection to the
     * server is not verified (tutti.json allows it explicitly). Said in words, not by colour.
     */
    private Node tlsWarning() {
        Label warning = new Label();
        warning.setId("loginTlsWarning");
        warning.getStyleClass().add("warning-text");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.textProperty().bind(model.tlsWarningProperty());
        warning.accessibleTextProperty().bind(model.tlsWarningProperty());
        warning.visibleProperty().bind(model.tlsWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        return warning;
    }

    private Node demoHint() {
        Label text = new Label(I18n.get("login.demo.accounts"));
        text.setId("demoHintText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(text);
        if (openDemoMailbox != null) {
            Button mailbox = new Button(Actions.OPEN_DEMO_MAILBOX.text());
            mailbox.setId(Actions.OPEN_DEMO_MAILBOX.id());
            mailbox.setMnemonicParsing(true);
            mailbox.setOnAction(e -> openDemoMailbox.run());
            box.getChildren().add(mailbox);
        }
        box.setId("demoHint");
        box.getStyleClass().add("demo-hint");
        box.visibleProperty().bind(Bindings.and(model.demoProperty(),
                model.phaseProperty().isEqualTo(LoginViewModel.Phase.READY)));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
