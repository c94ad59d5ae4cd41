package org.tutti.client.ui.students;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentCourse;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.service.ServiceException;

/**
 * Élèves › Réinscription without a database: BELLERIVE's campaign for 2027-2028, student 21 with
 * two courses, three document types (one required); a submit records the draft and the form then
 * shows it as sent (pending).
 */
public class FakeReenrolmentService implements ReenrolmentService {

    public static final DocumentType HOME_PROOF = new DocumentType(1, "Justificatif de domicile", true, 0);
    public static final DocumentType PHOTO = new DocumentType(2, "Photo d’identité", false, 0);
    public static final DocumentType CERTIFICATE = new DocumentType(3, "Certificat médical", false, 0);
    public static final ReenrolmentCourse PIANO = new ReenrolmentCourse(101, "Piano — Cycle 1 · 3e année");
    public static final ReenrolmentCourse FM = new ReenrolmentCourse(102, "Formation musicale — FM 1C2");

    public Optional<ReenrolmentCampaign> campaign = Optional.of(new ReenrolmentCampaign(7, 3, "2027-2028",
            LocalDate.of(2026, 11, 15), LocalDate.of(2027, 1, 31), "OPEN", 2L * 1024 * 1024));
    public final Map<Long, SentReenrolment> sent = new HashMap<>();
    public final List<ReenrolmentDraft> submitted = new ArrayList<>();
    public RuntimeException submitFailure;
    public RuntimeException formFailure;
    public int formReads;

    @Override
    public Optional<ReenrolmentCampaign> openCampaign(UserSession session) {
        return campaign;
    }

    @Override
    public ReenrolmentForm form(UserSession session, long studentId) {
        formReads++;
        if (formFailure != null) {
            throw formFailure;
        }
        if (campaign.isEmpty()) {
            throw new ServiceException(ServiceException.Reason.NOT_FOUND, "no campaign");
        }
        return new ReenrolmentForm(studentId, campaign.get(), List.of(PIANO, FM), List.of(HOME_PROOF, PHOTO, CERTIFICATE),
                Optional.ofNullable(sent.get(studentId)));
    }

    @Override
    public long submit(UserSession session, ReenrolmentDraft draft) {
        if (submitFailure != null) {
            throw submitFailure;
        }
        submitted.add(draft);
        List<String> choices = draft.enrolmentIds().stream()
                .map(id -> id == PIANO.enrolmentId() ? PIANO.label() : FM.label()).toList();
        List<StoredDocument> documents = draft.documents().stream()
                .map(d -> new StoredDocument(d.documentTypeId() * 10, name(d.documentTypeId()), d.fileName(),
                        d.contentType(), d.content().length, "0".repeat(64)))
                .toList();
        sent.put(draft.studentId(), new SentReenrolment(500 + submitted.size(), ReenrolmentState.PENDING,
                Instant.parse("2026-12-06T10:15:00Z"), draft.administrative(), choices, draft.comment(), documents,
                null, null));
        return 500 + submitted.size();
    }

    private static String name(long typeId) {
        return typeId == 1 ? HOME_PROOF.name() : typeId == 2 ? PHOTO.name() : CERTIFICATE.name();
    }

    @Override
    public byte[] documentContent(UserSession session, long documentId) {
        throw new ServiceException(ServiceException.Reason.NOT_FOUND, "not kept");
    }
}
