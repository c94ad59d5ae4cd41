package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12, forms and what the family learns in the app, on the real embedded demo as F0001:
 * Modifier in view at 1280×900 and saying why it is disabled, the focus back in the form after the
 * message, a strict birth date, a too-long value stopped at its column's length, a refused change
 * shown until "OK, vu", and a pending value replaced by the other parent's computer (a second
 * session of the family through the SQL API) named on the next refresh and the next submit.
 */
class FormFeedbackFlowTest extends FamilyScreens {

    private static final String UNCHANGED =
            "Modifier est inactif : vous n’avez rien changé. Corrigez un champ pour pouvoir l’envoyer.";

    private void windowSize(double width, double height) {
        interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Bounds inScene(String query) {
        Node node = lookup(query).query();
        return node.localToScene(node.getBoundsInLocal());
    }

    private String focusOwnerId() {
        Node owner = stage.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    @Test
    void modifierStaysInViewSaysWhyItIsDisabledAndTheFocusComesBackToTheForm() throws Exception {
        startAndLogIn();
        windowSize(1280, 900);
        openFamily();

        Button modify = lookup("#familyModify").queryAs(Button.class);
        double sceneHeight = stage.getScene().getHeight();
        assertThat(inScene("#familyModify").getMaxY()).as("Modifier below the fold").isLessThanOrEqualTo(sceneHeight);
        assertThat(inScene("#familyModify").getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(modify.isDisabled()).isTrue();
        Label reason = lookup("#familyModifyReason").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).isEqualTo(UNCHANGED);
        assertThat(modify.getAccessibleHelp()).isEqualTo(UNCHANGED);
        assertThat(modify.getWidth()).as("Modifier's text not cut beside the reason")
                .isGreaterThanOrEqualTo(modify.prefWidth(-1) - 0.5);
        snapshot("famille-1280x900");

        // the headless screen is 1280×800: the rest at the main window's default size, still in view
        windowSize(1180, 760);
        replaceText("#familyCity", "Nérac");
        assertThat(reason.isVisible()).as("enabled: no reason").isFalse();
        assertThat(inScene("#familyModify").getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight());
        clickOn("#familyModify");
        assertThat(messageText()).isEqualTo(UPDATED);
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> isPending("#familyCity"));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> "familyCity".equals(focusOwnerId()));
        assertThat(reason.getText()).startsWith("Modifier est inactif : rien n’a changé depuis votre dernier envoi");
    }

    @Test
    void aBirthDateIsParsedStrictlyAndAnImpossibleOneIsNeitherCorrectedNorEmptiedNorSent() throws Exception {
        startAndLogIn();
        clickOn("#navStudents");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#studentBirthDate")
                && lookup("#studentBirthDate").queryAs(DatePicker.class).getValue() != null
                && !lookup("#studentBirthDate").query().isDisabled());
        DatePicker picker = lookup("#studentBirthDate").queryAs(DatePicker.class);
        long requestsBefore = count("select count(*) from tutti.change_request");

