package org.tutti.client.ui.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyMatch;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilySearchService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FamilyFileOpener;

/**
 * Familles on a fake search, with real background threads: the list follows the typing, an
 * answer to an older text never replaces a newer one, the empty list and a failure say so in
 * French with the text kept, the keyboard goes from the field to the list, and Enter or a
 * double-click opens the family's file through the opener given to the module.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FamilySearchViewTest extends FxRobot {

    private static final long WAIT_S = 20;
    private static final List<FamilyMatch> FAMILIES = List.of(
            new FamilyMatch(10, "F0001", "Mme Claire Martin", "Léa Martin, Hugo Martin", "06 12 34 56 78",
                    "claire.martin@exemple.fr", "Bellerive"),
            new FamilyMatch(11, "F0002", "M. Paul Martinez", "Inès Martinez", "", "", "Annecy"),
            new FamilyMatch(12, "F0003", "Mme Hélène Lefèvre", "Zoé Lefèvre", "04 50 11 22 33", "", "Bellerive"));

    /** Finds by the start of the name, the identifier or a student's first name; "lent" answers late. */
    private final class FakeSearch implements FamilySearchService {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch slow = new CountDownLatch(1);
        volatile boolean failing;

        @Override
        public List<FamilyMatch> search(UserSession session, String text) {
            calls.add(text);
            if (failing) {
                throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down", null);
            }
            if (text.equals("lent")) {
                try {
                    slow.await(WAIT_S, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(FAMILIES.get(0));
            }
            String word = plain(text);
            return FAMILIES.stream().filter(f -> plain(f.name() + " " + f.identifier() + " " + f.students()).contains(word)).toList();
        }
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private final FakeSearch service = new FakeSearch();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private BackgroundTasks tasks;
    private FamiliesModule module;

    @Start
    void start(Stage stage) {
        French.use();
        tasks = BackgroundTasks.withUiExecutor(Platform::runLater);
        FamilyFileOpener opener = (familyId, title, owner) -> opened.add(familyId + " " + title + " "
                + (owner == stage));
        module = new FamiliesModule(FakeBackend.staff(), service, tasks, opener);
        stage.setScene(new Scene((javafx.scene.Parent) module.view(), 1000, 600));
        stage.sizeToScene();
        stage.show();
        module.activate();
    }

    @AfterEach
    void stop() {
        service.slow.countDown();
        tasks.shutdown();
    }

    private TableView<FamilyMatch> results() {
        return lookup("#familyResults").query();
    }

    private TextField field() {
        return lookup("#familySearch").query();
    }

    private String placeholder() {
        return ((Label) results().getPlaceholder()).getText();
    }

    private void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waiting for " + what + "; calls " + service.calls, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeInField(String text) {
        interact(() -> field().clear());
        clickOn(field()).write(text);
    }

    @Test
    void theFieldHasTheFocusAndTheListFollowsTheTyping() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field().isFocused()).as("the field takes the focus").isTrue();
        assertThat(field().getPromptText()).isEqualTo("Nom, identifiant, élève, e-mail ou téléphone");
        assertThat(placeholder()).startsWith("Tapez un nom");
        assertThat(results().getColumns()).extracting(c -> c.getText())
                .containsExactly("Identifiant", "Famille", "Élèves", "Téléphone", "E-mail", "Ville");

        write("martin");
        await("the Martins", () -> results().getItems().size() == 2);
        assertThat(results().getItems()).extracting(FamilyMatch::identifier).containsExactly("F0001", "F0002");
        assertThat(results().getColumns().get(2).getCellData(0)).isEqualTo("Léa Martin, Hugo Martin");
        assertThat(lookup("#familySearchStatus").queryAs(Label.class).getText()).isEqualTo("2 familles trouvées.");
        assertThat(service.calls).as("not one search per key").hasSizeLessThan(4).last().isEqualTo("martin");

        typeInField("zzz");
        await("nothing", () -> results().getItems().isEmpty() && "zzz".equals(service.calls.get(service.calls.size() - 1)));
        await("the empty text", () -> placeholder().equals("Aucune famille ne correspond à « zzz »."));
    }

    @Test
    void anOlderAnswerNeverReplacesANewerOne() throws Exception {
        typeInField("lent");
        await("the slow search asked", () -> service.calls.contains("lent"));
        typeInField("zoe");
        await("Zoé's family", () -> results().getItems().size() == 1
                && results().getItems().get(0).identifier().equals("F0003"));
        service.slow.countDown();
        tasks.shutdown();
        tasks.awaitTermination(WAIT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(results().getItems()).extracting(FamilyMatch::identifier).containsExactly("F0003");
    }

    @Test
    void aFailureIsSaidInFrenchAndTheTextIsKept() throws Exception {
        service.failing = true;
        typeInField("martin");
        await("the error", () -> !lookup("#familySearchError").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#familySearchError").queryAs(Label.class).getText()).doesNotContain("Exception")
                .isNotBlank();
        assertThat(field().getText()).isEqualTo("martin");
    }

    @Test
    void theKeyboardGoesToTheListAndEnterOpensTheFamilysFile() throws Exception {
        typeInField("martin");
        await("the Martins", () -> results().getItems().size() == 2);
        type(KeyCode.DOWN);
        assertThat(results().isFocused()).isTrue();
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        await("opened", () -> !opened.isEmpty());
        assertThat(opened).containsExactly("11 F0002 — M. Paul Martinez true");

        typeInField("lefevre");
        await("one family", () -> results().getItems().size() == 1);
        type(KeyCode.ENTER);
        await("opened from the field", () -> opened.size() == 2);
        assertThat(opened.get(1)).isEqualTo("12 F0003 — Mme Hélène Lefèvre true");

        typeInField("martin");
        await("the Martins", () -> results().getItems().size() == 2);
        doubleClickOn("F0001");
        await("opened by a double-click", () -> opened.size() == 3);
        assertThat(opened.get(2)).isEqualTo("10 F0001 — Mme Claire Martin true");

        press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field().isFocused()).as("Ctrl+F: back to the field").isTrue();
        assertThat(new ArrayList<>(service.calls)).doesNotContain("");
    }
}
