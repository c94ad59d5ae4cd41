package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.service.PendingChange;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.FieldCatalogue;
import org.tutti.client.ui.common.ValidationEditor;
import org.tutti.client.ui.common.ValidationFormView;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;

/**
 * Issue 12, point 2: a field has one name on the Famille and Identité forms and in the staff
 * queue, and a value one format in the queue (the mails: FieldCatalogueSqlTest).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FieldNamesOnEverySurfaceTest {

    private ValidationFormView familyForm;
    private ValidationFormView studentForm;

    @Start
    void start(Stage stage) {
        French.use();
        familyForm = form(FamilyFile.FIELDS, "family");
        studentForm = form(StudentIdentity.FIELDS, "student");
        VBox root = new VBox(familyForm.nodes());
        root.getChildren().addAll(studentForm.nodes());
        stage.setScene(new Scene(root, 700, 900));
        stage.show();
    }

    private static ValidationFormView form(List<String> fields, String idPrefix) {
        ValidationEditor editor = new ValidationEditor(fields, BackgroundTasks.sameThread(),
                Failures.of("Test file", "form.error.unexpected"), "family.submitted");
        return new ValidationFormView(editor, idPrefix, Actions.FAMILY_MODIFY, () -> { }, "family.pendingMessage");
    }

    /** The text of the label bound to {@code field}'s control, as shown (mnemonic marker left out). */
    private static String shownLabel(FxRobot robot, ValidationFormView form, String field) {
        Control control = form.control(field);
        Label label = robot.lookup(".field-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getLabelFor() == control).findFirst().orElseThrow(() -> new AssertionError(field));
        assertThat(label.isMnemonicParsing()).isTrue();
        return label.getText().replace("_", "");
    }

    /** The staff queue's line for one pending change of {@code field}. */
    private static String queueLine(String field, String oldValue, String newValue) {
        PendingChange change = "FAMILY".equals(target(field))
                ? FakeStaffChanges.family(1, 12, "F0012", "Marie Dupont", field, oldValue, newValue, 0)
                : FakeStaffChanges.student(1, 12, "F0012", "Marie Dupont", 120, "Léa Dupont", field, oldValue,
                        newValue, 0);
        List<Entry> roots = ValidationsViewModel.group(List.of(change));
        Entry entry = roots.get(0).children().get(0);
        return "FAMILY".equals(target(field)) ? entry.text() : entry.children().get(0).text();
    }

    private static String target(String field) {
        return FamilyFile.FIELDS.contains(field) ? "FAMILY" : "STUDENT";
    }

    @Test
    void theFormsAndTheStaffQueueNameEveryFieldAlike(FxRobot robot) {
        List<String> fields = new ArrayList<>(FamilyFile.FIELDS);
        StudentIdentity.FIELDS.stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(FieldCatalogue.COLUMNS);
        for (String field : FamilyFile.FIELDS) {
            assertThat(queueLine(field, "a", "b")).as(field).startsWith(shownLabel(robot, familyForm, field) + " : ");
        }
        for (String field : StudentIdentity.FIELDS) {
            assertThat(queueLine(field, "a", "b")).as(field).startsWith(shownLabel(robot, studentForm, field) + " : ");
            if (FamilyFile.FIELDS.contains(field)) {
                assertThat(shownLabel(robot, studentForm, field)).isEqualTo(shownLabel(robot, familyForm, field));
            }
        }
        // the wording of the seed manual and of the issue
        assertThat(shownLabel(robot, familyForm, "phone_home")).isEqualTo("Téléphone fixe");
        assertThat(shownLabel(robot, familyForm, "phone_work")).isEqualTo("Téléphone travail");
        assertThat(shownLabel(robot, familyForm, "email")).isEqualTo("E-mail");
    }

    @Test
    void eachFormHasOneMnemonicPerField(FxRobot robot) {
        // issue 15: the letters of the main window's buttons (Accueil, Famille, Élèves, Facturation,
        // Accessibilité, Mot de passe, Boîte mail, Déconnexion, Aller au contenu, Modifier) are kept
        // for them; Famille's twelve fields share the ten letters left, so two pairs of fields share
        // one (Alt+letter then moves between the two, in turn). The student's form has one each.
        for (ValidationFormView form : List.of(familyForm, studentForm)) {
            java.util.Map<Character, Integer> letters = new java.util.HashMap<>();
            for (Label label : robot.lookup(".field-label").queryAllAs(Label.class)) {
                if (form.grid().getChildren().contains(label)) {
                    String text = label.getText();
                    assertThat(text).as("a letter for " + text).contains("_");
                    char letter = Character.toLowerCase(text.charAt(text.indexOf('_') + 1));
                    assertThat("abcdflmpsu".indexOf(letter)).as("a button's letter on " + text).isNegative();
                    letters.merge(letter, 1, Integer::sum);
                }
            }
            int shared = (int) letters.values().stream().filter(n -> n > 1).count();
            assertThat(letters.values()).as("letters of the form").allMatch(n -> n <= 2);
            assertThat(shared).as("letters shared in " + letters).isLessThanOrEqualTo(form == familyForm ? 2 : 0);
        }
    }

    @Test
    void theStaffQueueShowsValuesAsTheFormsDo() {
        assertThat(queueLine("birth_date", "2018-02-25", "2018-02-26"))
                .isEqualTo("Date de naissance : 25/02/2018 → 26/02/2018");
        assertThat(queueLine("phone_work", null, "0612345678"))
                .isEqualTo("Téléphone travail : (vide) → 06 12 34 56 78");
        assertThat(queueLine("civility", "M", "MME")).isEqualTo("Civilité : M. → Mme");
        assertThat(queueLine("sex", "M", "F")).isEqualTo("Sexe : Masculin → Féminin");
    }
}
