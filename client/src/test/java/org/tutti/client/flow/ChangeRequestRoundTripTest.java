package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;

/**
 * The whole round trip on the embedded demo: F0001 changes two fields of Famille, ACCUEIL accepts
 * one and rejects the other with a comment in Validations, and F0001 then sees the accepted value
 * without marker, the old value back on the other, and the rejection mail in the demo mailbox.
 */
class ChangeRequestRoundTripTest extends FamilyScreens {

    private static final String NEW_ADDRESS2 = "Bâtiment B, escalier 2";
    private static final String NEW_CITY = "Bellerive-sur-Lac";
    private static final String COMMENT = "Merci de joindre un justificatif de domicile.";

    @Test
    void staffAcceptsOneFieldAndRejectsTheOtherAndTheFamilySeesBoth() throws Exception {
        startAndLogIn();
        openFamily();
        String oldCity = text("#familyCity");
        replaceText("#familyAddress2", NEW_ADDRESS2);
        replaceText("#familyCity", NEW_CITY);
        press("#familyModify");
        assertThat(messageText()).isEqualTo(UPDATED);
        clickOk();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> isPending("#familyCity"));
        long address2Request = requestId("address2");
        long cityRequest = requestId("city");

        // ACCUEIL decides
        logOut();
        logInByKeyboard("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navValidations"));
        assertThat(exists("#navFamily")).as("staff mode has no Famille").isFalse();
        clickOn("#navValidations");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationsList")
                && item("C" + cityRequest) != null && item("C" + address2Request) != null);
        select("C" + address2Request);
        press("#validationAccept");
        awaitDecision(address2Request, "ACCEPTED");
        // the list is reloaded after the decision: the accepted field leaves it, the other stays
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> item("C" + address2Request) == null
                && item("C" + cityRequest) != null);
        select("C" + cityRequest);
        TextArea comment = lookup("#validationComment").queryAs(TextArea.class);
        interact(() -> comment.setText(COMMENT));
        press("#validationReject");
        awaitDecision(cityRequest, "REJECTED");

        // F0001 sees the outcome
        logOut();
        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
        openFamily();
        assertThat(text("#familyAddress2")).isEqualTo(NEW_ADDRESS2);
        assertThat(isPending("#familyAddress2")).isFalse();
        assertThat(lookup("#familyAddress2").query().getStyleClass()).doesNotContain("pending");
        assertThat(text("#familyCity")).isEqualTo(oldCity);
        assertThat(isPending("#familyCity")).isFalse();
        assertThat(lookup("#familyCity").query().getStyleClass()).doesNotContain("pending");

        // the rejection, with the comment, in the demo mailbox
        String recipient = value("select m.recipient from tutti.mail_outbox m where m.kind = 'CHANGE_REJECTED'"
                + " order by m.id desc fetch first 1 rows only");
        assertThat(value("select m.body_text from tutti.mail_outbox m where m.kind = 'CHANGE_REJECTED'"
                + " order by m.id desc fetch first 1 rows only")).contains(COMMENT);
        clickOn("#navDemoMailbox");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable")
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(recipient)
                        && m.subject().toLowerCase(java.util.Locale.ROOT).contains("refus")));
    }

    /** Waits for the decision in the database; on time-out, says what the screen shows. */
    private void awaitDecision(long requestId, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.equals(status(requestId)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("request " + requestId + " is " + status(requestId) + "; status: "
                    + lookup("#validationStatus").queryAs(javafx.scene.control.Label.class).getText() + "; error: "
                    + lookup("#validationError").queryAs(javafx.scene.control.Label.class).getText()
                    + "; dialogs: " + lookup(".dialog-pane").queryAll().size(), e);
        }
    }

    private void logOut() throws Exception {
        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
    }

    private long requestId(String field) throws Exception {
        return Long.parseLong(value("select c.id from tutti.change_request c join tutti.family f on f.id = c.family_id"
                + " where f.identifier = 'F0001' and c.status = 'PENDING' and c.field_name = '" + field + "'"));
    }

    private String status(long requestId) {
        try {
            return value("select status from tutti.change_request where id = " + requestId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    private void select(String key) {
        interact(() -> {
            TreeItem<Entry> item = item(key);
            for (TreeItem<Entry> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree().requestFocus();
            tree().getSelectionModel().select(item);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#validationAccept").query().isDisabled()).isFalse();
    }
}
