package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.common.ThemeManager;

/**
 * Issue 15 — keyboard-first: the main flows done with the keyboard alone, in the accessibility
 * mode, on the embedded demo. Only key presses drive the application (the robot's type, press
 * and write); {@code interact} only reads what is shown. What the user sees and what lands in the
 * database are checked.
 *
 * <p>Keys used (for the documentation). Family: on the login window Ctrl+5 (the mode), the
 * identifier, Tab, the password, Enter; Ctrl+3 (Élèves: the focus on its first control), Tab to
 * the tabs, Right (Cours), Tab (the list), Enter (the course's window), Ctrl+Tab (Évaluations),
 * Tab (the list), Enter (the evaluation), Escape, Escape (the focus back on the course's row);
 * Ctrl+2 (Famille: the focus on Civilité), Alt+H (Téléphone portable), Ctrl+A and the number,
 * Ctrl+S (send), Enter (OK on the confirmation); Ctrl+4 (Facturation: the focus on the
 * invoices), Enter (the PDF viewer), Escape (the focus back on the invoice); Ctrl+Shift+Q.
 * Front desk: Ctrl+5, the identifier, Tab, the password, Enter; Ctrl+7 (Validations: the focus
 * on the list), Down, Down (a family's first change), Alt+R (Accepter).
 */
class KeyboardWalkThroughTest extends FamilyScreens {

    @Test
    void aFamilyReadsAnEvaluationChangesItsMobileAndOpensAnInvoiceWithTheKeyboardOnly() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        await("the focus in the identifier", () -> focusId().equals("loginIdentifier"));

        // the mode, from the login window
        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        await("the mode on", () -> rootClasses(stage.getScene()).contains(ThemeManager.ACCESSIBLE_CLASS));
        write("F0001");
        type(KeyCode.TAB);
        write("bellerive");
        type(KeyCode.ENTER);
        await("Accueil", () -> exists("#homeFamilyName"));
        await("Accueil's first control focused", () -> focusInside(".module-host"));

        // Élèves › Cours: a course, its evaluations
        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        await("Élèves", () -> exists("#coursesTable") && !lookup("#coursesTableBusy").query().isVisible()
                && !lookup("#coursesTable").queryAs(TableView.class).getItems().isEmpty());
        // the first control: the student selector, or the tabs while the selector waits for the list
        await("Élèves' first control focused", () -> focusId().equals("studentSelector") || focusId().equals("studentTabs"));
        if (focusId().equals("studentSelector")) {
            type(KeyCode.TAB);
        }
        await("the tabs", () -> focusId().equals("studentTabs"));
        type(KeyCode.RIGHT);
        await("Cours selected", () -> lookup("#coursesTable").query().isVisible());
        type(KeyCode.TAB);
        await("the courses table", () -> focusId().equals("coursesTable"));
        TableView<?> courses = lookup("#coursesTable").queryAs(TableView.class);
        Set<Window> before = showingWindows();
        type(KeyCode.ENTER);
        Stage course = awaitWindow("courseWindow", before);
        await("the course read", () -> !course.getScene().lookup("#courseBusy").isVisible());
        push(KeyCode.CONTROL, KeyCode.TAB);
        await("Évaluations", () -> course.getScene().lookup("#evaluationsTable") != null
                && course.getScene().lookup("#evaluationsTable").isVisible());
        TableView<?> evaluations = (TableView<?>) course.getScene().lookup("#evaluationsTable");
        assertThat(evaluations.getItems()).as("the demo course has evaluations").isNotEmpty();
        type(KeyCode.TAB);
        await("the evaluations table", () -> course.getScene().getFocusOwner() == evaluations);
        Set<Window> withCourse = showingWindows();
        type(KeyCode.ENTER);
        Stage evaluation = awaitWindow("detailWindow", withCourse);
        await("the evaluation's appreciation shown", () -> evaluation.getScene().getRoot().lookupAll(".text-input")
                .stream().anyMatch(n -> n instanceof javafx.scene.control.TextInputControl t && t.getText().length() > 20));
        type(KeyCode.ESCAPE);
        await("the evaluation closed", () -> !evaluation.isShowing());
        type(KeyCode.ESCAPE);
        await("the course closed", () -> !course.isShowing());
        await("the focus back on the course row", () -> stage.getScene().getFocusOwner() == courses
                && courses.getSelectionModel().getSelectedIndex() == 0);

