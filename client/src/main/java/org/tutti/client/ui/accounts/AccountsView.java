package org.tutti.client.ui.accounts;

import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.tutti.client.domain.AccountFilter;
import org.tutti.client.domain.CreatedAccount;
import org.tutti.client.domain.FamilyAccount;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.DocumentViewer;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.FieldCatalogue;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.SearchFields;
import org.tutti.client.ui.common.Tables;

/**
 * Comptes at the front desk, built in code: the filter (Tous, Jamais utilisés, Verrouillés), the
 * site's family accounts ({@code accountsTable}: Enter or a double-click opens the family's file),
 * and the buttons on the account selected: Nouveau compte…, Envoyer par e-mail, Imprimer la
 * lettre (in the PDF viewer), Réinitialiser le mot de passe… (by mail or by letter), Verrouiller
 * or Déverrouiller. Each replacement of a password is confirmed first; each result is said above
 * the list.
 */
public final class AccountsView {

    private final AccountsViewModel model;
    private final FamilyFileOpener files;
    private final org.tutti.client.ui.common.BackgroundTasks tasks;
    private final DetailWindows viewers = new DetailWindows();
    private final VBox root;
    /** How long after the last key the search runs (as on Familles). */
    static final Duration SEARCH_DELAY = Duration.millis(200);

    private final TextField search = TextFields.createClearableTextField();
    private final ComboBox<AccountFilter> filter = new ComboBox<>();
    private final TableView<FamilyAccount> table = Tables.table("accountsTable", "accounts.empty");

    public AccountsView(AccountsViewModel model, FamilyFileOpener files,
            org.tutti.client.ui.common.BackgroundTasks tasks) {
        this.model = model;
        this.files = files;
        this.tasks = tasks;
        Label title = new Label(I18n.get("accounts.title"));
        title.getStyleClass().add("h1");
        Label status = Forms.announce(Forms.message("accountsStatus", model.statusProperty(), "notice-text"), true);
        Label error = Forms.announce(Forms.error("accountsError", model.errorProperty()), true);

        search.setId(Actions.ACCOUNTS_SEARCH.id());
        search.setPromptText(I18n.get("accounts.search.prompt"));
        search.setAccessibleHelp(I18n.get("accounts.search.help"));
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(model.searchTextProperty());
        Label searchLabel = Forms.label(Actions.ACCOUNTS_SEARCH.textKey(), search);

        filter.setId(Actions.ACCOUNTS_FILTER.id());
        filter.getItems().setAll(model.filters());
        filter.setConverter(Forms.displayConverter(AccountsView::filterText));
        filter.valueProperty().bindBidirectional(model.filterProperty());
        Label filterLabel = Forms.label(Actions.ACCOUNTS_FILTER.textKey(), filter);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        HBox searchCell = new HBox(8, searchLabel, search);
        HBox filterCell = new HBox(8, filterLabel, filter);
        for (HBox cell : new HBox[] {searchCell, filterCell}) {
            cell.getStyleClass().add("field-cell");
            cell.setAlignment(Pos.CENTER_LEFT);
        }
        // the filter goes under the search at 200 % text rather than being cut
        FlowPane filterRow = new FlowPane(searchCell, filterCell);
        filterRow.setHgap(16);
        filterRow.setVgap(8);

        table.getColumns().setAll(
                Tables.text("accounts.column.identifier", FamilyAccount::identifier),
                Tables.text("accounts.column.family", FamilyAccount::familyName),
                Tables.text("accounts.column.email", FamilyAccount::email),
                Tables.text("accounts.column.created", a -> model.dateTime(a.createdAt())),
                Tables.text("accounts.column.lastLogin", a -> model.dateTime(a.lastLoginAt())),
                Tables.text("accounts.column.state", model::state));
        table.setItems(model.accounts());
        Tables.placeholderWhileLoading(table, model.loadingProperty(), model.errorProperty(), model.emptyTextProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, account) -> {
            if (account != null || !model.loadingProperty().get()) {
                model.selectedProperty().set(account);
            }
        });
        model.selectedProperty().addListener((obs, old, account) -> {
            if (table.getSelectionModel().getSelectedItem() != account) {
                if (account == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    RowOpening.focusRow(table, account);
                }
            }
        });
        RowOpening.install(table, this::openFile);
        SearchFields.install(search, table, SEARCH_DELAY, model::search, this::openFile);
        Label listNote = Forms.announce(Forms.message("accountsListNote", model.listNoteProperty(), "hint"), true);
        Label tableLabel = Forms.label("accounts.list", table);
        VBox.setVgrow(table, Priority.ALWAYS);

