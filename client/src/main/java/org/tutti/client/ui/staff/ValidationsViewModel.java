package org.tutti.client.ui.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.PendingChange;
import org.tutti.client.service.StaffChangesService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.FieldCatalogue;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Validations (staff): the site's waiting change requests as a tree (family, then its fields and
 * its students with theirs), the selection the buttons act on (a field, or every field of a
 * family or a student), the optional comment, and the decisions, run in the background. A
 * conflict (the row changed since the request) and a request already decided by someone else
 * are asked / told through {@link Prompts}, which the view implements with dialogs. A filter on
 * the family (identifier or name, accents and case ignored) narrows the tree as it is typed; the
 * count line says how many changes wait and, when filtered, how many are shown.
 */
public final class ValidationsViewModel {

    /** What an entry of the tree is. */
    public enum Kind { FAMILY, STUDENT, FIELD }

    /**
     * One entry of the tree: {@code changes} are the requests it stands for (one for a field, all
     * of the group's for a family or a student). {@code key} identifies it across reloads.
     */
    public record Entry(String key, Kind kind, String text, List<PendingChange> changes, List<Entry> children) {
        public Entry {
            changes = List.copyOf(changes);
            children = List.copyOf(children);
        }
    }

    /** The staff member's answer to a conflict. */
    public enum ConflictChoice { ACCEPT_ANYWAY, REJECT, CANCEL }

    /** Questions and messages the decisions need (dialogs in the application, answers in tests). */
    public interface Prompts {
        /** The row changed since the request: accept anyway, reject, or leave it waiting. */
        ConflictChoice conflict(PendingChange change, String currentValue);

        /** Another staff member decided this request first. */
        void alreadyDecided(PendingChange change);
    }

    private static final Failures FAILURES = Failures.of("Validations", "validations.error");

    private final UserSession session;
    private final StaffChangesService service;
    private final BackgroundTasks tasks;
    private Prompts prompts;

    private final ObservableList<Entry> roots = FXCollections.observableArrayList();
    private final ObservableList<PendingChange> selection = FXCollections.observableArrayList();
    private final StringProperty selectedKey = new SimpleStringProperty(this, "selectedKey");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty deciding = new SimpleBooleanProperty(this, "deciding");
    private final BooleanProperty empty = new SimpleBooleanProperty(this, "empty");
    /** Every waiting change, as last read (the tree shows those the filter lets through). */
    private List<PendingChange> all = List.of();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final StringProperty noMatch = new SimpleStringProperty(this, "noMatch", "");

    public ValidationsViewModel(UserSession session, StaffChangesService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        filter.addListener((obs, old, text) -> apply());
    }

    public void setPrompts(Prompts prompts) {
        this.prompts = prompts;
    }

    /** Reloads the list in the background (skipped while a load or a decision runs); keeps the selection when it is still there. */
    public void refresh() {
        if (loading.get() || deciding.get()) {
            return;
        }
        loading.set(true);
        tasks.run(() -> service.pending(session)).onSuccess(this::show).onFailure(failure -> {
            loading.set(false);
            failed(failure);
        });
    }

    private void show(List<PendingChange> changes) {
        loading.set(false);
        error.set("");
        all = List.copyOf(changes);
        apply();
    }

    /** Shows the changes the filter lets through; the selection stays if it is still shown, else is cleared. */
    private void apply() {
        String keep = selectedKey.get();
        List<PendingChange> shown = all.stream().filter(matcher(filter.get())).toList();
        roots.setAll(group(shown));
        empty.set(all.isEmpty());
        boolean filtered = !I18n.folded(filter.get()).isBlank();
        if (all.isEmpty()) {
            count.set("");
        } else if (filtered) {
            count.set(I18n.get("validations.count.filtered", plural("validations.count.shown", shown.size()), all.size()));
        } else {
            count.set(plural("validations.count.waiting", all.size()));
        }
        noMatch.set(filtered && shown.isEmpty() && !all.isEmpty()
                ? I18n.get("validations.filter.none", filter.get().strip()) : "");
        Entry again = keep == null ? null : find(roots, keep);
        select(again);
    }

