package org.tutti.client.ui.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDetail;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.SchoolYearOption;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.StaffReenrolmentService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Réinscriptions (staff): the site's campaign (target year, dates, open or closed), the documents
 * it asks for, and the families' requests with the decision on each. Everything is read and
 * written in the background; every refusal and failure becomes a French message, and what was
 * typed (dates, the comment for the family) stays. After a decision the list is read again and
 * the next request waiting is selected.
 */
public final class ReenrolmentsViewModel {

    /** The filter of the requests by state. */
    public enum StateFilter {
        ALL(null), PENDING(ReenrolmentState.PENDING), VALIDATED(ReenrolmentState.VALIDATED),
        REJECTED(ReenrolmentState.REJECTED);

        private final ReenrolmentState state;

        StateFilter(ReenrolmentState state) {
            this.state = state;
        }

        boolean lets(ReenrolmentSummary summary) {
            return state == null || summary.state() == state;
        }

        /** "Toutes", "En attente", "Validées", "Refusées". */
        public String text() {
            return I18n.get("reenrolments.filter." + name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The longest name of a document type ({@code document_type.name}). */
    public static final int NAME_MAX = 120;
    /** The longest comment for the family ({@code reenrolment_request.decision_comment}). */
    public static final int COMMENT_MAX = 2000;

    private static final Failures FAILURES = Failures.of("Re-enrolments", "reenrolments.error.unexpected");

    private final UserSession session;
    private final StaffReenrolmentService service;
    private final BackgroundTasks tasks;
    private final Clock clock;

    // the campaign
    private final ObjectProperty<ReenrolmentCampaign> campaign = new SimpleObjectProperty<>(this, "campaign");
    private final ObservableList<SchoolYearOption> years = FXCollections.observableArrayList();
    private final ObjectProperty<SchoolYearOption> year = new SimpleObjectProperty<>(this, "year");
    /** ISO text of a date, or the text as typed when it is not one ({@code DatePickers.strict}). */
    private final StringProperty start = new SimpleStringProperty(this, "start", "");
    private final StringProperty end = new SimpleStringProperty(this, "end", "");
    private final StringProperty campaignState = new SimpleStringProperty(this, "campaignState", "");
    private final StringProperty campaignMessage = new SimpleStringProperty(this, "campaignMessage", "");
    private final StringProperty campaignError = new SimpleStringProperty(this, "campaignError", "");
    private final BooleanProperty savingCampaign = new SimpleBooleanProperty(this, "savingCampaign");

    // its document types
    private final ObservableList<DocumentType> types = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentType> selectedType = new SimpleObjectProperty<>(this, "selectedType");
    private final StringProperty typeReason = new SimpleStringProperty(this, "typeReason", "");
    private final StringProperty typesMessage = new SimpleStringProperty(this, "typesMessage", "");
    private final StringProperty typesError = new SimpleStringProperty(this, "typesError", "");
    private final BooleanProperty savingType = new SimpleBooleanProperty(this, "savingType");

    // the requests
    private List<ReenrolmentSummary> all = List.of();
    private final ObservableList<ReenrolmentSummary> requests = FXCollections.observableArrayList();
    private final ObjectProperty<StateFilter> filter = new SimpleObjectProperty<>(this, "filter", StateFilter.PENDING);
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final ObjectProperty<ReenrolmentSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<ReenrolmentDetail> detail = new SimpleObjectProperty<>(this, "detail");
    private final ObservableList<StoredDocument> documents = FXCollections.observableArrayList();
    private final StringProperty detailFamily = new SimpleStringProperty(this, "detailFamily", "");
    private final StringProperty detailStudent = new SimpleStringProperty(this, "detailStudent", "");
    private final StringProperty detailDate = new SimpleStringProperty(this, "detailDate", "");
    private final StringProperty detailState = new SimpleStringProperty(this, "detailState", "");
    private final StringProperty detailChoices = new SimpleStringProperty(this, "detailChoices", "");
    private final StringProperty detailComment = new SimpleStringProperty(this, "detailComment", "");
    private final StringProperty detailDecisionComment = new SimpleStringProperty(this, "detailDecisionComment", "");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty deciding = new SimpleBooleanProperty(this, "deciding");
    private final BooleanBinding decidable;

    public ReenrolmentsViewModel(UserSession session, StaffReenrolmentService service, BackgroundTasks tasks,
            Clock clock) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        filter.addListener((obs, old, f) -> apply(selectedId(), -1, false));
        decidable = Bindings.createBooleanBinding(() -> decidableDetail() != null && !deciding.get(),
                detail, selected, deciding);
    }

    // ------------------------------------------------------------------------------ loading

    private record Loaded(Optional<ReenrolmentCampaign> campaign, List<SchoolYearOption> years,
            List<DocumentType> types, List<ReenrolmentSummary> requests) {
    }

    /**
     * Reads everything again in the background and puts the campaign's year and dates in the form
     * (the screen is shown again: what was typed before is dropped).
     */
    public void refresh() {
        load(true);
    }

    /** Reads the lists and the campaign's state again; the form keeps what is typed (the auto-refresh). */
    public void reload() {
        load(false);
    }

    private void load(boolean form) {
        if (loading.get() || deciding.get()) {
            return;
        }
        loading.set(true);
        tasks.run(() -> {
            Optional<ReenrolmentCampaign> c = service.campaign(session);
            List<SchoolYearOption> y = form || years.isEmpty() ? service.targetYears(session) : List.copyOf(years);
            long id = c.map(ReenrolmentCampaign::id).orElse(0L);
            return new Loaded(c, y, c.isPresent() ? service.documentTypes(session, id) : List.of(),
                    c.isPresent() ? service.requests(session, id) : List.of());
        }).onSuccess(loaded -> {
            loading.set(false);
            error.set("");
            show(loaded, form);
        }).onFailure(failure -> {
            loading.set(false);
            error.set(FAILURES.message(failure));
        });
    }

    private void show(Loaded loaded, boolean form) {
        ReenrolmentCampaign previous = campaign.get();
        ReenrolmentCampaign now = loaded.campaign().orElse(null);
        if (form || !loaded.years().equals(years)) {
            years.setAll(loaded.years());
        }
        campaign.set(now);
        campaignState.set(stateText(now));
        if (form || (now != null && (previous == null || previous.id() != now.id()))) {
            fillForm(now);
        }
        showTypes(loaded.types());
        all = List.copyOf(loaded.requests());
        apply(selectedId(), -1, false);
    }

    private void fillForm(ReenrolmentCampaign c) {
        if (c != null) {
            year.set(years.stream().filter(y -> y.id() == c.targetYearId()).findFirst()
                    .orElse(new SchoolYearOption(c.targetYearId(), c.targetYear())));
            start.set(c.opensOn().toString());
            end.set(c.closesOn().toString());
        } else if (year.get() == null && !years.isEmpty()) {
            year.set(years.get(0));
        }
    }

    // ------------------------------------------------------------------------------ the campaign

    /** "Ouverte du 15/11/2026 au 30/06/2027", "Fermée", "Aucune campagne". */
    static String stateText(ReenrolmentCampaign c) {
        if (c == null) {
            return I18n.get("reenrolments.campaign.none");
        }
        if ("OPEN".equals(c.status())) {
            return I18n.get("reenrolments.campaign.open", Formats.date(c.opensOn()), Formats.date(c.closesOn()));
        }
        return I18n.get("reenrolments.campaign.closed");
    }

    /** Saves the year and dates and opens the campaign; says when families will see it if not today. */
    public void openCampaign() {
        if (savingCampaign.get()) {
            return;
        }
        campaignMessage.set("");
        SchoolYearOption target = year.get();
        LocalDate from = isoDate(start.get());
        LocalDate to = isoDate(end.get());
        if (target == null) {
            campaignError.set(I18n.get("reenrolments.campaign.error.year"));
        } else if (from == null) {
            campaignError.set(I18n.get("reenrolments.campaign.error.start"));
        } else if (to == null) {
            campaignError.set(I18n.get("reenrolments.campaign.error.end"));
        } else if (!to.isAfter(from)) {
            campaignError.set(I18n.get("reenrolments.campaign.error.invalidDates"));
        } else {
            saveCampaign(target.id(), from, to, true);
        }
    }

    /** Closes the campaign (the view has asked for a confirmation). */
    public void closeCampaign() {
        ReenrolmentCampaign c = campaign.get();
        if (c == null || !"OPEN".equals(c.status()) || savingCampaign.get()) {
            return;
        }
        campaignMessage.set("");
        saveCampaign(c.targetYearId(), c.opensOn(), c.closesOn(), false);
    }

    private void saveCampaign(long yearId, LocalDate from, LocalDate to, boolean open) {
        savingCampaign.set(true);
        campaignError.set("");
        tasks.run(() -> service.saveCampaign(session, yearId, from, to, open)).onSuccess(saved -> {
            savingCampaign.set(false);
            campaign.set(saved);
            campaignState.set(stateText(saved));
            campaignMessage.set(open ? openedText(saved) : I18n.get("reenrolments.campaign.closedNow"));
            fillForm(saved);
            reload();
        }).onFailure(failure -> {
            savingCampaign.set(false);
            if (failure instanceof ReenrolmentRefusedException r
                    && r.reason() == ReenrolmentRefusedException.Reason.INVALID_DATES) {
                campaignError.set(I18n.get("reenrolments.campaign.error.invalidDates"));
            } else {
                campaignError.set(FAILURES.message(failure));
            }
        });
    }

    /** The date of ISO text (what the date fields hold for a date), or null for text typed that is not one. */
    private static LocalDate isoDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private String openedText(ReenrolmentCampaign c) {
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(c.opensOn())) {
            return I18n.get("reenrolments.campaign.openedLater", Formats.date(c.opensOn()));
        }
        if (today.isAfter(c.closesOn())) {
            return I18n.get("reenrolments.campaign.openedPast", Formats.date(c.closesOn()));
        }
        return I18n.get("reenrolments.campaign.openedNow", Formats.date(c.closesOn()));
    }

