package org.tutti.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tutti.client.domain.UserSession;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.ThemeManager;

/** The login view on a fake backend: ids, labels, mnemonics, demo hint, no dead buttons. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LoginViewTest {

    private final FakeBackend backend = new FakeBackend();
    private final AtomicReference<UserSession> loggedIn = new AtomicReference<>();
    private LoginViewModel model;
    private Stage stage;
    private int mailboxOpened;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        French.use();
        backend.loginAnswer = id -> id.equals("F0001") ? Optional.of(FakeBackend.family(id)) : Optional.empty();
        model = new LoginViewModel(BackgroundTasks.sameThread(), listener -> backend);
        model.setOnLoggedIn(loggedIn::set);
        LoginView view = new LoginView(model, () -> mailboxOpened++);
        Scene scene = new Scene(view.root(), 640, 640);
        ThemeManager.get().apply(scene);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @Test
    void everyFieldHasALabelWithAMnemonicPointingAtIt(FxRobot robot) {
        for (String id : new String[] {"loginSite", "loginIdentifier", "loginPassword"}) {
            Node field = robot.lookup("#" + id).query();
            Label label = robot.lookup(".field-label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getLabelFor() == field).findFirst().orElseThrow(() -> new AssertionError(id));
            assertThat(label.isMnemonicParsing()).as(id).isTrue();
            assertThat(label.getText()).as(id).contains("_");
        }
        assertThat(robot.lookup("#loginSubmit").queryButton().getText()).isEqualTo("Se _connecter");
        assertThat(robot.lookup("#loginSubmit").queryButton().isDefaultButton()).isTrue();
    }

    @Test
    void sitesShowTheirNamesAndTheFirstIsPreselected(FxRobot robot) {
        ComboBox<?> site = robot.lookup("#loginSite").queryComboBox();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(site).lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .extracting(javafx.scene.control.ListCell::getText)
                .contains("Conservatoire de Bellerive");
        assertThat(site.isDisabled()).isFalse();
    }

    @Test
    void demoHintIsShownOnTheDemoDatabase(FxRobot robot) {
        assertThat(robot.lookup("#demoHint").query().isVisible()).isTrue();
        assertThat(robot.lookup("#demoHintText").queryAs(Label.class).getText()).isEqualTo(
                "Base de démonstration — comptes : F0001 / bellerive, F0002 / bellerive (familles, Conservatoire de "
                        + "Bellerive) ; ACCUEIL / bellerive (accueil), DIRECTION / bellerive (accueil, avec les paramètres) ; M0001 / montfleury (École de musique de Montfleury)");
        assertThat(robot.lookup("#startupPane").query().isVisible()).isFalse();
    }

    @Test
    void noConnectionWarningWhenTheConnectionIsVerifiedOrLocal(FxRobot robot) {
        assertThat(robot.lookup("#loginTlsWarning").query().isVisible()).isFalse();
    }

    @Test
    void anUnverifiedConnectionAllowedByTheConfigurationShowsAWarningAboveTheFields(FxRobot robot) {
        backend.demo = false;
        backend.unverifiedServer = "db.school.example";
        LoginViewModel server = new LoginViewModel(BackgroundTasks.sameThread(), listener -> backend);
        LoginView[] built = new LoginView[1];
        robot.interact(() -> {
            built[0] = new LoginView(server);
            stage.setScene(new Scene(built[0].root(), 640, 640));
            ThemeManager.get().apply(stage.getScene());
            server.start();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        Label warning = robot.lookup("#loginTlsWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("Connexion non vérifiée au serveur db.school.example :");
        assertThat(warning.getAccessibleText()).isEqualTo(warning.getText());
        assertThat(warning.getHeight()).as("shown in full, not cut to one line")
                .isGreaterThan(warning.getFont().getSize() * 2);
        Node identifier = robot.lookup("#loginIdentifier").query();
        assertThat(warning.localToScene(0, 0).getY()).as("read before the fields")
                .isLessThan(identifier.localToScene(0, 0).getY());
        assertThat(robot.lookup("#loginSubmit").queryButton().isDisabled()).as("a warning, not a refusal").isFalse();
    }

    @Test
    void noRetryButtonOnceStarted(FxRobot robot) {
        assertThat(robot.lookup("#startupRetry").query().isVisible()).isFalse();
    }

    @Test
    void theAccessibilityToggleSwitchesTheWindowToTheModeAndBack(FxRobot robot) {
        javafx.scene.control.CheckBox toggle = robot.lookup("#accessibilityToggle").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(toggle.getText()).isEqualTo("Mode acce_ssibilité");
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain("accessible");
        try {
            robot.clickOn(toggle);
            assertThat(stage.getScene().getRoot().getStyleClass()).contains("accessible", "contrast-light");
            assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("accessible.css"));
            assertThat(robot.lookup("#contrastVariant").query().getParent().isVisible()).as("the variant, in the mode").isTrue();
            ComboBox<?> size = robot.lookup("#textSize").queryComboBox();
            assertThat(size.getValue()).as("the mode's larger text").isEqualTo(125);
            assertThat(stage.getScene().getRoot().getStyle()).contains("13.75pt");

            robot.clickOn(toggle);
            assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain("accessible");
            assertThat(stage.getScene().getStylesheets()).noneMatch(s -> s.endsWith("accessible.css"));
            assertThat(robot.lookup("#contrastVariant").query().getParent().isVisible()).isFalse();
        } finally {
            robot.interact(() -> {
                ThemeManager.get().accessibleProperty().set(false);
                ThemeManager.get().textSizeProperty().set(100);
            });
        }
    }

    @Test
    void theDemoMailboxButtonIsInTheDemoHintAndOpensTheMailbox(FxRobot robot) {
        Button mailbox = robot.lookup("#openDemoMailbox").queryButton();
        assertThat(mailbox.getText()).isEqualTo("_Boîte mail de démonstration");
        assertThat(mailbox.isMnemonicParsing()).isTrue();
        assertThat(mailbox.getParent().getId()).isEqualTo("demoHint");

        robot.interact(mailbox::fire);

        assertThat(mailboxOpened).isEqualTo(1);
    }

    @Test
    void outsideTheDemoThereIsNoDemoMailboxButton(FxRobot robot) {
        backend.demo = false;
        LoginViewModel server = new LoginViewModel(BackgroundTasks.sameThread(), listener -> backend);
        LoginView[] built = new LoginView[1];
        robot.interact(() -> {
            built[0] = new LoginView(server, () -> mailboxOpened++);
            new Scene(built[0].root(), 640, 640);
            built[0].root().applyCss(); // builds the scroll pane's skin, so that lookup finds its content
            server.start();
        });
        LoginView view = built[0];

        assertThat(view.root().lookup("#demoHint").isVisible()).isFalse();
        assertThat(view.root().lookup("#openDemoMailbox").isVisible() && view.root().lookup("#demoHint").isVisible())
                .isFalse();
        assertThat(view.root().lookup("#lostPassword").isDisabled()).as("Mot de passe perdu works on a server too")
                .isFalse();
    }

    @Test
    void lostPasswordOpensItsDialogOwnedByTheLoginWindowWithTheIdentifierTyped(FxRobot robot) throws Exception {
        javafx.scene.control.Hyperlink lost = robot.lookup("#lostPassword").queryAs(javafx.scene.control.Hyperlink.class);
        assertThat(lost.getText()).isEqualTo("Mot de passe _perdu");
        assertThat(lost.isMnemonicParsing()).isTrue();
        robot.interact(() -> model.identifierProperty().set("F0001"));

        robot.interact(lost::fire);

        TextField identifier = robot.lookup("#lostIdentifier").queryAs(TextField.class);
        Stage dialog = (Stage) identifier.getScene().getWindow();
        assertThat(dialog.getOwner()).isSameAs(stage);
        assertThat(dialog.getModality()).isEqualTo(javafx.stage.Modality.WINDOW_MODAL);
        assertThat(dialog.getTitle()).isEqualTo("Tutti — Mot de passe perdu");
        assertThat(identifier.getText()).isEqualTo("F0001");
        assertThat(robot.lookup("#lostEmail").query().isFocused()).as("the first empty field").isTrue();
        for (String id : new String[] {"lostIdentifier", "lostEmail"}) {
            Node field = robot.lookup("#" + id).query();
            Label label = robot.from(dialog.getScene().getRoot()).lookup(".field-label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getLabelFor() == field).findFirst().orElseThrow(() -> new AssertionError(id));
            assertThat(label.isMnemonicParsing()).as(id).isTrue();
            assertThat(label.getText()).as(id).contains("_");
        }
        Button submit = robot.lookup("#lostSubmit").queryButton();
        assertThat(submit.getText()).isEqualTo("_Valider");
        assertThat(submit.isDefaultButton()).isTrue();

        robot.interact(dialog::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        assertThat(dialog.isShowing()).as("Escape closes the dialog").isFalse();
        assertThat(robot.lookup("#loginPassword").query().isFocused())
                .as("back in the login window, the focus waits in the password field").isTrue();
        assertThat(backend.passwordRequests).isEmpty();
    }

    @Test
    void anEmptyEMailIsAMessageWithOkThenTheFocusGoesBackToIt(FxRobot robot) throws Exception {
        robot.interact(() -> model.identifierProperty().set("F0001"));
        robot.interact(() -> robot.lookup("#lostPassword").queryAs(javafx.scene.control.Hyperlink.class).fire());
        Stage dialog = (Stage) robot.lookup("#lostIdentifier").query().getScene().getWindow();

        // Valider's handler shows the message and waits: fired later, not inside interact()
        javafx.application.Platform.runLater(() -> robot.lookup("#lostSubmit").queryButton().fire());
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#messageDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane message = robot.lookup("#messageDialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(message.getContentText()).isEqualTo("Veuillez vérifier les renseignements saisis.");
        assertThat(((Stage) message.getScene().getWindow()).getOwner()).isSameAs(dialog);
        Button ok = (Button) message.lookupButton(message.getButtonTypes().get(0));
        assertThat(ok.getText()).isEqualTo("OK");

        robot.interact(ok::fire);

        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#messageDialog").tryQuery().isEmpty());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isTrue();
        assertThat(robot.lookup("#lostIdentifier").queryAs(TextField.class).getText()).isEqualTo("F0001");
        assertThat(robot.lookup("#lostEmail").query().isFocused()).isTrue();
        assertThat(backend.passwordRequests).isEmpty();
        robot.interact(dialog::close);
    }

    @Test
    void enterInThePasswordFieldLogsIn(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#loginIdentifier").queryAs(TextField.class).setText("F0001");
            robot.lookup("#loginPassword").queryAs(TextField.class).setText("x");
            robot.lookup("#loginPassword").query().requestFocus();
        });
        robot.interact(() -> robot.lookup("#loginPassword").query().getScene().getWindow().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(loggedIn.get()).isNotNull();
        Button submit = robot.lookup("#loginSubmit").queryButton();
        assertThat(submit.isDisabled()).isFalse();
    }

    @Test
    void mnemonicsMoveTheFocusToTheirField(FxRobot robot) {
        robot.interact(() -> robot.lookup("#loginIdentifier").query().getScene().getWindow().requestFocus());
        robot.press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.ALT);
        assertThat(robot.lookup("#loginPassword").query().isFocused()).isTrue();
        robot.press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.I)
                .release(javafx.scene.input.KeyCode.ALT);
        assertThat(robot.lookup("#loginIdentifier").query().isFocused()).isTrue();
    }

    @Test
    void anEmptyIdentifierIsReportedAndGetsTheFocus(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#loginPassword").queryAs(TextField.class).setText("secret");
            robot.lookup("#loginPassword").query().requestFocus();
            robot.lookup("#loginPassword").query().getScene().getWindow().requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);

        assertThat(robot.lookup("#loginError").queryAs(Label.class).getText())
                .isEqualTo("Saisissez votre identifiant et votre mot de passe, puis cliquez sur Se connecter.");
        assertThat(robot.lookup("#loginError").query().isVisible()).isTrue();
        assertThat(robot.lookup("#loginIdentifier").query().isFocused()).isTrue();
        assertThat(backend.loginCalls).isEmpty();
    }
}
