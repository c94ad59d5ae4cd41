package org.tutti.client.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * Every user action that has a name, a node id and a key binding, in one place (like JabRef's
 * {@code StandardActions}). The text comes from the bundle and carries the mnemonic
 * ({@code _Accueil}); the key binding is a {@link KeyCombination} string, {@code shortcut}
 * being Ctrl on Windows/Linux and Cmd on macOS. Keys are named as {@code KeyCode.getName()} says
 * ({@code Esc}, {@code Enter}, {@code Page Up}): {@code ESCAPE} would parse as the characters
 * E-S-C-A-P-E and never match.
 *
 * <p>Navigation entries are the menu of the main window; the record actions (open detail,
 * first/previous/next/last, close window) are the bindings every list and detail window uses.
 */
public enum Actions {

    // navigation (main window)
    NAV_HOME("navHome", "action.home", "shortcut+1"),
    // 2 to 5: Famille, Élèves, Facturation, Accessibilité (the seed's order)
    NAV_FAMILY("navFamily", "family.nav", "shortcut+2"),
    NAV_STUDENTS("navStudents", "students.nav", "shortcut+3"),
    // issue 14 — Facturation (family, and the front desk's in staff mode)
    NAV_BILLING("navBilling", "billing.nav", "shortcut+4"),
    // issue 15 — accessibility core: Accessibilité (a switch, not a page), F1 shortcuts, F6 to the content
    NAV_ACCESSIBILITY("navAccessibility", "accessibility.nav", "shortcut+5"),
    /** The login window's switch of the same mode, same key. */
    ACCESSIBILITY_TOGGLE("accessibilityToggle", "accessibility.toggle", "shortcut+5"),
    SHORTCUTS_HELP("shortcutsHelp", "shortcuts.open", "F1"),
    /** The main window's first stop (a link) and F6: the focus goes to the current screen's first field. */
    SKIP_TO_CONTENT("skipToContent", "main.skipToContent", "F6"),
    NAV_PASSWORD("navPassword", "action.password", "shortcut+6"),
    /** Staff mode: Validations, after Accueil. */
    NAV_VALIDATIONS("navValidations", "validations.nav", "shortcut+7"),
    // issue 13 — staff: Réinscriptions, after Validations
    NAV_REENROLMENTS("navReenrolments", "reenrolments.nav", "shortcut+8"),
    // issue 16 — the front desk: Familles, Comptes, Pédagogie, Paramètres (staff mode)
    NAV_FAMILIES("navFamilies", "families.nav", "shortcut+9"),
    NAV_ACCOUNTS("navAccounts", "accounts.nav", "shortcut+shift+C"),
    NAV_STAFF_PEDAGOGY("navStaffPedagogy", "staffPedagogy.nav", "shortcut+shift+E"),
    NAV_SETTINGS("navSettings", "settings.nav", "shortcut+Comma"),
    NAV_LOGOUT("navLogout", "action.logout", "shortcut+shift+Q"),
    /** Embedded demo only: the demo mailbox, from the main window's navigation bar. */
    NAV_DEMO_MAILBOX("navDemoMailbox", "action.navDemoMailbox", "shortcut+M"),

    // login window
    LOGIN("loginSubmit", "action.login", "Enter"),
    RETRY_STARTUP("startupRetry", "action.retry", "shortcut+R"),
    LOST_PASSWORD("lostPassword", "action.lostPassword", "shortcut+P"),
    /** Embedded demo only: the demo mailbox, from the login window. */
    OPEN_DEMO_MAILBOX("openDemoMailbox", "action.demoMailbox", "shortcut+M"),

    // lost-password dialog (Enter: default button; Escape: cancel button)
    LOST_SUBMIT("lostSubmit", "action.validate", "Enter"),
    LOST_CANCEL("lostCancel", "action.cancel", "Esc"),

    // Mot de passe (Enter in a field submits)
    PASSWORD_SUBMIT("passwordSubmit", "action.changePassword", "Enter"),

