package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.SiteSummary;

/** The first start on an empty data folder: the window is there at once, with progress. */
class FirstStartTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void firstStartShowsProgressThenEnablesTheLoginForm() throws Exception {
        startApp(dataFolder);
        List<String> statuses = new CopyOnWriteArrayList<>();
        boolean[] progressShownWhileDisabled = {false};
        interact(() -> {
            Label status = lookup("#startupStatus").queryAs(Label.class);
            statuses.add(status.getText());
            status.textProperty().addListener((obs, old, text) -> statuses.add(text));
            ProgressBar bar = lookup("#startupProgress").queryAs(ProgressBar.class);
            Button submit = lookup("#loginSubmit").queryAs(Button.class);
            progressShownWhileDisabled[0] = bar.isVisible() && submit.isDisabled()
                    && lookup("#loginSite").query().isDisabled();
        });
        assertThat(stage.isShowing()).isTrue();
        assertThat(progressShownWhileDisabled[0]).as("progress bar visible, form disabled").isTrue();

        waitUntilLoginEnabled();

        assertThat(statuses).anyMatch(s -> s.startsWith("Ajout des familles et des cours de démonstration"));
        assertThat(lookup("#startupProgress").query().isVisible()).isFalse();
        ComboBox<SiteSummary> site = lookup("#loginSite").queryComboBox();
        assertThat(site.isDisabled()).isFalse();
        assertThat(site.getItems()).extracting(SiteSummary::name)
                .contains("Conservatoire de Bellerive", "École de musique de Montfleury");
        Node hint = lookup("#demoHint").query();
        assertThat(hint.isVisible()).isTrue();
        assertThat(lookup("#demoHintText").queryAs(Label.class).getText()).contains("F0001 / bellerive");
    }

    /** Issue 12: Enter pressed while the demo is being prepared is not lost: the login happens when it is ready. */
    @Test
    void enterPressedWhileTheDemoIsPreparedLogsInWhenReady() throws Exception {
        startApp(dataFolder);
        assertThat(lookup("#loginSubmit").queryButton().isDisabled()).as("still preparing").isTrue();

        // the fields filled at once, then Enter from the keyboard: a warm test JVM prepares the demo
        // in about a second, which typing key by key could outlast
        boolean[] stillPreparing = {false};
        interact(() -> {
            stage.requestFocus();
            lookup("#loginIdentifier").queryAs(TextField.class).setText("F0001");
            PasswordField password = lookup("#loginPassword").queryAs(PasswordField.class);
            password.setText("bellerive");
            password.requestFocus();
        });
        type(KeyCode.ENTER);
        interact(() -> stillPreparing[0] = lookup("#startupPane").tryQuery().map(Node::isVisible).orElse(false));
        if (stillPreparing[0]) {
            assertThat(lookup("#loginNotice").queryAs(Label.class).getText()).isEqualTo(
                    "La base de démonstration est en cours de préparation : la connexion se fera dès qu’elle sera prête.");
        }
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
        assertThat(stillPreparing[0]).as("Enter was pressed before the demo was ready").isTrue();
    }
}