    // ------------------------------------------------------------------------------ document types

    private void showTypes(List<DocumentType> list) {
        Long keep = selectedType.get() == null ? null : selectedType.get().id();
        types.setAll(list);
        selectType(keep == null ? null : list.stream().filter(t -> t.id() == keep).findFirst().orElse(null));
    }

    public void selectType(DocumentType type) {
        selectedType.set(type);
        typeReason.set(reasonFor(type));
    }

    /** Why Renommer and Supprimer are disabled for {@code type}, or "". */
    private static String reasonFor(DocumentType type) {
        if (type == null || type.uses() == 0) {
            return "";
        }
        return type.uses() == 1 ? I18n.get("reenrolments.types.inUse.one")
                : I18n.get("reenrolments.types.inUse.many", type.uses());
    }

    /** "2 documents", "aucun": how many imported documents use a type. */
    public static String usesText(long uses) {
        return uses == 0 ? I18n.get("reenrolments.types.uses.none")
                : uses == 1 ? I18n.get("reenrolments.types.uses.one") : I18n.get("reenrolments.types.uses.many", uses);
    }

    /** "oui" or "non". */
    public static String yesNo(boolean value) {
        return I18n.get(value ? "reenrolments.yes" : "reenrolments.no");
    }

    /** Adds a document to ask for; false (and a message) when the name is empty or no campaign exists. */
    public boolean addType(String name, boolean required) {
        ReenrolmentCampaign c = campaign.get();
        String clean = clean(name);
        if (c == null) {
            typesError.set(I18n.get("reenrolments.types.error.noCampaign"));
            return false;
        }
        if (clean.isEmpty()) {
            typesError.set(I18n.get("reenrolments.types.error.name"));
            return false;
        }
        saveType(() -> service.addDocumentType(session, c.id(), clean, required),
                I18n.get("reenrolments.types.added", clean));
        return true;
    }

