package org.tutti.client.data;

import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.PedagogyService;

/** PLACEHOLDER until the data helper lands the real queries. */
final class HibernatePedagogyService implements PedagogyService {

    private final Transactions transactions;

    HibernatePedagogyService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public StudentPedagogy pedagogy(UserSession user, long studentId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CourseFollowUp followUp(UserSession user, long enrolmentId) {
        throw new UnsupportedOperationException("not yet");
    }
}
