package org.tutti.client.ui.students;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.documents.CheckedDocument;
import org.tutti.client.documents.DocumentInspector;
import org.tutti.client.documents.DocumentRefusedException;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.NewDocument;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentCourse;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.DocumentTexts;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Élèves › Réinscription (seed manual, onglet Réinscription). The tab exists only while the
 * family's site has a campaign open today ({@link #availableProperty()}); it shows the selected
 * student's form: either administrative re-enrolment or the courses the student continues
 * ("soit … soit": ticking one side unticks the other), the documents the school asks for,
 * imported one per type after a check of their content, a comment, and Valider, which refuses
 * an incomplete request before anything is sent. A sent request is shown read-only with its
 * state. Nothing typed, ticked or imported is lost when the school's database refuses the
 * request; it counts as unsaved edits until it is sent.
 */
public final class ReenrolmentViewModel {

    /** The comment's limit ({@code too_long:comment:4000}). */
    public static final int MAX_COMMENT_LENGTH = 4000;

    static final Failures FAILURES = Failures.of("Re-enrolment", "reenrolment.error.unexpected")
            .with(ServiceException.Reason.NOT_FOUND, "reenrolment.error.notFound");

    /** One box to tick: a course the student follows this year. */
    public static final class CourseChoice {
        private final ReenrolmentCourse course;
        private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

        CourseChoice(ReenrolmentCourse course) {
            this.course = course;
        }

        public ReenrolmentCourse course() {
            return course;
        }

        public String label() {
            return course.label();
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    /**
     * One line of the documents table: an imported file not yet sent ({@code draft} set), or a
     * document of the request already sent.
     */
    public record DocumentLine(long typeId, String typeName, String fileName, String contentType, long size,
            CheckedDocument draft) {

        /** "PDF", "PNG", "JPEG". */
        public String format() {
            return DocumentTexts.format(contentType);
        }
    }

    private final UserSession session;
    private final ReenrolmentService service;
    private final BackgroundTasks tasks;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<ReenrolmentCampaign> campaign = new ReadOnlyObjectWrapper<>(this, "campaign");
    private final ReadOnlyObjectWrapper<ReenrolmentForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyObjectWrapper<SentReenrolment> sent = new ReadOnlyObjectWrapper<>(this, "sent");
    private final BooleanProperty administrative = new SimpleBooleanProperty(this, "administrative");
    private final ObservableList<CourseChoice> courses = FXCollections.observableArrayList();
    private final ObservableList<DocumentType> documentTypes = FXCollections.observableArrayList();
    private final ObservableList<DocumentLine> documents = FXCollections.observableArrayList();
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyBooleanWrapper anyChosen = new ReadOnlyBooleanWrapper(this, "anyChosen");
    private final BooleanBinding available;
    private final BooleanBinding pending;
    private final BooleanBinding readOnly;
    private final BooleanBinding importAllowed;
    private final StringBinding importReason;
    private Consumer<String> onSubmitted = message -> { };
    private Long studentId;
    /** Set while a box is being unticked because the other side was ticked ("soit … soit"). */
    private boolean exclusive;

    public ReenrolmentViewModel(UserSession session, ReenrolmentService service, BackgroundTasks tasks) {
        this(session, service, tasks, ZoneId.systemDefault());
    }

    ReenrolmentViewModel(UserSession session, ReenrolmentService service, BackgroundTasks tasks, ZoneId zone) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.zone = Objects.requireNonNull(zone);
        available = campaign.isNotNull();
        pending = Bindings.createBooleanBinding(
                () -> sent.get() != null && sent.get().state() == ReenrolmentState.PENDING, sent);
        readOnly = sent.isNotNull().or(sending).or(loading).or(form.isNull());
        importAllowed = readOnly.not().and(anyChosen);
        importReason = Bindings.createStringBinding(
                () -> readOnly.get() || anyChosen.get() ? "" : I18n.get("reenrolment.import.reason"),
                readOnly, anyChosen);
        administrative.addListener((obs, was, on) -> {
            if (on && !exclusive) {
                exclusive = true;
                courses.forEach(c -> c.chosenProperty().set(false));
                exclusive = false;
            }
            updateChosen();
        });
    }

