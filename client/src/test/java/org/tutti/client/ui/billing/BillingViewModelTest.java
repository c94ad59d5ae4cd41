package org.tutti.client.ui.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

/** Facturation's model without a screen: what the family is told when a document or the payment page cannot open. */
class BillingViewModelTest {

    private final FakeBillingService service = new FakeBillingService();
    private final List<String> opened = new ArrayList<>();
    private RuntimeException browserFailure;
    private final BillingViewModel model = new BillingViewModel(FakeBackend.family("F0001"), service,
            BackgroundTasks.sameThread(), url -> {
                if (browserFailure != null) {
                    throw browserFailure;
                }
                opened.add(url);
            });

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void theBalanceAndStatesReadInWords() {
        model.showFamily(10);

        assertThat(model.tab(BillingKind.FEES).balanceProperty().get()).isEqualTo("Reste à payer : 1\u202f314,56\u00a0€");
        assertThat(model.tab(BillingKind.RENTALS).balanceProperty().get()).isEqualTo("Rien à payer");
        assertThat(BillingViewModel.stateText(FakeBillingService.OVERDUE.state())).isEqualTo("en retard");
        assertThat(BillingViewModel.methodText(FakeBillingService.CHEQUE.method())).isEqualTo("Chèque");
    }

    @Test
    void payingOnlineIsOfferedToTheFamilyNotToTheFrontDesk() {
        model.showFamily(10);
        BillingViewModel desk = new BillingViewModel(FakeBackend.staff(), service, BackgroundTasks.sameThread(),
                opened::add);
        desk.showFamily(10);

        assertThat(model.onlineShownProperty().get()).as("the family, on a site that offers it").isTrue();
        assertThat(desk.onlineShownProperty().get()).as("the front desk, same family and site").isFalse();
    }

    @Test
    void aBrowserThatCannotOpenLeavesTheAddressToCopy() {
        model.showFamily(10);
        model.tab(BillingKind.FEES).selectedProperty().set(FakeBillingService.PARTIAL);
        browserFailure = new IllegalStateException("no browser");

        model.payOnline();

        assertThat(opened).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Le navigateur n’a pas pu s’ouvrir.")
                .endsWith(service.url.orElseThrow());
        assertThat(model.payingProperty().get()).isFalse();
    }

    @Test
    void anInvoicePaidMeanwhileIsSaidAndTheListsAreReadAgain() {
        model.showFamily(10);
        model.tab(BillingKind.FEES).selectedProperty().set(FakeBillingService.PARTIAL);
        service.url = Optional.empty();

        model.payOnline();

        assertThat(opened).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo(
                "Cette facture n’a plus rien à payer en ligne : la liste a été relue.");
        assertThat(service.calls().stream().filter(c -> c.startsWith("overview")).count()).isEqualTo(4);
    }

    @Test
    void payOnlineDoesNothingForAnInvoiceWithoutBalance() {
        model.showFamily(10);
        model.tab(BillingKind.FEES).selectedProperty().set(FakeBillingService.PAID);

        model.payOnline();

        assertThat(service.calls()).noneMatch(c -> c.startsWith("url"));
        assertThat(model.onlineAllowedProperty().get()).isFalse();
    }

    @Test
    void aDocumentThatCannotBeReadIsSaidInWords() {
        model.showFamily(10);
        service.failure = new ServiceException(ServiceException.Reason.NOT_FOUND, "gone");
        List<BillingViewModel.OpenDocument> shown = new ArrayList<>();

        model.openInvoice(FakeBillingService.PARTIAL, shown::add);

        assertThat(shown).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Ce document n’est plus disponible : la liste a été relue.");
        assertThat(model.openingProperty().get()).isFalse();
    }

    @Test
    void aDocumentReadGivesTheViewerItsTitleAndFileName() {
        model.showFamily(10);
        List<BillingViewModel.OpenDocument> shown = new ArrayList<>();

        model.openInvoice(FakeBillingService.PARTIAL, shown::add);
        model.openReceipt(FakeBillingService.CHEQUE, shown::add);

        assertThat(shown).extracting(BillingViewModel.OpenDocument::title)
                .containsExactly("Facture BEL-2026-000102", "Reçu BEL-R-2026-000043");
        assertThat(shown).extracting(BillingViewModel.OpenDocument::fileName)
                .containsExactly("facture-BEL-2026-000102.pdf", "recu-BEL-R-2026-000043.pdf");
    }
}
