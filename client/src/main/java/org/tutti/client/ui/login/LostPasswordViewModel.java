package org.tutti.client.ui.login;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tutti.client.service.AccountService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * Mot de passe perdu (seed manual, section 2): identifier and e-mail, Valider. An empty field
 * gets the seed's "vérifiez les renseignements saisis" and keeps what was typed; otherwise the
 * database is asked in the background and the answer is always the same ("envoyé par e-mail"),
 * whether or not the pair matched an account. Only a refusal to answer at all (too many
 * requests, database unreachable) says something else. JavaFX properties only; no nodes.
 */
public final class LostPasswordViewModel {

    /** The dialog's fields, for the focus after a message. */
    public enum Field { IDENTIFIER, EMAIL }

    /** What a message is: a warning about the input, the confirmation, or an error. */
    public enum Kind { WARNING, INFORMATION, ERROR }

    /**
     * A message for the user, shown in a dialog with OK.
     *
     * @param focus where the focus goes after OK (null: nowhere in particular)
     * @param close whether the lost-password dialog closes after OK
     */
    public record Notice(Kind kind, String text, Field focus, boolean close) {
    }

    /** A refusal for too many requests says for which identifier and how long to wait. */
    private static final Failures FAILURES = Failures.of("Requesting a new password", "lost.error.unexpected")
            .with(ServiceException.Reason.RATE_LIMITED, "lost.error.rateLimited");

    private final AccountService accounts;
    private final BackgroundTasks tasks;
    private final StringProperty identifier = new SimpleStringProperty(this, "identifier", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private Consumer<Notice> onNotice = notice -> { };

    /** @param identifier what the login window's identifier field holds (pre-fills this one) */
    public LostPasswordViewModel(AccountService accounts, BackgroundTasks tasks, String identifier) {
        this.accounts = Objects.requireNonNull(accounts);
        this.tasks = Objects.requireNonNull(tasks);
        this.identifier.set(identifier == null ? "" : identifier.strip());
    }

    /** Receives every message to show (on the UI thread). */
    public void setOnNotice(Consumer<Notice> onNotice) {
        this.onNotice = Objects.requireNonNull(onNotice);
    }

    /** Valider. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        String id = value(identifier);
        String mail = value(email);
        if (id.isEmpty() || mail.isEmpty()) {
            onNotice.accept(new Notice(Kind.WARNING, I18n.get("lost.error.empty"),
                    id.isEmpty() ? Field.IDENTIFIER : Field.EMAIL, false));
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            accounts.requestPassword(id, mail);
            return Boolean.TRUE;
        }).onSuccess(done -> {
            busy.set(false);
            onNotice.accept(new Notice(Kind.INFORMATION, I18n.get("lost.sent"), null, true));
        }).onFailure(this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        onNotice.accept(new Notice(Kind.ERROR, FAILURES.message(failure), null, false));
    }

    private static String value(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    public StringProperty identifierProperty() {
        return identifier;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
