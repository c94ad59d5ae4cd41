package org.tutti.client.flow;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.StaffCourse;

/**
 * The walk through every screen, tab, window and dialog of the demo, as a family (F0001) and as
 * the front desk (ACCUEIL), shared by the tests that look at each of them (cut texts, the
 * accessibility audit). At each stop the tour waits until nothing is loading any more, then,
 * for each display {@link Setting} in turn, applies it and calls {@link Stop#check}.
 *
 * <p>A screen or a window that stays open beside the main window (a course, a PDF) is checked in
 * each setting in place: a user can switch the mode or the text size in the main window while it
 * is open. A modal dialog blocks the main window, where the settings are: it is opened afresh in
 * each setting, as a user would see it. Each switch restyles every window, so the tour walks on
 * in the setting applied last; it moves by firing buttons and selecting tabs, not by robot clicks
 * (at 200 % a button or a tab may lie out of view).
 */
final class ScreenTour {

    /** What is done at each stop, with its windows showing and the stop's setting applied. */
    @FunctionalInterface
    interface Stop {
        /** {@code where}: the stop and the setting, e.g. "Famille — 200 %". */
        void check(String where) throws Exception;
    }

    /** A display setting (mode, contrast, text size); {@code apply} runs on the FX thread. */
    record Setting(String name, Runnable apply) {
    }

    /** A step of the walk, run on the test thread. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private final FamilyScreens robot;
    private final List<Setting> settings;
    private final Stop stop;
    private boolean fullWidth;
    private boolean oneCourse;
    private int applied = -1;
    private int stops;
    private final long started = System.nanoTime();
    private final long startedCpu = processCpu();
    private long applying;
    private long checking;

    ScreenTour(FamilyScreens robot, List<Setting> settings, Stop stop) {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("at least one setting");
        }
        this.robot = robot;
        this.settings = List.copyOf(settings);
        this.stop = stop;
    }

    /** Also stops at Élèves › Cours and Accueil with the main window as wide as the screen. */
    ScreenTour alsoAtFullWidth() {
        fullWidth = true;
        return this;
    }

    /**
     * Opens only the first course's window (and the next ones until one has an evaluation),
     * not every course's: they are the same window with other data.
     */
    ScreenTour oneCourseWindow() {
        oneCourse = true;
        return this;
    }

    /** How many stops the tour made, and the time spent switching settings and checking. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "%d stops in %d settings, %.1f s (%.1f s of CPU): %.1f s switching"
                + " settings, %.1f s checking", stops, settings.size(), (System.nanoTime() - started) / 1e9,
                (processCpu() - startedCpu) / 1e9, applying / 1e9, checking / 1e9);
    }

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    // ------------------------------------------------------------------------------- family

    /**
     * F0001 on a copy of the demo: Accueil, Famille and the message of a sent change, Élèves and
     * its tabs with their windows, Facturation with an invoice in the PDF viewer, Mot de passe
     * and the question when leaving it, the demo mailbox, the shortcuts window, then the login
     * window (after Déconnexion) and Mot de passe perdu.
     */
    void family() throws Exception {
        robot.startAndLogIn();
        int students = DemoData.f0001().students().size();
        AppHarness.await("Accueil's students", () -> robot.exists("#homeStudents")
                && robot.lookup("#homeStudents").queryAs(Pane.class).getChildren().size() == students);
        screen("Accueil");

        fire("#navFamily");
        AppHarness.await("Famille", () -> robot.exists("#familyAddress1")
                && !robot.lookup("#familyAddress1").query().isDisabled() && !robot.text("#familyLastName").isEmpty());
        screen("Famille");
        // the message after a change is sent: a new mobile number in each setting
        int[] sent = {0};
        dialog("Famille, modification envoyée", () -> {
            sent[0]++;
            robot.replaceText("#familyPhoneMobile", "07 98 76 54 3" + sent[0]);
            fire("#familyModify");
            robot.awaitDialog("#messageDialog");
        }, () -> closeDialog("#messageDialog", "OK"));
        AppHarness.await("the pending marker", () -> robot.isPending("#familyPhoneMobile"));
        screen("Famille, en attente de validation");

        students();
        courses();

        if (fullWidth) {
            atFullWidth();
        }

        billing();

        // Mot de passe, then the question asked when leaving it half-typed
        navigate("#navPassword", "#passwordCurrent");
        screen("Mot de passe");
        dialog("Quitter la page ?", () -> {
            robot.interact(() -> passwordCurrent().setText("bellerive"));
            fire("#navHome");
            robot.awaitDialog("#confirmDialog");
        }, () -> {
            closeDialog("#confirmDialog", "Annuler");
            robot.interact(() -> passwordCurrent().setText(""));
        });

        fire("#navDemoMailbox");
        AppHarness.await("the demo mailbox's mails", () -> robot.exists("#demoMailTable")
                && !robot.mailbox().getItems().isEmpty());
        screen("Boîte mail (démo)");
        hideWindowOf("#demoMailbox");

        shortcuts("Raccourcis clavier");

        // Déconnexion: the login window and Mot de passe perdu
        fire("#navLogout");
        robot.waitUntilLoginEnabled();
        screen("Connexion");
        dialog("Mot de passe perdu", () -> {
            fire("#lostPassword");
            AppHarness.await("Mot de passe perdu", () -> robot.exists("#lostEmail"));
        }, () -> hideWindowOf("#lostPasswordDialog"));
    }

