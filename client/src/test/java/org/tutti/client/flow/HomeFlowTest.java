package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StudentSummary;
import org.tutti.schema.H2Urls;

/**
 * Accueil on the seeded embedded demo. The front desk (ACCUEIL) sees the day's work, as the
 * database holds it, with a link that opens Validations; after a decision Accueil counts it. A
 * family (F0001) opens a course line's follow-up window with Enter or a double-click, as in
 * Élèves › Cours; Escape closes it and gives the focus back to the line. "Échap ferme la
 * fenêtre" is said only in windows that Escape closes, never on the main window's pages.
 */
class HomeFlowTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void theFrontDeskSeesTheDaysWorkAndReachesValidationsFromIt() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the staff home", () -> exists("#homePendingChanges") && !label("#homePendingChanges").isEmpty());

        long waiting = count("select count(*) from tutti.change_request r join tutti.family f on f.id = r.family_id"
                + " join tutti.site s on s.id = f.site_id where r.status = 'PENDING' and s.code = 'BELLERIVE'");
        assertThat(waiting).as("changes wait at Bellerive in the demo").isGreaterThan(1);
        assertThat(label("#homePendingChanges")).isEqualTo(waiting + " modifications attendent une validation.");
        String oldest = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(oldestPending().atZone(ZoneId.systemDefault()));
        assertThat(label("#homeOldestChange")).isEqualTo("La plus ancienne a été envoyée le " + oldest + ".");
        assertThat(label("#homeDecidedToday")).isEqualTo("Aucune décision prise aujourd’hui.");
        assertNoEscapeHintOnTheMainWindow("staff Accueil");

        // the link, by keyboard: Validations opens
        Hyperlink link = lookup("#homeOpenValidations").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("_Ouvrir les validations");
        assertThat(link.isFocusTraversable()).isTrue();
        interact(() -> {
            stage.requestFocus();
            link.requestFocus();
        });
        type(KeyCode.SPACE);
        await("Validations", () -> exists("#validationsList")
                && lookup("#validationsList").queryAs(TreeView.class).getExpandedItemCount() > 0);
        assertThat(lookup("#homePendingChanges").tryQuery()).as("Accueil left").isEmpty();

        // one decision, then Accueil again: counted
        interact(() -> {
            TreeView<?> tree = lookup("#validationsList").queryAs(TreeView.class);
            tree.requestFocus();
            tree.getSelectionModel().select(1);
        });
        clickOn("#validationAccept");
        await("the decision", () -> "1 modification acceptée.".equals(label("#validationStatus")));
        clickOn("#navHome");
        await("Accueil again", () -> exists("#homeDecidedToday")
                && "1 décision prise aujourd’hui.".equals(label("#homeDecidedToday")));
        assertThat(label("#homePendingChanges")).isEqualTo((waiting - 1) + " modifications attendent une validation.");
    }

    @Test
    void aFamilyOpensACourseFromAccueilAndSeesNoFalseHint() throws Exception {
        FamilyHome home = DemoData.f0001();
        StudentSummary student = home.students().stream().filter(s -> s.currentCourses().size() >= 2).findFirst()
                .orElseThrow(() -> new AssertionError("a student of F0001 with two courses in the demo"));
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        String tableId = "#homeCourses-" + student.id();
        await("the home screen", () -> exists(tableId));
        TableView<?> courses = lookup(tableId).queryAs(TableView.class);
        assertNoEscapeHintOnTheMainWindow("family Accueil");
        assertThat(label("#homeCoursesHint")).doesNotContain("Échap").contains("Entrée");

        // Enter on the first line: its follow-up window
        CourseSummary first = student.currentCourses().get(0);
        Set<Window> before = showingWindows();
        interact(() -> {
            stage.requestFocus();
            courses.requestFocus();
            courses.getSelectionModel().clearAndSelect(0);
            courses.getFocusModel().focus(0);
        });
        type(KeyCode.ENTER);
        Stage window = awaitWindow("courseWindow", before);
        assertThat(window.getOwner()).isSameAs(stage);
        Parent root = window.getScene().getRoot();
        await("the sheet read", () -> first.classLabel().equals(text(root, "#courseClass")));
        assertThat(text(root, "#courseDiscipline")).isEqualTo(first.discipline());
        assertThat(text(root, "#courseYear")).isEqualTo(home.schoolYear());
        assertThat(window.getTitle()).contains(first.classLabel());
        clickOn(from(root).lookup("#tabEvaluations").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hints(root)).as("the window's hints (Escape closes it)")
                .anyMatch(t -> t.contains("Échap ferme la fenêtre"));
        // Enter again: the same window, not a second one
        interact(() -> {
            stage.requestFocus();
            courses.requestFocus();
        });
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && "courseWindow".equals(w.getScene().getRoot().getId())).count()).isEqualTo(1);
        // Escape closes it; the focus is back on the line
        interact(window::requestFocus);
        type(KeyCode.ESCAPE);
        await("the window closed by Escape", () -> !window.isShowing());
        await("the focus back on the line", () -> courses.getScene().getFocusOwner() == courses
                && courses.getSelectionModel().getSelectedIndex() == 0);

        // a double-click on the second line
        CourseSummary second = student.currentCourses().get(1);
        before = showingWindows();
        doubleClickOn(row(courses, 1));
        Stage other = awaitWindow("courseWindow", before);
        Parent otherRoot = other.getScene().getRoot();
        await("the second sheet read", () -> second.classLabel().equals(text(otherRoot, "#courseClass")));

        // leaving Accueil closes it; Élèves' pages say no more than Accueil's
        clickOn("#navStudents");
        await("Élèves", () -> exists("#coursesTable"));
        assertThat(other.isShowing()).as("the course window closes with the page it came from").isFalse();
        assertNoEscapeHintOnTheMainWindow("Élèves");
    }

    // ------------------------------------------------------------------------------ helpers

    /** No text on the main window's page promises that Escape closes something. */
    private void assertNoEscapeHintOnTheMainWindow(String page) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hints(stage.getScene().getRoot())).as(page + ": texts of the main window")
                .noneMatch(t -> t.contains("Échap"));
    }

    /** Every shown label's text under {@code root}. */
    private List<String> hints(Parent root) {
        List<String> texts = new java.util.ArrayList<>();
        interact(() -> collect(root, texts));
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private String label(String query) {
        return lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private String text(Parent root, String id) {
        return from(root).lookup(id).queryAs(TextInputControl.class).getText();
    }

    private TableRow<?> row(TableView<?> table, int index) {
        return from(table).lookup(".table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.isVisible() && !r.isEmpty() && r.getIndex() == index)
                .findFirst().orElseThrow(() -> new AssertionError(table.getId() + " shows no row " + index));
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
    }

    private long count(String sql) throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.time.Instant oldestPending() throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement("select min(r.submitted_at)"
                + " from tutti.change_request r join tutti.family f on f.id = r.family_id join tutti.site s"
                + " on s.id = f.site_id where r.status = 'PENDING' and s.code = 'BELLERIVE'");
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