    /** Renames the selected type (unused only). */
    public boolean renameType(String name) {
        DocumentType type = selectedType.get();
        String clean = clean(name);
        if (type == null || type.uses() > 0) {
            return false;
        }
        if (clean.isEmpty()) {
            typesError.set(I18n.get("reenrolments.types.error.name"));
            return false;
        }
        if (clean.equals(type.name())) {
            return true;
        }
        saveType(() -> service.updateDocumentType(session, type.id(), clean, type.required()),
                I18n.get("reenrolments.types.renamed", type.name(), clean));
        return true;
    }

    /** Asks for the selected type, or not, as required. */
    public void setRequired(boolean required) {
        DocumentType type = selectedType.get();
        if (type == null || type.required() == required) {
            return;
        }
        saveType(() -> service.updateDocumentType(session, type.id(), type.name(), required),
                I18n.get(required ? "reenrolments.types.nowRequired" : "reenrolments.types.nowOptional", type.name()));
    }

    /** Removes the selected type (unused only; the view has asked for a confirmation). */
    public void removeType() {
        DocumentType type = selectedType.get();
        if (type == null || type.uses() > 0) {
            return;
        }
        saveType(() -> {
            service.removeDocumentType(session, type.id());
            return null;
        }, I18n.get("reenrolments.types.removed", type.name()));
    }

