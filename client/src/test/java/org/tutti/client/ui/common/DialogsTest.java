package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.CutTexts;
import org.tutti.client.ui.French;

/** The dialogs every screen asks through: owned by their window, Annuler by default. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class DialogsTest {

    private Stage owner;

    @Start
    void start(Stage stage) {
        French.use();
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
        owner = stage;
    }

    /** Dialogs are built on the JavaFX thread. */
    private static Alert onFx(Callable<Alert> build) throws Exception {
        return WaitForAsyncUtils.asyncFx(build).get();
    }

    @Test
    void aChoiceShowsItsAnswersThenAnnulerWhichIsTheDefault() throws Exception {
        ButtonType force = new ButtonType("Accepter _quand même", ButtonBar.ButtonData.YES);
        ButtonType reject = new ButtonType("Re_fuser", ButtonBar.ButtonData.NO);

        Alert alert = onFx(() -> Dialogs.choice(owner, "someChoice", "Conflit", "Nom : la fiche a changé",
                "Valeur demandée : Martin", force, reject));

        assertThat(alert.getOwner()).isSameAs(owner);
        assertThat(alert.getModality()).isEqualTo(Modality.WINDOW_MODAL);
        assertThat(alert.getDialogPane().getId()).isEqualTo("someChoiceDialog");
        assertThat(alert.getTitle()).isEqualTo("Conflit");
        assertThat(alert.getHeaderText()).isEqualTo("Nom : la fiche a changé");
        assertThat(alert.getContentText()).isEqualTo("Valeur demandée : Martin");
        assertThat(alert.getButtonTypes()).hasSize(3).startsWith(force, reject);
        ButtonType cancelType = alert.getButtonTypes().get(2);
        Button cancel = Dialogs.button(alert, cancelType);
        assertThat(cancel.getText()).isEqualTo("Annuler");
        assertThat(cancel.getId()).isEqualTo("someChoiceCancel");
        assertThat(cancelType.getButtonData()).as("Escape answers Annuler").isEqualTo(ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(cancel.isDefaultButton()).as("Enter answers Annuler").isTrue();
        assertThat(Dialogs.button(alert, force).isDefaultButton()).isFalse();
        assertThat(Dialogs.button(alert, reject).isDefaultButton()).isFalse();
    }

    @Test
    void aConfirmationKeepsAnnulerAsTheDefault() throws Exception {
        Alert alert = onFx(() -> Dialogs.confirmation(owner, "Quitter ?", "Quitter la page"));

        assertThat(alert.getDialogPane().getId()).isEqualTo("confirmDialog");
        assertThat(alert.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Quitter la page", "Annuler");
        assertThat(Dialogs.button(alert, alert.getButtonTypes().get(1)).isDefaultButton()).isTrue();
        assertThat(Dialogs.button(alert, alert.getButtonTypes().get(0)).isDefaultButton()).isFalse();
    }

    @Test
    void buttonsShowTheirWholeText() throws Exception {
        // as in the application: every window gets the stylesheet and font size as it opens
        WaitForAsyncUtils.asyncFx(() -> ThemeManager.get().install()).get();
        ButtonType force = new ButtonType("Accepter _quand même la valeur de la famille", ButtonBar.ButtonData.YES);
        ButtonType reject = new ButtonType("Re_fuser la demande de la famille et prévenir", ButtonBar.ButtonData.NO);
        Alert choice = onFx(() -> Dialogs.choice(owner, "someChoice", "Conflit", "Nom : la fiche a changé",
                "Valeur demandée : Martin", force, reject));
        Alert leave = onFx(() -> Dialogs.confirmation(owner, "Quitter ?", "Quitter la page sans enregistrer"));
        for (Alert alert : java.util.List.of(choice, leave)) {
            WaitForAsyncUtils.asyncFx(alert::show);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(WaitForAsyncUtils.asyncFx(() -> CutTexts.in(alert.getDialogPane())).get())
                    .as(alert.getDialogPane().getId()).isEmpty();
            WaitForAsyncUtils.asyncFx(alert::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