        BooleanBinding none = model.selectedProperty().isNull().or(model.workingProperty());
        Button create = Forms.button(Actions.ACCOUNT_CREATE, this::create);
        Button mail = Forms.button(Actions.ACCOUNT_SEND_MAIL, () -> selected().ifPresent(this::sendByMail));
        Button letter = Forms.button(Actions.ACCOUNT_LETTER, () -> selected().ifPresent(this::letter));
        Button reset = Forms.button(Actions.ACCOUNT_RESET, () -> selected().ifPresent(this::reset));
        Button lock = Forms.button(Actions.ACCOUNT_LOCK, () -> selected().ifPresent(model::toggleLock));
        lock.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(
                model.selectedProperty().get() != null && model.selectedProperty().get().locked()
                        ? "accounts.unlock" : "accounts.lock"), model.selectedProperty()));
        lock.accessibleTextProperty().bind(Bindings.createStringBinding(() -> lock.getText().replace("_", ""),
                lock.textProperty()));
        for (Button b : new Button[] {mail, letter, reset, lock}) {
            b.disableProperty().bind(none);
        }
        // wraps at 200 % text rather than widen the window
        FlowPane buttons = new FlowPane(create, mail, letter, reset, lock);
        buttons.getStyleClass().add("button-row");
        buttons.setHgap(8);
        buttons.setVgap(8);
        Label hint = Forms.wrapped(I18n.get("accounts.hint"), "hint");

        root = new VBox(title, status, error, filterRow, tableLabel, listNote, table, buttons, hint);
        root.setId("accountsRoot");
        root.getStyleClass().addAll("page", "accounts-page");
        installShortcuts();
    }

    static String filterText(AccountFilter filter) {
        return filter == null ? "" : I18n.get("accounts.filter." + filter.name());
    }

    private Optional<FamilyAccount> selected() {
        return Optional.ofNullable(model.selectedProperty().get());
    }

    private void openFile(FamilyAccount account) {
        files.open(account.familyId(), account.identifier() + " — " + account.familyName(), owner());
    }

    private void sendByMail(FamilyAccount account) {
        if (Dialogs.confirm(owner(), I18n.get("accounts.mail.question", account.identifier(), account.email()),
                I18n.get("accounts.mail.confirm"))) {
            model.sendByMail(account);
        }
    }

    private void letter(FamilyAccount account) {
        if (Dialogs.confirm(owner(), I18n.get("accounts.letter.question", account.identifier()),
                I18n.get("accounts.letter.confirm"))) {
            openLetter(account);
        }
    }

    private void openLetter(FamilyAccount account) {
        DocumentViewer.open(viewers, "letter" + account.accountId() + "-" + System.nanoTime(), owner(),
                I18n.get("accounts.letter.title", account.identifier()), "application/pdf", model.letter(account),
                AccountsViewModel.letterFileName(account), tasks, () -> RowOpening.focusRow(table, account));
    }

    private void reset(FamilyAccount account) {
        ButtonType byMail = new ButtonType(I18n.get("accounts.reset.byMail"), ButtonBar.ButtonData.YES);
        ButtonType byLetter = new ButtonType(I18n.get("accounts.reset.byLetter"), ButtonBar.ButtonData.NO);
        Alert choice = Dialogs.choice(owner(), "accountReset", I18n.get("accounts.reset.title"),
                I18n.get("accounts.reset.header", account.identifier()),
                I18n.get("accounts.reset.text", account.email()), byMail, byLetter);
        Dialogs.button(choice, byMail).setId("accountResetMail");
        Dialogs.button(choice, byLetter).setId("accountResetLetter");
        Optional<ButtonType> answer = choice.showAndWait();
        if (answer.isPresent() && answer.get() == byMail) {
            model.sendByMail(account);
        } else if (answer.isPresent() && answer.get() == byLetter) {
            openLetter(account);
        }
    }

    // ------------------------------------------------------------------ Nouveau compte…

    private void create() {
        NewAccountForm form = model.newAccount();
        GridPane grid = Forms.grid("detail-form");
        int row = 0;
        Node first = null;
        for (String field : NewAccountForm.FIELDS) {
            javafx.scene.control.Control control;
            if ("civility".equals(field)) {
                ComboBox<String> civility = new ComboBox<>();
                civility.getItems().setAll("MME", "M");
                civility.setConverter(Forms.displayConverter(Formats::civility));
                civility.valueProperty().bindBidirectional(form.value(field));
                control = civility;
            } else {
                TextField text = new TextField();
                text.setPrefColumnCount(24);
                text.textProperty().bindBidirectional(form.value(field));
                control = text;
            }
            control.setId("newAccount" + camel(field));
            Forms.describeErrors(control, form.error(field), null);
            if (first == null) {
                first = control;
            }
            Label label = Forms.label(FieldCatalogue.formLabelKey(field), control);
            label.setText(label.getText() + (NewAccountForm.REQUIRED.contains(field) ? " *" : ""));
            grid.addRow(row, label, control);
            grid.add(Forms.error(control.getId() + "Error", form.error(field)), 1, row + 1);
            row += 2;
        }
        Label hint = Forms.wrapped(I18n.get("accounts.form.hint"), "hint");
        Label error = Forms.announce(Forms.error("newAccountError", form.errorProperty()), true);
        VBox content = new VBox(hint, grid, error);
        content.getStyleClass().add("dialog-form");
        content.disableProperty().bind(form.sendingProperty());
        Dialog<ButtonType> dialog = Dialogs.form(owner(), "newAccount", I18n.get("accounts.form.title"), content,
                I18n.get("accounts.form.confirm"));
        Button confirm = (Button) dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        confirm.disableProperty().bind(form.sendingProperty());
        CreatedAccount[] created = new CreatedAccount[1];
        confirm.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            form.send(account -> {
                created[0] = account;
                dialog.setResult(ButtonType.OK);
                dialog.close();
            });
        });
        Forms.focusWhenShown(first);
        dialog.showAndWait();
        if (created[0] != null) {
            model.created(created[0]);
            proposeDelivery(new FamilyAccount(created[0].accountId(), created[0].familyId(), created[0].identifier(),
                    Formats.personName(form.value("civility").get(), form.value("first_name").get(),
                            form.value("last_name").get()), form.value("email").get().strip(), null, null, false, null,
                    true));
        }
    }

    private static String camel(String field) {
        StringBuilder out = new StringBuilder();
        for (String part : field.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** After a creation: the identifier shown, and the first password sent by mail or printed now, or later. */
    private void proposeDelivery(FamilyAccount account) {
        ButtonType byMail = new ButtonType(I18n.get("accounts.created.byMail"), ButtonBar.ButtonData.YES);
        ButtonType byLetter = new ButtonType(I18n.get("accounts.created.byLetter"), ButtonBar.ButtonData.NO);
        Alert choice = Dialogs.choice(owner(), "accountCreated", I18n.get("accounts.created.title"),
                I18n.get("accounts.created.header", account.identifier()),
                I18n.get("accounts.created.text", account.email()), byMail, byLetter);
        Dialogs.button(choice, byMail).setId("accountCreatedMail");
        Dialogs.button(choice, byLetter).setId("accountCreatedLetter");
        Optional<ButtonType> answer = choice.showAndWait();
        if (answer.isPresent() && answer.get() == byMail) {
            model.sendByMail(account);
        } else if (answer.isPresent() && answer.get() == byLetter) {
            openLetter(account);
        }
    }

    /**
     * The operations' shortcuts fire their buttons when enabled; Ctrl+F goes to the search (its text
     * selected), Ctrl+Maj+F to the filter.
     */
    private void installShortcuts() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.ACCOUNTS_SEARCH.keyCombination().match(e)) {
                e.consume();
                search.requestFocus();
                search.selectAll();
                return;
            }
            if (Actions.ACCOUNTS_FILTER.keyCombination().match(e)) {
                e.consume();
                filter.requestFocus();
                return;
            }
            for (Actions action : OPERATIONS) {
                if (action.keyCombination().match(e)) {
                    e.consume();
                    Node button = root.lookup("#" + action.id());
                    if (button instanceof Button b && !b.isDisabled() && b.isVisible()) {
                        b.fire();
                    }
                    return;
                }
            }
        });
    }

    private static final Actions[] OPERATIONS = {Actions.ACCOUNT_CREATE, Actions.ACCOUNT_SEND_MAIL,
        Actions.ACCOUNT_LETTER, Actions.ACCOUNT_RESET, Actions.ACCOUNT_LOCK};

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** Shown: the focus on the list (its first row when none is selected). */
    void activated() {
        Forms.focusWhenShown(table);
    }

    void closeWindows() {
        viewers.closeAll();
    }
}