    /** A type added or changed (null when removed), and the campaign's types read again. */
    private record TypesSaved(DocumentType saved, List<DocumentType> types) {
    }

    private void saveType(Callable<DocumentType> work, String done) {
        if (savingType.get()) {
            return;
        }
        ReenrolmentCampaign c = campaign.get();
        savingType.set(true);
        typesError.set("");
        typesMessage.set("");
        tasks.run(() -> {
            DocumentType saved = work.call();
            return new TypesSaved(saved, service.documentTypes(session, c.id()));
        }).onSuccess(result -> {
            savingType.set(false);
            typesMessage.set(done);
            DocumentType saved = result.saved();
            types.setAll(result.types());
            selectType(saved == null ? null
                    : result.types().stream().filter(t -> t.id() == saved.id()).findFirst().orElse(null));
        }).onFailure(failure -> {
            savingType.set(false);
            typesError.set(typeFailure(failure));
            // the uses may have changed meanwhile: read the list again
            reload();
        });
    }

    private static String typeFailure(Throwable failure) {
        if (failure instanceof ReenrolmentRefusedException r) {
            switch (r.reason()) {
                case DUPLICATE:
                    return I18n.get("reenrolments.types.error.duplicate");
                case IN_USE:
                    return I18n.get("reenrolments.types.error.inUse");
                case TOO_LONG:
                    return I18n.get("reenrolments.types.error.tooLong", NAME_MAX);
                default:
                    break;
            }
        }
        return FAILURES.message(failure);
    }

    private static String clean(String name) {
        return name == null ? "" : name.strip();
    }

    // ------------------------------------------------------------------------------ the requests

    private Long selectedId() {
        return selected.get() == null ? null : selected.get().id();
    }

    /**
     * Shows the requests the filter lets through and selects {@code keep} when it is shown. After
     * a decision ({@code nextFrom} >= 0, {@code moveOn}) the next request waiting from that row on
     * is selected instead (the previous ones when none follows).
     */
    private void apply(Long keep, int nextFrom, boolean moveOn) {
        StateFilter f = filter.get();
        List<ReenrolmentSummary> shown = all.stream().filter(f::lets).toList();
        requests.setAll(shown);
        long waiting = all.stream().filter(r -> r.state() == ReenrolmentState.PENDING).count();
        count.set(countText(f, shown.size(), waiting));
        ReenrolmentSummary again = null;
        if (!moveOn && keep != null) {
            again = shown.stream().filter(r -> r.id() == keep).findFirst().orElse(null);
        }
        if (again == null && nextFrom >= 0) {
            again = nextPending(shown, nextFrom, keep);
        }
        select(again);
    }

    private static ReenrolmentSummary nextPending(List<ReenrolmentSummary> shown, int from, Long decided) {
        List<ReenrolmentSummary> order = new ArrayList<>();
        order.addAll(shown.subList(Math.min(from, shown.size()), shown.size()));
        List<ReenrolmentSummary> before = new ArrayList<>(shown.subList(0, Math.min(from, shown.size())));
        java.util.Collections.reverse(before);
        order.addAll(before);
        return order.stream().filter(r -> r.state() == ReenrolmentState.PENDING
                && (decided == null || r.id() != decided)).findFirst().orElse(null);
    }

    private static String countText(StateFilter f, int shown, long waiting) {
        String key = "reenrolments.count." + f.name().toLowerCase(java.util.Locale.ROOT);
        String text = shown == 1 ? I18n.get(key + ".one") : I18n.get(key + ".many", shown);
        if (f != StateFilter.PENDING) {
            text = I18n.get("reenrolments.count.withWaiting", text, waiting);
        }
        return text;
    }