    /** Élèves: each tab, Historique's sheet and Répertoire's event windows, Réinscription and its import dialog. */
    private void students() throws Exception {
        fire("#navStudents");
        awaitPedagogy();
        for (String tab : List.of("#tabIdentity", "#tabCourses")) {
            selectTab(tab);
            screen("Élèves " + tab);
        }

        selectStudentWith("#historyTable");
        selectTab("#tabHistory");
        screen("Élèves #tabHistory");
        openWindow("#historyTable", "courseWindow");
        screen("Fiche de cours (Historique)");
        hideWindowOf("#courseWindow");

        selectStudentWith("#repertoireTable");
        selectTab("#tabRepertoire");
        screen("Élèves #tabRepertoire");
        openWindow("#repertoireTable", "detailWindow");
        screen("Événement (Répertoire)");
        hideWindowOf("#detailWindow");

        // Réinscription (BELLERIVE's campaign is open), then its import dialog
        AppHarness.await("the Réinscription tab", () -> robot.exists("#tabReenrolment"));
        selectTab("#tabReenrolment");
        AppHarness.await("the courses to choose from",
                () -> !robot.lookup("#reenrolChoices").queryAs(Pane.class).getChildren().isEmpty());
        screen("Élèves #tabReenrolment");
        CheckBox administrative = robot.lookup("#reenrolAdministrative").query();
        if (administrative.isDisabled()) {
            throw new AssertionError("Réinscription is read-only for this student: the import dialog cannot be visited");
        }
        dialog("Importer un document", () -> {
            robot.interact(() -> administrative.setSelected(true));
            robot.interact(() -> robot.lookup("#reenrolImport").queryButton().fire());
            AppHarness.await("the import dialog", () -> robot.exists("#importDialog"));
        }, () -> {
            hideWindowOf("#importDialog");
            robot.interact(() -> administrative.setSelected(false));
        });
    }

    /**
     * Each course's follow-up window and its tabs (or the first's, see {@link #oneCourseWindow()});
     * an evaluation's window from the first course that has one.
     */
    private void courses() throws Exception {
        selectStudentWith("#coursesTable");
        selectTab("#tabCourses");
        TableView<?> courses = robot.lookup("#coursesTable").queryAs(TableView.class);
        boolean evaluationSeen = false;
        for (int row = 0; row < courses.getItems().size() && !(oneCourse && evaluationSeen); row++) {
            String course = "Cours, ligne " + (row + 1);
            Stage window = openWindow("#coursesTable", row, "courseWindow");
            Parent root = window.getScene().getRoot();
            AppHarness.await(course, () -> !robot.from(root).lookup("#courseBusy").query().isVisible());
            screen(course);
            for (String tab : List.of("#tabEvaluations", "#tabAbsences")) {
                selectTab(tab);
                screen(course + " " + tab);
            }
            TableView<?> evaluations = robot.from(root).lookup("#evaluationsTable").queryAs(TableView.class);
            if (!evaluationSeen && !evaluations.getItems().isEmpty()) {
                selectTab("#tabEvaluations");
                Set<Window> before = robot.showingWindows();
                enter(evaluations, 0);
                robot.awaitWindow("detailWindow", before);
                screen("Évaluation (" + course + ")");
                hideWindowOf("#detailWindow");
                evaluationSeen = true;
            }
            robot.interact(() -> window.hide());
        }
        if (!evaluationSeen) {
            throw new AssertionError("no course with an evaluation: its window cannot be visited");
        }
    }

