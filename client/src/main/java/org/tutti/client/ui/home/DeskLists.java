package org.tutti.client.ui.home;

import java.time.ZoneId;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.domain.FailedMail;
import org.tutti.client.domain.OverdueInvoice;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;

/**
 * The two windows the staff Accueil's counts open: the failed mails (Réessayer puts the selected one back in the
 * queue) and the unpaid invoices past due (Enter opens the family's file). One window each; Escape closes them;
 * they close when Accueil is left.
 */
final class DeskLists {

    private final HomeViewModel model;
    private final DetailWindows windows;
    private final FamilyFileOpener files;

    DeskLists(HomeViewModel model, DetailWindows windows, FamilyFileOpener files) {
        this.model = model;
        this.windows = windows;
        this.files = files;
    }

    void openFailedMails(Window owner) {
        model.clearListMessage();
        model.loadFailedMails();
        windows.show("failedMails", owner, I18n.get("home.mails.title"), this::failedMailsContent, null);
    }

    void openOverdueInvoices(Window owner) {
        model.clearListMessage();
        model.loadOverdueInvoices();
        windows.show("overdueInvoices", owner, I18n.get("home.overdue.title"), this::overdueContent, null);
    }

    private Parent failedMailsContent() {
        TableView<FailedMail> table = Tables.table("failedMailsTable", "home.mails.empty");
        table.setItems(model.failedMails());
        table.setAccessibleText(I18n.get("home.mails.title"));
        table.getColumns().add(Tables.text("home.mails.column.created",
                m -> m.createdAt() == null ? "" : Formats.dateTime(m.createdAt(), ZoneId.systemDefault())));
        table.getColumns().add(Tables.text("home.mails.column.recipient", FailedMail::recipient));
        table.getColumns().add(Tables.text("home.mails.column.subject", FailedMail::subject));
        table.getColumns().add(Tables.text("home.mails.column.attempts", m -> String.valueOf(m.attempts())));
        table.getColumns().add(Tables.text("home.mails.column.error", m -> m.lastError() == null ? "" : m.lastError()));
        Button retry = Forms.button(Actions.MAIL_RETRY, () -> model.retry(table.getSelectionModel().getSelectedItem()));
        retry.disableProperty().bind(model.listBusyProperty());
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Actions.MAIL_RETRY.keyCombination().match(e)) {
                e.consume();
                model.retry(table.getSelectionModel().getSelectedItem());
            }
        });
        Label message = Forms.announce(Forms.message("failedMailsMessage", model.listMessageProperty(), "status-text"),
                true);
        return window("failedMailsWindow", "home.mails.title", "home.mails.intro", null, table, message, retry);
    }

    private Parent overdueContent() {
        TableView<OverdueInvoice> table = Tables.table("overdueInvoicesTable", "home.overdue.empty");
        table.setItems(model.overdueInvoices());
        table.setAccessibleText(I18n.get("home.overdue.title"));
        table.getColumns().add(Tables.text("home.overdue.column.number", OverdueInvoice::number));
        table.getColumns().add(Tables.text("home.overdue.column.identifier", OverdueInvoice::familyIdentifier));
        table.getColumns().add(Tables.text("home.overdue.column.family", OverdueInvoice::familyName));
        table.getColumns().add(Tables.text("home.overdue.column.due", i -> Formats.date(i.dueDate())));
        table.getColumns().add(Tables.text("home.overdue.column.balance", i -> Formats.money(i.balance())));
        RowOpening.install(table, invoice -> openFile(table, invoice));
        Button open = Forms.button(Actions.OVERDUE_OPEN, () -> {
            OverdueInvoice selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                openFile(table, selected);
            }
        });
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label message = Forms.announce(Forms.message("overdueInvoicesMessage", model.listMessageProperty(),
                "error-text"), true);
        Label note = Forms.announce(Forms.message("overdueInvoicesNote", model.overdueNoteProperty(), "hint"), true);
        return window("overdueInvoicesWindow", "home.overdue.title", "home.overdue.intro", note, table, message, open);
    }

    private void openFile(TableView<OverdueInvoice> table, OverdueInvoice invoice) {
        files.open(invoice.familyId(), invoice.familyIdentifier() + " — " + invoice.familyName(),
                table.getScene().getWindow());
    }

    private static Parent window(String id, String titleKey, String introKey, Label note, TableView<?> table,
            Label message, Button action) {
        // a title that wraps at 200 % rather than being cut
        Label title = Forms.wrapped(I18n.get(titleKey), "h2");
        Label intro = Forms.wrapped(I18n.get(introKey), "hint");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(title, intro, table, message, Forms.buttonRow(action, DetailWindows.closeButton()));
        if (note != null) {
            root.getChildren().add(2, note);
        }
        root.setId(id);
        root.getStyleClass().add("page");
        Forms.focusWhenShown(table);
        return root;
    }
}