        for (String impossible : new String[] {"31/02/2015", "32/13/2015"}) {
            interact(() -> {
                stage.requestFocus();
                picker.getEditor().requestFocus();
                picker.getEditor().selectAll();
            });
            write(impossible);
            press("#studentModify"); // the picker loses the focus: its own commit runs
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(errorText("#studentBirthDateError")).as(impossible).isEqualTo("Date invalide (format jj/mm/aaaa).");
            assertThat(picker.getEditor().getText()).as(impossible).isEqualTo(impossible);
            assertThat(exists("#messageDialog")).isFalse();
            assertThat(count("select count(*) from tutti.change_request")).isEqualTo(requestsBefore);

            // the calendar opened on it and closed by Escape without a choice keeps the typed text
            interact(picker::show);
            WaitForAsyncUtils.waitForFxEvents();
            press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(picker.isShowing()).isFalse();
            assertThat(picker.getEditor().getText()).as(impossible + " after the calendar").isEqualTo(impossible);
            press("#studentModify");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(errorText("#studentBirthDateError")).as(impossible + " after the calendar")
                    .isEqualTo("Date invalide (format jj/mm/aaaa).");
            assertThat(count("select count(*) from tutti.change_request")).isEqualTo(requestsBefore);
        }
    }

    @Test
    void aTextFieldStopsAtItsColumnsLengthAndDropsInvisibleFormatCharacters() throws Exception {
        startAndLogIn();
        openFamily();
        TextField city = lookup("#familyCity").queryAs(TextField.class);
        interact(() -> {
            stage.requestFocus();
            city.requestFocus();
            city.selectAll();
            city.replaceSelection("x".repeat(100)); // a paste
        });
        assertThat(city.getText()).hasSize(80);
        write("yz");
        assertThat(city.getText()).isEqualTo("x".repeat(80));
        interact(() -> {
            city.selectAll();
            city.replaceSelection("\u2067Agen \u202eXY\u200b ZTN\u2069");
        });
        assertThat(city.getText()).isEqualTo("Agen XY ZTN");
    }

    @Test
    void aRefusedChangeIsShownWithTheStaffsCommentUntilTheFamilySaysOkVu() throws Exception {
        startAndLogIn();
        long request = recordRefusedCityChange("Nérac", "Justificatif de domicile manquant");
        openFamily();

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#familyRefused").query().isVisible());
        Label refused = lookup("#familyRefused .refused-text").queryAs(Label.class);
        assertThat(refused.getText())
                .isEqualTo("Modification refusée — Ville : « Nérac ». Motif : Justificatif de domicile manquant");

        clickOn("#navHome");
        openFamily();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> lookup("#familyRefused").query().isVisible());
        assertThat(lookup("#familyRefusedSeen0").queryAs(Button.class).getText()).isEqualTo("OK, _vu");

        clickOn("#familyRefusedSeen0");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !lookup("#familyRefused").query().isVisible());
        assertThat(count("select count(*) from tutti.change_request where id = " + request + " and seen_at is not null"))
                .isOne();
        clickOn("#navHome");
        openFamily();
        assertThat(lookup("#familyRefused").query().isVisible()).as("seen: no longer shown").isFalse();
    }

    @Test
    void aPendingValueTheOtherParentsComputerReplacedIsNamedOnRefreshAndOnSubmit() throws Exception {
        startAndLogIn();
        openFamily();
        replaceText("#familyCity", "Nérac");
        press("#familyModify");
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> isPending("#familyCity"));

        // the refresh: another session of F0001 replaces the pending city while the screen is left
        clickOn("#navHome");
        submitFromAnotherComputer("{\"city\": \"Villeneuve-sur-Lot\"}");
        openFamily();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !errorText("#familyNotice").isEmpty());
        assertThat(errorText("#familyNotice")).contains("Ville (désormais en attente : « Villeneuve-sur-Lot »)");
        assertThat(text("#familyCity")).isEqualTo("Villeneuve-sur-Lot");

        // the submit: replaced again while the screen shows the previous one; the typed value is kept
        submitFromAnotherComputer("{\"city\": \"Agen\"}");
        long requestsBefore = count(F0001_REQUESTS);
        long acksBefore = count(ACKS);
        replaceText("#familyCity", "Marmande");
        press("#familyModify");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> errorText("#familyNotice").contains("Ville (désormais en attente : « Agen »)"));
        assertThat(exists("#messageDialog")).isFalse();
        assertThat(count(F0001_REQUESTS)).isEqualTo(requestsBefore);
        assertThat(count(ACKS)).isEqualTo(acksBefore);
        assertThat(text("#familyCity")).isEqualTo("Marmande");

        // knowing it, the parent sends the value on purpose
        press("#familyModify");
        assertThat(messageText()).isEqualTo(UPDATED);
        clickOk();
        assertThat(value("select c.new_value from tutti.change_request c join tutti.family f on f.id = c.family_id"
                + " where f.identifier = 'F0001' and c.field_name = 'city' and c.status = 'PENDING'")).isEqualTo("Marmande");
    }

    @Test
    void theValueAlreadyPendingSpelledOtherwiseIsNothingToSendAndModifierSaysWhy() throws Exception {
        startAndLogIn();
        openFamily();
        replaceText("#familyPhoneMobile", "06 11 22 33 44");
        press("#familyModify");
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> isPending("#familyPhoneMobile"));

        replaceText("#familyPhoneMobile", "0611223344");
        write(" ");
        assertThat(lookup("#familyModify").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(errorText("#familyModifyReason"))
                .startsWith("Modifier est inactif : rien n’a changé depuis votre dernier envoi");
    }

    @Test
    void theIdentityFormKeepsEveryFieldVisibleWhenErrorTextsAppear() throws Exception {
        startAndLogIn();
        clickOn("#navStudents");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#studentBirthDate")
                && !lookup("#studentBirthDate").query().isDisabled() && !text("#studentLastName").isEmpty());
        replaceText("#studentLastName", " ");
        interact(() -> lookup("#studentLastName").queryAs(TextField.class).clear());
        replaceText("#studentFirstName", "");
        interact(() -> lookup("#studentFirstName").queryAs(TextField.class).clear());
        replaceText("#studentEmail", "lea@");
        replaceText("#studentPhoneMobile", "06 12");
        press("#studentModify");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errorText("#studentEmailError")).isNotEmpty();
        assertThat(errorText("#studentLastNameError")).isNotEmpty();

        // every field, label and message of the tab is whole, in the tab's visible area, and overlaps nothing else
        Node tabs = lookup("#studentTabs").query();
        Bounds content = tabs.localToScene(tabs.getBoundsInLocal());
        java.util.List<Node> parts = new java.util.ArrayList<>();
        for (String field : new String[] {"LastName", "FirstName", "Sex", "BirthDate", "Email", "PhoneMobile",
                "SchoolLevel"}) {
            parts.add(lookup("#student" + field).query());
            Node error = lookup("#student" + field + "Error").query();
            if (error.isVisible()) {
                parts.add(error);
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            Bounds a = parts.get(i).localToScene(parts.get(i).getBoundsInLocal());
            javafx.scene.layout.Region region = (javafx.scene.layout.Region) parts.get(i);
            assertThat(region.getHeight()).as(parts.get(i).getId() + " squeezed")
                    .isGreaterThanOrEqualTo(region.minHeight(region.getWidth()) - 0.5);
            assertThat(a.getMinY()).as(parts.get(i).getId() + " below the tab header").isGreaterThanOrEqualTo(content.getMinY());
            assertThat(a.getMaxY()).as(parts.get(i).getId() + " inside the tab").isLessThanOrEqualTo(content.getMaxY() + 0.5);
            for (int j = i + 1; j < parts.size(); j++) {
                Bounds b = parts.get(j).localToScene(parts.get(j).getBoundsInLocal());
                assertThat(a.getMaxY() <= b.getMinY() + 0.5 || b.getMaxY() <= a.getMinY() + 0.5)
                        .as(parts.get(i).getId() + " overlaps " + parts.get(j).getId()).isTrue();
            }
        }
        assertThat(inScene("#studentModify").getMaxY()).as("Modifier inside the tab").isLessThanOrEqualTo(content.getMaxY());
        Node header = lookup("#studentTabs .tab-header-area").query();
        Bounds headerBounds = header.localToScene(header.getBoundsInLocal());
        assertThat(inScene("#studentLastName").getMinY() - headerBounds.getMaxY()).as("room under the tab header")
                .isGreaterThanOrEqualTo(8);
        snapshot("identity-errors");
    }

    /** A picture of the window in target/ (to look at what a test saw). */
    private void snapshot(String name) {
        interact(() -> {
            javafx.scene.image.WritableImage image = stage.getScene().snapshot(null);
            try {
                java.nio.file.Path out = java.nio.file.Path.of("target", "form-" + name + ".png");
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    // ------------------------------------------------------------------------------ helpers

    /** A change of F0001's city that the staff refused with {@code comment}; its id. */
    private long recordRefusedCityChange(String value, String comment) throws Exception {
        try (Connection c = database()) {
            try (PreparedStatement p = c.prepareStatement("insert into tutti.change_request (family_id, target,"
                    + " target_id, field_name, old_value, new_value, target_version, status, submitted_by, submitted_at,"
                    + " decided_at, decision_comment)"
                    + " select f.id, 'FAMILY', f.id, 'city', f.city, ?, f.version, 'REJECTED', a.id,"
                    + " current_timestamp, current_timestamp, ? from tutti.family f join tutti.account a"
                    + " on a.family_id = f.id where f.identifier = 'F0001'")) {
                p.setString(1, value);
                p.setString(2, comment);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("select max(id) from tutti.change_request");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The other parent's computer: another session of F0001 that submits through the SQL API. */
    private void submitFromAnotherComputer(String json) throws Exception {
        try (Connection c = database()) {
            c.setAutoCommit(false);
            String token;
            try (PreparedStatement p = c.prepareStatement("select tutti.login('BELLERIVE', 'F0001', 'bellerive')");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                token = rs.getString(1);
            }
            c.commit();
            assertThat(token).isNotNull();
            try (PreparedStatement bind = c.prepareStatement("select set_config('tutti.session', ?, true)")) {
                bind.setString(1, token);
                bind.executeQuery().close();
            }
            try (PreparedStatement p = c.prepareStatement("select tutti.submit_changes('FAMILY', f.id, ?)"
                    + " from tutti.family f where f.identifier = 'F0001'")) {
                p.setString(1, json);
                p.executeQuery().close();
            }
            c.commit();
        }
    }
}
