package org.tutti.client.ui.families;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.FamilyMatch;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilySearchService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * Familles at the front desk: the site's families found as one types (the view asks a moment
 * after the last key; the query runs in the background and an answer to an older text never
 * replaces a newer one) and what the empty list says. The view opens a family's file.
 */
public final class FamilySearchViewModel {

    static final Failures FAILURES = Failures.of("Family search", "families.error.unexpected");

    private final UserSession session;
    private final FamilySearchService service;
    private final BackgroundTasks tasks;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<FamilyMatch> results = FXCollections.observableArrayList();
    private final BooleanProperty searching = new SimpleBooleanProperty(this, "searching");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText",
            I18n.get("families.results.start"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int generation;

    public FamilySearchViewModel(UserSession session, FamilySearchService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Looks for the families the text typed finds; a blank text empties the list. */
    public void search() {
        int current = ++generation;
        String text = searchText.get() == null ? "" : searchText.get().strip();
        if (text.isEmpty()) {
            searching.set(false);
            error.set("");
            results.clear();
            emptyText.set(I18n.get("families.results.start"));
            status.set("");
            return;
        }
        searching.set(true);
        tasks.run(() -> service.search(session, text))
                .onSuccess(found -> {
                    if (current == generation) {
                        searching.set(false);
                        error.set("");
                        show(text, found);
                    }
                })
                .onFailure(failure -> {
                    if (current == generation) {
                        searching.set(false);
                        error.set(FAILURES.message(failure));
                    }
                });
    }

    private void show(String text, List<FamilyMatch> found) {
        results.setAll(found);
        emptyText.set(I18n.get("families.results.none", text));
        if (found.isEmpty()) {
            status.set(I18n.get("families.results.none", text));
        } else if (found.size() >= FamilySearchService.MAX_RESULTS) {
            status.set(I18n.get("families.results.limited", found.size()));
        } else {
            status.set(I18n.get("families.results.count", found.size()));
        }
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<FamilyMatch> results() {
        return results;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** What the empty list says: what to type, or that nothing matches the text. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** How many families the last search found ("3 familles trouvées."), empty before any. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
