package org.tutti.client.ui.common;

import java.util.Objects;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Every dialog goes through here, so that it always has an owner window (it stays in front of
 * it, is centred on it and is closed with it) and French buttons.
 */
public final class Dialogs {

    private Dialogs() {
    }

    /** The OK button, labelled from the bundle. */
    public static ButtonType okButton() {
        return new ButtonType(I18n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    /** Builds an error dialog (not shown) owned by {@code owner}. */
    public static Alert error(Window owner, String message) {
        Objects.requireNonNull(owner, "every dialog has an owner window");
        Alert alert = new Alert(Alert.AlertType.ERROR, message, okButton());
        alert.initOwner(owner);
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setTitle(I18n.get("dialog.error.title"));
        alert.setHeaderText(I18n.get("dialog.error.header"));
        alert.getDialogPane().setId("errorDialog");
        alert.getDialogPane().setMinWidth(28 * ThemeManager.get().emInPixels());
        return alert;
    }

    /** Shows an error dialog and waits until it is closed. */
    public static void showError(Window owner, String message) {
        error(owner, message).showAndWait();
    }
}
