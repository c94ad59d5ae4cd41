package org.tutti.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.BackgroundTasks;

/** The navigation's module lifecycle, with two fake modules. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class MainViewTest {

    private final List<String> events = new ArrayList<>();
    private final FakeBackend backend = new FakeBackend();
    private FakeModule second;
    private MainView view;
    private int loggedOut;
    /** The questions asked before leaving unsaved edits, and the answer the test gives. */
    private final List<MainView.Leaving> asked = new ArrayList<>();
    private boolean agree;

    private final class FakeModule implements AppModule {
        private final String name;
        private final Label content;
        boolean unsavedEdits;

        FakeModule(String name) {
            this.name = name;
            this.content = new Label(name);
            content.setId("content-" + name);
            events.add("create " + name);
        }

        @Override
        public Node view() {
            return content;
        }

        @Override
        public void activate() {
            events.add("activate " + name);
        }

        @Override
        public void deactivate() {
            events.add("deactivate " + name);
        }

        @Override
        public boolean hasUnsavedEdits() {
            events.add("unsaved? " + name);
            return unsavedEdits;
        }
    }

    @Start
    void start(Stage stage) {
        French.use();
        MainViewModel model = new MainViewModel(FakeBackend.family("F0001"), backend, BackgroundTasks.sameThread());
        model.setOnLoggedOut(() -> loggedOut++);
        // a second entry stands in for the modules later issues add (Famille, Élèves…)
        view = new MainView(model, List.of(
                new ModuleEntry(Actions.NAV_HOME, () -> new FakeModule("home")),
                new ModuleEntry(Actions.OPEN_DETAIL, () -> second = new FakeModule("second"))));
        Scene scene = new Scene(view.root(), 800, 500);
        view.installAccelerators(scene);
        view.setLeaveConfirmation(leaving -> {
            asked.add(leaving);
            return agree;
        });
        stage.setScene(scene);
        stage.show();
        view.openFirst();
    }

    @Test
    void modulesAreCreatedOnFirstOpenAndActivatedEachTime(FxRobot robot) {
        assertThat(events).containsExactly("create home", "activate home");
        assertThat(second).isNull();

        robot.interact(() -> robot.lookup("#openDetail").queryButton().fire());
        robot.interact(() -> robot.lookup("#navHome").queryButton().fire());
        robot.interact(() -> robot.lookup("#openDetail").queryButton().fire());

        assertThat(events).containsExactly("create home", "activate home",
                "unsaved? home", "deactivate home", "create second", "activate second",
                "unsaved? second", "deactivate second", "activate home",
                "unsaved? home", "deactivate home", "activate second");
        assertThat(robot.lookup("#content-second").query().isVisible()).isTrue();
    }

    @Test
    void openingTheCurrentEntryAgainReloadsIt(FxRobot robot) {
        robot.interact(() -> robot.lookup("#navHome").queryButton().fire());

        assertThat(events).containsExactly("create home", "activate home", "activate home");
    }

    @Test
    void theCurrentEntryIsMarkedSelectedForStyleAndScreenReaders(FxRobot robot) {
        Button home = robot.lookup("#navHome").queryButton();
        assertThat(home.getPseudoClassStates()).extracting(Object::toString).contains("selected");
        assertThat(home.getAccessibleHelp()).isEqualTo("page actuelle");
        assertThat(home.getText()).isEqualTo("_Accueil");
        assertThat(home.isMnemonicParsing()).isTrue();
        assertThat(home.isFocusTraversable()).isTrue();
        assertThat(robot.lookup("#navLogout").queryButton().getText()).isEqualTo("_Déconnexion");
    }

    @Test
    void unsavedEditsAskBeforeLeavingAndAnnulerStays(FxRobot robot) {
        robot.interact(() -> robot.lookup("#openDetail").queryButton().fire());
        second.unsavedEdits = true;

        robot.interact(() -> robot.lookup("#navHome").queryButton().fire());
        robot.interact(() -> robot.lookup("#navLogout").queryButton().fire());
        boolean[] closable = new boolean[1];
        robot.interact(() -> closable[0] = view.canClose());

        assertThat(asked).containsExactly(MainView.Leaving.NAVIGATE, MainView.Leaving.LOGOUT, MainView.Leaving.CLOSE);
        assertThat(closable[0]).isFalse();
        assertThat(robot.lookup("#content-second").query().isVisible()).isTrue();
        assertThat(events).doesNotContain("deactivate second");
        assertThat(robot.lookup("#navHome").queryButton().getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("selected");
        assertThat(loggedOut).isZero();
        assertThat(backend.logoutCalls).isEmpty();

        agree = true;
        robot.interact(() -> robot.lookup("#navLogout").queryButton().fire());
        assertThat(asked).hasSize(4);
        assertThat(events).contains("deactivate second");
        assertThat(loggedOut).isEqualTo(1);
        assertThat(backend.logoutCalls).hasSize(1);
    }

    @Test
    void withoutUnsavedEditsNothingIsAsked(FxRobot robot) {
        robot.interact(() -> robot.lookup("#openDetail").queryButton().fire());
        robot.interact(() -> robot.lookup("#navHome").queryButton().fire());
        boolean[] closable = new boolean[1];
        robot.interact(() -> closable[0] = view.canClose());
        robot.interact(() -> robot.lookup("#navLogout").queryButton().fire());

        assertThat(asked).isEmpty();
        assertThat(closable[0]).isTrue();
        assertThat(loggedOut).isEqualTo(1);
    }

    @Test
    void theLeaveQuestionsSayWhatHappens() {
        assertThat(MainView.Leaving.LOGOUT.question())
                .isEqualTo("Des modifications ne sont pas enregistrées. Se déconnecter quand même ?");
        assertThat(MainView.Leaving.LOGOUT.confirmText()).isEqualTo("Se _déconnecter");
        assertThat(MainView.Leaving.CLOSE.confirmText()).isEqualTo("_Fermer Tutti");
        assertThat(MainView.Leaving.NAVIGATE.confirmText()).isEqualTo("_Quitter la page");
    }

    @Test
    void outsideTheDemoThereIsNoMailboxEntry(FxRobot robot) {
        assertThat(robot.lookup("#navDemoMailbox").tryQuery()).isEmpty();
    }
}
