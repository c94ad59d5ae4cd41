package org.tutti.client.ui.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentRefusedException.Reason;
import org.tutti.client.service.StaffReenrolmentService;

/**
 * Réinscriptions in memory: a campaign (or none), its document types, requests with their
 * detail and document contents. A decision changes the request's state, unless an answer queued
 * in {@link #answers} (an outcome) or {@link #failures} (an exception) says otherwise.
 */
public class FakeStaffReenrolments implements StaffReenrolmentService {

    public ReenrolmentCampaign campaign;
    public final List<SchoolYearOption> years = new ArrayList<>(List.of(new SchoolYearOption(8, "2027-2028")));
    public final List<DocumentType> types = new ArrayList<>();
    public final List<SentReenrolment> sent = new ArrayList<>();
    public final List<ReenrolmentSummary> summaries = new ArrayList<>();
    public final Map<Long, byte[]> contents = new HashMap<>();
    public final Deque<Outcome> answers = new ArrayDeque<>();
    public final Deque<RuntimeException> failures = new ArrayDeque<>();
    /** Thrown by the next reading of a request's detail, when set. */
    public RuntimeException detailFailure;
    /** What was asked, in order: "decide 3 reject Manque le justificatif", "save 8 2026-11-15 2027-06-30 open". */
    public final List<String> calls = new ArrayList<>();
    private long nextId = 100;

    public static FakeStaffReenrolments withDemo() {
        FakeStaffReenrolments fake = new FakeStaffReenrolments();
        fake.campaign = new ReenrolmentCampaign(5, 8, "2027-2028", LocalDate.of(2026, 11, 15), LocalDate.of(2027, 6, 30),
                "OPEN", 2_097_152);
        fake.types.add(new DocumentType(11, "Attestation d’assurance", false, 0));
        fake.types.add(new DocumentType(12, "Justificatif de domicile", true, 2));
        fake.add(1, "F0001", "Ferrari", "Léa Ferrari", ReenrolmentState.PENDING, 0, false, List.of("Piano — 2C1"),
                "Même horaire si possible", List.of(new StoredDocument(31, "Justificatif de domicile", "facture.pdf",
                        "application/pdf", 245_000, "ab")));
        fake.add(2, "F0002", "Martin", "Hugo Martin", ReenrolmentState.PENDING, 10, true, List.of(), null,
                List.of(new StoredDocument(32, "Justificatif de domicile", "photo.png", "image/png", 800, "cd")));
        fake.add(3, "F0003", "Dupont", "Emma Dupont", ReenrolmentState.VALIDATED, 20, false, List.of("Violon — 1C2"),
                null, List.of());
        fake.add(4, "F0004", "Bernard", "Jules Bernard", ReenrolmentState.PENDING, 30, false,
                List.of("Flûte — 1C1", "Formation musicale — FM2"), null, List.of());
        return fake;
    }

    public void add(long id, String family, String name, String student, ReenrolmentState state, int minutes,
            boolean administrative, List<String> choices, String comment, List<StoredDocument> documents) {
        Instant at = Instant.parse("2026-11-20T09:00:00Z").plusSeconds(60L * minutes);
        summaries.add(new ReenrolmentSummary(id, family, name, student, at, state));
        sent.add(new SentReenrolment(id, state, at, administrative, choices, comment, documents,
                state == ReenrolmentState.PENDING ? null : at.plusSeconds(3600), null));
    }

    @Override
    public Optional<ReenrolmentCampaign> campaign(UserSession session) {
        return Optional.ofNullable(campaign);
    }

    @Override
    public List<SchoolYearOption> targetYears(UserSession session) {
        return List.copyOf(years);
    }

    @Override
    public ReenrolmentCampaign saveCampaign(UserSession session, long targetYearId, LocalDate opensOn,
            LocalDate closesOn, boolean open) {
        calls.add("save " + targetYearId + " " + opensOn + " " + closesOn + (open ? " open" : " close"));
        failIfAsked();
        if (!closesOn.isAfter(opensOn)) {
            throw new ReenrolmentRefusedException(Reason.INVALID_DATES);
        }
        String label = years.stream().filter(y -> y.id() == targetYearId).map(SchoolYearOption::label).findFirst()
                .orElse("?");
        campaign = new ReenrolmentCampaign(campaign == null ? 5 : campaign.id(), targetYearId, label, opensOn, closesOn,
                open ? "OPEN" : "CLOSED", 2_097_152);
        return campaign;
    }

