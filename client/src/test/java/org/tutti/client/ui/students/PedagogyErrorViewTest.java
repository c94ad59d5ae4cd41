package org.tutti.client.ui.students;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

/**
 * Élèves › Cours, Historique, Répertoire when the pedagogical file could not be read: the red
 * error says so, and the lists do not also say "Aucun cours…" as if there were none.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class PedagogyErrorViewTest extends FxRobot {

    private final FakePedagogyService service = new FakePedagogyService();
    private PedagogyViewModel model;

    @Start
    void start(Stage stage) {
        French.use();
        model = new PedagogyViewModel(FakeBackend.family("F0001"), service, BackgroundTasks.sameThread());
        PedagogyTabs tabs = new PedagogyTabs(model);
        stage.setScene(new Scene(new TabPane(tabs.coursesTab(), tabs.historyTab(), tabs.repertoireTab()), 900, 500));
        stage.show();
    }

    @Test
    void aListThatCouldNotBeReadShowsTheErrorAndNotTheEmptyText() {
        service.failure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        interact(() -> model.show(21L));
        WaitForAsyncUtils.waitForFxEvents();

        for (String table : new String[] {"#coursesTable", "#historyTable", "#repertoireTable"}) {
            Label error = lookup(table + "Error").queryAs(Label.class);
            assertThat(error.getText()).as(table + " error").isNotEmpty();
            Label placeholder = (Label) lookup(table).queryAs(TableView.class).getPlaceholder();
            assertThat(placeholder.getText()).as(table + " placeholder").isEmpty();
        }

        // read again: the empty-state text is back where it is true
        service.failure = null;
        interact(() -> model.show(22L));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) lookup("#coursesTable").queryAs(TableView.class).getPlaceholder()).getText())
                .isEqualTo("Aucun cours pour cette année scolaire.");
    }
}
