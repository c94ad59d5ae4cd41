package org.tutti.client.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.PendingChange;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.staff.ValidationsViewModel.ConflictChoice;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;
import org.tutti.client.ui.staff.ValidationsViewModel.Kind;

class ValidationsViewModelTest {

    private FakeStaffChanges service;
    private ValidationsViewModel model;
    private final List<String> asked = new ArrayList<>();
    private ConflictChoice conflictAnswer = ConflictChoice.CANCEL;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        service = new FakeStaffChanges();
        // Dupont (F0012): address at 10:00, Léa's birth date at 10:01, phone at 10:03; Martin (F0007) at 10:02
        service.pending.add(FakeStaffChanges.family(1, 12, "F0012", "Marie Dupont", "address1", "3 rue des Lilas",
                "5 rue des Lilas", 0));
        service.pending.add(FakeStaffChanges.student(2, 12, "F0012", "Marie Dupont", 120, "Léa Dupont", "birth_date",
                "2015-03-04", "2015-04-03", 1));
        service.pending.add(FakeStaffChanges.family(3, 7, "F0007", "Claire Martin", "city", "Lyon", "Villeurbanne", 2));
        service.pending.add(FakeStaffChanges.family(4, 12, "F0012", "Marie Dupont", "phone_mobile", null,
                "06 12 34 56 78", 3));
        model = new ValidationsViewModel(FakeBackend.staff(), service, BackgroundTasks.sameThread());
        model.setPrompts(new ValidationsViewModel.Prompts() {
            @Override
            public ConflictChoice conflict(PendingChange change, String currentValue) {
                asked.add("conflict " + change.requestId() + " now " + currentValue);
                return conflictAnswer;
            }

            @Override
            public void alreadyDecided(PendingChange change) {
                asked.add("already decided " + change.requestId());
            }
        });
        model.refresh();
    }

    @Test
    void requestsAreGroupedByFamilyThenStudentOldestFirstWithFrenchLabels() {
        assertThat(model.roots()).extracting(Entry::text)
                .containsExactly("Famille F0012 — Mme Marie Dupont", "Famille F0007 — Mme Claire Martin");
        Entry dupont = model.roots().get(0);
        assertThat(dupont.children()).extracting(Entry::text).containsExactly(
                "Adresse : 3 rue des Lilas → 5 rue des Lilas",
                "Téléphone portable : (vide) → 06 12 34 56 78",
                "Élève Léa Dupont");
        assertThat(dupont.children().get(2).kind()).isEqualTo(Kind.STUDENT);
        assertThat(dupont.children().get(2).children()).extracting(Entry::text)
                .containsExactly("Date de naissance : 04/03/2015 → 03/04/2015");
        assertThat(model.emptyProperty().get()).isFalse();
    }

    @Test
    void theCountSaysHowManyChangesWaitAndFollowsEachDecision() {
        assertThat(model.countProperty().get()).isEqualTo("4 modifications en attente");
        model.select(model.roots().get(1));
        model.accept();
        assertThat(model.countProperty().get()).isEqualTo("3 modifications en attente");
        service.pending.removeIf(c -> c.requestId() != 1);
        model.refresh();
        assertThat(model.countProperty().get()).isEqualTo("1 modification en attente");
        service.pending.clear();
        model.refresh();
        assertThat(model.countProperty().get()).isEmpty();
        assertThat(model.emptyProperty().get()).isTrue();
    }

    @Test
    void theFilterKeepsTheFamiliesWhoseIdentifierOrNameMatchIgnoringAccentsAndCase() {
        service.pending.add(FakeStaffChanges.family(5, 9, "F0009", "Bérénice Hélène", "city", "Nice", "Nîmes", 4));
        model.refresh();
        model.filterProperty().set("f0007");
        assertThat(model.roots()).extracting(Entry::text).containsExactly("Famille F0007 — Mme Claire Martin");
        assertThat(model.countProperty().get()).isEqualTo("1 modification affichée sur 5 en attente");
        model.filterProperty().set("HELENE  berenice");
        assertThat(model.roots()).extracting(Entry::text).containsExactly("Famille F0009 — Mme Bérénice Hélène");
        model.filterProperty().set("dup");
        assertThat(model.roots()).extracting(Entry::text).containsExactly("Famille F0012 — Mme Marie Dupont");
        assertThat(model.countProperty().get()).isEqualTo("3 modifications affichées sur 5 en attente");
        assertThat(model.noMatchProperty().get()).isEmpty();
        model.filterProperty().set("  ");
        assertThat(model.roots()).hasSize(3);
        assertThat(model.countProperty().get()).isEqualTo("5 modifications en attente");
    }

    @Test
    void aFilterThatMatchesNothingSaysSoAndDropsTheHiddenSelection() {
        model.select(model.roots().get(1));
        model.filterProperty().set("Dupont");
        assertThat(model.selection()).as("nothing hidden stays selected").isEmpty();
        model.filterProperty().set("Zorglub");
        assertThat(model.roots()).isEmpty();
        assertThat(model.noMatchProperty().get()).isEqualTo("Aucune famille en attente ne correspond à « Zorglub ».");
        assertThat(model.emptyProperty().get()).as("changes do wait: not the empty-queue text").isFalse();
        assertThat(model.countProperty().get()).isEqualTo("0 modifications affichées sur 4 en attente");
        model.filterProperty().set("");
        assertThat(model.noMatchProperty().get()).isEmpty();
        assertThat(model.roots()).hasSize(2);
    }

    @Test
    void selectingAGroupSelectsAllItsFieldsAndAFieldOnlyItself() {
        Entry dupont = model.roots().get(0);
        model.select(dupont);
        assertThat(model.selection()).extracting(PendingChange::requestId).containsExactlyInAnyOrder(1L, 2L, 4L);

        model.select(dupont.children().get(2));
        assertThat(model.selection()).extracting(PendingChange::requestId).containsExactly(2L);

        model.select(dupont.children().get(0));
        assertThat(model.selection()).extracting(PendingChange::requestId).containsExactly(1L);
    }

    @Test
    void acceptingAFamilyDecidesEachOfItsFieldsReloadsAndSaysHowMany() {
        model.select(model.roots().get(0));
        model.commentProperty().set("Vu au guichet");

        model.accept();

        assertThat(service.calls).containsExactlyInAnyOrder("1 accept Vu au guichet", "2 accept Vu au guichet",
                "4 accept Vu au guichet");
        assertThat(model.statusProperty().get()).isEqualTo("3 modifications acceptées.");
        assertThat(model.roots()).extracting(Entry::text).containsExactly("Famille F0007 — Mme Claire Martin");
        assertThat(model.selection()).as("the decided group is gone").isEmpty();
        assertThat(model.commentProperty().get()).isEmpty();
    }

    @Test
    void rejectingOneFieldSendsTheCommentAndKeepsTheOthers() {
        model.select(model.roots().get(1).children().get(0));
        model.commentProperty().set("Adresse hors commune");

        model.reject();

        assertThat(service.calls).containsExactly("3 reject Adresse hors commune");
        assertThat(model.statusProperty().get()).isEqualTo("1 modification refusée.");
        assertThat(model.roots()).extracting(Entry::text).containsExactly("Famille F0012 — Mme Marie Dupont");
    }

    @Test
    void aConflictIsAskedAndAcceptAnywayForcesTheValue() {
        service.answers.add(new DecisionResult(Outcome.CONFLICT, "7 rue des Roses"));
        conflictAnswer = ConflictChoice.ACCEPT_ANYWAY;
        model.select(model.roots().get(0).children().get(0));

        model.accept();

        assertThat(asked).containsExactly("conflict 1 now 7 rue des Roses");
        assertThat(service.calls).containsExactly("1 accept", "1 accept force");
        assertThat(model.statusProperty().get()).isEqualTo("1 modification acceptée.");
    }

    @Test
    void aConflictRejectedOrCancelledOverwritesNothing() {
        service.answers.add(new DecisionResult(Outcome.CONFLICT, "7 rue des Roses"));
        conflictAnswer = ConflictChoice.CANCEL;
        model.select(model.roots().get(0).children().get(0));

        model.accept();

        assertThat(service.calls).containsExactly("1 accept");
        assertThat(model.statusProperty().get()).isEqualTo("1 modification reste en attente.");
        assertThat(model.selectedKeyProperty().get()).as("still selected after the reload").isEqualTo("C1");

        service.answers.add(new DecisionResult(Outcome.CONFLICT, "7 rue des Roses"));
        conflictAnswer = ConflictChoice.REJECT;
        model.accept();

        assertThat(service.calls).containsExactly("1 accept", "1 accept", "1 reject");
        assertThat(model.statusProperty().get()).isEqualTo("1 modification refusée.");
    }

    @Test
    void aRequestAlreadyDecidedIsToldAndTheListReloads() {
        service.answers.add(DecisionResult.of(Outcome.ALREADY_DECIDED));
        model.select(model.roots().get(1));
        int loads = service.loads;

        model.accept();

        assertThat(asked).containsExactly("already decided 3");
        assertThat(model.statusProperty().get())
                .isEqualTo("Cette demande a déjà été traitée par un autre membre du personnel.");
        assertThat(service.loads).isEqualTo(loads + 1);
        assertThat(model.roots()).extracting(Entry::text).containsExactly("Famille F0012 — Mme Marie Dupont");
    }

    @Test
    void aRefreshKeepsTheSelectionWhenItIsStillThere() {
        model.select(model.roots().get(0).children().get(2));
        service.pending.add(FakeStaffChanges.family(5, 9, "F0009", "Jean Petit", "city", "Lyon", "Bron", 4));

        model.refresh();

        assertThat(model.roots()).hasSize(3);
        assertThat(model.selectedKeyProperty().get()).isEqualTo("S120");
        assertThat(model.selection()).extracting(PendingChange::requestId).containsExactly(2L);
    }

    @Test
    void nothingSelectedDecidesNothingAndAFailureIsShown() {
        model.accept();
        assertThat(service.calls).isEmpty();

        StaffFailing failing = new StaffFailing();
        ValidationsViewModel broken = new ValidationsViewModel(FakeBackend.staff(), failing, BackgroundTasks.sameThread());
        broken.refresh();
        assertThat(broken.errorProperty().get()).isEqualTo("La base de données est injoignable pour le moment."
                + " Vérifiez votre connexion à Internet, puis réessayez.");
        assertThat(broken.loadingProperty().get()).isFalse();
    }

    private static final class StaffFailing extends FakeStaffChanges {
        @Override
        public List<PendingChange> pending(org.tutti.client.domain.UserSession session) {
            throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        }
    }
}
