package org.tutti.client.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The shortcuts window (F1 in any window; root id {@code shortcutsHelp}): every key of Tutti,
 * grouped as the user meets them (everywhere, the menus, lists and windows, forms, Facturation,
 * documents, the front desk), read from {@link Actions} so that it never disagrees with the
 * keys themselves. One at a time; Escape closes it and the focus goes back where it was.
 */
public final class ShortcutsHelp {

    public static final String ROOT_ID = "shortcutsHelp";

    /** One line of the table. */
    public record Shortcut(String group, String action, String keys) {
    }

    private static Stage open;

    private ShortcutsHelp() {
    }

    /** Opens the window over {@code owner} (or brings the open one to the front). Call on the FX thread. */
    public static void show(Window owner) {
        if (owner != null && owner.getScene() != null && ROOT_ID.equals(owner.getScene().getRoot().getId())) {
            return;
        }
        if (open != null && open.isShowing()) {
            open.toFront();
            open.requestFocus();
            return;
        }
        Stage stage = new Stage();
        if (owner != null && owner.isShowing()) {
            stage.initOwner(owner);
        }
        stage.setTitle(I18n.get("shortcuts.title"));
        double em = ThemeManager.get().emInPixels();
        Scene scene = new Scene(content(), 44 * em, 36 * em);
        ThemeManager.get().apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.CLOSE_WINDOW.keyCombination().match(e)) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
    }

    private static VBox content() {
        Label heading = Forms.heading("shortcuts.title");
        Label intro = Forms.wrapped(I18n.get("shortcuts.intro"));
        TableView<Shortcut> table = Tables.table("shortcutsTable", "shortcuts.none");
        table.setAccessibleText(I18n.get("shortcuts.title"));
        table.getColumns().add(Tables.text("shortcuts.column.group", Shortcut::group));
        table.getColumns().add(Tables.text("shortcuts.column.action", Shortcut::action));
        table.getColumns().add(Tables.text("shortcuts.column.keys", Shortcut::keys));
        table.getItems().setAll(all());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(heading, intro, table);
        root.setId(ROOT_ID);
        root.getStyleClass().add("detail-root");
        Forms.focusWhenShown(table);
        return root;
    }

    /** Every shortcut, in the order of the window. */
    public static List<Shortcut> all() {
        List<Shortcut> lines = new ArrayList<>();
        String general = I18n.get("shortcuts.group.general");
        lines.add(new Shortcut(general, I18n.get("shortcuts.help"), keys(Actions.SHORTCUTS_HELP)));
        lines.add(new Shortcut(general, I18n.get("shortcuts.nextControl"), I18n.get("shortcuts.keys.tab")));
        lines.add(new Shortcut(general, I18n.get("shortcuts.previousControl"), I18n.get("shortcuts.keys.shiftTab")));
        lines.add(new Shortcut(general, I18n.get("shortcuts.mnemonic"), I18n.get("shortcuts.keys.alt")));
        lines.add(new Shortcut(general, I18n.get("shortcuts.activate"), I18n.get("shortcuts.keys.space")));
        add(lines, general, Actions.SKIP_TO_CONTENT, Actions.ACCESSIBILITY_TOGGLE, Actions.CLOSE_WINDOW);
        add(lines, I18n.get("shortcuts.group.menus"), Actions.NAV_HOME, Actions.NAV_FAMILY, Actions.NAV_STUDENTS,
                Actions.NAV_BILLING, Actions.NAV_ACCESSIBILITY, Actions.NAV_PASSWORD, Actions.NAV_LOGOUT,
                Actions.NAV_DEMO_MAILBOX);
        add(lines, I18n.get("shortcuts.group.login"), Actions.LOGIN, Actions.LOST_PASSWORD, Actions.OPEN_DEMO_MAILBOX);
        add(lines, I18n.get("shortcuts.group.lists"), Actions.OPEN_DETAIL, Actions.FIRST, Actions.PREVIOUS,
                Actions.NEXT, Actions.LAST);
        add(lines, I18n.get("shortcuts.group.forms"), Actions.FAMILY_MODIFY, Actions.PASSWORD_SUBMIT,
                Actions.REENROL_IMPORT, Actions.REENROL_REMOVE, Actions.REENROL_SUBMIT, Actions.REENROL_BACK,
                Actions.IMPORT_BROWSE);
        add(lines, I18n.get("shortcuts.group.billing"), Actions.BILLING_NEXT_TAB, Actions.BILLING_PREVIOUS_TAB,
                Actions.ONLINE_PAYMENT, Actions.BILLING_RETRY);
        add(lines, I18n.get("shortcuts.group.documents"), Actions.PDF_PREVIOUS_PAGE, Actions.PDF_NEXT_PAGE,
                Actions.PDF_ZOOM_IN, Actions.PDF_ZOOM_OUT, Actions.PDF_FIT_WIDTH, Actions.PDF_PRINT, Actions.PDF_SAVE);
        add(lines, I18n.get("shortcuts.group.staff"), Actions.NAV_VALIDATIONS, Actions.NAV_REENROLMENTS,
                Actions.NAV_FAMILIES, Actions.NAV_ACCOUNTS, Actions.NAV_STAFF_PEDAGOGY, Actions.NAV_SETTINGS,
                Actions.BILLING_SEARCH, Actions.INVOICE_CREATE, Actions.PAYMENT_RECORD, Actions.CREDIT_NOTE_CREATE,
                Actions.RENTAL_CREATE, Actions.RENTAL_END, Actions.INVOICE_LINE_ADD, Actions.FAMILY_FILE_OPEN,
                Actions.FAMILY_SEARCH, Actions.ACCOUNT_CREATE, Actions.ACCOUNT_SEND_MAIL, Actions.ACCOUNT_LETTER,
                Actions.ACCOUNT_RESET, Actions.ACCOUNT_LOCK, Actions.ABSENCE_ENTRY, Actions.EVALUATION_ENTRY,
                Actions.SETTINGS_SAVE, Actions.MAIL_RETRY);
        return lines;
    }

    private static void add(List<Shortcut> lines, String group, Actions... actions) {
        for (Actions action : actions) {
            lines.add(new Shortcut(group, action.plainText(), keys(action)));
        }
    }

    private static String keys(Actions action) {
        return action.keyCombination().getDisplayText();
    }
}
