package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.service.BillingRefusedException;
import org.tutti.client.service.BillingRefusedException.Reason;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.FamilyBillingPanel;

/**
 * Facturation at the front desk on a fake service, with real background threads: the search as
 * one types, a family opened by the keyboard, and each dialog as the front desk uses it: the
 * checks said inside the dialog, Enter to send, the number issued on the screen, a refusal shown
 * with what was typed kept, Escape to leave.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class BillingDeskViewTest extends FxRobot {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T11:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final long WAIT_S = 20;

    private final FakeStaffBilling service = new FakeStaffBilling();
    private FakePanel panel;
    private BackgroundTasks tasks;
    private BillingDeskViewModel model;
    private BillingDeskView view;

    /** The family's tabs: what the desk asked of them, and an invoice selected in them. */
    static final class FakePanel implements FamilyBillingPanel {
        final TabPane root = new TabPane(new Tab("onglets", new Label("onglets")));
        final List<String> calls = new ArrayList<>();
        final SimpleObjectProperty<InvoiceSummary> selected = new SimpleObjectProperty<>();

        @Override
        public Node root() {
            return root;
        }

        @Override
        public void showFamily(long familyId) {
            calls.add("show " + familyId);
        }

        @Override
        public void refresh() {
            calls.add("refresh");
        }

        @Override
        public ObservableValue<InvoiceSummary> selectedInvoice() {
            return selected;
        }

        /** The desk's tab is added and shown at once (the real tabs show it on Ctrl+Tab or a click). */
        @Override
        public void addTab(Tab tab) {
            root.getTabs().add(tab);
            root.getSelectionModel().select(tab);
        }

        @Override
        public void closeWindows() {
            calls.add("close");
        }
    }

    @Start
    void start(Stage stage) {
        French.use();
        panel = new FakePanel();
        tasks = BackgroundTasks.withUiExecutor(Platform::runLater);
        model = new BillingDeskViewModel(FakeBackend.staff(), service, service, tasks, CLOCK);
        view = new BillingDeskView(model, panel);
        stage.setScene(new Scene(view.root(), 1100, 720));
        stage.sizeToScene();
        stage.show();
        model.search();
        view.activated();
    }

    @AfterEach
    void stop() throws Exception {
        for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w instanceof Stage s && s.getModality() != javafx.stage.Modality.NONE) {
                interact(s::close);
            }
        }
        tasks.shutdown();
    }

    private TableView<FamilyOption> results() {
        return lookup("#billingFamilyResults").query();
    }

    private boolean exists(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    private String text(String query) {
        Node node = lookup(query).query();
        return node instanceof Label l ? l.getText() : ((TextInputControl) node).getText();
    }

    private void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waiting for " + what + "; calls " + service.calls, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shown on the screen: the node and every parent visible. */
    private boolean shown(String query) {
        for (Node n = lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void openMartin() throws Exception {
        await("all families", () -> results().getItems().size() == 4);
        clickOn("#billingFamilySearch").write("martin");
        await("the Martins", () -> results().getItems().size() == 2);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        await("F0001 open", () -> "F0001 — MARTIN Claire".equals(text("#billingFamilyTitle"))
                && !model.loadingRentalsProperty().get());
    }

    @Test
    void theSearchListsFamiliesAsOneTypesAndTheKeyboardOpensOne() throws Exception {
        assertThat(lookup("#billingNoFamily").query().isVisible()).isTrue();
        assertThat(shown("#invoiceCreate")).as("no family open").isFalse();
        openMartin();
        assertThat(results().getItems()).extracting(FamilyOption::identifier).containsExactly("F0001", "F0002");
        assertThat(service.calls.get(service.calls.size() - 1)).as("the text once typed").isEqualTo("families martin");
        assertThat(service.calls.stream().filter(c -> c.startsWith("families")).count())
                .as("not one search per key").isLessThan(6);
        assertThat(panel.calls).containsExactly("show 10");
        TableView<RentalLine> rentals = lookup("#rentalsTable").query();
        assertThat(rentals.getItems()).hasSize(1);
        assertThat(rentals.getColumns()).extracting(c -> c.getText()).containsExactly("Objet", "N° d’inventaire", "Élève",
                "Du", "Au", "Loyer mensuel", "Caution", "Facture", "En cours");
        assertThat(rentals.getColumns().get(5).getCellData(0)).isNotNull();
        assertThat(lookup("#invoiceCreate").query().isDisabled()).isFalse();
        assertThat(lookup("#creditNoteCreate").query().isDisabled()).as("no invoice selected in the tabs").isTrue();
        assertThat(lookup("#rentalEnd").query().isDisabled()).as("no rental selected").isTrue();
        interact(() -> panel.selected.set(service.invoices.get(0)));
        assertThat(lookup("#creditNoteCreate").query().isDisabled()).isFalse();

        // a search that finds nothing says so
        interact(() -> lookup("#billingFamilySearch").queryAs(TextField.class).clear());
        clickOn("#billingFamilySearch").write("zzz");
        await("nothing", () -> results().getItems().isEmpty() && !model.searchingProperty().get());
        assertThat(((Label) results().getPlaceholder()).getText()).isEqualTo("Aucune famille ne correspond à « zzz ».");
    }

    @Test
    void anInvoiceIsTypedCheckedInTheDialogAndIssued() throws Exception {
        openMartin();
        clickOn("#invoiceCreate");
        await("the dialog", () -> exists("#invoiceDialog"));
        assertThat(text("#invoiceFamily")).isEqualTo("F0001 — MARTIN Claire");
        clickOn("#invoiceLineLabel1").write("Piano");
        clickOn("#invoiceLinePrice1").write("abc");
        type(KeyCode.ENTER);
        await("the check", () -> !text("#invoiceError").isEmpty());
        assertThat(text("#invoiceError")).isEqualTo("Ligne 1 : « abc » n’est pas un prix unitaire (en euros, par exemple 12,50).");
        assertThat(lookup("#invoiceError").query().isVisible()).isTrue();
        assertThat(service.calls).noneMatch(c -> c.startsWith("invoice"));

        interact(() -> lookup("#invoiceLinePrice1").queryAs(TextField.class).setText("1 234,5"));
        assertThat(text("#invoiceLineAmount1")).isEqualTo("1\u202f234,50\u00a0€");
        clickOn("#invoiceLineAdd");
        await("a second line", () -> exists("#invoiceLineLabel2"));
        write("FM");
        clickOn("#invoiceLineQuantity2");
        interact(() -> lookup("#invoiceLineQuantity2").queryAs(TextField.class).setText("2"));
        clickOn("#invoiceLinePrice2").write("12.50");
        assertThat(text("#invoiceTotal")).isEqualTo("Total : 1\u202f259,50\u00a0€");
        type(KeyCode.ENTER);
        await("issued", () -> !exists("#invoiceDialog") && !model.statusProperty().get().isEmpty());
        assertThat(text("#billingStatus")).isEqualTo("Facture BEL-2026-000124 émise.");
        assertThat(service.calls).contains(
                "invoice 10 FEES 2026-12-22 [Piano | null | 1.00 x 1234.50] [FM | null | 2.00 x 12.50]");
        assertThat(panel.calls).containsExactly("show 10", "refresh");
    }

    @Test
    void aPaymentIsAllocatedAsTheAmountIsTypedAndARefusalKeepsIt() throws Exception {
        openMartin();
        clickOn("#paymentRecord");
        await("the open invoices", () -> exists("#paymentAllocation3"));
        assertThat(lookup("#paymentAmount").query().isFocused()).as("the amount first").isTrue();
        clickOn("#paymentAmount").write("300");
        await("allocated", () -> "50,00".equals(text("#paymentAllocation2")));
        assertThat(text("#paymentAllocation1")).isEqualTo("250,00");
        assertThat(text("#paymentAllocation3")).isEmpty();
        assertThat(text("#paymentRest")).isEqualTo("Tout le montant est affecté.");
        interact(() -> lookup("#paymentAllocation3").queryAs(TextField.class).setText("10"));
        assertThat(text("#paymentRest")).isEqualTo("Affecté en trop : 10,00\u00a0€");
        clickOn("#paymentAmount");
        type(KeyCode.ENTER);
        await("the check", () -> !text("#paymentError").isEmpty());
        assertThat(text("#paymentError")).startsWith("Les montants affectés (310,00\u00a0€)");
        interact(() -> lookup("#paymentAllocation3").queryAs(TextField.class).setText(""));

        service.refusals.add(new BillingRefusedException(Reason.OVER_ALLOCATION, "BEL-2026-000101", null));
        clickOn("#paymentConfirm");
        await("the refusal", () -> text("#paymentError").startsWith("Facture BEL-2026-000101"));
        assertThat(text("#paymentAmount")).isEqualTo("300");
        assertThat(exists("#paymentDialog")).isTrue();
        clickOn("#paymentReference");
        type(KeyCode.ESCAPE);
        await("closed", () -> !exists("#paymentDialog"));
        assertThat(text("#billingStatus")).isEmpty();

        clickOn("#paymentRecord");
        await("again", () -> exists("#paymentAllocation1"));
        clickOn("#paymentAmount").write("250");
        type(KeyCode.ENTER);
        await("recorded", () -> !exists("#paymentDialog"));
        assertThat(text("#billingStatus")).isEqualTo("Reçu BEL-R-2026-000043 émis.");
        assertThat(service.calls).contains("payment 10 2026-11-22 CHEQUE 250.00 null {52=250.00}");
    }

    @Test
    void aCreditNoteARentalAndItsEnd() throws Exception {
        openMartin();
        interact(() -> panel.selected.set(service.invoices.get(0)));
        clickOn("#creditNoteCreate");
        await("the credit note", () -> exists("#creditNoteDialog"));
        assertThat(text("#creditNoteAmount")).isEqualTo("320,00");
        type(KeyCode.ENTER);
        await("the check", () -> "Indiquez le motif.".equals(text("#creditNoteError")));
        clickOn("#creditNoteReason").write("Abandon");
        type(KeyCode.ENTER);
        await("issued", () -> !exists("#creditNoteDialog"));
        assertThat(text("#billingStatus")).isEqualTo("Avoir BEL-2026-000124 émis sur la facture BEL-2026-000101.");
        assertThat(service.calls).contains("credit 51 320.00 Abandon");

        clickOn("#rentalCreate");
        await("the items", () -> exists("#rentalDialog") && lookup("#rentalItem").queryComboBox().getItems().size() == 2);
        interact(() -> lookup("#rentalItem").queryComboBox().getSelectionModel().select(0));
        assertThat(text("#rentalFee")).isEqualTo("18,00");
        clickOn("#rentalDeposit");
        type(KeyCode.ENTER);
        await("rented", () -> !exists("#rentalDialog"));
        assertThat(text("#billingStatus")).isEqualTo("Location enregistrée ; facture BEL-2026-000125 émise.");
        assertThat(service.calls).contains("rental 31 10 null 2026-11-22 2027-06-30 18.00 0.00");

        TableView<RentalLine> rentals = lookup("#rentalsTable").query();
        interact(() -> rentals.getSelectionModel().select(0));
        assertThat(lookup("#rentalEnd").query().isDisabled()).isFalse();
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        await("the end", () -> exists("#endRentalDialog"));
        type(KeyCode.ENTER);
        await("ended", () -> !exists("#endRentalDialog"));
        assertThat(text("#billingStatus")).isEqualTo("Location de Violoncelle 3/4 terminée le 22/11/2026.");
    }
}
