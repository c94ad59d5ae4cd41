package org.tutti.client.ui.password;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountService;
import org.tutti.client.service.PasswordChangeResult;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * Mot de passe: the current password and the new one twice. What can be checked here is checked
 * before sending (empty fields, the two entries differ, too short), each message under its
 * field; then the database decides (wrong current password, too short, the identifier, a common
 * password). Success clears the fields and says so. JavaFX properties only; no nodes.
 */
public final class PasswordViewModel {

    /** The form's fields, for errors and focus. */
    public enum Field { CURRENT, NEW, CONFIRM }

    private static final Failures FAILURES = Failures.of("Password change", "password.error.unexpected");

    private final UserSession session;
    private final AccountService accounts;
    private final BackgroundTasks tasks;

    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty next = new SimpleStringProperty(this, "next", "");
    private final StringProperty confirm = new SimpleStringProperty(this, "confirm", "");
    private final StringProperty currentError = new SimpleStringProperty(this, "currentError", "");
    private final StringProperty nextError = new SimpleStringProperty(this, "nextError", "");
    private final StringProperty confirmError = new SimpleStringProperty(this, "confirmError", "");
    private final StringProperty formError = new SimpleStringProperty(this, "formError", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding hasInput;

    private Consumer<String> onChanged = message -> { };
    private Consumer<Field> onFocus = field -> { };

    public PasswordViewModel(UserSession session, AccountService accounts, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.accounts = Objects.requireNonNull(accounts);
        this.tasks = Objects.requireNonNull(tasks);
        this.hasInput = Bindings.createBooleanBinding(
                () -> !isEmpty(current.get()) || !isEmpty(next.get()) || !isEmpty(confirm.get()), current, next, confirm);
        // a message about a field goes away as soon as that field is typed in again
        current.addListener((obs, old, text) -> currentError.set(""));
        next.addListener((obs, old, text) -> {
            nextError.set("");
            confirmError.set("");
        });
        confirm.addListener((obs, old, text) -> confirmError.set(""));
    }

    /** Called with the success message (on the UI thread); the view shows it in a dialog. */
    public void setOnChanged(Consumer<String> onChanged) {
        this.onChanged = Objects.requireNonNull(onChanged);
    }

    /** Called with the field the keyboard focus should go to (the first one with a message). */
    public void setOnFocus(Consumer<Field> onFocus) {
        this.onFocus = Objects.requireNonNull(onFocus);
    }

    /** Checks the form, then asks the database in the background. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        formError.set("");
        String cur = value(current);
        String nw = value(next);
        String conf = value(confirm);
        currentError.set(cur.isEmpty() ? I18n.get("password.error.currentEmpty") : "");
        if (nw.isEmpty()) {
            nextError.set(I18n.get("password.error.newEmpty"));
        } else if (nw.codePointCount(0, nw.length()) < PasswordChangeResult.MIN_LENGTH) {
            nextError.set(I18n.get("password.error.tooShort", PasswordChangeResult.MIN_LENGTH));
        } else {
            nextError.set("");
        }
        if (conf.isEmpty()) {
            confirmError.set(I18n.get("password.error.confirmEmpty"));
        } else if (!nw.isEmpty() && !conf.equals(nw)) {
            confirmError.set(I18n.get("password.error.mismatch"));
        } else {
            confirmError.set("");
        }
        Field first = firstError();
        if (first != null) {
            onFocus.accept(first);
            return;
        }
        busy.set(true);
        char[] oldPassword = cur.toCharArray();
        char[] newPassword = nw.toCharArray();
        tasks.run(() -> accounts.changePassword(session, oldPassword, newPassword))
                .onSuccess(this::answered)
                .onFailure(this::failed);
    }

    private Field firstError() {
        if (!currentError.get().isEmpty()) {
            return Field.CURRENT;
        }
        if (!nextError.get().isEmpty()) {
            return Field.NEW;
        }
        return confirmError.get().isEmpty() ? null : Field.CONFIRM;
    }

    private void answered(PasswordChangeResult result) {
        busy.set(false);
        switch (result) {
            case CHANGED:
                clear();
                onChanged.accept(I18n.get("password.changed"));
                return;
            case WRONG_CURRENT:
                current.set("");
                currentError.set(I18n.get("password.error.wrongCurrent"));
                onFocus.accept(Field.CURRENT);
                return;
            default:
                refusedNew(result);
        }
    }

    private void refusedNew(PasswordChangeResult result) {
        String message;
        switch (result) {
            case TOO_SHORT:
                message = I18n.get("password.error.tooShort", PasswordChangeResult.MIN_LENGTH);
                break;
            case EQUALS_IDENTIFIER:
                message = I18n.get("password.error.equalsIdentifier");
                break;
            case TOO_COMMON:
                message = I18n.get("password.error.tooCommon");
                break;
            default:
                message = I18n.get("password.error.refused");
                break;
        }
        next.set("");
        confirm.set("");
        nextError.set(message);
        onFocus.accept(Field.NEW);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        // on an expired session the main window returns to the login window (BackgroundTasks reports it)
        formError.set(FAILURES.message(failure));
    }

    /** Empties the form and its messages (after success, and when the user leaves the screen). */
    public void clear() {
        current.set("");
        next.set("");
        confirm.set("");
        currentError.set("");
        nextError.set("");
        confirmError.set("");
        formError.set("");
    }

    private static String value(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public ReadOnlyStringProperty currentErrorProperty() {
        return currentError;
    }

    public ReadOnlyStringProperty nextErrorProperty() {
        return nextError;
    }

    public ReadOnlyStringProperty confirmErrorProperty() {
        return confirmError;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True while any field holds text: unsaved edits (leaving asks first). */
    public BooleanBinding hasInputProperty() {
        return hasInput;
    }

    /** The rule shown under the new password. */
    public String rulesText() {
        return I18n.get("password.rules", PasswordChangeResult.MIN_LENGTH);
    }
}
