package org.tutti.client.data;

import java.util.Optional;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentDraft;
import org.tutti.client.domain.ReenrolmentForm;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ReenrolmentService;

/** Élèves › Réinscription through the SQL API (work in progress: issue 13). */
final class HibernateReenrolmentService implements ReenrolmentService {

    private final Transactions transactions;

    HibernateReenrolmentService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ReenrolmentCampaign> openCampaign(UserSession session) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public ReenrolmentForm form(UserSession session, long studentId) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public long submit(UserSession session, ReenrolmentDraft draft) {
        throw new UnsupportedOperationException("issue 13");
    }

    @Override
    public byte[] documentContent(UserSession session, long documentId) {
        throw new UnsupportedOperationException("issue 13");
    }
}
