package org.tutti.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.BackgroundTasks;

/** The navigation's module lifecycle, with two fake modules. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    private final List<String> events = new ArrayList<>();
    private final FakeBackend backend = new FakeBackend();
    private FakeModule second;
    private MainView view;
    private int loggedOut;

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
        public boolean canLeave() {
            events.add("canLeave " + name);
            return !unsavedEdits;
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
                "canLeave home", "deactivate home", "create second", "activate second",
                "canLeave second", "deactivate second", "activate home",
                "canLeave home", "deactivate home", "activate second");
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
    void unsavedEditsVetoLeavingAndLoggingOut(FxRobot robot) {
        robot.interact(() -> robot.lookup("#openDetail").queryButton().fire());
        second.unsavedEdits = true;

        robot.interact(() -> robot.lookup("#navHome").queryButton().fire());
        robot.interact(() -> robot.lookup("#navLogout").queryButton().fire());

        assertThat(robot.lookup("#content-second").query().isVisible()).isTrue();
        assertThat(robot.lookup("#navHome").queryButton().getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("selected");
        assertThat(loggedOut).isZero();
        assertThat(backend.logoutCalls).isEmpty();

        second.unsavedEdits = false;
        robot.interact(() -> robot.lookup("#navLogout").queryButton().fire());
        assertThat(loggedOut).isEqualTo(1);
        assertThat(backend.logoutCalls).hasSize(1);
    }
}