    /** At full width, then back (the next test's window starts from this stage's size). */
    private void atFullWidth() throws Exception {
        Stage stage = robot.stage;
        double[] before = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        robot.interact(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        });
        screen("Élèves › Cours, pleine largeur");
        fire("#navHome");
        screen("Accueil, pleine largeur");
        robot.interact(() -> {
            stage.setX(before[0]);
            stage.setY(before[1]);
            stage.setWidth(before[2]);
            stage.setHeight(before[3]);
        });
    }

    /** Facturation: both tabs, and an invoice in the PDF viewer. */
    private void billing() throws Exception {
        fire("#navBilling");
        AppHarness.await("the family's invoices", () -> robot.exists("#feeInvoicesTable")
                && !robot.lookup("#feeInvoicesTable").queryTableView().getItems().isEmpty()
                && !robot.lookup("#billingLoading").query().isVisible());
        screen("Facturation › Cotisations");
        viewer("#feeInvoicesTable", "Facture (visionneuse PDF)");
        selectTab("#tabRentals");
        screen("Facturation › Locations");
        selectTab("#tabFees");
    }

    // --------------------------------------------------------------------------- front desk

    /**
     * ACCUEIL on a copy of the demo: Accueil, Validations with a request selected, Réinscriptions
     * (a request with its documents, one in the viewer, the campaign tab and its dialogs), Familles
     * with a search typed,
     * Facturation with no family, then F0001 open (its tabs, an invoice in the viewer, each
     * dialog), and the shortcuts window.
     */
    void frontDesk() throws Exception {
        DemoData.copyInto(robot.dataFolder);
        failedMail();
        robot.startApp(robot.dataFolder);
        robot.waitUntilLoginEnabled();
        robot.logInByKeyboard("ACCUEIL", "bellerive");
        AppHarness.await("the front desk's navigation", () -> robot.exists("#navValidations"));
        screen("Accueil (accueil)");

        fire("#navValidations");
        AppHarness.await("the pending requests", () -> robot.exists("#validationsList")
                && !robot.lookup("#validationsList").queryAs(TreeView.class).getRoot().getChildren().isEmpty());
        robot.interact(() -> {
            TreeView<?> tree = robot.lookup("#validationsList").queryAs(TreeView.class);
            tree.requestFocus();
            tree.getSelectionModel().select(1);
        });
        screen("Validations");

        reenrolments();
        families();
        billingDesk();
        familyFile();
        familyRecords();
        accounts();
        staffPedagogy();
        deskListsAndSettings();
        shortcuts("Raccourcis clavier (accueil)");
    }

    /** F0001's file › Réinscriptions, Demandes de modification, Courriers (a mail's window), Historique. */
    private void familyRecords() throws Exception {
        fire("#navFamilies");
        AppHarness.await("the family search", () -> robot.exists("#familySearch"));
        robot.interact(() -> robot.lookup("#familySearch").queryAs(TextField.class).setText("F0001"));
        TableView<?> results = robot.lookup("#familyResults").queryAs(TableView.class);
        AppHarness.await("F0001 found", () -> !results.getItems().isEmpty());
        Set<Window> before = robot.showingWindows();
        enter(results, 0);
        robot.awaitWindow("familyFile", before);
        for (String[] tab : new String[][] {{"#fileTabReenrolments", "Réinscriptions"},
                {"#fileTabChanges", "Demandes de modification"}, {"#fileTabHistory", "Historique"},
                {"#fileTabMails", "Courriers"}}) {
            selectTab(tab[0]);
            screen("Dossier F0001 (accueil) › " + tab[1]);
        }
        TableView<?> mails = robot.lookup("#fileMailsTable").queryAs(TableView.class);
        AppHarness.await("F0001's mails", () -> !mails.getItems().isEmpty());
        Set<Window> beforeMail = robot.showingWindows();
        enter(mails, 0);
        robot.awaitWindow("familyMailWindow", beforeMail);
        screen("Dossier F0001 (accueil) › Courriers, un courrier");
        hideWindowOf("#familyMailWindow");
        hideWindowOf("#familyFile");
    }

    // issue 16 — settings + home: a failed mail for Accueil's list, its two windows, Paramètres read only

    /** A mail of BELLERIVE the relay gave up on, in the copied demo (before the application starts). */
    private void failedMail() throws Exception {
        try (java.sql.Connection owner = new DemoSql(robot.dataFolder).connect();
             java.sql.Statement s = owner.createStatement()) {
            s.executeUpdate("insert into tutti.mail_outbox (site_id, kind, recipient, subject, body_text, status,"
                    + " attempts, next_attempt_at, last_error, created_at) select id, 'NOTICE', 'f0002@example.org',"
                    + " 'Confirmation de votre modification', 'Bonjour', 'FAILED', 5, current_timestamp,"
                    + " '550 5.1.1 boîte aux lettres inconnue', current_timestamp from tutti.site where code = 'BELLERIVE'");
            s.executeUpdate("insert into tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date,"
                    + " due_date, total_amount, status) select f.site_id, f.id, (select min(y.id) from tutti.school_year y"
                    + " where y.is_current), 'BEL-2026-900001', 'COTISATION', current_date - 40, current_date - 10,"
                    + " 135.50, 'ISSUED' from tutti.family f where f.identifier = 'F0002'");
        }
    }

    /** Accueil's failed mails and overdue invoices windows, then Paramètres as ACCUEIL (read only). */
    private void deskListsAndSettings() throws Exception {
        navigate("#navHome", "#homeDeskCounts");
        AppHarness.await("the desk's counts", () -> robot.lookup("#homeDeskCounts").query().isVisible());
        deskList("#homeOpenFailedMails", "failedMailsWindow", "#failedMailsTable", "Accueil, courriels en échec");
        deskList("#homeOpenOverdueInvoices", "overdueInvoicesWindow", "#overdueInvoicesTable",
                "Accueil, factures impayées");
        navigate("#navSettings", "#settingsRoot");
        AppHarness.await("the settings", () -> robot.lookup("#settingsReadOnly").query().isVisible());
        screen("Paramètres (accueil)");
    }

    private void deskList(String link, String rootId, String table, String where) throws Exception {
        Set<Window> before = robot.showingWindows();
        fire(link);
        Stage window = robot.awaitWindow(rootId, before);
        AppHarness.await(table + "'s rows", () -> !robot.from(window.getScene().getRoot()).lookup(table)
                .queryAs(TableView.class).getItems().isEmpty());
        screen(where);
        robot.interact(window::hide);
        AppHarness.await(rootId + " closed", () -> !window.isShowing());
    }

    /** Réinscriptions: a request with its documents, one in the viewer, the campaign tab and its dialogs. */
    private void reenrolments() throws Exception {
        fire("#navReenrolments");
        AppHarness.await("the reenrolment requests", () -> robot.exists("#reenrolmentsTable")
                && !robot.lookup("#reenrolmentsTable").queryAs(TableView.class).getItems().isEmpty());
        selectRequestWithDocuments();
        screen("Réinscriptions");
        viewer("#reenrolmentDocuments", "Visionneuse de document");

        selectTab("#tabReenrolmentCampaign");
        AppHarness.await("the document types",
                () -> !robot.lookup("#documentTypesTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#documentTypesTable").queryAs(TableView.class).getSelectionModel().select(0));
        screen("Réinscriptions › Campagne et documents");
        dialog("Ajouter un document demandé", () -> {
            fire("#documentTypeAdd");
            robot.awaitDialog("#documentTypeDialog");
        }, () -> closeDialog("#documentTypeDialog", "Annuler"));
        dialog("Fermer la campagne ?", () -> {
            fire("#campaignClose");
            robot.awaitDialog("#confirmDialog");
        }, () -> closeDialog("#confirmDialog", "Annuler"));
    }

    /** Familles: the first letters of a demo family's name typed, the families found. */
    private void families() throws Exception {
        fire("#navFamilies");
        AppHarness.await("the family search", () -> robot.exists("#familySearch"));
        String name = new DemoSql(robot.dataFolder).string("select f.last_name from tutti.family f join tutti.site s"
                + " on s.id = f.site_id where s.code = 'BELLERIVE' order by f.id fetch first 1 rows only");
        robot.interact(() -> robot.lookup("#familySearch").queryAs(TextField.class)
                .setText(name.substring(0, Math.min(3, name.length()))));
        TableView<?> results = robot.lookup("#familyResults").queryAs(TableView.class);
        AppHarness.await("the families found", () -> !results.getItems().isEmpty());
        screen("Familles (recherche)");
    }

    /** Selects the first request that has documents. */
    private void selectRequestWithDocuments() throws Exception {
        TableView<?> requests = robot.lookup("#reenrolmentsTable").queryAs(TableView.class);
        TableView<?> documents = robot.lookup("#reenrolmentDocuments").queryAs(TableView.class);
        for (int row = 0; row < requests.getItems().size(); row++) {
            int index = row;
            robot.interact(() -> requests.getSelectionModel().select(index));
            Object chosen = requests.getItems().get(index);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.exists("#reenrolmentFamily")
                        && !robot.lookup("#reenrolmentFamily").queryAs(TextField.class).getText().isBlank()
                        && !documents.getItems().isEmpty());
                if (requests.getSelectionModel().getSelectedItem() == chosen) {
                    return;
                }
            } catch (TimeoutException none) {
                // this one has no documents: the next
            }
        }
        throw new AssertionError("no request with documents in the demo");
    }

    /**
     * Facturation at the front desk: no family, then F0001 (its tabs, an invoice in the viewer,
     * each dialog), then a family with an item rented now (F0001's rental has ended) and Fin de
     * location.
     */
    private void billingDesk() throws Exception {
        fire("#navBilling");
        AppHarness.await("the family search", () -> robot.exists("#billingFamilySearch"));
        screen("Facturation (accueil), aucune famille");
        openDeskFamily("F0001");
        TableView<?> invoices = robot.lookup("#feeInvoicesTable").queryAs(TableView.class);
        AppHarness.await("F0001's invoices", () -> !invoices.getItems().isEmpty());
        robot.interact(() -> {
            invoices.requestFocus();
            invoices.getSelectionModel().select(0);
        });
        screen("Facturation (accueil), F0001 › Cotisations");
        viewer("#feeInvoicesTable", "Facture (accueil, visionneuse PDF)");
        for (String id : List.of("invoice", "payment", "creditNote", "rental")) {
            deskDialog(id, switch (id) {
                case "invoice" -> "#invoiceCreate";
                case "payment" -> "#paymentRecord";
                case "creditNote" -> "#creditNoteCreate";
                default -> "#rentalCreate";
            });
        }
        selectTab("#tabRentals");
        screen("Facturation (accueil), F0001 › Locations");

        String renting = new DemoSql(robot.dataFolder).string("select f.identifier from tutti.rental r"
                + " join tutti.family f on f.id = r.family_id join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and (r.end_date is null or r.end_date >= current_date)"
                + " order by f.identifier fetch first 1 rows only");
        openDeskFamily(renting);
        selectTab("#tabRentedItems");
        TableView<?> rentals = robot.lookup("#rentalsTable").queryAs(TableView.class);
        int active = -1;
        for (int i = 0; i < rentals.getItems().size() && active < 0; i++) {
            if (((RentalLine) rentals.getItems().get(i)).active()) {
                active = i;
            }
        }
        if (active < 0) {
            throw new AssertionError(renting + " shows no active rental: Fin de location cannot be visited");
        }
        int row = active;
        robot.interact(() -> {
            rentals.requestFocus();
            rentals.getSelectionModel().select(row);
        });
        screen("Facturation (accueil), " + renting + " › Objets loués");
        deskDialog("endRental", "#rentalEnd");
        selectTab("#tabFees");
    }

    /**
     * Issue 16 — file: F0001's file window, opened from Facturation (Afficher le dossier…), on each
     * of its tabs (Famille, Élèves › Identité, Facturation); closed.
     */
    private void familyFile() throws Exception {
        openDeskFamily("F0001");
        Set<Window> before = robot.showingWindows();
        fire("#familyFileOpen");
        Stage file = robot.awaitWindow("familyFile", before);
        AppHarness.await("F0001's file read", () -> robot.exists("#familyCity")
                && !robot.lookup("#familyCity").query().isDisabled()
                && !robot.lookup("#fileAccount").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        screen("Dossier famille F0001 › Famille");
        selectTab("#fileTabStudents");
        AppHarness.await("the student's identity", () -> robot.exists("#studentSchoolLevel")
                && !robot.lookup("#studentSchoolLevel").query().isDisabled());
        screen("Dossier famille F0001 › Élèves");
        selectTab("#fileTabBilling");
        AppHarness.await("F0001's billing in its file", () -> robot.from(file.getScene().getRoot())
                .lookup("#feeInvoicesTable").tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        screen("Dossier famille F0001 › Facturation");
        robot.interact(file::hide);
        AppHarness.await("the file closed", () -> !file.isShowing());
    }

    /** Pédagogie (issue 16): the courses with one selected and its students, then each entry window. */
    private void staffPedagogy() throws Exception {
        fire("#navStaffPedagogy");
        TableView<?> courses = robot.lookup("#staffCoursesTable").queryAs(TableView.class);
        AppHarness.await("the site's courses", () -> !courses.getItems().isEmpty());
        // the course with the most students: the entry windows' longest lists
        int row = 0;
        for (int i = 0; i < courses.getItems().size(); i++) {
            if (((StaffCourse) courses.getItems().get(i)).students() > ((StaffCourse) courses.getItems().get(row)).students()) {
                row = i;
            }
        }
        int chosen = row;
        robot.interact(() -> {
            courses.requestFocus();
            courses.getSelectionModel().select(chosen);
            courses.scrollTo(chosen);
        });
        AppHarness.await("its students", () -> robot.lookup("#staffCourseStudents").queryAs(TableView.class).getItems()
                .size() == ((StaffCourse) courses.getItems().get(chosen)).students());
        screen("Pédagogie (accueil), un cours choisi");
        for (String id : List.of("absenceEntry", "evaluationEntry")) {
            dialog("Pédagogie (accueil), " + id, () -> {
                robot.interact(() -> robot.lookup("#" + id).queryButton().fire());
                AppHarness.await("the " + id + " window", () -> robot.exists("#" + id + "Dialog"));
            }, () -> {
                robot.interact(() -> robot.lookup("#" + id + "Cancel").queryButton().fire());
                AppHarness.await("the " + id + " window closed", () -> !robot.exists("#" + id + "Dialog"));
            });
        }
    }

    /** Finds the family by its identifier in the desk's search and opens it (Enter). */
    private void openDeskFamily(String identifier) throws Exception {
        robot.interact(() -> robot.lookup("#billingFamilySearch").queryAs(TextField.class).setText(identifier));
        TableView<?> results = robot.lookup("#billingFamilyResults").queryAs(TableView.class);
        AppHarness.await(identifier + " found", () -> results.getItems().size() == 1
                && ((FamilyOption) results.getItems().get(0)).identifier().equals(identifier));
        enter(results, 0);
        AppHarness.await(identifier + " open with its rentals", () -> robot.lookup("#billingFamilyTitle")
                .queryAs(javafx.scene.control.Label.class).getText().startsWith(identifier + " ")
                && !robot.lookup("#rentalsTable").queryAs(TableView.class).getItems().isEmpty());
    }

    /**
     * Comptes: the list with an account selected, Nouveau compte…, Réinitialiser…, the mail's
     * confirmation, and a letter in the viewer.
     */
    private void accounts() throws Exception {
        navigate("#navAccounts", "#accountsTable");
        TableView<?> table = robot.lookup("#accountsTable").queryAs(TableView.class);
        AppHarness.await("the accounts", () -> !table.getItems().isEmpty());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        screen("Comptes");
        accountDialog("Comptes, dialogue Nouveau compte", "#accountCreate", "#newAccountDialog",
                () -> robot.interact(() -> robot.lookup("#newAccountCancel").queryButton().fire()));
        accountDialog("Comptes, dialogue Réinitialiser le mot de passe", "#accountReset", "#accountResetDialog",
                () -> robot.interact(() -> robot.lookup("#accountResetCancel").queryButton().fire()));
        accountDialog("Comptes, confirmation Envoyer par e-mail", "#accountSendMail", "#confirmDialog",
                () -> closeDialog("#confirmDialog", "Annuler"));
        Set<Window> before = robot.showingWindows();
        fire("#accountLetter");
        AppHarness.await("the letter's confirmation", () -> robot.exists("#confirmDialog"));
        closeDialog("#confirmDialog", "Préparer la lettre");
        robot.awaitWindow("pdfViewer", before);
        AppHarness.await("a page drawn in the viewer", () -> robot.exists("#pdfPage")
                && robot.lookup("#pdfPage").queryAs(ImageView.class).getImage() != null);
        screen("Lettre d’accès (visionneuse PDF)");
        hideWindowOf("#pdfViewer");
    }

    private void accountDialog(String where, String opener, String shown, Step close) throws Exception {
        dialog(where, () -> {
            fire(opener);
            AppHarness.await(shown, () -> robot.exists(shown));
        }, () -> {
            close.run();
            AppHarness.await(shown + " closed", () -> !robot.exists(shown));
        });
    }

    /** One of the desk's billing dialogs, opened by its button, closed by its Annuler. */
    private void deskDialog(String id, String opener) throws Exception {
        dialog("Facturation (accueil), dialogue " + id, () -> {
            if (robot.lookup(opener).query().isDisabled()) {
                throw new AssertionError(opener + " is disabled: its dialog cannot be visited");
            }
            robot.interact(() -> robot.lookup(opener).queryButton().fire());
            AppHarness.await("the " + id + " dialog", () -> robot.exists("#" + id + "Dialog"));
        }, () -> {
            robot.interact(() -> robot.lookup("#" + id + "Cancel").queryButton().fire());
            AppHarness.await("the " + id + " dialog closed", () -> !robot.exists("#" + id + "Dialog"));
        });
    }

    // ---------------------------------------------------------------------------- both modes

    /** F1 in the main window: the shortcuts window; closed again. */
    private void shortcuts(String where) throws Exception {
        dialog(where, () -> {
            Set<Window> before = robot.showingWindows();
            Node target = focusOwnerOrRoot(robot.stage);
            WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(target, key(KeyCode.F1)));
            robot.awaitWindow("shortcutsHelp", before);
        }, () -> hideWindowOf("#shortcutsHelp"));
    }

    // ------------------------------------------------------------------------------- stops

    /** A stop at what shows now: each setting applied in place. */
    private void screen(String where) throws Exception {
        stops++;
        for (int i : settingsOrder()) {
            apply(i);
            settle(where);
            check(where + " — " + settings.get(i).name());
        }
    }

    /**
     * A stop at a modal dialog: in each setting (applied while it is closed), {@code open} shows
     * it, the stop checks it, {@code close} closes it.
     */
    private void dialog(String where, Step open, Step close) throws Exception {
        stops++;
        for (int i : settingsOrder()) {
            apply(i);
            open.run();
            settle(where);
            check(where + " — " + settings.get(i).name());
            close.run();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * Every setting, the one applied now first: each switch restyles every window, so the tour
     * walks on in the last one rather than switching back.
     */
    private int[] settingsOrder() {
        int first = Math.max(applied, 0);
        int[] order = new int[settings.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = (first + k) % order.length;
        }
        return order;
    }

    private void check(String where) throws Exception {
        long start = System.nanoTime();
        stop.check(where);
        checking += System.nanoTime() - start;
    }

    private void apply(int index) {
        long start = System.nanoTime();
        if (applied != index) {
            robot.interact(settings.get(index).apply);
            applied = index;
        }
        WaitForAsyncUtils.waitForFxEvents();
        applying += System.nanoTime() - start;
    }

    /** Waits until no busy indicator turns in any window (data loaded, PDF drawn, file checked). */
    private void settle(String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        AppHarness.await("nothing loading any more at " + where,
                () -> !WaitForAsyncUtils.asyncFx((Callable<Boolean>) ScreenTour::busy).get());
    }

    /** A busy indicator shows in a showing window. Call on the FX thread. */
    private static boolean busy() {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null && busy(window.getScene().getRoot())) {
                return true;
            }
        }
        return false;
    }

    private static boolean busy(Node node) {
        if (!node.isVisible()) {
            return false;
        }
        if (node instanceof ProgressIndicator progress && progress.isIndeterminate()) {
            return true;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (busy(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ----------------------------------------------------------------------------- helpers

    private void navigate(String button, String shown) throws Exception {
        fire(button);
        AppHarness.await(shown, () -> robot.exists(shown));
    }

    private PasswordField passwordCurrent() {
        return robot.lookup("#passwordCurrent").queryAs(PasswordField.class);
    }

    /**
     * Fires the button as a click would, not waiting for its action to end (it may show a dialog
     * and wait for its answer). Not a robot click: at 200 % a button may be out of view.
     */
    private void fire(String query) {
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        WaitForAsyncUtils.asyncFx(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Answers the dialog with its button {@code text} and waits until it is gone. */
    private void closeDialog(String query, String text) throws Exception {
        DialogPane dialog = robot.lookup(query).queryAs(DialogPane.class);
        for (ButtonType type : dialog.getButtonTypes()) {
            ButtonBase button = (ButtonBase) dialog.lookupButton(type);
            if (button.getText().replace("_", "").equals(text)) {
                robot.interact(button::fire);
                AppHarness.await(query + " closed", () -> !robot.exists(query));
                return;
            }
        }
        throw new AssertionError("no button " + text + " in " + dialog.getId());
    }

    private void hideWindowOf(String query) throws Exception {
        Window window = robot.lookup(query).query().getScene().getWindow();
        robot.interact(window::hide);
        AppHarness.await(query + " closed", () -> !window.isShowing());
    }

    /** Enter on the table's first row: its document in the PDF viewer, a stop once a page is drawn; closed. */
    private void viewer(String table, String where) throws Exception {
        openWindow(table, "pdfViewer");
        AppHarness.await("a page drawn in the viewer", () -> robot.exists("#pdfPage")
                && robot.lookup("#pdfPage").queryAs(ImageView.class).getImage() != null);
        screen(where);
        hideWindowOf("#pdfViewer");
    }

    /** Enter on the table's first row: the window with that root id. */
    private Stage openWindow(String table, String rootId) throws Exception {
        return openWindow(table, 0, rootId);
    }

    private Stage openWindow(String table, int row, String rootId) throws Exception {
        TableView<?> rows = robot.from(robot.stage.getScene().getRoot()).lookup(table).queryAs(TableView.class);
        AppHarness.await(table + "'s rows", () -> rows.getItems().size() > row);
        Set<Window> before = robot.showingWindows();
        enter(rows, row);
        return robot.awaitWindow(rootId, before);
    }

    /** Selects the row, gives the table the focus and presses Enter on it. */
    private void enter(TableView<?> table, int row) {
        robot.interact(() -> {
            table.getScene().getWindow().requestFocus();
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(row);
            table.getFocusModel().focus(row);
        });
        robot.interact(() -> Event.fireEvent(table, key(KeyCode.ENTER)));
    }

    private static KeyEvent key(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
    }

    private static Node focusOwnerOrRoot(Stage stage) {
        Node owner = stage.getScene().getFocusOwner();
        return owner != null ? owner : stage.getScene().getRoot();
    }

    /** Selects the tab with that id (whichever window and tab pane it is in) and waits until it shows. */
    private void selectTab(String id) throws Exception {
        Tab[] found = {null};
        robot.interact(() -> {
            for (Node node : robot.lookup(".tab-pane").queryAll()) {
                TabPane pane = (TabPane) node;
                for (Tab tab : pane.getTabs()) {
                    if (id.equals("#" + tab.getId())) {
                        pane.getSelectionModel().select(tab);
                        found[0] = tab;
                    }
                }
            }
        });
        if (found[0] == null) {
            throw new AssertionError("no tab " + id);
        }
        AppHarness.await(id + " selected", () -> found[0].isSelected());
    }

    private void awaitPedagogy() throws Exception {
        AppHarness.await("the pedagogical file", () -> robot.exists("#coursesTableBusy")
                && !robot.lookup("#coursesTableBusy").query().isVisible()
                && !robot.lookup("#studentSelector").query().isDisabled());
    }

    /** Picks, in the selector, the first student whose {@code table} has rows. */
    private void selectStudentWith(String table) throws Exception {
        ComboBox<?> selector = robot.lookup("#studentSelector").queryAs(ComboBox.class);
        TableView<?> rows = robot.from(robot.stage.getScene().getRoot()).lookup(table).queryAs(TableView.class);
        if (!rows.getItems().isEmpty()) {
            return;
        }
        for (int i = 0; i < selector.getItems().size(); i++) {
            int index = i;
            robot.interact(() -> selector.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            awaitPedagogy();
            if (!rows.getItems().isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no F0001 student with rows in " + table);
    }
}