    /** Selects a request and reads its detail in the background; null clears. */
    public void select(ReenrolmentSummary summary) {
        ReenrolmentSummary before = selected.get();
        selected.set(summary);
        if (summary == null) {
            showDetail(null);
            return;
        }
        ReenrolmentDetail current = detail.get();
        if (before != null && before.equals(summary) && current != null && current.summary().id() == summary.id()) {
            return; // the same request, unchanged: its detail stands
        }
        long id = summary.id();
        tasks.run(() -> service.detail(session, id)).onSuccess(d -> {
            if (Objects.equals(selectedId(), id)) {
                showDetail(d);
            }
        }).onFailure(failure -> {
            // the previous request's detail must not stay beside this one (nor be decided for it)
            if (Objects.equals(selectedId(), id)) {
                showDetail(null);
            }
            error.set(FAILURES.message(failure));
        });
    }

    /** The detail shown when it is the selected request's and that request waits; null otherwise. */
    private ReenrolmentDetail decidableDetail() {
        ReenrolmentDetail d = detail.get();
        return d != null && Objects.equals(selectedId(), d.summary().id())
                && d.request().state() == ReenrolmentState.PENDING ? d : null;
    }

    private void showDetail(ReenrolmentDetail d) {
        detail.set(d);
        if (d == null) {
            documents.clear();
            for (StringProperty p : List.of(detailFamily, detailStudent, detailDate, detailState, detailChoices,
                    detailComment, detailDecisionComment)) {
                p.set("");
            }
            return;
        }
        ReenrolmentSummary s = d.summary();
        SentReenrolment r = d.request();
        detailFamily.set(familyText(s));
        detailStudent.set(s.studentName());
        detailDate.set(dateTime(r.submittedAt()));
        detailState.set(stateText(r));
        detailChoices.set(r.administrative() ? I18n.get("reenrolments.detail.administrative")
                : String.join("\n", r.choices().stream().map(c -> "• " + c).toList()));
        detailComment.set(r.comment() == null ? "" : r.comment());
        detailDecisionComment.set(r.decisionComment() == null ? "" : r.decisionComment().strip());
        documents.setAll(r.documents());
    }

    /** "F0001 — Ferrari". */
    public static String familyText(ReenrolmentSummary s) {
        return I18n.get("reenrolments.family", s.familyIdentifier(), s.familyName());
    }