    /**
     * Whether a change's family matches what is typed in the filter: every word typed appears in
     * the family's identifier or name ("ferrari apo" finds
     * "Ferrari Apolline", "F0001" its family); accents and case ignored; blank lets all through.
     */
    static Predicate<PendingChange> matcher(String typed) {
        List<String> words = Arrays.stream(I18n.folded(typed).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return change -> true;
        }
        return change -> {
            String family = I18n.folded(change.familyIdentifier() + " " + change.familyName());
            return words.stream().allMatch(family::contains);
        };
    }


    /** Families in the order of their oldest request; in each, its own fields, then each student's. */
    static List<Entry> group(List<PendingChange> changes) {
        Map<Long, List<PendingChange>> byFamily = new LinkedHashMap<>();
        for (PendingChange c : changes) {
            byFamily.computeIfAbsent(c.familyId(), id -> new ArrayList<>()).add(c);
        }
        List<Entry> families = new ArrayList<>();
        for (List<PendingChange> family : byFamily.values()) {
            PendingChange first = family.get(0);
            List<Entry> children = new ArrayList<>();
            Map<Long, List<PendingChange>> byStudent = new LinkedHashMap<>();
            for (PendingChange c : family) {
                if (c.isStudent()) {
                    byStudent.computeIfAbsent(c.studentId(), id -> new ArrayList<>()).add(c);
                } else {
                    children.add(field(c));
                }
            }
            for (List<PendingChange> student : byStudent.values()) {
                PendingChange s = student.get(0);
                children.add(new Entry("S" + s.studentId(), Kind.STUDENT,
                        I18n.get("validations.student", s.studentName() == null ? "" : s.studentName()),
                        student, student.stream().map(ValidationsViewModel::field).toList()));
            }
            families.add(new Entry("F" + first.familyId(), Kind.FAMILY,
                    I18n.get("validations.family", first.familyIdentifier(),
                            Formats.personName(first.familyCivility(), first.familyName(), null)), family, children));
        }
        return families;
    }

    private static Entry field(PendingChange c) {
        return new Entry("C" + c.requestId(), Kind.FIELD,
                I18n.get("validations.change", fieldLabel(c.fieldName()), value(c.fieldName(), c.oldValue()),
                        value(c.fieldName(), c.newValue())),
                List.of(c), List.of());
    }

    /** "Adresse" for {@code address1}: the label every surface uses ({@link FieldCatalogue}). */
    public static String fieldLabel(String field) {
        return FieldCatalogue.label(field);
    }

    /** A value as the user reads it ({@link FieldCatalogue#valueText}), "(vide)" for none. */
    public static String value(String field, String value) {
        String text = FieldCatalogue.valueText(field, value);
        return text.isEmpty() ? I18n.get("validations.emptyValue") : text;
    }

