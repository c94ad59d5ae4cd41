package org.tutti.client.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.AccountFilter;
import org.tutti.client.domain.AccountLetter;
import org.tutti.client.domain.CreatedAccount;
import org.tutti.client.domain.FamilyAccount;
import org.tutti.client.domain.NewFamily;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountRefusedException;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

/** Comptes' view model on a fake service: the states as read, the filters, the results said, the refusals. */
class AccountsViewModelTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T13:00:00Z"), PARIS);
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    private final List<String> calls = new ArrayList<>();
    private final List<FamilyAccount> rows = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private RuntimeException refusal;
    private AccountsViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        rows.add(new FamilyAccount(1, 11, "F0001", "Mme Claire Martin", "claire@example.org", CREATED, CREATED, false,
                null, false));
        rows.add(new FamilyAccount(2, 12, "F0002", "M. Paul Durand", "paul@example.org", CREATED, null, true,
                OffsetDateTime.of(2026, 12, 6, 13, 32, 0, 0, ZoneOffset.UTC), true));
        rows.add(new FamilyAccount(3, 13, "F0003", "Mme Léa Roux", "lea@example.org", CREATED, null, true, null, true));
        rows.add(new FamilyAccount(4, 14, "F0004", "M. Jean Petit", "jean@example.org", CREATED, null, false, null, true));
        model = new AccountsViewModel(FakeBackend.staff(), new Service(), BackgroundTasks.sameThread(), CLOCK);
    }

    @Test
    void eachAccountsStateReadsAsTheListSaysIt() {
        model.refresh();

        assertThat(model.accounts()).extracting(model::state).containsExactly("Actif", "Bloqué jusqu’à 14:32",
                "Verrouillé", "Jamais utilisé");
        assertThat(model.dateTime(CREATED)).isEqualTo("01/09/2026 10:00");
        assertThat(model.dateTime(null)).isEmpty();
    }

    @Test
    void accueilsLinksPickTheLockedAndTheNeverUsedLists() {
        model.show("locked");
        assertThat(model.filterProperty().get()).isEqualTo(AccountFilter.LOCKED);
        assertThat(model.accounts()).extracting(FamilyAccount::identifier).containsExactly("F0002", "F0003");

        model.show("never-used");
        assertThat(model.accounts()).extracting(FamilyAccount::identifier).containsExactly("F0002", "F0003", "F0004");
        model.show(null);
        assertThat(model.accounts()).hasSize(4);
    }

    @Test
    void theSearchNarrowsTheListAndAListCutAtTheLimitSaysSo() {
        model.refresh();
        assertThat(model.accounts()).hasSize(4);
        assertThat(model.listNoteProperty().get()).isEmpty();

        model.searchTextProperty().set("  roux ");
        model.search();
        assertThat(queries).last().isEqualTo("roux");
        assertThat(model.accounts()).extracting(FamilyAccount::identifier).containsExactly("F0003");

        model.searchTextProperty().set("dupont");
        model.search();
        assertThat(model.accounts()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("Aucun compte ne correspond à « dupont ».");
        model.searchTextProperty().set("roux");
        model.search();

        for (int i = 0; i < FamilyAccountsService.MAX_LISTED; i++) {
            rows.add(new FamilyAccount(100 + i, 200 + i, "F9" + i, "Mme Nina Roux", null, CREATED, null, false, null,
                    true));
        }
        model.search();
        assertThat(model.accounts()).hasSize(FamilyAccountsService.MAX_LISTED);
        assertThat(model.listNoteProperty().get())
                .isEqualTo("Les 200 premiers comptes trouvés, par identifiant : précisez la recherche.");

        model.show("locked");
        assertThat(model.searchTextProperty().get()).as("the desk's link shows the whole locked list").isEmpty();
        assertThat(model.accounts()).extracting(FamilyAccount::identifier).containsExactly("F0002", "F0003");
        assertThat(model.listNoteProperty().get()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("Aucun compte dans cette liste.");
    }

    @Test
    void anActionSaysItsResultAndKeepsTheSelection() {
        model.refresh();
        model.selectedProperty().set(model.accounts().get(2));

        model.toggleLock(model.accounts().get(2));

        assertThat(calls).containsExactly("unlock 3");
        assertThat(model.statusProperty().get()).isEqualTo(
                "Compte F0003 déverrouillé : la famille peut de nouveau se connecter.");
        assertThat(model.selectedProperty().get().identifier()).isEqualTo("F0003");

        model.sendByMail(model.accounts().get(0));
        assertThat(calls).endsWith("mail 1");
        assertThat(model.statusProperty().get()).isEqualTo(
                "Un nouveau mot de passe du compte F0001 part par e-mail à claire@example.org.");
    }

    @Test
    void aRefusedFieldIsNamedUnderItAndNothingTypedIsLost() {
        NewAccountForm form = model.newAccount();
        form.value("last_name").set("Martin");
        form.send(created -> calls.add("created"));
        assertThat(form.errorProperty().get()).isEqualTo("Remplissez les champs obligatoires.");
        assertThat(form.error("email").get()).isEqualTo("Obligatoire.");

        for (String field : NewAccountForm.REQUIRED) {
            if (form.value(field).get().isBlank()) {
                form.value(field).set("x");
            }
        }
        refusal = new AccountRefusedException(AccountRefusedException.Reason.INVALID, "postal_code", null, null);
        form.send(created -> calls.add("created"));
        assertThat(form.error("postal_code").get()).isEqualTo("Valeur refusée : Code postal.");
        assertThat(form.value("last_name").get()).isEqualTo("Martin");
        assertThat(calls).doesNotContain("created");

        refusal = new AccountRefusedException(AccountRefusedException.Reason.TOO_LONG, "city", "80", null);
        form.send(created -> calls.add("created"));
        assertThat(form.error("city").get()).isEqualTo("Ville : 80 caractères au plus.");

        refusal = null;
        form.send(created -> calls.add("created " + created.identifier()));
        assertThat(calls).contains("created F1201");
    }

    private final class Service implements FamilyAccountsService {

        @Override
        public List<FamilyAccount> accounts(UserSession session, AccountFilter filter, String query, int maxRows) {
            queries.add(query);
            return rows.stream().filter(a -> filter == AccountFilter.ALL
                    || (filter == AccountFilter.LOCKED && a.locked())
                    || (filter == AccountFilter.NEVER_USED && a.neverUsed()))
                    .filter(a -> query.isEmpty() || a.familyName().toLowerCase(java.util.Locale.ROOT).contains(query))
                    .limit(maxRows).toList();
        }

        @Override
        public CreatedAccount create(UserSession session, NewFamily family) {
            if (refusal != null) {
                throw refusal;
            }
            return new CreatedAccount(5, 15, "F1201");
        }

        @Override
        public void sendPasswordByMail(UserSession session, long accountId) {
            calls.add("mail " + accountId);
        }

        @Override
        public AccountLetter issueLetter(UserSession session, long accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setLocked(UserSession session, long accountId, boolean locked) {
            calls.add((locked ? "lock " : "unlock ") + accountId);
        }
    }
}
