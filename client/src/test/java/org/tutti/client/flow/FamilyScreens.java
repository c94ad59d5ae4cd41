package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;
import org.tutti.schema.H2Urls;

/** Starting the demo as F0001 and working the Famille and Élèves screens, for the flow tests. */
abstract class FamilyScreens extends AppHarness {

    static final String UPDATED =
            "Votre fiche d'identité a été mise à jour. Un accusé de réception vous a été envoyé par e-mail.";

    static final String F0001_REQUESTS = "select count(*) from tutti.change_request c"
            + " join tutti.family f on f.id = c.family_id where f.identifier = 'F0001'";
    static final String ACKS = "select count(*) from tutti.mail_outbox where kind = 'CHANGE_ACK'";

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    void startAndLogIn() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("F0001", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#homeFamilyName"));
    }

    void openFamily() throws Exception {
        clickOn("#navFamily");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#familyAddress1")
                && !lookup("#familyAddress1").query().isDisabled() && !text("#familyLastName").isEmpty());
    }

    // ------------------------------------------------------------------------------ helpers

    java.util.List<String> navOrder() {
        return lookup(".nav-button").queryAll().stream().map(Node::getId).toList();
    }

    void replaceText(String query, String text) {
        TextField field = lookup(query).queryAs(TextField.class);
        interact(() -> {
            stage.requestFocus();
            field.requestFocus();
            field.selectAll();
        });
        write(text);
    }

    /** Scrolls the button into view (the form is taller than the window), then clicks it. */
    void press(String query) {
        Node button = lookup(query).query();
        interact(() -> {
            for (Node n = button.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane pane) {
                    pane.setVvalue(pane.getVmax());
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(button);
    }

    boolean isPending(String query) {
        Node node = lookup(query).query();
        return node.getStyleClass().contains("pending") && lookup(query + "Pending").query().isVisible();
    }

    String text(String query) {
        return lookup(query).queryAs(TextField.class).getText();
    }

    String errorText(String query) {
        Label label = lookup(query).queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    DialogPane awaitDialog(String query) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists(query));
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(query).queryAs(DialogPane.class);
    }

    String messageText() throws Exception {
        return awaitDialog("#messageDialog").getContentText();
    }

    void clickOk() throws Exception {
        DialogPane message = awaitDialog("#messageDialog");
        for (ButtonType type : message.getButtonTypes()) {
            Button button = (Button) message.lookupButton(type);
            if (button.getText().equals("OK")) {
                clickOn(button);
            }
        }
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !exists("#messageDialog"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    TableView<MailRow> mailbox() {
        return lookup("#demoMailTable").query();
    }

    Connection database() throws Exception {
        return DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
    }

    long count(String sql) throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String value(String sql) throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** Validations (staff): its tree of pending requests. */
    TreeView<Entry> tree() {
        return lookup("#validationsList").query();
    }

    /** The tree's item of {@code key} ("C" + a request id, "F" + a family…), null when it is not listed. */
    TreeItem<Entry> item(String key) {
        return find(tree().getRoot(), key);
    }

    private static TreeItem<Entry> find(TreeItem<Entry> item, String key) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && key.equals(item.getValue().key())) {
            return item;
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            TreeItem<Entry> found = find(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
