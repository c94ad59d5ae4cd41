package org.tutti.client.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDetail;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.SchoolYearOption;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.StaffReenrolmentService;

/** Réinscriptions (staff) through Hibernate and the SQL API (work in progress: issue 13). */
final class HibernateStaffReenrolmentService implements StaffReenrolmentService {

    private final Transactions transactions;

    HibernateStaffReenrolmentService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ReenrolmentCampaign> campaign(UserSession session) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public List<SchoolYearOption> targetYears(UserSession session) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public ReenrolmentCampaign saveCampaign(UserSession session, long targetYearId, LocalDate opensOn,
            LocalDate closesOn, boolean open) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public List<DocumentType> documentTypes(UserSession session, long campaignId) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public DocumentType addDocumentType(UserSession session, long campaignId, String name, boolean required) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public DocumentType updateDocumentType(UserSession session, long documentTypeId, String name, boolean required) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public void removeDocumentType(UserSession session, long documentTypeId) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public List<ReenrolmentSummary> requests(UserSession session, long campaignId) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public ReenrolmentDetail detail(UserSession session, long requestId) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public byte[] documentContent(UserSession session, long documentId) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public DecisionResult decide(UserSession session, long requestId, boolean accept, String comment) {
        throw new UnsupportedOperationException("issue 13");
    }
}
