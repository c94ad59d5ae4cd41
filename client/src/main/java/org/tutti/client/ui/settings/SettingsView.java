package org.tutti.client.ui.settings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.FileChoosers;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;

/**
 * Paramètres, built in code: one labelled field per setting with its help and its error under it, the logo's
 * preview with Parcourir… and Retirer, and Enregistrer (Ctrl+S). Without the settings right every field is read
 * only, Enregistrer is disabled and a message says who may change them.
 */
public final class SettingsView {

    private final SettingsViewModel model;
    private final ScrollPane root;
    private final TextField name;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        this.name = field("settingsName", "name");

        Label title = Forms.heading("settings.title");
        title.getStyleClass().setAll("h1");
        Label intro = Forms.wrapped(I18n.get("settings.intro"), "muted");
        Label readOnly = Forms.wrapped(I18n.get("settings.readOnly"), "hint");
        readOnly.setId("settingsReadOnly");
        readOnly.visibleProperty().bind(model.loadedProperty().and(model.mayChangeProperty().not()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        Forms.announce(readOnly, false);

        GridPane form = Forms.grid("settings-form");
        int row = 0;
        row = row(form, row, "settings.name", name, "name", null);
        row = row(form, row, "settings.address1", field("settingsAddress1", "address1"), "address1", null);
        row = row(form, row, "settings.address2", field("settingsAddress2", "address2"), "address2", null);
        row = row(form, row, "settings.postalCode", field("settingsPostalCode", "postal_code"), "postal_code", null);
        row = row(form, row, "settings.city", field("settingsCity", "city"), "city", null);
        row = row(form, row, "settings.phone", field("settingsPhone", "phone"), "phone", null);
        row = row(form, row, "settings.email", field("settingsEmail", "email"), "email", null);
        row = logoRow(form, row);

        CheckBox online = new CheckBox(I18n.get("settings.onlinePayment.check"));
        online.setId("settingsOnlinePayment");
        online.setMnemonicParsing(true);
        online.setWrapText(true);
        online.selectedProperty().bindBidirectional(model.onlinePaymentProperty());
        online.disableProperty().bind(model.mayChangeProperty().not());
        Label onlineLabel = new Label(I18n.get("settings.onlinePayment"));
        onlineLabel.getStyleClass().add("field-label");
        form.addRow(row++, onlineLabel, online);
        row = row(form, row, "settings.onlinePaymentUrl", field("settingsOnlinePaymentUrl", "online_payment_url"),
                "online_payment_url", "settings.onlinePaymentUrl.help");
        TextArea instructions = new TextArea();
        instructions.setId("settingsPaymentInstructions");
        instructions.setPrefRowCount(3);
        instructions.setWrapText(true);
        instructions.textProperty().bindBidirectional(model.text("payment_instructions"));
        Forms.tabLeaves(instructions);
        Forms.limitLength(instructions, 1000);
        row = row(form, row, "settings.paymentInstructions", instructions, "payment_instructions", null);
        row = row(form, row, "settings.maxDocument", field("settingsMaxDocument", "max_document_bytes"),
                "max_document_bytes", "settings.maxDocument.help");
        row = row(form, row, "settings.identifierPattern", field("settingsIdentifierPattern", "identifier_pattern"),
                "identifier_pattern", "settings.identifierPattern.help");
        row = row(form, row, "settings.mailSender", field("settingsMailSender", "mail_sender"), "mail_sender",
                "settings.mailSender.help");
        row = row(form, row, "settings.sessionLifetime", field("settingsSessionLifetime", "session_lifetime_hours"),
                "session_lifetime_hours", "settings.sessionLifetime.help");
        Label prefixLabel = new Label(I18n.get("settings.documentPrefix"));
        prefixLabel.getStyleClass().add("field-label");
        Label prefix = new Label();
        prefix.setId("settingsDocumentPrefix");
        prefix.textProperty().bind(model.documentPrefixProperty());
        form.addRow(row, prefixLabel, prefix);

        Button save = Forms.button(Actions.SETTINGS_SAVE, model::save);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.canSave().not());
        Label message = Forms.message("settingsMessage", model.messageProperty(), "status-text");
        Forms.announce(message, true);
        HBox buttons = Forms.buttonRow(save, Forms.busyIndicator("settingsBusy", "settings.loading", model.busyProperty()));

        VBox page = new VBox(title, intro, readOnly, form, buttons, message);
        page.getStyleClass().add("page");
        page.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.SETTINGS_SAVE.keyCombination().match(e)) {
                e.consume();
                model.save();
            }
        });
        root = new ScrollPane(page);
        root.setId("settingsRoot");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
    }

    public Parent root() {
        return root;
    }

    /** Where the user starts: the first field. */
    public void focusFirst() {
        Forms.focusWhenShown(name);
    }

    private TextField field(String id, String field) {
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(model.text(field));
        return text;
    }

    /** Label, field (read only without the right), its help and its error under it. */
    private int row(GridPane form, int row, String labelKey, Control field, String name, String helpKey) {
        if (field instanceof TextInputControl input) {
            input.editableProperty().bind(model.mayChangeProperty());
        }
        field.setMaxWidth(Double.MAX_VALUE);
        form.addRow(row++, Forms.label(labelKey, field), field);
        if (helpKey != null) {
            Label help = Forms.wrapped(I18n.get(helpKey), "hint");
            help.setId(field.getId() + "Help");
            form.add(help, 1, row++);
        }
        Forms.describeErrors(field, model.error(name), helpKey == null ? null
                : Bindings.createStringBinding(() -> I18n.get(helpKey)));
        form.add(Forms.error(field.getId() + "Error", model.error(name)), 1, row++);
        return row;
    }

    private int logoRow(GridPane form, int row) {
        ImageView preview = new ImageView();
        preview.setId("settingsLogo");
        preview.setFitHeight(64);
        preview.setFitWidth(200);
        preview.setPreserveRatio(true);
        preview.setAccessibleText(I18n.get("settings.logo.accessible"));
        preview.imageProperty().bind(Bindings.createObjectBinding(() -> {
            byte[] bytes = model.logoProperty().getValue();
            return bytes == null ? null : new Image(new ByteArrayInputStream(bytes));
        }, model.logoProperty()));
        Label none = new Label(I18n.get("settings.logo.none"));
        none.getStyleClass().add("muted");
        none.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        none.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.logoProperty().getValue() == null,
                model.logoProperty()));
        none.managedProperty().bind(none.visibleProperty());
        Button browse = Forms.button(Actions.SETTINGS_LOGO_BROWSE, () -> FileChoosers.open(root.getScene().getWindow(),
                "settings.logo.chooser", FileChoosers.Kind.IMAGE).ifPresent(path -> {
                    try {
                        model.chooseLogo(Files.readAllBytes(path));
                    } catch (IOException e) {
                        model.error("letterhead_logo").set(I18n.get("settings.error.logo"));
                    } catch (UncheckedIOException e) {
                        model.error("letterhead_logo").set(I18n.get("settings.error.logo"));
                    }
                }));
        browse.disableProperty().bind(model.mayChangeProperty().not());
        Button remove = Forms.button(Actions.SETTINGS_LOGO_REMOVE, model::removeLogo);
        remove.disableProperty().bind(model.mayChangeProperty().not().or(none.visibleProperty()));
        // the preview and its buttons go to a second line rather than cut a text at 200 %
        javafx.scene.layout.FlowPane cell = new javafx.scene.layout.FlowPane(preview, none, browse, remove);
        double em = javafx.scene.text.Font.getDefault().getSize();
        cell.setHgap(em);
        cell.setVgap(em / 2);
        cell.setAlignment(Pos.CENTER_LEFT);
        form.addRow(row++, Forms.label("settings.logo", browse), cell);
        Forms.describeErrors(browse, model.error("letterhead_logo"), null);
        form.add(Forms.error("settingsLogoError", model.error("letterhead_logo")), 1, row++);
        return row;
    }
}
