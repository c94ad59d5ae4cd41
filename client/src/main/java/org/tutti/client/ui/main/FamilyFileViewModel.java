package org.tutti.client.ui.main;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tutti.client.domain.FamilyFileHeader;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * The header of a family's file window (issue 16): the family's identifier and name, the state of
 * its account, its e-mail and phone, read in the background with the session viewing the family.
 * JavaFX properties only.
 */
public final class FamilyFileViewModel {

    private static final Failures FAILURES = Failures.of("Family file header", "file.header.error");

    private final UserSession viewing;
    private final FamilyFileService service;
    private final BackgroundTasks tasks;
    private final ObjectProperty<FamilyFileHeader> header = new SimpleObjectProperty<>(this, "header");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty account = new SimpleStringProperty(this, "account", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    /** @param viewing the staff session narrowed to the family ({@link UserSession#viewingFamily(long)}) */
    public FamilyFileViewModel(UserSession viewing, FamilyFileService service, BackgroundTasks tasks, String title) {
        this.viewing = Objects.requireNonNull(viewing);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.title.set(title == null ? "" : title);
    }

    /** Reads the header (on opening, and after Modifier: the name, e-mail or phone may have changed). */
    public void load() {
        tasks.run(() -> service.header(viewing)).onSuccess(read -> {
            error.set("");
            header.set(read);
            title.set(read.identifier() + " — " + Formats.personName(read.civility(), read.firstName(), read.lastName()));
            account.set(I18n.get("file.header.account", I18n.get("file.account." + read.account().name())));
            email.set(I18n.get("file.header.email", orNone(read.email())));
            phone.set(I18n.get("file.header.phone", orNone(read.phone())));
        }).onFailure(failure -> error.set(FAILURES.message(failure)));
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? I18n.get("file.header.none") : value;
    }

    public long familyId() {
        return viewing.familyId();
    }

    /** The header read, or null before. */
    public ObjectProperty<FamilyFileHeader> headerProperty() {
        return header;
    }

    /** "F0001 — Mme Claire Martin". */
    public StringProperty titleProperty() {
        return title;
    }

    /** "Compte : actif". */
    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
