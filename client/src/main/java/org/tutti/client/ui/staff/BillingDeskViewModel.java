package org.tutti.client.ui.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.StaffBillingService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.staff.BillingFormsViewModel.CreditNoteForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.EndRentalForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.InvoiceForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.PaymentForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.RentalForm;

/**
 * Facturation at the front desk: find a family of the site as one types (in the background; a
 * late answer to an older text is dropped), open it (its billing, its students, its rentals), and
 * the five operations, each through a form ({@link BillingFormsViewModel}). After each one the
 * number issued is said ("Facture BEL-2026-000124 émise.") and the family's billing and rentals
 * are read again.
 */
public final class BillingDeskViewModel {

    static final Failures FAILURES = Failures.of("Billing desk", "billingDesk.error.unexpected");

    private final UserSession session;
    private final StaffBillingService desk;
    private final BillingService billing;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<FamilyOption> families = FXCollections.observableArrayList();
    private final BooleanProperty searching = new SimpleBooleanProperty(this, "searching");
    private final StringProperty searchError = new SimpleStringProperty(this, "searchError", "");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", I18n.get("billingDesk.results.empty"));
    private int searchGeneration;

    private final ObjectProperty<FamilyOption> family = new SimpleObjectProperty<>(this, "family");
    private final StringProperty familyTitle = new SimpleStringProperty(this, "familyTitle", "");
    private final ObservableList<StudentOption> students = FXCollections.observableArrayList();
    private final ObservableList<RentalLine> rentals = FXCollections.observableArrayList();
    private final ObjectProperty<RentalLine> selectedRental = new SimpleObjectProperty<>(this, "selectedRental");
    private final BooleanProperty loadingRentals = new SimpleBooleanProperty(this, "loadingRentals");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final IntegerProperty changes = new SimpleIntegerProperty(this, "changes");
    private int familyGeneration;

    public BillingDeskViewModel(UserSession session, StaffBillingService desk, BillingService billing,
            BackgroundTasks tasks, Clock clock) {
        this.session = Objects.requireNonNull(session);
        this.desk = Objects.requireNonNull(desk);
        this.billing = Objects.requireNonNull(billing);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        family.addListener((obs, old, f) -> familyTitle.set(f == null ? "" : f.toString()));
    }

    // ------------------------------------------------------------------------------ search

    /** Looks for the families matching the text typed (the view calls it a moment after the last key). */
    public void search() {
        int generation = ++searchGeneration;
        String text = searchText.get() == null ? "" : searchText.get().strip();
        searching.set(true);
        tasks.run(() -> desk.families(session, text))
                .onSuccess(found -> {
                    if (generation == searchGeneration) {
                        searching.set(false);
                        searchError.set("");
                        emptyText.set(text.isEmpty() ? I18n.get("billingDesk.results.empty")
                                : I18n.get("billingDesk.results.none", text));
                        families.setAll(found);
                    }
                })
                .onFailure(failure -> {
                    if (generation == searchGeneration) {
                        searching.set(false);
                        searchError.set(FAILURES.message(failure));
                    }
                });
    }

    /** Opens {@code option}: its billing (the view shows the tabs), its students and its rentals. */
    public void open(FamilyOption option) {
        if (option == null) {
            return;
        }
        status.set("");
        error.set("");
        family.set(option);
        students.clear();
        rentals.clear();
        readFamily();
    }

    /** Reads the family's students and rentals again. */
    public void reload() {
        if (family.get() != null) {
            readFamily();
        }
    }

    private void readFamily() {
        int generation = ++familyGeneration;
        long id = family.get().id();
        loadingRentals.set(true);
        tasks.run(() -> new FamilyData(desk.students(session, id), desk.rentals(session, id)))
                .onSuccess(data -> {
                    if (generation == familyGeneration) {
                        loadingRentals.set(false);
                        students.setAll(data.students());
                        RentalLine selected = selectedRental.get();
                        rentals.setAll(data.rentals());
                        selectedRental.set(selected == null ? null
                                : data.rentals().stream().filter(r -> r.id() == selected.id()).findFirst().orElse(null));
                    }
                })
                .onFailure(failure -> {
                    if (generation == familyGeneration) {
                        loadingRentals.set(false);
                        error.set(FAILURES.message(failure));
                    }
                });
    }

    private record FamilyData(List<StudentOption> students, List<RentalLine> rentals) {
    }

    // ------------------------------------------------------------------------------ the operations

    public InvoiceForm newInvoice() {
        return new InvoiceForm(this, family.get(), students);
    }

    public PaymentForm newPayment() {
        return new PaymentForm(this, family.get());
    }

    /** A credit note on {@code invoice} (an invoice with a balance, not a credit note). */
    public CreditNoteForm newCreditNote(InvoiceSummary invoice) {
        return new CreditNoteForm(this, invoice);
    }

    public RentalForm newRental() {
        return new RentalForm(this, family.get(), students);
    }

    public EndRentalForm endRental(RentalLine rental) {
        return new EndRentalForm(this, rental);
    }

    /** Whether a credit note can be issued on {@code invoice}: an invoice (not a credit note) with a balance. */
    public static boolean creditable(InvoiceSummary invoice) {
        return invoice != null && !invoice.isCreditNote() && invoice.hasBalanceDue();
    }

    /** An operation succeeded: say it, read the family again, and let the view refresh the tabs. */
    void done(String message) {
        error.set("");
        status.set(message);
        changes.set(changes.get() + 1);
        reload();
    }

    UserSession session() {
        return session;
    }

    StaffBillingService desk() {
        return desk;
    }

    BillingService billing() {
        return billing;
    }

    BackgroundTasks tasks() {
        return tasks;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ texts

    /** "Oui" / "Non". */
    public static String yesNo(Boolean value) {
        return I18n.get(Boolean.TRUE.equals(value) ? "billingDesk.yes" : "billingDesk.no");
    }

    // ------------------------------------------------------------------------------ properties

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<FamilyOption> families() {
        return families;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    public StringProperty searchErrorProperty() {
        return searchError;
    }

    /** What the empty result list says: "Aucune famille ne correspond à « … »." after a search. */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    public ObjectProperty<FamilyOption> familyProperty() {
        return family;
    }

    public StringProperty familyTitleProperty() {
        return familyTitle;
    }

    public ObservableList<StudentOption> students() {
        return students;
    }

    public ObservableList<RentalLine> rentals() {
        return rentals;
    }

    public ObjectProperty<RentalLine> selectedRentalProperty() {
        return selectedRental;
    }

    public BooleanProperty loadingRentalsProperty() {
        return loadingRentals;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Counts the operations done: the view reads the family's billing again when it changes. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes;
    }

    /** Whether Terminer la location applies: a running rental is selected. */
    public BooleanBinding rentalEndableProperty() {
        return Bindings.createBooleanBinding(() -> selectedRental.get() != null && selectedRental.get().active(),
                selectedRental);
    }
}