    /** "En attente", "Validée", "Refusée". */
    public static String stateText(ReenrolmentState state) {
        return I18n.get("reenrolments.state." + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The state, with when it was decided ("Refusée le 21/11/2026 10:00"). */
    private String stateText(SentReenrolment r) {
        String text = stateText(r.state());
        if (r.decidedAt() != null) {
            text = I18n.get("reenrolments.detail.decidedOn", text, dateTime(r.decidedAt()));
        }
        return text;
    }

    /** "26/11/2026 14:05" in the computer's time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, clock.getZone());
    }

    /** Reads a document's content (for the viewer, which calls it in the background). */
    public Callable<byte[]> content(StoredDocument document) {
        long id = document.id();
        return () -> service.documentContent(session, id);
    }

    public void accept() {
        decide(true);
    }

    public void reject() {
        decide(false);
    }

    private void decide(boolean accept) {
        ReenrolmentDetail d = decidableDetail();
        if (d == null || deciding.get()) {
            return;
        }
        String text = comment.get() == null ? "" : comment.get().strip();
        status.set("");
        if (!accept && text.isEmpty()) {
            error.set(I18n.get("reenrolments.error.commentRequired"));
            return;
        }
        error.set("");
        long id = d.summary().id();
        int row = indexOf(id);
        deciding.set(true);
        tasks.run(() -> service.decide(session, id, accept, text.isEmpty() ? null : text)).onSuccess(result -> {
            deciding.set(false);
            decided(result, id, row);
        }).onFailure(failure -> {
            deciding.set(false);
            error.set(decisionFailure(failure));
        });
    }

    private int indexOf(long id) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).id() == id) {
                return i;
            }
        }
        return 0;
    }

    private void decided(DecisionResult result, long id, int row) {
        boolean moveOn = false;
        switch (result.outcome()) {
            case ACCEPTED -> {
                status.set(I18n.get("reenrolments.status.accepted"));
                moveOn = true;
            }
            case REJECTED -> {
                status.set(I18n.get("reenrolments.status.rejected"));
                moveOn = true;
            }
            case ALREADY_DECIDED -> error.set(I18n.get("reenrolments.error.alreadyDecided"));
            case FORBIDDEN -> error.set(I18n.get("reenrolments.error.forbidden"));
            default -> error.set(I18n.get("reenrolments.error.unexpected"));
        }
        if (moveOn) {
            comment.set("");
        }
        boolean next = moveOn;
        loading.set(true);
        tasks.run(() -> {
            ReenrolmentCampaign c = campaign.get();
            return c == null ? List.<ReenrolmentSummary>of() : service.requests(session, c.id());
        }).onSuccess(list -> {
            loading.set(false);
            all = List.copyOf(list);
            // the request decided elsewhere: its detail is read again to show the decision
            if (!next) {
                detail.set(null);
            }
            apply(id, row, next);
        }).onFailure(failure -> {
            loading.set(false);
            error.set(FAILURES.message(failure));
        });
    }

    private static String decisionFailure(Throwable failure) {
        if (failure instanceof ReenrolmentRefusedException r) {
            switch (r.reason()) {
                case BUSY:
                    return I18n.get("reenrolments.error.busy");
                case TOO_LONG:
                    return I18n.get("reenrolments.error.tooLong", COMMENT_MAX);
                default:
                    break;
            }
        }
        return FAILURES.message(failure);
    }

    // ------------------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<ReenrolmentCampaign> campaignProperty() {
        return campaign;
    }

    public ObservableList<SchoolYearOption> years() {
        return years;
    }

    public ObjectProperty<SchoolYearOption> yearProperty() {
        return year;
    }

    /** The start date as ISO text, or as typed when it is not a date. */
    public StringProperty startProperty() {
        return start;
    }

    public StringProperty endProperty() {
        return end;
    }

    public ReadOnlyStringProperty campaignStateProperty() {
        return campaignState;
    }

    public ReadOnlyStringProperty campaignMessageProperty() {
        return campaignMessage;
    }

    public ReadOnlyStringProperty campaignErrorProperty() {
        return campaignError;
    }

    public ReadOnlyBooleanProperty savingCampaignProperty() {
        return savingCampaign;
    }

    public ObservableList<DocumentType> types() {
        return types;
    }

    public ReadOnlyObjectProperty<DocumentType> selectedTypeProperty() {
        return selectedType;
    }

    /** Why the selected type cannot be renamed or removed, or "". */
    public ReadOnlyStringProperty typeReasonProperty() {
        return typeReason;
    }

    public ReadOnlyStringProperty typesMessageProperty() {
        return typesMessage;
    }

    public ReadOnlyStringProperty typesErrorProperty() {
        return typesError;
    }

    public ReadOnlyBooleanProperty savingTypeProperty() {
        return savingType;
    }

    public ObservableList<ReenrolmentSummary> requests() {
        return requests;
    }

    public ObjectProperty<StateFilter> filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    public ReadOnlyObjectProperty<ReenrolmentSummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ReenrolmentDetail> detailProperty() {
        return detail;
    }

    public ObservableList<StoredDocument> documents() {
        return documents;
    }

    public ReadOnlyStringProperty detailFamilyProperty() {
        return detailFamily;
    }

    public ReadOnlyStringProperty detailStudentProperty() {
        return detailStudent;
    }

    public ReadOnlyStringProperty detailDateProperty() {
        return detailDate;
    }

    public ReadOnlyStringProperty detailStateProperty() {
        return detailState;
    }

    /** "Réinscription administrative", or the courses chosen one per line. */
    public ReadOnlyStringProperty detailChoicesProperty() {
        return detailChoices;
    }

    public ReadOnlyStringProperty detailCommentProperty() {
        return detailComment;
    }

    /** The front desk's comment on a decided request (always given with a refusal), or "". */
    public ReadOnlyStringProperty detailDecisionCommentProperty() {
        return detailDecisionComment;
    }

    /** The comment for the family (required to refuse). */
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

    /** True while the selected request waits and no decision runs: Valider and Refuser are enabled. */
    public BooleanBinding decidableProperty() {
        return decidable;
    }
}