    // Famille and Élèves › Identité: send the changes for validation
    FAMILY_MODIFY("familyModify", "family.modify", "shortcut+S"),
    STUDENT_MODIFY("studentModify", "students.modify", "shortcut+S"),

    // issue 13 — family: Élèves › Réinscription and its import dialog (Enter: Importer; Escape: Annuler)
    REENROL_IMPORT("reenrolImport", "reenrolment.import", "shortcut+I"),
    REENROL_REMOVE("reenrolRemove", "reenrolment.remove", "Delete"),
    REENROL_SUBMIT("reenrolSubmit", "reenrolment.submit", "shortcut+Enter"),
    REENROL_BACK("reenrolBack", "reenrolment.back", "Alt+Left"),
    /** The form could not be read: read it again. */
    REENROL_RETRY("reenrolRetry", "action.retry", "F5"),
    IMPORT_BROWSE("importBrowse", "reenrolment.import.browse", "shortcut+O"),
    IMPORT_SUBMIT("importSubmit", "reenrolment.import.submit", "Enter"),
    IMPORT_CANCEL("importCancel", "action.cancel", "Esc"),

    // issue 14 — family UI: Facturation (F5 reads the lists again; Réessayer after an error)
    BILLING_RETRY("billingRetry", "action.retry", "F5"),
    ONLINE_PAYMENT("onlinePayment", "billing.onlinePayment", "shortcut+L"),
    /** Ctrl (also on macOS, where Cmd+Tab switches applications) + Tab: the other Facturation tab. */
    BILLING_NEXT_TAB("billingNextTab", "billing.nextTab", "ctrl+Tab"),
    BILLING_PREVIOUS_TAB("billingPreviousTab", "billing.previousTab", "ctrl+shift+Tab"),

    // demo mailbox window
    REFRESH_MAILBOX("demoMailRefresh", "action.refresh", "F5"),

    // lists and detail windows
    OPEN_DETAIL("openDetail", "action.openDetail", "Enter"),
    FIRST("navFirst", "action.first", "shortcut+Home"),
    PREVIOUS("navPrevious", "action.previous", "shortcut+Page Up"),
    NEXT("navNext", "action.next", "shortcut+Page Down"),
    LAST("navLast", "action.last", "shortcut+End"),
    CLOSE_WINDOW("closeWindow", "action.closeWindow", "Esc"),

    // issue 14 — staff UI: Facturation at the front desk (the family search, the five operations;
    // each dialog: Enter validates, Escape cancels)
    BILLING_SEARCH("billingFamilySearch", "billingDesk.search", "shortcut+F"),
    INVOICE_CREATE("invoiceCreate", "billingDesk.invoiceCreate", "shortcut+N"),
    PAYMENT_RECORD("paymentRecord", "billingDesk.paymentRecord", "shortcut+E"),
    CREDIT_NOTE_CREATE("creditNoteCreate", "billingDesk.creditNoteCreate", "shortcut+shift+A"),
    RENTAL_CREATE("rentalCreate", "billingDesk.rentalCreate", "shortcut+shift+N"),
    RENTAL_END("rentalEnd", "billingDesk.rentalEnd", "shortcut+shift+L"),
    // issue 16 — file: the family's file window from Facturation's family
    FAMILY_FILE_OPEN("familyFileOpen", "billingDesk.openFile", "shortcut+shift+D"),
    INVOICE_LINE_ADD("invoiceLineAdd", "billingDesk.invoice.addLine", "shortcut+Insert"),
    BILLING_DIALOG_SUBMIT("billingDialogConfirm", "billingDesk.dialog.confirm", "Enter"),
    BILLING_DIALOG_CANCEL("billingDialogCancel", "action.cancel", "Esc"),