        // Famille: the mobile phone, sent with Ctrl+S
        long requests = count(F0001_REQUESTS);
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        await("Famille", () -> exists("#familyPhoneMobile") && !lookup("#familyPhoneMobile").query().isDisabled());
        await("Famille's first field focused", () -> focusInside("#familyRoot"));
        push(KeyCode.ALT, KeyCode.H);
        await("Téléphone portable focused (Alt+H)", () -> focusId().equals("familyPhoneMobile"));
        push(KeyCode.CONTROL, KeyCode.A);
        write("0611223344");
        push(KeyCode.CONTROL, KeyCode.S);
        await("the confirmation", () -> exists("#messageDialog"));
        assertThat(messageText()).isEqualTo(UPDATED);
        type(KeyCode.ENTER);
        await("the confirmation closed", () -> !exists("#messageDialog"));
        assertThat(count(F0001_REQUESTS)).isEqualTo(requests + 1);
        assertThat(value("select c.new_value from tutti.change_request c join tutti.family f on f.id = c.family_id"
                + " where f.identifier = 'F0001' and c.field_name = 'phone_mobile' and c.status = 'PENDING'"))
                .isEqualTo("06 11 22 33 44");
        await("the pending marker", () -> isPending("#familyPhoneMobile"));

        // Facturation: an invoice in the PDF viewer
        push(KeyCode.CONTROL, KeyCode.DIGIT4);
        await("Facturation", () -> exists("#feeInvoicesTable") && !lookup("#billingLoading").query().isVisible()
                && !lookup("#feeInvoicesTable").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> invoices = lookup("#feeInvoicesTable").queryAs(TableView.class);
        await("the invoices focused", () -> stage.getScene().getFocusOwner() == invoices);
        Set<Window> beforeViewer = showingWindows();
        type(KeyCode.ENTER);
        Stage viewer = awaitWindow("pdfViewer", beforeViewer);
        await("page 1 drawn", () -> viewer.getScene().lookup("#pdfPage") instanceof ImageView page
                && page.getImage() != null);
        assertThat(((Label) viewer.getScene().lookup("#pdfPageCounter")).getText()).startsWith("Page 1 ");
        type(KeyCode.ESCAPE);
        await("the viewer closed", () -> !viewer.isShowing());
        await("the focus back on the invoice", () -> stage.getScene().getFocusOwner() == invoices);

        // Déconnexion: the login window, still in the mode
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q);
        await("the login window", () -> exists("#loginSubmit"));
        assertThat(rootClasses(stage.getScene())).contains(ThemeManager.ACCESSIBLE_CLASS);
    }

    @Test
    void theFrontDeskAcceptsAChangeWithTheKeyboardOnly() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        await("the focus in the identifier", () -> focusId().equals("loginIdentifier"));
        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        write("ACCUEIL");
        type(KeyCode.TAB);
        write("bellerive");
        type(KeyCode.ENTER);
        await("Accueil", () -> exists("#navValidations"));
        assertThat(rootClasses(stage.getScene())).contains(ThemeManager.ACCESSIBLE_CLASS);

        push(KeyCode.CONTROL, KeyCode.DIGIT7);
        TreeView<?> tree = lookup("#validationsList").queryAs(TreeView.class);
        await("the list", () -> exists("#validationsList") && !tree.getRoot().getChildren().isEmpty());
        await("the list focused", () -> stage.getScene().getFocusOwner() == tree);
        // the first family, then its first change
        type(KeyCode.DOWN);
        type(KeyCode.DOWN);
        await("a change selected", () -> tree.getSelectionModel().getSelectedItem() != null
                && ((org.tutti.client.ui.staff.ValidationsViewModel.Entry) tree.getSelectionModel().getSelectedItem()
                        .getValue()).kind() == org.tutti.client.ui.staff.ValidationsViewModel.Kind.FIELD);
        String key = ((org.tutti.client.ui.staff.ValidationsViewModel.Entry) tree.getSelectionModel()
                .getSelectedItem().getValue()).key();
        long request = Long.parseLong(key.substring(1));
        push(KeyCode.ALT, KeyCode.R);
        await("the status", () -> "1 modification acceptée.".equals(lookup("#validationStatus").queryAs(Label.class).getText()));
        assertThat(value("select status from tutti.change_request where id = " + request)).isEqualTo("ACCEPTED");
    }

    // ------------------------------------------------------------------------------ helpers

    private String focusId() {
        Node owner = focusOwner();
        return owner == null || owner.getId() == null ? "" : owner.getId();
    }

    private Node focusOwner() {
        Window focused = listWindows().stream().filter(Window::isFocused).findFirst().orElse(stage);
        return focused.getScene() == null ? null : focused.getScene().getFocusOwner();
    }

    private boolean focusIs(Predicate<Node> test) {
        Node owner = focusOwner();
        return owner != null && test.test(owner);
    }

    private boolean focusInside(String query) {
        Node container = lookup(query).query();
        for (Node n = stage.getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        System.out.println("focus owner: " + stage.getScene().getFocusOwner());
        return false;
    }

    private static java.util.List<String> rootClasses(Scene scene) {
        return scene.getRoot().getStyleClass();
    }
}