    private static Entry find(List<Entry> entries, String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
            Entry inside = find(e.children(), key);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    /** Selects an entry (a field, or a family/student and so all its fields); null clears. */
    public void select(Entry entry) {
        if (entry == null) {
            selection.clear();
            selectedKey.set(null);
        } else {
            selection.setAll(entry.changes());
            selectedKey.set(entry.key());
        }
    }

    public void accept() {
        decide(true);
    }

    public void reject() {
        decide(false);
    }

    private record Decided(PendingChange change, DecisionResult result) {
    }

    private void decide(boolean accept) {
        if (selection.isEmpty() || deciding.get()) {
            return;
        }
        List<PendingChange> chosen = List.copyOf(selection);
        String text = comment.get();
        deciding.set(true);
        status.set("");
        error.set("");
        tasks.run(() -> {
            List<Decided> results = new ArrayList<>();
            for (PendingChange c : chosen) {
                results.add(new Decided(c, service.decide(session, c.requestId(), accept, text, false)));
            }
            return results;
        }).onSuccess(results -> afterFirstRound(results, text)).onFailure(this::decisionFailed);
    }

    /** Conflicts are asked one by one; the answers are sent in a second round. */
    private void afterFirstRound(List<Decided> results, String text) {
        Counts counts = new Counts();
        List<PendingChange> forced = new ArrayList<>();
        List<PendingChange> rejected = new ArrayList<>();
        for (Decided d : results) {
            switch (d.result().outcome()) {
                case CONFLICT -> {
                    ConflictChoice choice = prompts == null ? ConflictChoice.CANCEL
                            : prompts.conflict(d.change(), d.result().currentValue());
                    switch (choice) {
                        case ACCEPT_ANYWAY -> forced.add(d.change());
                        case REJECT -> rejected.add(d.change());
                        case CANCEL -> counts.left++;
                    }
                }
                default -> counts.count(d, prompts);
            }
        }
        if (forced.isEmpty() && rejected.isEmpty()) {
            finish(counts);
            return;
        }
        tasks.run(() -> {
            List<Decided> second = new ArrayList<>();
            for (PendingChange c : forced) {
                second.add(new Decided(c, service.decide(session, c.requestId(), true, text, true)));
            }
            for (PendingChange c : rejected) {
                second.add(new Decided(c, service.decide(session, c.requestId(), false, text, false)));
            }
            return second;
        }).onSuccess(second -> {
            for (Decided d : second) {
                counts.count(d, prompts);
            }
            finish(counts);
        }).onFailure(this::decisionFailed);
    }

    private final class Counts {
        int accepted;
        int rejected;
        int alreadyDecided;
        int forbidden;
        int left;

        void count(Decided d, Prompts asker) {
            switch (d.result().outcome()) {
                case ACCEPTED -> accepted++;
                case REJECTED -> rejected++;
                case ALREADY_DECIDED -> {
                    alreadyDecided++;
                    if (asker != null) {
                        asker.alreadyDecided(d.change());
                    }
                }
                case FORBIDDEN -> forbidden++;
                case CONFLICT -> left++;
            }
        }
    }

    private void finish(Counts counts) {
        deciding.set(false);
        List<String> parts = new ArrayList<>();
        if (counts.accepted > 0) {
            parts.add(plural("validations.status.accepted", counts.accepted));
        }
        if (counts.rejected > 0) {
            parts.add(plural("validations.status.rejected", counts.rejected));
        }
        if (counts.alreadyDecided > 0) {
            parts.add(I18n.get("validations.alreadyDecided"));
        }
        if (counts.forbidden > 0) {
            parts.add(plural("validations.status.forbidden", counts.forbidden));
        }
        if (counts.left > 0) {
            parts.add(plural("validations.status.left", counts.left));
        }
        status.set(String.join(" ", parts));
        if (counts.accepted + counts.rejected > 0) {
            comment.set("");
        }
        refresh();
    }

    /** "1 modification acceptée." / "3 modifications acceptées.": {@code key.one} or {@code key.many}. */
    static String plural(String key, int count) {
        return count == 1 ? I18n.get(key + ".one") : I18n.get(key + ".many", count);
    }

    private void decisionFailed(Throwable failure) {
        deciding.set(false);
        failed(failure);
        refresh();
    }

    private void failed(Throwable failure) {
        error.set(FAILURES.message(failure));
    }

    public ObservableList<Entry> roots() {
        return roots;
    }

    /** The requests the buttons act on. */
    public ObservableList<PendingChange> selection() {
        return selection;
    }

    public ReadOnlyStringProperty selectedKeyProperty() {
        return selectedKey;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty decidingProperty() {
        return deciding;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    /** What the filter field holds: narrows the tree to the families it names. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** "12 modifications en attente", or when filtered "3 modifications affichées sur 12"; empty when none waits. */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    /** The empty-state text when the filter matches no family, else empty. */
    public ReadOnlyStringProperty noMatchProperty() {
        return noMatch;
    }
}
