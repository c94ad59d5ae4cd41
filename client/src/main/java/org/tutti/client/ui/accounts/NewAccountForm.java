package org.tutti.client.ui.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tutti.client.domain.CreatedAccount;
import org.tutti.client.domain.NewFamily;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountRefusedException;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.I18n;

/**
 * Nouveau compte…: the family's fields (as the Famille screen names them), each with its error
 * under it; the database checks them all when the form is sent and says which one it refused
 * (the form keeps everything typed).
 */
public final class NewAccountForm {

    /** The fields, in the form's order. */
    static final java.util.List<String> FIELDS = java.util.List.of("civility", "last_name", "first_name", "address1",
            "address2", "postal_code", "city", "country", "phone_home", "phone_mobile", "phone_work", "email");
    /** Required before sending (the database checks them again, and the rest). */
    static final java.util.Set<String> REQUIRED = java.util.Set.of("civility", "last_name", "first_name", "address1",
            "postal_code", "city", "country", "email");

    private final UserSession session;
    private final FamilyAccountsService service;
    private final BackgroundTasks tasks;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty sending = new SimpleBooleanProperty(this, "sending");

    NewAccountForm(UserSession session, FamilyAccountsService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        for (String field : FIELDS) {
            values.put(field, new SimpleStringProperty(this, field, ""));
            errors.put(field, new SimpleStringProperty(this, field + "Error", ""));
        }
        values.get("civility").set("MME");
        values.get("country").set("France");
    }

    public StringProperty value(String field) {
        return values.get(field);
    }

    public StringProperty error(String field) {
        return errors.get(field);
    }

    /** The form's own message (a failure that is no field's). */
    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty sendingProperty() {
        return sending;
    }

    /**
     * Checks the required fields, then asks the database; {@code created} on success, otherwise
     * the refused field's error (or the form's) is set.
     */
    public void send(Consumer<CreatedAccount> created) {
        if (sending.get()) {
            return;
        }
        error.set("");
        errors.values().forEach(e -> e.set(""));
        boolean missing = false;
        for (String field : REQUIRED) {
            String v = values.get(field).get();
            if (v == null || v.isBlank()) {
                errors.get(field).set(I18n.get("accounts.form.required"));
                missing = true;
            }
        }
        if (missing) {
            error.set(I18n.get("accounts.form.incomplete"));
            return;
        }
        NewFamily family = new NewFamily(v("civility"), v("last_name"), v("first_name"), v("address1"), v("address2"),
                v("postal_code"), v("city"), v("country"), v("phone_home"), v("phone_mobile"), v("phone_work"),
                v("email"));
        sending.set(true);
        tasks.run(() -> service.create(session, family))
                .onSuccess(account -> {
                    sending.set(false);
                    created.accept(account);
                })
                .onFailure(failure -> {
                    sending.set(false);
                    String message = AccountsViewModel.message(failure);
                    if (failure instanceof AccountRefusedException refused && refused.field() != null
                            && errors.containsKey(refused.field())) {
                        errors.get(refused.field()).set(message);
                    }
                    error.set(message);
                });
    }

    private String v(String field) {
        String value = values.get(field).get();
        return value == null || value.isBlank() ? null : value.strip();
    }
}
