package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentRefusedException.Reason;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.staff.ReenrolmentsViewModel.StateFilter;

class ReenrolmentsViewModelTest {

    /** 22/11/2026 at noon in Paris: within the demo campaign (15/11/2026 – 30/06/2027). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T11:00:00Z"), ZoneId.of("Europe/Paris"));

    private FakeStaffReenrolments service;
    private ReenrolmentsViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        service = FakeStaffReenrolments.withDemo();
        model = new ReenrolmentsViewModel(FakeBackend.staff(), service, BackgroundTasks.sameThread(), CLOCK);
        model.refresh();
    }

    private java.util.List<Long> shownIds() {
        return model.requests().stream().map(ReenrolmentSummary::id).toList();
    }

    private void select(long id) {
        model.select(model.requests().stream().filter(r -> r.id() == id).findFirst().orElseThrow());
    }

    @Test
    void theCampaignItsDocumentsAndThePendingRequestsNewestFirst() {
        assertThat(model.campaignStateProperty().get()).isEqualTo("Ouverte du 15/11/2026 au 30/06/2027");
        assertThat(model.yearProperty().get().label()).isEqualTo("2027-2028");
        assertThat(model.startProperty().get()).isEqualTo("2026-11-15");
        assertThat(model.endProperty().get()).isEqualTo("2027-06-30");
        assertThat(model.types()).extracting(DocumentType::name)
                .containsExactly("Attestation d’assurance", "Justificatif de domicile");
        assertThat(model.filterProperty().get()).isEqualTo(StateFilter.PENDING);
        assertThat(shownIds()).containsExactly(4L, 2L, 1L);
        assertThat(model.countProperty().get()).isEqualTo("3 demandes en attente");
        assertThat(model.selectedProperty().get()).as("nothing chosen yet").isNull();
        assertThat(model.decidableProperty().get()).isFalse();
    }

    @Test
    void theFilterByStateAndTheCountKeepTheSelectionWhenStillShown() {
        select(1);
        model.filterProperty().set(StateFilter.ALL);
        assertThat(shownIds()).containsExactly(4L, 3L, 2L, 1L);
        assertThat(model.countProperty().get()).isEqualTo("4 demandes (3 en attente)");
        assertThat(model.selectedProperty().get().id()).isEqualTo(1L);
        model.filterProperty().set(StateFilter.VALIDATED);
        assertThat(shownIds()).containsExactly(3L);
        assertThat(model.countProperty().get()).isEqualTo("1 demande validée (3 en attente)");
        assertThat(model.selectedProperty().get()).as("not shown any more").isNull();
        model.filterProperty().set(StateFilter.REJECTED);
        assertThat(model.countProperty().get()).isEqualTo("0 demandes refusées (3 en attente)");
    }

    @Test
    void aRequestsDetailSaysWhoWhatAndWhichDocuments() {
        select(1);
        assertThat(model.detailFamilyProperty().get()).isEqualTo("F0001 — Ferrari");
        assertThat(model.detailStudentProperty().get()).isEqualTo("Léa Ferrari");
        assertThat(model.detailDateProperty().get()).isEqualTo("20/11/2026 10:00");
        assertThat(model.detailStateProperty().get()).isEqualTo("En attente");
        assertThat(model.detailChoicesProperty().get()).isEqualTo("• Piano — 2C1");
        assertThat(model.detailCommentProperty().get()).isEqualTo("Même horaire si possible");
        assertThat(model.documents()).extracting(d -> d.fileName()).containsExactly("facture.pdf");
        assertThat(org.tutti.client.ui.common.Formats.size(245_000)).isEqualTo("239 Ko");
        assertThat(org.tutti.client.ui.common.Formats.size(1_300_000)).isEqualTo("1,2 Mo");
        assertThat(org.tutti.client.ui.common.DocumentTexts.format("application/pdf")).isEqualTo("PDF");
        assertThat(model.decidableProperty().get()).isTrue();

        select(2);
        assertThat(model.detailChoicesProperty().get()).isEqualTo("Réinscription administrative");
        select(4);
        assertThat(model.detailChoicesProperty().get()).isEqualTo("• Flûte — 1C1\n• Formation musicale — FM2");

        model.filterProperty().set(StateFilter.ALL);
        select(3);
        assertThat(model.detailStateProperty().get()).isEqualTo("Validée le 20/11/2026 11:20");
        assertThat(model.decidableProperty().get()).as("only a pending request is decided").isFalse();
    }

    @Test
    void refusingNeedsACommentThenTheNextPendingRequestIsSelected() {
        select(4);
        model.reject();
        assertThat(model.errorProperty().get())
                .isEqualTo("Pour refuser, écrivez un commentaire pour la famille : il lui explique le refus.");
        assertThat(service.calls).isEmpty();

        model.commentProperty().set("  Merci de joindre le justificatif de domicile.  ");
        model.reject();
        assertThat(service.calls).containsExactly("decide 4 reject Merci de joindre le justificatif de domicile.");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.statusProperty().get())
                .isEqualTo("Réinscription refusée : la famille en est informée par courriel.");
        assertThat(model.commentProperty().get()).isEmpty();
        assertThat(shownIds()).containsExactly(2L, 1L);
        assertThat(model.selectedProperty().get().id()).as("the next one waiting").isEqualTo(2L);
        assertThat(model.countProperty().get()).isEqualTo("2 demandes en attente");

        // the refused request says so, with the comment the family received
        model.filterProperty().set(StateFilter.ALL);
        select(4);
        assertThat(model.detailStateProperty().get()).isEqualTo("Refusée le 21/11/2026 11:00");
        assertThat(model.detailDecisionCommentProperty().get()).isEqualTo("Merci de joindre le justificatif de domicile.");
    }

    @Test
    void acceptingMovesOnToTheNextThenThePreviousWhenItWasTheLast() {
        select(2);
        model.accept();
        assertThat(service.calls).containsExactly("decide 2 accept");
        assertThat(model.statusProperty().get()).isEqualTo("Réinscription validée : la famille en est informée par courriel.");
        assertThat(shownIds()).containsExactly(4L, 1L);
        assertThat(model.selectedProperty().get().id()).isEqualTo(1L);
        model.accept();
        assertThat(model.selectedProperty().get().id()).as("none follows: the one before").isEqualTo(4L);

        // in the list of all requests, the decided one stays and the next waiting one is chosen
        model.filterProperty().set(StateFilter.ALL);
        select(4);
        model.accept();
        assertThat(model.selectedProperty().get()).as("no request waits any more").isNull();
        assertThat(model.countProperty().get()).isEqualTo("4 demandes (0 en attente)");
    }

    @Test
    void aRequestDecidedByAnotherDeskIsSaidSoAndTheCommentStays() {
        select(1);
        model.commentProperty().set("Dossier complet");
        service.answers.add(Outcome.ALREADY_DECIDED);
        model.accept();
        assertThat(model.errorProperty().get())
                .isEqualTo("Cette demande a déjà été traitée par un autre membre de l’accueil.");
        assertThat(model.commentProperty().get()).isEqualTo("Dossier complet");
        assertThat(shownIds()).as("the list read again").containsExactly(4L, 2L);
    }

    @Test
    void failuresAreMessagesAndLoseNothingTyped() {
        select(1);
        model.commentProperty().set("Pièce illisible");
        service.failures.add(new ReenrolmentRefusedException(Reason.BUSY));
        model.reject();
        assertThat(model.errorProperty().get()).startsWith("La famille modifie cette demande en ce moment.");
        assertThat(model.commentProperty().get()).isEqualTo("Pièce illisible");
        assertThat(model.decidableProperty().get()).as("it can be tried again").isTrue();

        service.failures.add(new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down"));
        model.reject();
        assertThat(model.errorProperty().get()).startsWith("La base de données est injoignable");
        assertThat(model.commentProperty().get()).isEqualTo("Pièce illisible");

        service.answers.add(Outcome.FORBIDDEN);
        model.reject();
        assertThat(model.errorProperty().get()).isEqualTo("Cette demande ne relève pas de votre site.");

        service.failures.add(new ReenrolmentRefusedException(Reason.TOO_LONG, "2000", null));
        model.reject();
        assertThat(model.errorProperty().get()).isEqualTo("Le commentaire dépasse 2\u202f000 caractères.");
        assertThat(model.commentProperty().get()).isEqualTo("Pièce illisible");
    }

    @Test
    void aDetailThatCannotBeReadLeavesNothingOfThePreviousRequestToDecide() {
        select(1);
        model.commentProperty().set("Dossier complet");
        service.detailFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        select(4);
        assertThat(model.errorProperty().get()).startsWith("La base de données est injoignable");
        assertThat(model.detailProperty().get()).as("request 1's detail is not shown beside request 4").isNull();
        assertThat(model.detailFamilyProperty().get()).isEmpty();
        assertThat(model.decidableProperty().get()).isFalse();
        model.accept();
        assertThat(service.calls).as("request 1 is not decided in request 4's place").isEmpty();
        assertThat(model.commentProperty().get()).isEqualTo("Dossier complet");

        select(2);
        assertThat(model.detailFamilyProperty().get()).isEqualTo("F0002 — Martin");
        assertThat(model.decidableProperty().get()).isTrue();
    }

    @Test
    void openingACampaignSaysWhenFamiliesWillSeeIt() {
        service.campaign = null;
        service.types.clear();
        service.summaries.clear();
        model = new ReenrolmentsViewModel(FakeBackend.staff(), service, BackgroundTasks.sameThread(), CLOCK);
        model.refresh();
        assertThat(model.campaignStateProperty().get()).isEqualTo("Aucune campagne");
        assertThat(model.yearProperty().get().label()).as("the first year offered").isEqualTo("2027-2028");
        assertThat(model.addType("Photo", false)).isFalse();
        assertThat(model.typesErrorProperty().get()).startsWith("Ouvrez d’abord une campagne");

        // dates as typed and not dates, then the end before the start: nothing sent
        model.startProperty().set("31/02/2027");
        model.endProperty().set("2027-06-30");
        model.openCampaign();
        assertThat(model.campaignErrorProperty().get()).isEqualTo("Date de début : saisissez une date au format jj/mm/aaaa.");
        model.startProperty().set("2027-07-01");
        model.openCampaign();
        assertThat(model.campaignErrorProperty().get()).isEqualTo("La date de fin doit être postérieure à la date de début.");
        assertThat(service.calls).isEmpty();

        // opened from a later date: families see it from then
        model.startProperty().set("2026-12-01");
        model.openCampaign();
        assertThat(service.calls).containsExactly("save 8 2026-12-01 2027-06-30 open");
        assertThat(model.campaignErrorProperty().get()).isEmpty();
        assertThat(model.campaignStateProperty().get()).isEqualTo("Ouverte du 01/12/2026 au 30/06/2027");
        assertThat(model.campaignMessageProperty().get())
                .isEqualTo("La campagne est ouverte, mais les familles ne la verront qu’à partir du 01/12/2026.");

        // today within the dates
        model.startProperty().set("2026-11-20");
        model.openCampaign();
        assertThat(model.campaignMessageProperty().get())
                .isEqualTo("La campagne est ouverte : les familles peuvent envoyer leurs demandes jusqu’au 30/06/2027.");

        // the server's refusal is a message too
        service.failures.add(new ReenrolmentRefusedException(Reason.INVALID_DATES));
        model.openCampaign();
        assertThat(model.campaignErrorProperty().get()).isEqualTo("La date de fin doit être postérieure à la date de début.");
        assertThat(model.startProperty().get()).as("the dates stay").isEqualTo("2026-11-20");
    }

    @Test
    void closingTheCampaignKeepsItsDates() {
        model.closeCampaign();
        assertThat(service.calls).containsExactly("save 8 2026-11-15 2027-06-30 close");
        assertThat(model.campaignStateProperty().get()).isEqualTo("Fermée");
        assertThat(model.campaignMessageProperty().get())
                .isEqualTo("La campagne est fermée : les familles ne voient plus l’onglet Réinscription.");
    }

    @Test
    void documentTypesAreAddedRenamedMadeRequiredAndRemovedWhileUnused() {
        DocumentType used = model.types().get(1);
        model.selectType(used);
        assertThat(model.typeReasonProperty().get())
                .isEqualTo("Déjà utilisé par 2 documents envoyés : ce type ne peut plus être renommé ni supprimé.");
        assertThat(model.renameType("Autre")).isFalse();
        model.removeType();
        assertThat(service.calls).isEmpty();

        model.selectType(model.types().get(0));
        assertThat(model.typeReasonProperty().get()).isEmpty();
        model.renameType("Attestation d’assurance habitation");
        assertThat(model.types()).extracting(DocumentType::name)
                .containsExactly("Attestation d’assurance habitation", "Justificatif de domicile");
        assertThat(model.selectedTypeProperty().get().name()).isEqualTo("Attestation d’assurance habitation");
        assertThat(model.typesMessageProperty().get())
                .isEqualTo("« Attestation d’assurance » renommé en « Attestation d’assurance habitation ».");

        model.setRequired(true);
        assertThat(model.selectedTypeProperty().get().required()).isTrue();
        assertThat(ReenrolmentsViewModel.yesNo(true)).isEqualTo("oui");
        assertThat(ReenrolmentsViewModel.usesText(2)).isEqualTo("2 documents");
        assertThat(ReenrolmentsViewModel.usesText(0)).isEqualTo("aucun document");

        model.addType("Justificatif de domicile", false);
        assertThat(model.typesErrorProperty().get())
                .isEqualTo("Un document de ce nom est déjà demandé dans cette campagne.");
        model.addType("   ", false);
        assertThat(model.typesErrorProperty().get()).isEqualTo("Saisissez le nom du document.");
        model.addType("Photo d’identité", true);
        assertThat(model.types()).extracting(DocumentType::name).contains("Photo d’identité");
        assertThat(model.selectedTypeProperty().get().name()).isEqualTo("Photo d’identité");

        model.removeType();
        assertThat(model.types()).extracting(DocumentType::name).doesNotContain("Photo d’identité");
        assertThat(model.typesMessageProperty().get()).isEqualTo("Document « Photo d’identité » supprimé.");

        // used meanwhile: the refusal is a message and the list is read again
        model.selectType(model.types().get(0));
        service.failures.add(new ReenrolmentRefusedException(Reason.IN_USE));
        model.removeType();
        assertThat(model.typesErrorProperty().get())
                .isEqualTo("Ce document est déjà utilisé par une demande envoyée : il ne peut plus être renommé ni supprimé.");
    }
}
