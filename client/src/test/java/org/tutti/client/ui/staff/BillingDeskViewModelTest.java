package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.service.BillingRefusedException;
import org.tutti.client.service.BillingRefusedException.Reason;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.staff.BillingFormsViewModel.Allocation;
import org.tutti.client.ui.staff.BillingFormsViewModel.CreditNoteForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.EndRentalForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.InvoiceForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.LineModel;
import org.tutti.client.ui.staff.BillingFormsViewModel.PaymentForm;
import org.tutti.client.ui.staff.BillingFormsViewModel.RentalForm;

/**
 * The front desk's Facturation without a toolkit: the search, a family opened, and each form's
 * checks (what is said, nothing sent), what is sent (BigDecimals to the cent, allocations), the
 * number issued said on the screen, and the database's refusals said in the form with what was
 * typed kept.
 */
class BillingDeskViewModelTest {

    /** 22/11/2026 at noon in Paris. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T11:00:00Z"), ZoneId.of("Europe/Paris"));

    private FakeStaffBilling service;
    private BillingDeskViewModel model;
    private int closed;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        service = new FakeStaffBilling();
        model = new BillingDeskViewModel(FakeBackend.staff(), service, service, BackgroundTasks.sameThread(), CLOCK);
        model.searchTextProperty().set("martin");
        model.search();
        model.open(model.families().get(0));
    }

    private void submit(BillingFormsViewModel.Form form) {
        form.submit(() -> closed++);
    }

    @Test
    void theSearchListsTheMatchingFamiliesAndOpeningOneReadsItsRentals() {
        assertThat(model.families()).extracting(FamilyOption::identifier).containsExactly("F0001", "F0002");
        assertThat(model.familyTitleProperty().get()).isEqualTo("F0001 — MARTIN Claire");
        assertThat(model.rentals()).hasSize(1);
        assertThat(model.students()).hasSize(2);
        model.searchTextProperty().set("  élise ");
        model.search();
        assertThat(service.calls).contains("families élise");

        assertThat(model.families()).extracting(FamilyOption::identifier).containsExactly("F0003");
        model.searchTextProperty().set("zzqx");
        model.search();
        assertThat(model.families()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("Aucune famille ne correspond à « zzqx ».");
        model.searchTextProperty().set("  élise ");
        model.search();

        // a failed search says so and keeps the list shown; the next one clears the message
        service.refusals.add(new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down"));
        model.searchTextProperty().set("f000");
        model.search();
        assertThat(model.searchErrorProperty().get()).startsWith("La base de données est injoignable");
        assertThat(model.families()).extracting(FamilyOption::identifier).containsExactly("F0003");
        model.search();
        assertThat(model.searchErrorProperty().get()).isEmpty();
        assertThat(model.families()).hasSize(4);
    }

    @Test
    void anInvoiceIsCheckedThenSentToTheCentAndItsNumberSaid() {
        InvoiceForm form = model.newInvoice();
        assertThat(form.dueDateProperty().get()).as("due in 30 days").isEqualTo("2026-12-22");
        assertThat(form.lines()).hasSize(1);
        assertThat(form.totalProperty().get()).isEqualTo("0,00\u00a0€");

        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("Ligne 1 : indiquez le libellé.");
        LineModel first = form.lines().get(0);
        first.labelProperty().set("Piano — cotisation annuelle");
        first.studentProperty().set(form.students().get(1));
        first.unitPriceProperty().set("abc");
        submit(form);
        assertThat(form.errorProperty().get())
                .isEqualTo("Ligne 1 : « abc » n’est pas un prix unitaire (en euros, par exemple 12,50).");
        first.unitPriceProperty().set("1 234,5");
        assertThat(first.amountProperty().get()).isEqualTo("1\u202f234,50\u00a0€");
        LineModel second = form.addLine();
        second.labelProperty().set("Formation musicale");
        second.quantityProperty().set("0");
        second.unitPriceProperty().set("12,50 €");
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("Ligne 2 : « 0 » n’est pas une quantité");
        LineModel empty = form.addLine();
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("Ligne 2 : « 0 » n’est pas une quantité");
        form.removeLine(empty);
        assertThat(form.errorProperty().get()).as("a line removed: the numbers named may be wrong").isEmpty();
        second.quantityProperty().set("1,5");
        assertThat(form.totalProperty().get()).as("live: 1 234,50 + 18,75").isEqualTo("1\u202f253,25\u00a0€");
        form.dueDateProperty().set("2026-11-21");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("L’échéance ne peut pas être passée.");
        form.dueDateProperty().set("31/02/2026");
        submit(form);
        assertThat(form.errorProperty().get())
                .isEqualTo("« 31/02/2026 » n’est pas une date : indiquez la date d’échéance sous la forme jj/mm/aaaa.");
        assertThat(service.calls).noneMatch(c -> c.startsWith("invoice"));

        form.dueDateProperty().set("2026-12-22");
        form.kindProperty().set(BillingKind.RENTALS);
        submit(form);
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(service.calls).contains("invoice 10 RENTALS 2026-12-22 [Piano — cotisation annuelle | 21 | 1.00 x 1234.50]"
                + " [Formation musicale | null | 1.50 x 12.50]");
        assertThat(model.statusProperty().get()).isEqualTo("Facture BEL-2026-000124 émise.");
        assertThat(model.changesProperty().get()).as("the tabs are read again").isEqualTo(1);
        assertThat(closed).isEqualTo(1);
    }

    @Test
    void aRefusalOrALostDatabaseIsSaidInTheFormAndKeepsWhatWasTyped() {
        InvoiceForm form = model.newInvoice();
        form.lines().get(0).labelProperty().set("Cotisation");
        form.lines().get(0).unitPriceProperty().set("420");
        service.refusals.add(new BillingRefusedException(Reason.BUSY));
        submit(form);
        assertThat(form.errorProperty().get())
                .isEqualTo("Un autre poste émet une facture ou un reçu en ce moment. Réessayez dans un instant ;"
                        + " votre saisie est conservée.");
        assertThat(form.lines().get(0).unitPriceProperty().get()).isEqualTo("420");
        assertThat(closed).isZero();
        assertThat(model.statusProperty().get()).isEmpty();

        service.refusals.add(new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down"));
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("La base de données est injoignable");
        assertThat(form.lines().get(0).labelProperty().get()).isEqualTo("Cotisation");

        service.refusals.add(new BillingRefusedException(Reason.INVALID, "student", null));
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("Cet élève n’est pas de cette famille.");
        service.refusals.add(new BillingRefusedException(Reason.INVALID, "kind", null));
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("La base de données a refusé une valeur (kind). Vérifiez la saisie.");
        service.refusals.add(new RuntimeException("bug"));
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("L’opération n’a pas pu être faite");

        submit(form);
        assertThat(model.statusProperty().get()).isEqualTo("Facture BEL-2026-000124 émise.");
        assertThat(closed).isEqualTo(1);
    }

    @Test
    void aPaymentIsAllocatedToTheOldestInvoicesFirstAndCheckedBeforeSending() {
        PaymentForm form = model.newPayment();
        form.load();
        assertThat(form.dateProperty().get()).isEqualTo("2026-11-22");
        assertThat(form.methodProperty().get()).isEqualTo(PaymentMethod.CHEQUE);
        assertThat(form.allocations()).extracting(Allocation::text).containsExactly(
                "BEL-2026-000090 — Locations 2026-2027 — reste 250,00\u00a0€",
                "BEL-2026-000101 — Cotisations 2026-2027 — reste 320,00\u00a0€",
                "BEL-2026-000120 — Cotisations 2026-2027 — reste 80,00\u00a0€");

        form.amountProperty().set("300");
        assertThat(form.allocations()).extracting(a -> a.amountProperty().get()).containsExactly("250,00", "50,00", "");
        assertThat(form.restProperty().get()).isEqualTo("Tout le montant est affecté.");
        form.allocations().get(1).amountProperty().set("20");
        assertThat(form.restProperty().get()).isEqualTo("Reste à affecter : 30,00\u00a0€");
        submit(form);
        assertThat(form.errorProperty().get())
                .isEqualTo("Les montants affectés (270,00\u00a0€) ne correspondent pas au montant du règlement (300,00\u00a0€).");
        form.allocations().get(2).amountProperty().set("90");
        assertThat(form.restProperty().get()).isEqualTo("Affecté en trop : 60,00\u00a0€");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo(
                "Facture BEL-2026-000120 : le montant affecté dépasse ce qui reste à payer (80,00\u00a0€).");
        form.allocations().get(2).amountProperty().set("30");
        form.dateProperty().set("2026-11-23");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("La date du règlement ne peut pas être dans le futur.");
        form.dateProperty().set("2026-11-20");
        form.amountProperty().set("trois cents");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo(
                "« trois cents » n’est pas un montant : indiquez le montant du règlement en euros, par exemple 12,50.");
        assertThat(service.calls).noneMatch(c -> c.startsWith("payment"));

        form.amountProperty().set("300,00 €");
        form.allocations().get(0).amountProperty().set("200");
        form.allocations().get(1).amountProperty().set("100");
        form.methodProperty().set(PaymentMethod.TRANSFER);
        form.referenceProperty().set("  VIR 2026-11 ");
        service.refusals.add(new BillingRefusedException(Reason.OVER_ALLOCATION, "BEL-2026-000090", null));
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("Facture BEL-2026-000090 : le montant affecté dépasse");
        submit(form);
        assertThat(service.calls).containsSequence(
                "payment 10 2026-11-20 TRANSFER 300.00 VIR 2026-11 {51=100.00, 52=200.00}",
                "payment 10 2026-11-20 TRANSFER 300.00 VIR 2026-11 {51=100.00, 52=200.00}");
        assertThat(model.statusProperty().get()).isEqualTo("Reçu BEL-R-2026-000043 émis.");
    }

    @Test
    void aFamilyWithNothingToPayIsTold() {
        model.open(new FamilyOption(12, "F0003", "DURAND Élise"));
        PaymentForm form = model.newPayment();
        form.load();
        form.amountProperty().set("10");
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("Cette famille n’a aucune facture à régler");
    }

    @Test
    void aCreditNoteIsAtMostTheBalanceAndNeedsAReason() {
        CreditNoteForm form = model.newCreditNote(service.invoices.get(0));
        assertThat(form.amountProperty().get()).as("the balance").isEqualTo("320,00");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("Indiquez le motif.");
        form.reasonProperty().set("Abandon en cours d’année");
        form.amountProperty().set("320,01");
        submit(form);
        assertThat(form.errorProperty().get())
                .isEqualTo("L’avoir ne peut pas dépasser ce qui reste à payer sur la facture (320,00\u00a0€).");
        form.amountProperty().set("160,5");
        service.refusals.add(new BillingRefusedException(Reason.CREDIT_TOO_LARGE));
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("L’avoir dépasse ce qui reste à payer");
        submit(form);
        assertThat(service.calls).contains("credit 51 160.50 Abandon en cours d’année");
        assertThat(model.statusProperty().get()).isEqualTo("Avoir BEL-2026-000124 émis sur la facture BEL-2026-000101.");
        assertThat(BillingDeskViewModel.creditable(service.invoices.get(0))).isTrue();
        assertThat(BillingDeskViewModel.creditable(null)).isFalse();
    }

    @Test
    void aRentalTakesTheItemsFeeAndSaysWhenTheItemIsTaken() {
        RentalForm form = model.newRental();
        form.load();
        assertThat(form.items()).extracting(RentalForm::itemText).containsExactly(
                "Violon 1/2 (INV-0012) — 18,00\u00a0€ par mois",
                "Violoncelle 3/4 (INV-0020) — 25,00\u00a0€ par mois — loué en ce moment");
        assertThat(form.startProperty().get()).isEqualTo("2026-11-22");
        assertThat(form.endProperty().get()).isEqualTo("2027-06-30");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("Indiquez l’objet loué.");
        form.itemProperty().set(form.items().get(1));
        assertThat(form.monthlyFeeProperty().get()).isEqualTo("25,00");
        form.endProperty().set("2026-11-22");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("La date de fin doit être après la date de début.");
        form.endProperty().set("2027-06-30");
        form.depositProperty().set("cent");
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("« cent » n’est pas un montant : indiquez la caution");
        form.depositProperty().set("150");
        form.studentProperty().set(form.students().get(2));
        service.refusals.add(new BillingRefusedException(Reason.ITEM_RENTED));
        submit(form);
        assertThat(form.errorProperty().get()).startsWith("Cet objet est déjà loué sur une partie de ces dates.");
        assertThat(form.itemProperty().get().inventoryCode()).isEqualTo("INV-0020");
        form.itemProperty().set(form.items().get(0));
        submit(form);
        assertThat(service.calls).contains("rental 31 10 22 2026-11-22 2027-06-30 18.00 150.00");
        assertThat(model.statusProperty().get()).isEqualTo("Location enregistrée ; facture BEL-2026-000124 émise.");
    }

    @Test
    void aRentalEndsAfterItsStartAndBeforeItsPlannedEnd() {
        EndRentalForm form = model.endRental(model.rentals().get(0));
        assertThat(form.endProperty().get()).isEqualTo("2026-11-22");
        assertThat(form.rentalText()).isEqualTo("Violoncelle 3/4 (INV-0020), du 01/09/2026 au 30/06/2027");
        form.endProperty().set("2027-06-30");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("La fin doit être avant la fin prévue de la location (30/06/2027).");
        form.endProperty().set("2026-09-01");
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("La fin doit être après le début de la location (01/09/2026).");
        form.endProperty().set("2026-12-31");
        service.refusals.add(new BillingRefusedException(Reason.ALREADY_ENDED));
        submit(form);
        assertThat(form.errorProperty().get()).isEqualTo("Cette location est déjà terminée.");
        submit(form);
        assertThat(service.calls).contains("end 41 2026-12-31");
        assertThat(model.statusProperty().get()).isEqualTo("Location de Violoncelle 3/4 terminée le 31/12/2026.");
    }
}
