package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;

/**
 * Issue 16, part "records", on the embedded demo: F0001 asks for a new city in Famille, ACCUEIL accepts it in
 * Validations, then opens F0001's file from Familles: Historique shows the decision with the city before and
 * after, Courriers the acknowledgement mail the family received.
 */
class FamilyRecordsFlowTest extends FamilyScreens {

    private static final String NEW_CITY = "Bellerive-les-Bains";

    @Test
    void aChangeAcceptedInValidationsIsInTheFilesHistoryWithItsMail() throws Exception {
        startAndLogIn();
        openFamily();
        String oldCity = text("#familyCity");
        replaceText("#familyCity", NEW_CITY);
        press("#familyModify");
        assertThat(messageText()).isEqualTo(UPDATED);
        clickOk();
        long request = Long.parseLong(value("select c.id from tutti.change_request c join tutti.family f"
                + " on f.id = c.family_id where f.identifier = 'F0001' and c.status = 'PENDING'"
                + " and c.field_name = 'city'"));
        String ackSubject = value("select m.subject from tutti.mail_outbox m where m.kind = 'CHANGE_ACK'"
                + " order by m.id desc fetch first 1 rows only");

        targetWindow(stage);
        clickOn("#navLogout");
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#navValidations"));
        clickOn("#navValidations");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#validationsList")
                && item("C" + request) != null);
        interact(() -> {
            TreeItem<Entry> item = item("C" + request);
            for (TreeItem<Entry> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree().requestFocus();
            tree().getSelectionModel().select(item);
        });
        press("#validationAccept");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> "ACCEPTED".equals(
                value("select status from tutti.change_request where id = " + request)));

        clickOn("#navFamilies");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> exists("#familySearch"));
        interact(() -> lookup("#familySearch").queryAs(TextField.class).setText("F0001"));
        TableView<?> results = lookup("#familyResults").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());
        Set<Window> before = showingWindows();
        interact(() -> {
            results.requestFocus();
            results.getSelectionModel().clearAndSelect(0);
        });
        type(javafx.scene.input.KeyCode.ENTER);
        awaitWindow("familyFile", before);

        TableView<HistoryEntry> history = lookup("#fileHistoryTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !history.getItems().isEmpty());
        assertThat(cells(history).get(0).subList(1, 5)).containsExactly("Accueil — Nathalie Roux",
                "Modification acceptée : Ville", "Ville : " + oldCity, "Ville : " + NEW_CITY);
        TableView<MailRecord> mails = lookup("#fileMailsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !mails.getItems().isEmpty());
        assertThat(mails.getItems()).extracting(MailRecord::subject).contains(ackSubject);
    }

    /** The texts of a table's rows as its cells show them. */
    private static <T> List<List<String>> cells(TableView<T> table) {
        List<List<String>> rows = new ArrayList<>();
        for (T item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (TableColumn<T, ?> column : table.getColumns()) {
                Object value = column.getCellObservableValue(item).getValue();
                Object format = column.getProperties().values().stream()
                        .filter(v -> v instanceof java.util.function.Function).findFirst().orElse(null);
                @SuppressWarnings("unchecked")
                java.util.function.Function<Object, String> shown = format == null ? String::valueOf
                        : (java.util.function.Function<Object, String>) format;
                row.add(value == null ? "" : shown.apply(value));
            }
            rows.add(row);
        }
        return rows;
    }
}
