package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The embedded demo's screens read in several transactions of one session at once (Élèves: the
 * identity, the pedagogical file and the re-enrolment form): each renews the session, and none
 * may wait for another to commit (H2's lock timeout would fail it on a loaded computer). Its own
 * database: the sessions here are committed.
 */
class SessionTouchConcurrencyTest {

    private static TestDatabase database;

    @BeforeAll
    static void seed() throws SQLException {
        database = TestDatabases.freshH2();
        new SchemaMigrator(database.dataSource(), DatabaseVendor.H2).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, 5).generate(database.dataSource(), DemoProgress.NONE);
    }

    @Test
    void aSecondTransactionOfTheSessionDoesNotWaitForTheOneRenewingIt() throws SQLException {
        String token;
        try (Connection login = database.dataSource().getConnection()) {
            token = new SecurityCalls(login).login("BELLERIVE", "F0001", "bellerive");
        }
        try (Connection first = database.dataSource().getConnection();
             Connection second = database.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            SecurityCalls renewing = new SecurityCalls(first);
            renewing.bind(token);
            assertThat(renewing.touch()).isTrue(); // holds the session's row until it ends
            SecurityCalls reading = new SecurityCalls(second);
            reading.execute("SET LOCK_TIMEOUT 10000");
            reading.bind(token);

            long started = System.nanoTime();
            assertThat(reading.touch()).as("the session is live").isTrue();
            assertThat(reading.currentFamily()).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for the other transaction")
                    .isLessThan(Duration.ofSeconds(5));
            second.rollback();
            first.rollback();
        }
    }
}
