package org.tutti.client.ui.common;

import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Every dialog goes through here, so that it always has an owner window (it stays in front of
 * it, is centred on it and is closed with it) and French buttons. The dialog panes carry ids
 * that tests look for: {@code errorDialog}, {@code messageDialog}, {@code confirmDialog}.
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
        Alert alert = alert(owner, Alert.AlertType.ERROR, message, okButton());
        alert.setTitle(I18n.get("dialog.error.title"));
        alert.setHeaderText(I18n.get("dialog.error.header"));
        alert.getDialogPane().setId("errorDialog");
        return alert;
    }

    /** Shows an error dialog and waits until it is closed. */
    public static void showError(Window owner, String message) {
        error(owner, message).showAndWait();
    }

    /**
     * Builds a message dialog with an OK button (not shown): {@code warning} for "check what you
     * typed", else information ("the password has been sent").
     */
    public static Alert message(Window owner, String message, boolean warning) {
        Alert alert = alert(owner, warning ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION, message, okButton());
        alert.setTitle(I18n.get("dialog.message.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("messageDialog");
        return alert;
    }

    /** Shows an information message and waits until it is closed. */
    public static void showMessage(Window owner, String message) {
        message(owner, message, false).showAndWait();
    }

    /**
     * Builds a yes/no question (not shown) whose buttons say what they do: {@code confirmText}
     * (e.g. "Se déconnecter") and Annuler. Annuler is the default button, so that Enter never
     * drops anything by accident; Escape answers Annuler too.
     */
    public static Alert confirmation(Window owner, String question, String confirmText) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Alert alert = withCancel(owner, Alert.AlertType.CONFIRMATION, question, confirm);
        alert.setTitle(I18n.get("dialog.confirm.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("confirmDialog");
        return alert;
    }

    /**
     * Builds a warning that asks the user to choose (not shown): {@code title}, {@code header} and
     * {@code text}, then one button per answer, which says what it does, and Annuler, the default
     * button (Enter never decides by accident; Escape answers Annuler too). A little wider than
     * the other dialogs: its text explains the answers. The dialog pane's id is {@code id} +
     * {@code Dialog}, Annuler's {@code id} + {@code Cancel}; the caller names the answers'
     * buttons ({@link #button}). {@link Alert#showAndWait()} gives the chosen answer.
     */
    public static Alert choice(Window owner, String id, String title, String header, String text,
            ButtonType... answers) {
        Alert alert = withCancel(owner, Alert.AlertType.WARNING, text, answers);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id + "Dialog");
        alert.getDialogPane().setMinWidth(32 * ThemeManager.get().emInPixels());
        alert.getDialogPane().getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
                .forEach(b -> button(alert, b).setId(id + "Cancel"));
        return alert;
    }

    /** The button of {@code dialog} for {@code type}. */
    public static Button button(Alert dialog, ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    private static Alert withCancel(Window owner, Alert.AlertType type, String text, ButtonType... answers) {
        ButtonType cancel = new ButtonType(I18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType[] buttons = java.util.Arrays.copyOf(answers, answers.length + 1);
        buttons[answers.length] = cancel;
        Alert alert = alert(owner, type, text, buttons);
        for (ButtonType answer : answers) {
            button(alert, answer).setDefaultButton(false);
        }
        button(alert, cancel).setDefaultButton(true);
        return alert;
    }

    /** Asks and waits: true when the user chose {@code confirmText}. */
    public static boolean confirm(Window owner, String question, String confirmText) {
        Optional<ButtonType> answer = confirmation(owner, question, confirmText).showAndWait();
        return answer.map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /**
     * Builds a small form in a dialog (not shown): {@code content} (fields with their labels),
     * {@code confirmText} (e.g. "Ajouter"), the default button, and Annuler (Escape). The dialog
     * pane's id is {@code id} + {@code Dialog}, the buttons' {@code id} + {@code Confirm} and
     * {@code id} + {@code Cancel}. {@link javafx.scene.control.Dialog#showAndWait()} gives the
     * button chosen.
     */
    public static javafx.scene.control.Dialog<ButtonType> form(Window owner, String id, String title,
            javafx.scene.Node content, String confirmText) {
        Objects.requireNonNull(owner, "every dialog has an owner window");
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel);
        // the form scrolls rather than pushing the buttons out of the window: errors that appear under
        // its fields, a large text size or a small screen make it taller than the window
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("dialog-scroll");
        scroll.setMaxHeight(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 10 * ThemeManager.get().emInPixels());
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setId(id + "Dialog");
        dialog.getDialogPane().setMinWidth(28 * ThemeManager.get().emInPixels());
        ThemeManager.get().apply(dialog.getDialogPane().getScene());
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId(id + "Confirm");
        confirmButton.setDefaultButton(true);
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId(id + "Cancel");
        for (Button b : new Button[] {confirmButton, cancelButton}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return dialog;
    }

    private static Alert alert(Window owner, Alert.AlertType type, String text, ButtonType... buttons) {
        Objects.requireNonNull(owner, "every dialog has an owner window");
        Alert alert = new Alert(type, text, buttons);
        alert.initOwner(owner);
        alert.initModality(Modality.WINDOW_MODAL);
        alert.getDialogPane().setMinWidth(28 * ThemeManager.get().emInPixels());
        // the stylesheet and font size now, not as the window opens: the window takes its size from
        // the dialog's content before it opens, and a larger font afterwards would cut the buttons
        ThemeManager.get().apply(alert.getDialogPane().getScene());
        for (ButtonType answer : alert.getButtonTypes()) {
            // a button is as wide as its text: the dialog grows rather than cut "Accepter quand même"
            button(alert, answer).setMinWidth(Region.USE_PREF_SIZE);
        }
        return alert;
    }
}
