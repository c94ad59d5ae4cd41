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
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;
import org.tutti.client.ui.staff.ValidationsViewModel;
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

    /**
     * The queue as a receptionist works it: how many changes wait (and after a decision), the
     * rows lined up whatever order their cells are laid out in, the selected row still plainly
     * marked once the focus is on Accepter, and the family filter as one types.
     */
    @Test
    void countRowsInPlaceVisibleSelectionAndFamilyFilter() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navValidations"));
        clickOn("#navValidations");
        int waiting = pendingInDatabase("BELLERIVE").size();
        assertThat(waiting).as("the demo has changes waiting at Bellerive").isGreaterThan(3);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationsList")
                && fieldKeys().size() == waiting);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labelText("#validationsCount")).isEqualTo(waiting + " modifications en attente");
        assertRowsLinedUp("on opening");

        // a field chosen with the mouse, then the focus on Accepter: the row stays plainly selected
        TreeCell<?> second = visibleCells().get(1);
        String chosen = second.getItem().toString();
        clickOn(second);
        interact(() -> lookup("#validationAccept").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        TreeCell<?> selected = visibleCells().stream().filter(TreeCell::isSelected).findFirst().orElseThrow();
        assertThat(selected.getItem().toString()).isEqualTo(chosen);
        Color row = background(selected);
        assertThat(contrast(row, Color.WHITE)).as("selected row " + row + " against the other rows").isGreaterThanOrEqualTo(3);
        Color ink = (Color) ((Text) selected.lookup(".text")).getFill();
        assertThat(contrast(ink, row)).as("its text " + ink + " on " + row).isGreaterThanOrEqualTo(4.5);

        // a decision: one fewer waiting, rows still in place
        clickOn("#validationAccept");
        awaitStatus("1 modification acceptée.");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fieldKeys().size() == waiting - 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labelText("#validationsCount")).isEqualTo((waiting - 1) + " modifications en attente");
        assertRowsLinedUp("after the decision");

        // the filter, reached by its mnemonic, narrows to a family by name as it is typed (accents and case ignored)
        Label filterLabel = lookup(n -> n instanceof Label l && l.getLabelFor() != null
                && "validationsFilter".equals(l.getLabelFor().getId())).queryAs(Label.class);
        assertThat(filterLabel.getText()).isEqualTo("F_iltrer par famille (identifiant ou nom)");
        assertThat(filterLabel.isMnemonicParsing()).isTrue();
        String[] family = familyWithTwoPending();
        clickOn("#validationsFilter");
        write(strip(family[1]).toLowerCase(java.util.Locale.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree().getRoot().getChildren()).extracting(i -> i.getValue().text())
                .containsExactly("Famille " + family[0] + " — " + family[3]);
        assertThat(labelText("#validationsCount")).isEqualTo(family[2] + " modifications affichées sur "
                + (waiting - 1) + " en attente");
        assertThat(lookup("#validationsNoMatch").query().isVisible()).isFalse();
        interact(() -> lookup("#validationsFilter").queryAs(TextField.class).clear());
        clickOn("#validationsFilter");
        write("zz" + family[0]);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree().getRoot().getChildren()).isEmpty();
        assertThat(lookup("#validationsNoMatch").query().isVisible()).isTrue();
        assertThat(labelText("#validationsNoMatch"))
                .isEqualTo("Aucune famille en attente ne correspond à « zz" + family[0] + " ».");
        assertThat(lookup("#validationsEmpty").query().isVisible()).as("changes do wait").isFalse();
        // Escape in the filter empties it: every family again
        type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fieldKeys().size() == waiting - 1);
        assertThat(labelText("#validationsCount")).isEqualTo((waiting - 1) + " modifications en attente");
    }

    /** Rows of one depth start their text at the same x, deeper rows further right; no group's arrow is cut. */
    private void assertRowsLinedUp(String when) {
        interact(() -> {
            java.util.Map<Integer, Double> textX = new java.util.TreeMap<>();
            for (TreeCell<?> cell : visibleCells()) {
                int level = tree().getTreeItemLevel((TreeItem<Entry>) cell.getTreeItem());
                Node text = cell.lookup(".text");
                double x = text.localToScene(text.getBoundsInLocal()).getMinX();
                Double first = textX.putIfAbsent(level, x);
                assertThat(first == null ? x : first).as(when + ": x of \"" + cell.getText() + "\" (depth " + level
                        + ") among rows " + textX).isCloseTo(x, org.assertj.core.data.Offset.offset(0.5));
                Node arrow = cell.getDisclosureNode();
                if (arrow != null && arrow.isVisible() && cell.getItem() != null
                        && ((Entry) cell.getItem()).kind() != ValidationsViewModel.Kind.FIELD) {
                    Region box = (Region) arrow;
                    assertThat(box.getWidth()).as(when + ": arrow of \"" + cell.getText() + "\" not cut")
                            .isGreaterThanOrEqualTo(box.prefWidth(-1) - 0.5);
                    assertThat(arrow.localToScene(arrow.getBoundsInLocal()).getMaxX())
                            .as(when + ": arrow before the text").isLessThanOrEqualTo(x + 0.5);
                }
            }
            List<Double> byDepth = new ArrayList<>(textX.values());
            for (int i = 1; i < byDepth.size(); i++) {
                assertThat(byDepth.get(i)).as(when + ": deeper rows further right " + textX).isGreaterThan(byDepth.get(i - 1));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<TreeCell<Entry>> visibleCells() {
        return tree().lookupAll(".tree-cell").stream().map(n -> (TreeCell<Entry>) n)
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getItem() != null)
                .filter(c -> c.localToScene(c.getBoundsInLocal()).getMaxY()
                        <= tree().localToScene(tree().getBoundsInLocal()).getMaxY())
                .sorted(java.util.Comparator.comparingInt(TreeCell::getIndex))
                .toList();
    }

    private static Color background(Region region) {
        List<javafx.scene.layout.BackgroundFill> fills = region.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    /** WCAG contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private String labelText(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private static String strip(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Identifier, name ("Last First") and number of waiting changes of a Bellerive family with at least two. */
    private String[] familyWithTwoPending() throws Exception {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement("select f.identifier, f.last_name,"
                + " f.first_name, count(*), f.civility from tutti.change_request r join tutti.family f on f.id = r.family_id"
                + " join tutti.site s on s.id = f.site_id where r.status = 'PENDING' and s.code = 'BELLERIVE'"
                + " group by f.identifier, f.last_name, f.first_name, f.civility having count(*) >= 2 order by f.identifier");
                ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).as("a Bellerive family with two waiting changes in the demo").isTrue();
            // typed as "last first", shown as "Mme First Last"
            String shown = ("MME".equals(rs.getString(5)) ? "Mme " : "M. ") + rs.getString(3) + " " + rs.getString(2);
            return new String[] {rs.getString(1), rs.getString(2) + " " + rs.getString(3), Integer.toString(rs.getInt(4)),
                shown};
        }
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
