package org.tutti.client.ui.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.documents.AccountLetters;
import org.tutti.client.domain.AccountFilter;
import org.tutti.client.domain.CreatedAccount;
import org.tutti.client.domain.FamilyAccount;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountRefusedException;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.FieldCatalogue;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Comptes at the front desk: the site's family accounts (all, never used, locked) of the families
 * the search finds (as Familles finds them; the view asks a moment after the last key), at most
 * {@link FamilyAccountsService#MAX_LISTED} at once (the list then says to narrow the search), the one
 * selected, and what the buttons do to it: a new first password by mail or for a printed letter,
 * lock and unlock; a new family with its account ({@link NewAccountForm}). After each action the
 * list is read again, the selection kept, and the result said ("Compte F0006 verrouillé.").
 */
public final class AccountsViewModel {

    static final Failures FAILURES = Failures.of("Accounts", "accounts.error.unexpected")
            .with(org.tutti.client.service.ServiceException.Reason.NOT_FOUND, "accounts.error.notFound");

    private final UserSession session;
    private final FamilyAccountsService service;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final ObjectProperty<AccountFilter> filter = new SimpleObjectProperty<>(this, "filter", AccountFilter.ALL);
    private final ObservableList<FamilyAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<FamilyAccount> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty working = new SimpleBooleanProperty(this, "working");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final StringProperty listNote = new SimpleStringProperty(this, "listNote", "");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", I18n.get("accounts.empty"));
    private int generation;

    public AccountsViewModel(UserSession session, FamilyAccountsService service, BackgroundTasks tasks, Clock clock) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        filter.addListener((obs, old, f) -> refresh());
    }

    /** Reads the accounts the filter keeps again; the selected account stays selected when still listed. */
    public void refresh() {
        refresh(selected.get() == null ? null : selected.get().accountId());
    }

    private void refresh(Long keep) {
        int current = ++generation;
        AccountFilter wanted = filter.get();
        String query = searchText.get() == null ? "" : searchText.get().strip();
        loading.set(true);
        tasks.run(() -> service.accounts(session, wanted, query, FamilyAccountsService.MAX_LISTED + 1))
                .onSuccess(read -> {
                    if (current == generation) {
                        loading.set(false);
                        List<FamilyAccount> found = read.size() > FamilyAccountsService.MAX_LISTED
                                ? read.subList(0, FamilyAccountsService.MAX_LISTED) : read;
                        listNote.set(read.size() > FamilyAccountsService.MAX_LISTED
                                ? I18n.get(query.isEmpty() ? "accounts.limited" : "accounts.limitedSearch",
                                        FamilyAccountsService.MAX_LISTED)
                                : "");
                        emptyText.set(query.isEmpty() ? I18n.get("accounts.empty")
                                : I18n.get("accounts.results.none", query));
                        accounts.setAll(found);
                        selected.set(keep == null ? null : found.stream().filter(a -> a.accountId() == keep)
                                .findFirst().orElse(null));
                    }
                })
                .onFailure(failure -> {
                    if (current == generation) {
                        loading.set(false);
                        listNote.set("");
                        accounts.clear();
                        error.set(FAILURES.message(failure));
                    }
                });
    }

    /** Reads the list again for the text typed (the view calls it a moment after the last key). */
    public void search() {
        refresh();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** What the empty list says: "Aucun compte dans cette liste.", or for a search "Aucun compte ne correspond à « … »." */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** "Les 200 premiers comptes sont affichés…" when the list was cut; empty otherwise. */
    public StringProperty listNoteProperty() {
        return listNote;
    }

    /** {@code show("locked")}, {@code show("never-used")}: the list of that part; anything else all. */
    public void show(String detail) {
        AccountFilter wanted = "locked".equals(detail) ? AccountFilter.LOCKED
                : "never-used".equals(detail) ? AccountFilter.NEVER_USED : AccountFilter.ALL;
        searchText.set("");
        if (filter.get() == wanted) {
            refresh();
        } else {
            filter.set(wanted);
        }
    }

    // ------------------------------------------------------------------ the state column

    /** "Actif", "Verrouillé", "Bloqué jusqu’à 14:32", "Jamais utilisé". */
    public String state(FamilyAccount account) {
        if (account.lockedUntil() != null) {
            return I18n.get("accounts.state.lockedOut", time(account.lockedUntil()));
        }
        if (account.locked()) {
            return I18n.get("accounts.state.locked");
        }
        return I18n.get(account.neverUsed() ? "accounts.state.neverUsed" : "accounts.state.active");
    }

    private String time(OffsetDateTime instant) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH).format(instant.atZoneSameInstant(clock.getZone()));
    }

    /** "06/12/2026 14:32", or "" for none. */
    public String dateTime(OffsetDateTime instant) {
        return instant == null ? "" : Formats.dateTime(instant.toInstant(), clock.getZone());
    }

    // ------------------------------------------------------------------ actions

    /** A new first password, mailed; then {@code done}. */
    public void sendByMail(FamilyAccount account) {
        act(account, () -> {
            service.sendPasswordByMail(session, account.accountId());
            return null;
        }, I18n.get("accounts.sent", account.identifier(), account.email()));
    }

    /** Locks or unlocks the account, as its state asks. */
    public void toggleLock(FamilyAccount account) {
        boolean lock = !account.locked();
        act(account, () -> {
            service.setLocked(session, account.accountId(), lock);
            return null;
        }, I18n.get(lock ? "accounts.locked" : "accounts.unlocked", account.identifier()));
    }

    private void act(FamilyAccount account, Callable<Void> work, String done) {
        status.set("");
        error.set("");
        working.set(true);
        tasks.run(work)
                .onSuccess(nothing -> {
                    working.set(false);
                    status.set(done);
                    refresh(account.accountId());
                })
                .onFailure(failure -> {
                    working.set(false);
                    error.set(message(failure));
                    refresh(account.accountId());
                });
    }

    /**
     * The letter of {@code account} with a new first password, as PDF bytes, for the viewer (it
     * reads them in the background). The list is read again and the result said once it is done.
     */
    public Callable<byte[]> letter(FamilyAccount account) {
        return () -> {
            byte[] pdf = AccountLetters.letter(service.issueLetter(session, account.accountId()));
            tasks.onUi(() -> {
                error.set("");
                status.set(I18n.get("accounts.letterIssued", account.identifier()));
                refresh(account.accountId());
            });
            return pdf;
        };
    }

    /** The name the viewer's Enregistrer proposes. */
    public static String letterFileName(FamilyAccount account) {
        return AccountLetters.fileName(account.identifier());
    }

    /** A new form for Nouveau compte…. */
    public NewAccountForm newAccount() {
        return new NewAccountForm(session, service, tasks);
    }

    /** After Nouveau compte…: the created account listed and selected, the result said. */
    public void created(CreatedAccount account) {
        error.set("");
        status.set(I18n.get("accounts.created", account.identifier()));
        if (filter.get() == AccountFilter.LOCKED) {
            filter.set(AccountFilter.ALL);
        }
        refresh(account.accountId());
    }

    /** What staff read for a failure: a refusal's reason, or the common messages. */
    static String message(Throwable failure) {
        if (failure instanceof AccountRefusedException refused) {
            return switch (refused.reason()) {
                case BUSY -> I18n.get("accounts.error.busy");
                case TOO_LONG -> I18n.get("accounts.error.tooLong", FieldCatalogue.label(refused.field()),
                        refused.maximum());
                case INVALID -> refused.field() == null || !FieldCatalogue.COLUMNS.contains(refused.field())
                        ? I18n.get("accounts.error.unexpected")
                        : I18n.get("accounts.error.invalid", FieldCatalogue.label(refused.field()));
            };
        }
        return FAILURES.message(failure);
    }

    public ObjectProperty<AccountFilter> filterProperty() {
        return filter;
    }

    public ObservableList<FamilyAccount> accounts() {
        return accounts;
    }

    public ObjectProperty<FamilyAccount> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    List<AccountFilter> filters() {
        return List.of(AccountFilter.values());
    }
}