    @Override
    public List<DocumentType> documentTypes(UserSession session, long campaignId) {
        return types.stream().sorted(java.util.Comparator.comparing(DocumentType::name)).toList();
    }

    @Override
    public DocumentType addDocumentType(UserSession session, long campaignId, String name, boolean required) {
        calls.add("add " + name + (required ? " required" : ""));
        failIfAsked();
        if (types.stream().anyMatch(t -> t.name().equals(name))) {
            throw new ReenrolmentRefusedException(Reason.DUPLICATE);
        }
        DocumentType added = new DocumentType(nextId++, name, required, 0);
        types.add(added);
        return added;
    }

    @Override
    public DocumentType updateDocumentType(UserSession session, long documentTypeId, String name, boolean required) {
        calls.add("update " + documentTypeId + " " + name + (required ? " required" : ""));
        failIfAsked();
        DocumentType old = types.stream().filter(t -> t.id() == documentTypeId).findFirst().orElseThrow();
        if (old.uses() > 0 && !old.name().equals(name)) {
            throw new ReenrolmentRefusedException(Reason.IN_USE);
        }
        DocumentType updated = new DocumentType(documentTypeId, name, required, old.uses());
        types.set(types.indexOf(old), updated);
        return updated;
    }

    @Override
    public void removeDocumentType(UserSession session, long documentTypeId) {
        calls.add("remove " + documentTypeId);
        failIfAsked();
        DocumentType old = types.stream().filter(t -> t.id() == documentTypeId).findFirst().orElseThrow();
        if (old.uses() > 0) {
            throw new ReenrolmentRefusedException(Reason.IN_USE);
        }
        types.remove(old);
    }

    @Override
    public List<ReenrolmentSummary> requests(UserSession session, long campaignId) {
        return summaries.stream().sorted(java.util.Comparator.comparing(ReenrolmentSummary::submittedAt).reversed())
                .toList();
    }

    @Override
    public ReenrolmentDetail detail(UserSession session, long requestId) {
        RuntimeException failure = detailFailure;
        detailFailure = null;
        if (failure != null) {
            throw failure;
        }
        ReenrolmentSummary summary = summaries.stream().filter(s -> s.id() == requestId).findFirst().orElseThrow();
        SentReenrolment request = sent.stream().filter(s -> s.id() == requestId).findFirst().orElseThrow();
        return new ReenrolmentDetail(summary, request);
    }

    @Override
    public byte[] documentContent(UserSession session, long documentId) {
        byte[] content = contents.get(documentId);
        if (content == null) {
            throw new org.tutti.client.service.ServiceException(
                    org.tutti.client.service.ServiceException.Reason.NOT_FOUND, "no document " + documentId);
        }
        return content;
    }

    @Override
    public DecisionResult decide(UserSession session, long requestId, boolean accept, String comment) {
        calls.add("decide " + requestId + (accept ? " accept" : " reject") + (comment == null ? "" : " " + comment));
        failIfAsked();
        Outcome answer = answers.poll();
        if (answer == Outcome.ALREADY_DECIDED) {
            setState(requestId, ReenrolmentState.VALIDATED, null);
            return DecisionResult.of(answer);
        }
        if (answer != null) {
            return DecisionResult.of(answer);
        }
        setState(requestId, accept ? ReenrolmentState.VALIDATED : ReenrolmentState.REJECTED, comment);
        return DecisionResult.of(accept ? Outcome.ACCEPTED : Outcome.REJECTED);
    }

    private void setState(long id, ReenrolmentState state, String comment) {
        for (int i = 0; i < summaries.size(); i++) {
            ReenrolmentSummary s = summaries.get(i);
            if (s.id() == id) {
                summaries.set(i, new ReenrolmentSummary(s.id(), s.familyIdentifier(), s.familyName(), s.studentName(),
                        s.submittedAt(), state));
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            SentReenrolment r = sent.get(i);
            if (r.id() == id) {
                sent.set(i, new SentReenrolment(r.id(), state, r.submittedAt(), r.administrative(), r.choices(),
                        r.comment(), r.documents(), Instant.parse("2026-11-21T10:00:00Z"), comment));
            }
        }
    }

    private void failIfAsked() {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }
}
