package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/** As on PostgreSQL, an unexpected database error inside login is undone and answered with NULL, not raised. */
class LoginInternalErrorTest {

    @Test
    void anInternalErrorIsANullAnswerAndLeavesOnlyAnAuditRow() throws SQLException {
        TestDatabase database = TestDatabases.freshH2();
        new SchemaMigrator(database.dataSource(), DatabaseVendor.H2).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, 3).generate(database.dataSource(), DemoProgress.NONE);
        for (boolean autoCommit : new boolean[] {true, false}) {
            try (Connection connection = database.dataSource().getConnection()) {
                SecurityCalls calls = new SecurityCalls(connection);
                calls.execute("UPDATE tutti.account SET failed_attempts = 3, first_failure_at = CURRENT_TIMESTAMP"
                        + " WHERE identifier = 'F0001'");
                // no new session can be written (NOCHECK: the demo's rows stay): the login fails after resetting the count
                calls.execute("ALTER TABLE tutti.app_session ADD CONSTRAINT no_session_ck CHECK (account_id < 0) NOCHECK");
                connection.setAutoCommit(autoCommit);
                long successes = calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGIN_SUCCESS'");

                assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).isNull();

                assertThat(calls.count("SELECT failed_attempts FROM tutti.account WHERE identifier = 'F0001'"))
                        .as("undone").isEqualTo(3);
                assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGIN_SUCCESS'"))
                        .isEqualTo(successes);
                assertThat(calls.scalar("SELECT detail FROM tutti.audit_event WHERE kind = 'LOGIN_FAILURE'"
                        + " ORDER BY id DESC LIMIT 1")).isEqualTo("internal error 23513");
                if (!autoCommit) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                calls.execute("ALTER TABLE tutti.app_session DROP CONSTRAINT no_session_ck");
                assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).hasSize(64);
            }
        }
    }
}
