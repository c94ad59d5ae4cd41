package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

@Tag("postgres")
class TransactionsTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFailingUnitOfWorkLeavesNothingBehind(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        Sql sql = new Sql(seeded.db().dataSource());
        long before = sql.count("select count(*) from tutti.audit_event where kind = 'ROLLBACK_PROBE'");

        assertThatThrownBy(() -> seeded.admin().transactions().inTransaction(null, session -> {
            session.createNativeMutationQuery("insert into tutti.audit_event (occurred_at, kind)"
                    + " values (current_timestamp, 'ROLLBACK_PROBE')").executeUpdate();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(sql.count("select count(*) from tutti.audit_event where kind = 'ROLLBACK_PROBE'")).isEqualTo(before);
    }

    @Test
    void readOnlyTransactionsCannotWriteOnPostgresql() {
        SeededDatabases.Seeded seeded = SeededDatabases.get(DatabaseVendor.POSTGRESQL);

        assertThatThrownBy(() -> seeded.admin().transactions().readOnly(null, session -> session
                        .createMutationQuery("update Site s set s.phone = s.phone").executeUpdate()))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.UNEXPECTED))
                .rootCause().hasMessageContaining("read-only transaction");
        int updated = seeded.admin().transactions().inTransaction(null, session -> session
                .createMutationQuery("update Site s set s.phone = s.phone").executeUpdate());
        assertThat(updated).as("the pooled connection is writable again").isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theBinderRunsFirstInEveryTransactionWithTheCaller(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        List<String> events = new ArrayList<>();
        Transactions transactions = new Transactions(seeded.admin().sessionFactory(), (session, token) -> {
            assertThat(session.getTransaction().isActive()).isTrue();
            events.add("bind " + (token == null ? "nobody" : token));
        }, vendor);
        UserSession user = new UserSession(1, Role.FAMILY, "BELLERIVE", "Conservatoire de Bellerive", "F0001", "Famille",
                1L, "token");

        transactions.readOnly(user, session -> events.add("read"));
        transactions.inTransaction(null, session -> events.add("write"));

        assertThat(events).containsExactly("bind token", "read", "bind nobody", "write");
    }

    /**
     * The real binder binds in every transaction, '' when nobody is logged in: a pooled
     * connection never lends the previous caller's session to the next one.
     */
    @ParameterizedTest
    @MethodSource("vendors")
    void aTransactionWithoutASessionNeverSeesThePreviousOne(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        UserSession user = seeded.familyBackend().auth().login("BELLERIVE", "F0002", "bellerive".toCharArray())
                .orElseThrow();
        Transactions transactions = seeded.family().transactions();
        String currentAccount = "select tutti.current_account()";

        for (int i = 0; i < 2 * Database.POOL_SIZE; i++) {
            assertThat(transactions.<Long>readOnly(user, s -> s.createNativeQuery(currentAccount, Long.class)
                    .getSingleResult())).isEqualTo(user.accountId());
            assertThat(transactions.<Long>inTransaction(null, s -> s.createNativeQuery(currentAccount, Long.class)
                    .getSingleResult())).isNull();
        }
    }

    /** A session the database no longer knows: the work never runs, the transaction rolls back. */
    @ParameterizedTest
    @MethodSource("vendors")
    void anUnknownTokenStopsTheTransactionBeforeItsWork(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        UserSession forged = new UserSession(1, Role.FAMILY, "BELLERIVE", "Conservatoire de Bellerive", "F0001",
                "Famille", 1L, "not-a-token-the-database-gave");
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> seeded.family().transactions().inTransaction(forged, session -> ran.add("work")))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
        assertThat(ran).isEmpty();
    }

    @Test
    void lostConnectionsAreToldApartFromOtherErrors() {
        assertThat(Transactions.isConnectionFailure(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(Transactions.isConnectionFailure(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(Transactions.translate(new RuntimeException(new SQLException("refused", "08006"))).reason())
                .isEqualTo(ServiceException.Reason.DATABASE_UNAVAILABLE);
    }
}
