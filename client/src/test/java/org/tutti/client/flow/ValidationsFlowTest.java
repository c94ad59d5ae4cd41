package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;
import org.tutti.schema.H2Urls;

/**
 * Validations on the seeded embedded demo as ACCUEIL at Bellerive: the list is the site's
 * pending requests; accepting writes the row; rejecting with a comment sends the family a mail
 * (demo mailbox); a row changed since the request is a conflict that "Accepter quand même"
 * resolves; F5 reloads. The requests acted on are recorded by the test (as {@code submit_changes} would),
 * so that it knows their values; the seeded ones are listed too.
 */
class ValidationsFlowTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    @Test
    void acceptRejectAndConflictFromTheValidationsScreen() throws Exception {
        DemoData.copyInto(dataFolder);
        long[] families = belleriveFamilies(3);
        long accepted = request(families[0], "address1", "5 rue des Lilas");
        long rejected = request(families[1], "city", "Marseille");
        long conflicting = request(families[2], "phone_mobile", "06 11 22 33 44");
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navValidations"));
        assertThat(lookup("#mainUser").queryAs(Label.class).getText()).as("the header names the desk once")
                .isEqualTo("Accueil — Nathalie Roux");

        clickOn("#navValidations");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationsList")
                && fieldKeys().contains("C" + conflicting));
        assertThat(fieldKeys()).as("the site's pending requests, as in the database")
                .containsExactlyInAnyOrderElementsOf(pendingInDatabase("BELLERIVE"));
        assertThat(fieldText(accepted)).startsWith("Adresse : ").endsWith(" → 5 rue des Lilas");

        // accept one
        select("C" + accepted);
        clickOn("#validationAccept");
        awaitStatus("1 modification acceptée.");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !fieldKeys().contains("C" + accepted));
        assertThat(value("family", "address1", families[0])).isEqualTo("5 rue des Lilas");

        // reject another, with a comment: the family gets a mail
        select("C" + rejected);
        interact(() -> lookup("#validationComment").queryAs(TextArea.class).setText("Justificatif manquant"));
        clickOn("#validationReject");
        awaitStatus("1 modification refusée.");
        // the status comes first, then the list reloads in the background
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !fieldKeys().contains("C" + rejected));
        assertThat(value("change_request", "status", rejected)).isEqualTo("REJECTED");
        String email = value("family", "email", families[1]);
        String subject = rejectionSubject(email);
        clickOn("#navDemoMailbox");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#demoMailTable")
                && mailbox().getItems().stream().anyMatch(m -> m.recipient().equals(email) && m.subject().equals(subject)));
        interact(() -> lookup("#demoMailbox").query().getScene().getWindow().hide());

        // conflict: the row changed since the request
        update("update tutti.family set phone_mobile = '07 99 88 77 66', version = version + 1 where id = ?", families[2]);
        select("C" + conflicting);
        clickOn("#validationAccept");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationConflictDialog"));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = lookup("#validationConflictDialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("06 11 22 33 44").contains("07 99 88 77 66");
        assertThat(value("family", "phone_mobile", families[2])).as("nothing overwritten yet").isEqualTo("07 99 88 77 66");
        Button force = (Button) dialog.lookup("#validationConflictForce");
        assertThat(force.getText().replace("_", "")).isEqualTo("Accepter quand même");
        clickOn(force);
        awaitStatus("1 modification acceptée.");
        assertThat(value("family", "phone_mobile", families[2])).isEqualTo("06 11 22 33 44");
        assertThat(fieldKeys()).doesNotContain("C" + conflicting);

        // a request arriving while the screen is shown: F5 brings it (the key goes to the list's focus owner:
        // headless Monocle routes the robot's keys unreliably)
        long arriving = request(belleriveFamilies(1)[0], "city", "Villeurbanne");
        assertThat(fieldKeys()).doesNotContain("C" + arriving);
        interact(() -> javafx.event.Event.fireEvent(tree(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.F5, false, false, false, false)));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fieldKeys().contains("C" + arriving));
    }

    // ------------------------------------------------------------------------------ helpers

    private TreeView<Entry> tree() {
        return lookup("#validationsList").query();
    }

    /** The keys of the field entries shown ("C" + request id). */
    private List<String> fieldKeys() {
        List<String> keys = new ArrayList<>();
        collect(tree().getRoot(), keys, new ArrayList<>());
        return keys;
    }

    private String fieldText(long requestId) {
        List<String> texts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        collect(tree().getRoot(), keys, texts);
        return texts.get(keys.indexOf("C" + requestId));
    }

    private static void collect(TreeItem<Entry> item, List<String> keys, List<String> texts) {
        if (item.getValue() != null && item.getValue().key().startsWith("C")) {
            keys.add(item.getValue().key());
            texts.add(item.getValue().text());
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            collect(child, keys, texts);
        }
    }

    private void select(String key) {
        interact(() -> {
            TreeView<Entry> tree = tree();
            tree.requestFocus();
            tree.getSelectionModel().select(find(tree.getRoot(), key));
        });
        assertThat(lookup("#validationAccept").queryAs(Button.class).isDisabled()).isFalse();
    }

    private static TreeItem<Entry> find(TreeItem<Entry> item, String key) {
        if (item.getValue() != null && item.getValue().key().equals(key)) {
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

    private void awaitStatus(String text) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> text.equals(lookup("#validationStatus").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<MailRow> mailbox() {
        return lookup("#demoMailTable").query();
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(H2Urls.file(dataFolder.resolve("db").resolve("tutti")), "sa", "");
    }

    private long[] belleriveFamilies(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(
                "select f.id from tutti.family f join tutti.site s on s.id = f.site_id where s.code = 'BELLERIVE'"
                        + " and f.email is not null and not exists (select 1 from tutti.change_request r"
                        + " where r.family_id = f.id and r.status = 'PENDING') order by f.id desc");
                ResultSet rs = p.executeQuery()) {
            while (rs.next() && ids.size() < count) {
                ids.add(rs.getLong(1));
            }
        }
        assertThat(ids).hasSize(count);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Records a PENDING request on a family field as submit_changes does (old value, version); returns its id. */
    private long request(long familyId, String field, String newValue) throws Exception {
        try (Connection c = database()) {
            try (PreparedStatement p = c.prepareStatement("insert into tutti.change_request (family_id, target, target_id,"
                    + " field_name, old_value, new_value, target_version, status, submitted_by, submitted_at, version)"
                    + " select f.id, 'FAMILY', f.id, ?, f." + field + ", ?, f.version, 'PENDING',"
                    + " (select min(a.id) from tutti.account a where a.family_id = f.id), current_timestamp, 0"
                    + " from tutti.family f where f.id = ?")) {
                p.setString(1, field);
                p.setString(2, newValue);
                p.setLong(3, familyId);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement p = c.prepareStatement("select max(id) from tutti.change_request where family_id = ?")) {
                p.setLong(1, familyId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private List<String> pendingInDatabase(String site) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = database(); PreparedStatement p = c.prepareStatement("select r.id from tutti.change_request r"
                + " join tutti.family f on f.id = r.family_id join tutti.site s on s.id = f.site_id"
                + " where r.status = 'PENDING' and s.code = ?")) {
            p.setString(1, site);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add("C" + rs.getLong(1));
                }
            }
        }
        return keys;
    }

    private String value(String table, String column, long id) throws Exception {
        try (Connection c = database();
                PreparedStatement p = c.prepareStatement("select " + column + " from tutti." + table + " where id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private String rejectionSubject(String email) throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement("select subject, body_text from"
                + " tutti.mail_outbox where kind = 'CHANGE_REJECTED' and recipient = ? order by id desc")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).as("a CHANGE_REJECTED mail queued to " + email).isTrue();
                assertThat(rs.getString(2)).contains("Justificatif manquant");
                return rs.getString(1);
            }
        }
    }

    private void update(String sql, long id) throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }
}
