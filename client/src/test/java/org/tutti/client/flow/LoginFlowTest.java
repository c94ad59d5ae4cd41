package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.domain.StudentSummary;
import org.tutti.schema.H2Urls;

/** Whole flows on the real embedded demo database (a copy per test), driven by keyboard. */
class LoginFlowTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    private void startOnSeededCopy() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
    }

    @Test
    void familyLogsInByKeyboardAndSeesAllItsStudentsOnAccueil() throws Exception {
        List<StudentSummary> expected = DemoData.f0001().students();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        startOnSeededCopy();
        assertThat(stage.getTitle()).isEqualTo("Tutti — Accès usagers");
        SiteSummary site = lookup("#loginSite").<ComboBox<SiteSummary>>query().getValue();
        assertThat(site.code()).isEqualTo("BELLERIVE");

        logInByKeyboard("F0001", "bellerive");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navHome") && exists("#homeStudents")
                && lookup("#homeStudents").queryAs(Pane.class).getChildren().size() == expected.size());
        assertThat(stage.getTitle()).isEqualTo("Tutti — Conservatoire de Bellerive");
        assertThat(exists("#loginSubmit")).isFalse();
        String name = java.util.Map.of("M", "M.", "MME", "Mme").get(DemoData.f0001().civility())
                + " " + DemoData.f0001().firstName() + " " + DemoData.f0001().lastName();
        assertThat(lookup("#homeFamilyName").queryAs(Label.class).getText()).isEqualTo("Bonjour " + name);
        assertThat(lookup("#mainUser").queryAs(Label.class).getText()).as("the header, in the same words")
                .isEqualTo(name + " (F0001)");
        for (StudentSummary student : expected) {
            Node card = lookup("#homeStudent-" + student.id()).query();
            assertThat(card.isVisible()).isTrue();
            assertThat(lookup("#homeStudentName-" + student.id()).queryAs(Label.class).getText())
                    .isEqualTo(student.firstName() + " " + student.lastName());
        }
        assertThat(DemoData.f0001StudentNames()).hasSize(expected.size());
        // the one with ≥ 3 courses has them all in its table
        StudentSummary busiest = expected.stream()
                .max((a, b) -> Integer.compare(a.currentCourses().size(), b.currentCourses().size())).orElseThrow();
        assertThat(busiest.currentCourses()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lookup("#homeCourses-" + busiest.id()).queryTableView().getItems())
                .hasSize(busiest.currentCourses().size());
    }

    @Test
    void wrongPasswordShowsTheGenericMessageAndNoMainWindow() throws Exception {
        startOnSeededCopy();

        logInByKeyboard("F0001", "not-the-password");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> lookup("#loginError").queryAs(Label.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#loginError").queryAs(Label.class).getText()).isEqualTo(
                "Identifiant ou mot de passe incorrect, ou compte momentanément bloqué. Vérifiez les renseignements saisis.");
        assertThat(exists("#navHome")).isFalse();
        assertThat(exists("#navLogout")).isFalse();
        PasswordField password = lookup("#loginPassword").queryAs(PasswordField.class);
        assertThat(password.getText()).isEmpty();
        assertThat(password.isFocused()).isTrue();
        assertThat(lookup("#loginIdentifier").queryAs(TextField.class).getText()).isEqualTo("F0001");
    }

    @Test
    void emptyPasswordIsRefusedWithoutAskingTheDatabase() throws Exception {
        startOnSeededCopy();

        logInByKeyboard("F0001", "");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> lookup("#loginError").queryAs(Label.class).isVisible());
        assertThat(lookup("#loginError").queryAs(Label.class).getText())
                .isEqualTo("Saisissez votre identifiant et votre mot de passe, puis cliquez sur Se connecter.");
        assertThat(exists("#navHome")).isFalse();
    }

    @Test
    void logoutReturnsToTheLoginWindowWithTheSiteKept() throws Exception {
        startOnSeededCopy();
        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navLogout"));

        clickOn("#navLogout");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));
        assertThat(exists("#navHome")).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Tutti — Accès usagers");
        assertThat(lookup("#loginSite").<ComboBox<SiteSummary>>query().getValue().code()).isEqualTo("BELLERIVE");
        assertThat(lookup("#loginIdentifier").queryAs(TextField.class).getText()).isEmpty();
        assertThat(lookup("#loginPassword").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(lookup("#loginError").queryAs(Label.class).isVisible()).isFalse();

        // one can log in again, and Déconnexion's mnemonic (Alt+D) logs out by keyboard
        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
        interact(() -> stage.requestFocus());
        press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.D).release(javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));
        assertThat(exists("#navHome")).isFalse();
    }

    /**
     * The session expires at the database while the main window is open: the next call (Accueil
     * reloaded) brings the login window back with a message, and one can log in again.
     */
    @Test
    void anExpiredSessionReturnsToTheLoginWindowWithAMessage() throws Exception {
        startOnSeededCopy();
        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName")
                && !lookup("#homeFamilyName").queryAs(Label.class).getText().isEmpty());

        assertThat(expireEveryLiveSession()).isEqualTo(1);
        interact(() -> lookup("#navHome").queryButton().fire());

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#loginSubmit"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exists("#navHome")).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Tutti — Accès usagers");
        Label error = lookup("#loginError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Votre session a expiré. Reconnectez-vous.");
        assertThat(lookup("#loginPassword").queryAs(PasswordField.class).getText()).isEmpty();

        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
        assertThat(exists("#loginSubmit")).isFalse();
    }

    /**
     * Moves the demo's live sessions into the past, through a second connection of this JVM to
     * the application's H2 file (H2 shares one open database between the connections of a
     * process, so the application's lock on the file does not stand in the way).
     */
    private int expireEveryLiveSession() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
                PreparedStatement p = c.prepareStatement("update tutti.app_session set created_at = ?,"
                        + " last_seen_at = ?, expires_at = ? where ended_at is null")) {
            p.setObject(1, now.minusHours(1));
            p.setObject(2, now.minusMinutes(31));
            p.setObject(3, now.minusMinutes(1));
            return p.executeUpdate();
        }
    }

    @Test
    void staffLogsInAndSeesWhoIsConnected() throws Exception {
        startOnSeededCopy();

        logInByKeyboard("ACCUEIL", "bellerive");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeStaffName")
                && !lookup("#homeStaffName").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#homeStaffName").queryAs(Label.class).getText())
                .isEqualTo("Connecté en tant que : " + DemoData.accueil().staffName());
        assertThat(lookup("#homeContext").queryAs(Label.class).getText()).contains(DemoData.accueil().siteName());
        assertThat(exists("#homeStudents")).isFalse();
        assertThat(exists("#navHome")).isTrue();
    }

    @Test
    void theSiteIsChosenByKeyboardAndTitlesTheMainWindow() throws Exception {
        startOnSeededCopy();
        interact(() -> {
            stage.requestFocus();
            lookup("#loginSite").query().requestFocus();
        });
        type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#loginSite").<ComboBox<SiteSummary>>query().getValue().code()).isEqualTo("MONTFLEURY");

        logInByKeyboard("M0001", "montfleury");

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
        assertThat(stage.getTitle()).isEqualTo("Tutti — École de musique de Montfleury");
        assertThat(lookup("#mainSiteName").queryAs(Label.class).getText()).isEqualTo("École de musique de Montfleury");
    }

    @Test
    void anUncaughtErrorIsLoggedAndExplainedInAFrenchDialog() throws Exception {
        startOnSeededCopy();

        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("simulated bug");
        });

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#errorDialog"));
        javafx.scene.control.DialogPane dialog = lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getContentText()).startsWith("Une erreur inattendue s’est produite.")
                .doesNotContain("simulated bug").doesNotContain("Exception");
        assertThat(dialog.getScene().getWindow()).isInstanceOf(javafx.stage.Stage.class);
        assertThat(((javafx.stage.Stage) dialog.getScene().getWindow()).getOwner()).isSameAs(stage);
        javafx.scene.control.Button ok = (javafx.scene.control.Button) dialog.lookupButton(dialog.getButtonTypes().get(0));
        assertThat(ok.getText()).isEqualTo("OK");

        interact(ok::fire);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#errorDialog"));
    }
}
