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
        Transactions transactions = new Transactions(seeded.admin().sessionFactory(), (session, token, readOnly) -> {
            assertThat(session.getTransaction().isActive()).isTrue();
            events.add("bind " + (token == null ? "nobody" : token) + (readOnly ? " to read" : " to write"));
        });
        UserSession user = new UserSession(1, Role.FAMILY, "BELLERIVE", "Conservatoire de Bellerive", "F0001", "Famille",
                1L, "token");

        transactions.readOnly(user, session -> events.add("read"));
        transactions.inTransaction(null, session -> events.add("write"));

        assertThat(events).containsExactly("bind token to read", "read", "bind nobody to write", "write");
    }

    /**
     * A family at home pays the network's latency per round trip: on PostgreSQL the binding of a
     * read-only call (set_config, touch_session, READ ONLY) is one statement sent once, and the
     * call is then bound, renewed and read-only.
     */
    @Test
    void onPostgresqlTheBindingOfACallIsOneStatement() {
        SeededDatabases.Seeded seeded = SeededDatabases.get(DatabaseVendor.POSTGRESQL);
        UserSession user = seeded.familyBackend().auth().login("BELLERIVE", "F0002", "bellerive".toCharArray())
                .orElseThrow();
        Database family = seeded.family();
        Sql sql = new Sql(seeded.db().dataSource());
        sql.update("update tutti.app_session set expires_at = current_timestamp + interval '1 minute'"
                + " where account_id = ? and ended_at is null", user.accountId());

        long before = family.statementsExecuted();
        family.transactions().readOnly(user, session -> null);
        assertThat(family.statementsExecuted() - before).as("statements of a call that reads nothing").isEqualTo(1);
        assertThat(sql.count("select count(*) from tutti.app_session where account_id = ? and ended_at is null"
                + " and expires_at > current_timestamp + interval '20 minutes'", user.accountId()))
                .as("the session renewed").isPositive();

        assertThat(family.transactions().<Object[]>readOnly(user, session -> (Object[]) session.createNativeQuery(
                "select current_setting('transaction_read_only'), tutti.current_account()", Object[].class)
                .getSingleResult())).containsExactly("on", user.accountId());
        assertThat(family.transactions().<String>inTransaction(user, session -> session.createNativeQuery(
                "select current_setting('transaction_read_only')", String.class).getSingleResult())).isEqualTo("off");
        assertThat(family.transactions().<String>readOnly(null, session -> session.createNativeQuery(
                "select current_setting('transaction_read_only') || '/' || current_setting('tutti.session')",
                String.class).getSingleResult())).isEqualTo("on/");
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