    /** Called when the request was recorded, with the confirmation to show (a dialog). */
    public void setOnSubmitted(Consumer<String> onSubmitted) {
        this.onSubmitted = Objects.requireNonNull(onSubmitted);
    }

    /**
     * Asks the database whether the site's campaign is open today (in the background), then
     * shows {@code student}'s form if it is. Élèves calls it each time it is shown.
     */
    public void reload(Long student) {
        studentId = student;
        tasks.run(() -> service.openCampaign(session))
                .onSuccess(open -> {
                    campaign.set(open.orElse(null));
                    show(studentId);
                })
                .onFailure(failure -> {
                    // the tab stays away; the other tabs say the database cannot be reached
                    FAILURES.key(failure);
                    campaign.set(null);
                    show(studentId);
                });
    }

    /** Réessayer, after the form could not be read: reads it again. */
    public void retry() {
        reload(studentId);
    }

    /** Shows {@code student}'s form (read in the background), dropping the previous student's draft. */
    public void show(Long student) {
        studentId = student;
        clearDraft();
        form.set(null);
        sent.set(null);
        error.set("");
        loadError.set("");
        if (student == null || campaign.get() == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        tasks.run(() -> service.form(session, student))
                .onSuccess(loaded -> {
                    if (Objects.equals(student, studentId)) {
                        loading.set(false);
                        apply(loaded);
                    }
                })
                .onFailure(failure -> {
                    if (Objects.equals(student, studentId)) {
                        loading.set(false);
                        loadError.set(FAILURES.message(failure));
                    }
                });
    }

    private void apply(ReenrolmentForm loaded) {
        clearDraft();
        documentTypes.setAll(loaded.documentTypes());
        List<CourseChoice> choices = new ArrayList<>();
        for (ReenrolmentCourse course : loaded.courses()) {
            CourseChoice choice = new CourseChoice(course);
            choice.chosenProperty().addListener((obs, was, on) -> {
                if (on && !exclusive) {
                    exclusive = true;
                    administrative.set(false);
                    exclusive = false;
                }
                updateChosen();
            });
            choices.add(choice);
        }
        courses.setAll(choices);
        SentReenrolment request = loaded.sent().orElse(null);
        if (request != null) {
            exclusive = true;
            administrative.set(request.administrative());
            courses.forEach(c -> c.chosenProperty().set(request.choices().contains(c.label())));
            exclusive = false;
            comment.set(request.comment() == null ? "" : request.comment());
            documents.setAll(request.documents().stream().map(ReenrolmentViewModel::line).toList());
            updateChosen();
        }
        sent.set(request);
        form.set(loaded);
    }

    private static DocumentLine line(StoredDocument stored) {
        return new DocumentLine(0, stored.typeName(), stored.fileName(), stored.contentType(), stored.sizeBytes(), null);
    }

    private void clearDraft() {
        exclusive = true;
        administrative.set(false);
        courses.forEach(c -> c.chosenProperty().set(false));
        exclusive = false;
        courses.clear();
        documents.clear();
        comment.set("");
        updateChosen();
    }

    private void updateChosen() {
        anyChosen.set(administrative.get() || courses.stream().anyMatch(c -> c.chosenProperty().get()));
    }

    /** Leaves Élèves or another student: the draft is dropped (the user agreed). */
    public void revert() {
        if (sent.get() == null && form.get() != null && !sending.get()) {
            ReenrolmentForm shown = form.get();
            apply(shown);
        }
        error.set("");
    }

    /** True while boxes, documents or a comment would be lost by leaving. */
    public boolean hasUnsavedEdits() {
        if (readOnly.get() && !sending.get()) {
            return false;
        }
        return anyChosen.get() || !documents.isEmpty() || !comment.get().isBlank();
    }

    // --- documents

    /** The site's limit for one document. */
    public long maxDocumentBytes() {
        ReenrolmentCampaign open = campaign.get();
        return open == null ? 2L * 1024 * 1024 : open.maxDocumentBytes();
    }

    /** A model for the import dialog, checking files against this campaign's limit. */
    public ImportViewModel newImport() {
        return new ImportViewModel(this, tasks);
    }

    /** Whether a document of {@code type} was imported already (importing another replaces it). */
    public boolean hasDocument(DocumentType type) {
        return documents.stream().anyMatch(d -> d.draft() != null && d.typeId() == type.id());
    }

    /** Adds the checked document for {@code type}, replacing the one imported for it before. */
    public void addDocument(DocumentType type, CheckedDocument document) {
        if (readOnly.get()) {
            return;
        }
        DocumentLine line = new DocumentLine(type.id(), type.name(), document.fileName(), document.contentType(),
                document.size(), document);
        error.set("");
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).draft() != null && documents.get(i).typeId() == type.id()) {
                documents.set(i, line);
                return;
            }
        }
        documents.add(line);
    }

    /** Retirer: removes an imported document before Valider. */
    public void remove(DocumentLine line) {
        if (!readOnly.get() && line != null && line.draft() != null) {
            documents.remove(line);
        }
    }

    // --- Valider

    /** Valider: refuses an incomplete request with a message, else sends it in the background. */
    public void submit() {
        ReenrolmentForm shown = form.get();
        if (shown == null || readOnly.get() || studentId == null) {
            return;
        }
        String problem = check(shown);
        if (!problem.isEmpty()) {
            error.set(problem);
            return;
        }
        error.set("");
        long student = studentId;
        ReenrolmentDraft draft = new ReenrolmentDraft(student, administrative.get(),
                courses.stream().filter(c -> c.chosenProperty().get()).map(c -> c.course().enrolmentId()).toList(),
                comment.get().strip(),
                documents.stream().filter(d -> d.draft() != null)
                        .map(d -> new NewDocument(d.typeId(), d.fileName(), d.contentType(), d.draft().content()))
                        .toList());
        sending.set(true);
        tasks.run(() -> service.submit(session, draft))
                .onSuccess(id -> {
                    sending.set(false);
                    onSubmitted.accept(I18n.get("reenrolment.submitted"));
                    if (Objects.equals(student, studentId)) {
                        show(student);
                    }
                })
                .onFailure(failure -> {
                    sending.set(false);
                    refused(failure, student);
                });
    }

    /** Why the request cannot be sent as it is, or "". */
    private String check(ReenrolmentForm shown) {
        if (!anyChosen.get()) {
            return I18n.get("reenrolment.error.nothingChosen");
        }
        if (comment.get().length() > MAX_COMMENT_LENGTH) {
            return I18n.get("reenrolment.error.commentTooLong", MAX_COMMENT_LENGTH);
        }
        for (DocumentType type : shown.documentTypes()) {
            if (type.required() && !hasDocument(type)) {
                return I18n.get("reenrolment.error.missingDocument", type.name());
            }
        }
        return "";
    }

    private void refused(Throwable failure, long student) {
        if (!(failure instanceof ReenrolmentRefusedException refusal)) {
            error.set(FAILURES.message(failure));
            return;
        }
        switch (refusal.reason()) {
            case ALREADY_SENT -> {
                if (Objects.equals(student, studentId)) {
                    show(student);
                }
                error.set(I18n.get("reenrolment.error.alreadySent"));
            }
            case CAMPAIGN_CLOSED -> error.set(I18n.get("reenrolment.error.campaignClosed"));
            case BUSY -> error.set(I18n.get("reenrolment.error.busy"));
            case NOTHING_CHOSEN -> error.set(I18n.get("reenrolment.error.nothingChosen"));
            case BOTH_CHOSEN -> error.set(I18n.get("reenrolment.error.bothChosen"));
            case MISSING_DOCUMENT -> error.set(I18n.get("reenrolment.error.missingDocument", typeName(refusal.detail())));
            case TOO_LARGE -> error.set(I18n.get("reenrolment.error.tooLarge", Formats.size(limit(refusal.detail()))));
            case EMPTY -> error.set(I18n.get("reenrolment.error.empty"));
            case UNSUPPORTED_TYPE -> error.set(I18n.get("reenrolment.error.unsupported"));
            case TOO_LONG -> error.set(tooLong(refusal.detail()));
            default -> error.set(FAILURES.message(failure));
        }
    }

    /** {@code too_long:comment:4000} or {@code too_long:name:255}: the detail is the maximum, maybe after the field. */
    private static String tooLong(String detail) {
        String text = detail == null ? "" : detail;
        String max = text.substring(text.lastIndexOf(':') + 1);
        boolean name = text.startsWith("name") || String.valueOf(DocumentInspector.MAX_NAME_LENGTH).equals(max);
        if (max.isEmpty()) {
            max = String.valueOf(MAX_COMMENT_LENGTH);
        }
        return I18n.get(name ? "reenrolment.error.nameTooLong" : "reenrolment.error.commentTooLong", max);
    }

    private String typeName(String typeId) {
        return documentTypes.stream().filter(t -> String.valueOf(t.id()).equals(typeId)).map(DocumentType::name)
                .findFirst().orElse("?");
    }

    private long limit(String detail) {
        try {
            return Long.parseLong(detail);
        } catch (NumberFormatException | NullPointerException e) {
            return maxDocumentBytes();
        }
    }

    // --- what the tab says

    /** "Réinscription pour l’année 2027-2028, jusqu’au 30/06/2027." */
    public String campaignLine() {
        ReenrolmentCampaign open = campaign.get();
        return open == null ? "" : I18n.get("reenrolment.campaign", open.targetYear(), Formats.date(open.closesOn()));
    }

    /** The sent request's state and date ("Demande envoyée le…", "Réinscription validée le…"), or "". */
    public String stateLine() {
        SentReenrolment request = sent.get();
        if (request == null) {
            return "";
        }
        return switch (request.state()) {
            case PENDING -> I18n.get("reenrolment.state.pending", date(request.submittedAt()));
            case VALIDATED -> I18n.get("reenrolment.state.validated", date(request.decidedAt()));
            case REJECTED -> I18n.get("reenrolment.state.rejected", date(request.decidedAt()));
        };
    }

    /** The front desk's comment on a refusal, or "". */
    public String decisionComment() {
        SentReenrolment request = sent.get();
        return request == null || request.state() != ReenrolmentState.REJECTED || request.decisionComment() == null
                || request.decisionComment().isBlank() ? "" : I18n.get("reenrolment.decisionComment", request.decisionComment());
    }

    private String date(Instant instant) {
        return instant == null ? "" : Formats.date(LocalDate.ofInstant(instant, zone));
    }

    /** The documents asked for: "Justificatif de domicile (obligatoire)". */
    public static String documentTypeText(DocumentType type) {
        return type.required() ? I18n.get("reenrolment.documentType.required", type.name()) : type.name();
    }

    // --- properties

    public ReadOnlyObjectProperty<ReenrolmentCampaign> campaignProperty() {
        return campaign.getReadOnlyProperty();
    }

    /** Whether the Réinscription tab is shown: the site's campaign accepts requests today. */
    public BooleanBinding availableProperty() {
        return available;
    }

    public ReadOnlyObjectProperty<ReenrolmentForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SentReenrolment> sentProperty() {
        return sent.getReadOnlyProperty();
    }

    /** The pending message's visibility: a sent request waits for the front desk. */
    public BooleanBinding pendingProperty() {
        return pending;
    }

    public BooleanProperty administrativeProperty() {
        return administrative;
    }

    public ObservableList<CourseChoice> courses() {
        return courses;
    }

    public ObservableList<DocumentType> documentTypes() {
        return documentTypes;
    }

    public ObservableList<DocumentLine> documents() {
        return documents;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Why Valider refused, or what the database said; "" otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the form could not be read; "" otherwise. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** True when nothing can be changed: a request was sent, is being sent, or the form is not read yet. */
    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    /** Importer is enabled: a box is ticked and the form can be changed. */
    public BooleanBinding importAllowedProperty() {
        return importAllowed;
    }

    /** Why Importer is disabled ("Cochez d’abord…"), or "". */
    public StringBinding importReasonProperty() {
        return importReason;
    }

    /**
     * The import dialog: a path (typed, pasted or from Parcourir), the type of document, and
     * Importer, which checks the file's content in the background. A refusal keeps the path and
     * the type as they were.
     */
    public static final class ImportViewModel {
        private final ReenrolmentViewModel owner;
        private final BackgroundTasks tasks;
        private final StringProperty path = new SimpleStringProperty(this, "path", "");
        private final ObjectProperty<DocumentType> type = new SimpleObjectProperty<>(this, "type");
        private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
        /** Set when the dialog closed: a check still running then adds nothing. */
        private boolean cancelled;

        ImportViewModel(ReenrolmentViewModel owner, BackgroundTasks tasks) {
            this.owner = owner;
            this.tasks = tasks;
            // the first document not imported yet, required ones first
            Optional<DocumentType> next = owner.documentTypes().stream().filter(t -> !owner.hasDocument(t))
                    .sorted((a, b) -> Boolean.compare(b.required(), a.required())).findFirst();
            type.set(next.orElse(owner.documentTypes().isEmpty() ? null : owner.documentTypes().get(0)));
            path.addListener((obs, old, now) -> error.set(""));
            type.addListener((obs, old, now) -> error.set(""));
        }

        /**
         * Importer: checks the file in the background; {@code accepted} gets the checked file
         * (on the UI thread), a refusal is shown in {@link #errorProperty()}.
         */
        public void check(Consumer<CheckedDocument> accepted) {
            if (checking.get()) {
                return;
            }
            if (type.get() == null) {
                error.set(I18n.get("reenrolment.import.noType"));
                return;
            }
            error.set("");
            checking.set(true);
            String typed = path.get();
            long max = owner.maxDocumentBytes();
            tasks.run(() -> DocumentInspector.inspect(typed, max))
                    .onSuccess(document -> {
                        checking.set(false);
                        if (!cancelled) {
                            accepted.accept(document);
                        }
                    })
                    .onFailure(failure -> {
                        checking.set(false);
                        error.set(failure instanceof DocumentRefusedException refusal ? DocumentTexts.refusal(refusal)
                                : FAILURES.message(failure));
                    });
        }

        /** The dialog closed (Annuler, Escape): a file still being checked is not added. */
        public void cancel() {
            cancelled = true;
        }

        /** The site's limit for one document. */
        public long maxDocumentBytes() {
            return owner.maxDocumentBytes();
        }

        /** Whether importing would replace the document already imported for the chosen type. */
        public boolean replaces() {
            return type.get() != null && owner.hasDocument(type.get());
        }

        /** Adds (or replaces) the checked document in the form, unless the dialog was closed. */
        public void add(CheckedDocument document) {
            if (!cancelled) {
                owner.addDocument(type.get(), document);
            }
        }

        public StringProperty pathProperty() {
            return path;
        }

        public ObjectProperty<DocumentType> typeProperty() {
            return type;
        }

        public ObservableList<DocumentType> types() {
            return owner.documentTypes();
        }

        public ReadOnlyBooleanProperty checkingProperty() {
            return checking.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }
}
