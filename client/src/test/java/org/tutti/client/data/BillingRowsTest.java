package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.client.service.BillingRefusedException;
import org.tutti.client.service.BillingRefusedException.Reason;
import org.tutti.client.service.ServiceException;

/**
 * How the billing functions' refusals reach the front desk: each SQLSTATE and message code of
 * SQL-API.md ("Billing") as its reason and detail, whatever the database adds around the message
 * (H2's statement, PostgreSQL's "ERROR: "); a lost connection is left to {@link Transactions},
 * which reports the database unavailable.
 */
class BillingRowsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "TU422 | invalid:lines                                   | INVALID          | lines",
        "TU422 | too_long:reference:80                           | TOO_LONG         | 80",
        "TU422 | ERROR: too_long:label:200                       | TOO_LONG         | 200",
        "TU422 | over_allocation:BEL-2026-000124                 | OVER_ALLOCATION  | BEL-2026-000124",
        "TU422 | amount_mismatch; SQL statement: select tutti.record_payment(?, ?, ?, ?, ?, ?) | AMOUNT_MISMATCH | -",
        "TU422 | credit_too_large                                | CREDIT_TOO_LARGE | -",
        "TU409 | item_rented                                     | ITEM_RENTED      | -",
        "TU409 | already_ended                                   | ALREADY_ENDED    | -",
        "TU409 | busy                                            | BUSY             | -",
        "55P03 | canceling statement due to lock timeout         | BUSY             | -",
    })
    void eachRefusalIsItsReasonWithItsDetail(String state, String message, Reason reason, String detail)
            throws SQLException {
        RuntimeException refusal = BillingRows.refusal(new SQLException(message, state));

        assertThat(refusal).isInstanceOfSatisfying(BillingRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    @Test
    void anotherSitesRowIsNotFoundAndAnEndedSessionExpired() throws SQLException {
        assertThat(BillingRows.refusal(new SQLException("forbidden", "TU403")))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.NOT_FOUND));
        assertThat(BillingRows.refusal(new SQLException("no session", "TU401")))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
    }

    @Test
    void aLostConnectionIsLeftToTransactionsWhichSaysTheDatabaseIsUnavailable() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThatThrownBy(() -> BillingRows.refusal(lost)).isSameAs(lost);
        assertThat(Transactions.translate(new RuntimeException(lost)).reason())
                .isEqualTo(ServiceException.Reason.DATABASE_UNAVAILABLE);
        SQLException unknown = new SQLException("something else", "TU422");
        assertThatThrownBy(() -> BillingRows.refusal(unknown)).isSameAs(unknown);
    }
}