    // issue 16 — search: Familles (the search field, Ctrl+F from the screen; the families found)
    FAMILY_SEARCH("familySearch", "families.search", "shortcut+F"),
    FAMILY_RESULTS("familyResults", "families.results", "Enter"),
    // issue 16 — pedagogy: Pédagogie at the front desk (the course filter, the two entries; each
    // entry dialog: Ctrl+Enter or Enregistrer saves, Escape cancels)
    COURSE_FILTER("staffCoursesFilter", "staffPedagogy.filter", "shortcut+F"),
    ABSENCE_ENTRY("absenceEntry", "staffPedagogy.absenceEntry", "shortcut+B"),
    EVALUATION_ENTRY("evaluationEntry", "staffPedagogy.evaluationEntry", "shortcut+shift+V"),
    PEDAGOGY_ENTRY_SAVE("pedagogyEntrySave", "staffPedagogy.dialog.save", "shortcut+Enter"),
    PEDAGOGY_ENTRY_CANCEL("pedagogyEntryCancel", "action.cancel", "Esc"),
    // issue 16 — settings + home: Paramètres' buttons, the failed mails and overdue invoices windows of Accueil
    SETTINGS_SAVE("settingsSave", "settings.save", "shortcut+S"),
    SETTINGS_LOGO_BROWSE("settingsLogoBrowse", "settings.logo.browse", "shortcut+O"),
    SETTINGS_LOGO_REMOVE("settingsLogoRemove", "settings.logo.remove", "shortcut+shift+Delete"),
    MAIL_RETRY("mailRetry", "home.mails.retry", "shortcut+R"),
    OVERDUE_OPEN("overdueOpen", "home.overdue.open", "Enter"),

    // issue 14 — pdf: the PDF viewer (pages, zoom, print, save); also shows the re-enrolment images.
    // Zoom also answers Ctrl+= and the numpad's + and − (DocumentViewer); Ctrl+0 fits the page's width.
    // issue 16 — accounts: Comptes at the front desk (the list, its filter, the buttons on the account selected);
    // issue 18 — its search field (Ctrl+F, as on Familles; the filter moved to Ctrl+Maj+F)
    ACCOUNTS_SEARCH("accountsSearch", "accounts.search", "shortcut+F"),
    ACCOUNTS_FILTER("accountsFilter", "accounts.filter", "shortcut+shift+F"),
    ACCOUNT_CREATE("accountCreate", "accounts.create", "shortcut+N"),
    ACCOUNT_SEND_MAIL("accountSendMail", "accounts.sendMail", "shortcut+shift+M"),
    ACCOUNT_LETTER("accountLetter", "accounts.letter", "shortcut+shift+P"),
    ACCOUNT_RESET("accountReset", "accounts.reset", "shortcut+shift+R"),
    ACCOUNT_LOCK("accountLock", "accounts.lock", "shortcut+shift+K"),

    PDF_PREVIOUS_PAGE("pdfPreviousPage", "viewer.previous", "Page Up"),
    PDF_NEXT_PAGE("pdfNextPage", "viewer.next", "Page Down"),
    PDF_ZOOM_OUT("pdfZoomOut", "viewer.zoomOut", "shortcut+Minus"),
    PDF_ZOOM_IN("pdfZoomIn", "viewer.zoomIn", "shortcut+Plus"),
    PDF_FIT_WIDTH("pdfFitWidth", "viewer.fitWidth", "shortcut+0"),
    PDF_PRINT("pdfPrint", "viewer.print", "shortcut+P"),
    PDF_SAVE("pdfSave", "viewer.save", "shortcut+S");

    private final String id;
    private final String textKey;
    private final String keyBinding;

    Actions(String id, String textKey, String keyBinding) {
        this.id = id;
        this.textKey = textKey;
        this.keyBinding = keyBinding;
    }

    /** The node id (see src-docs/ui-contract.md). */
    public String id() {
        return id;
    }

    public String textKey() {
        return textKey;
    }

    /** The text with its mnemonic marker, e.g. {@code _Accueil}. */
    public String text() {
        return I18n.get(textKey);
    }

    /** The text without the mnemonic marker, for accessible text and tooltips. */
    public String plainText() {
        return text().replace("_", "");
    }

    public String keyBinding() {
        return keyBinding;
    }

    public KeyCombination keyCombination() {
        return KeyCombination.valueOf(keyBinding);
    }
}
