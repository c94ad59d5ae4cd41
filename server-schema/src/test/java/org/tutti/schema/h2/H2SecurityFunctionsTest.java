package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The SQL API on H2, on a migrated demo database of 20 families. Each test works in one
 * transaction that is rolled back afterwards, so the tests do not see each other's rows; the
 * clock is the test's own.
 */
@Tag("slow")
class H2SecurityFunctionsTest {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");

    private static TestDatabase database;
    private static long bellerive;
    private static long f0001Account;
    private static long f0001Family;
    private static long accueilAccount;

    private final MutableClock clock = new MutableClock(START);
    private Connection connection;
    private SecurityCalls calls;

    @BeforeAll
    static void seed() throws SQLException {
        database = TestDatabases.freshH2();
        new SchemaMigrator(database.dataSource(), DatabaseVendor.H2).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, 20).generate(database.dataSource(), DemoProgress.NONE);
        try (Connection c = database.dataSource().getConnection()) {
            SecurityCalls reader = new SecurityCalls(c);
            bellerive = reader.count("SELECT id FROM tutti.site WHERE code = 'BELLERIVE'");
            f0001Account = reader.count("SELECT id FROM tutti.account WHERE identifier = 'F0001' AND site_id = ?",
                    bellerive);
            f0001Family = reader.count("SELECT family_id FROM tutti.account WHERE id = ?", f0001Account);
            accueilAccount = reader.count("SELECT id FROM tutti.account WHERE identifier = 'ACCUEIL' AND site_id = ?",
                    bellerive);
        }
    }

    @BeforeEach
    void open() throws SQLException {
        SecurityClock.set(clock);
        connection = database.dataSource().getConnection();
        connection.setAutoCommit(false);
        calls = new SecurityCalls(connection);
    }

    @AfterEach
    void close() throws SQLException {
        SecurityClock.reset();
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    // ------------------------------------------------------------------------------------------ login

    @Test
    void loginReturnsATokenOfWhichOnlyTheHashIsStored() throws SQLException {
        String token = calls.login("BELLERIVE", "F0001", "bellerive");

        assertThat(token).matches(TOKEN);
        String hash = Secrets.sha256Hex(token);
        assertThat(calls.count("SELECT account_id FROM tutti.app_session WHERE token_hash = ?", hash))
                .isEqualTo(f0001Account);
        assertThat(timestamp("SELECT created_at FROM tutti.app_session WHERE token_hash = ?", hash))
                .isEqualTo(START);
        assertThat(timestamp("SELECT expires_at FROM tutti.app_session WHERE token_hash = ?", hash))
                .isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(textColumnsContaining(token)).isEmpty();
        assertThat(textColumnsContaining(hash)).containsExactly("app_session.token_hash");
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGIN_SUCCESS' AND account_id = ?"
                + " AND occurred_at = ?", f0001Account, START.atOffset(java.time.ZoneOffset.UTC))).isEqualTo(1);
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).as("a new token for each login").isNotEqualTo(token);
    }

    @Test
    void identifierIsComparedUpperCaseAndStaffAccountsLogInToo() throws SQLException {
        assertThat(calls.login("BELLERIVE", "f0001", "bellerive")).matches(TOKEN);
        assertThat(calls.login("BELLERIVE", "accueil", "bellerive")).matches(TOKEN);
        assertThat(calls.login("MONTFLEURY", "M0001", "montfleury")).matches(TOKEN);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL", value = {
            "BELLERIVE | F0001 | montfleury",
            "BELLERIVE | F0001 | Bellerive",
            "BELLERIVE | F0001 | \"\"",
            "BELLERIVE | F0001 | NULL",
            "BELLERIVE | X9999 | bellerive",
            "MONTFLEURY | F0001 | bellerive",
            "NOWHERE | F0001 | bellerive",
            "NULL | F0001 | bellerive",
            "BELLERIVE | NULL | bellerive",
            "BELLERIVE | F0001' OR '1'='1 | x",
            "BELLERIVE | ' OR 1=1 -- | bellerive",
            "BELLERIVE | F0001'; DROP TABLE tutti.account; -- | bellerive",
            "BELLERIVE' OR '1'='1 | F0001 | bellerive",
            "BELLERIVE'; UPDATE tutti.account SET locked_until = NULL; -- | F0001 | bellerive",
            "BELLERIVE | F0001 | ' OR '1'='1",
    })
    void everyFailureIsNull(String site, String identifier, String password) throws SQLException {
        long sessions = calls.count("SELECT COUNT(*) FROM tutti.app_session");
        long failures = calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGIN_FAILURE'");

        assertThat(calls.login(site, identifier, password)).isNull();

        assertThat(calls.count("SELECT COUNT(*) FROM tutti.app_session")).isEqualTo(sessions);
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGIN_FAILURE'"))
                .isEqualTo(failures + 1);
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.account")).as("accounts still there").isGreaterThan(20);
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() throws SQLException {
        for (int i = 1; i <= 4; i++) {
            assertThat(calls.login("BELLERIVE", "F0001", "wrong " + i)).isNull();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(calls.count("SELECT failed_attempts FROM tutti.account WHERE id = ?", f0001Account)).isEqualTo(4);
        assertThat(lockAudits()).isZero();

        assertThat(calls.login("BELLERIVE", "F0001", "wrong 5")).isNull();
        assertThat(lockAudits()).isEqualTo(1);
        Instant lockedAt = clock.instant();
        assertThat(timestamp("SELECT locked_until FROM tutti.account WHERE id = ?", f0001Account))
                .isEqualTo(lockedAt.plus(Duration.ofMinutes(15)));

        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).as("the right password fails too").isNull();
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).as("still locked").isNull();
        assertThat(calls.login("BELLERIVE", "F0002", "bellerive")).as("other accounts are not locked").matches(TOKEN);

        clock.advance(Duration.ofSeconds(1));
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).as("the lock has expired").matches(TOKEN);
        assertThat(calls.rows("SELECT failed_attempts, first_failure_at, locked_until FROM tutti.account WHERE id = ?",
                f0001Account)).containsExactly(List.of("0", "null", "null"));
        assertThat(lockAudits()).isEqualTo(1);
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() throws SQLException {
        for (int i = 1; i <= 4; i++) {
            assertThat(calls.login("BELLERIVE", "F0001", "wrong")).isNull();
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(calls.login("BELLERIVE", "F0001", "wrong")).isNull();

        assertThat(calls.count("SELECT failed_attempts FROM tutti.account WHERE id = ?", f0001Account)).isEqualTo(1);
        assertThat(lockAudits()).isZero();
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).matches(TOKEN);
    }

    @Test
    void aSuccessResetsTheFailureCount() throws SQLException {
        for (int i = 1; i <= 4; i++) {
            assertThat(calls.login("BELLERIVE", "F0001", "wrong")).isNull();
        }
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).matches(TOKEN);
        assertThat(calls.login("BELLERIVE", "F0001", "wrong")).isNull();
        assertThat(calls.count("SELECT failed_attempts FROM tutti.account WHERE id = ?", f0001Account)).isEqualTo(1);
    }

    @Test
    void loginBelongsToTheCallersTransaction() throws SQLException {
        long sessions = calls.count("SELECT COUNT(*) FROM tutti.app_session");
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).matches(TOKEN);
        connection.rollback();
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.app_session")).isEqualTo(sessions);
        assertThat(connection.getAutoCommit()).isFalse();
    }

    // ------------------------------------------------------------------------------------------ sessions

    @Test
    void setConfigReturnsTheValueAndResolvesUnqualifiedWhateverTheCurrentSchema() throws SQLException {
        for (String schema : List.of("public", "tutti", "public")) {
            calls.execute("SET SCHEMA " + schema);
            assertThat(calls.scalar("SELECT CURRENT_SCHEMA")).isEqualTo(schema);
            assertThat(calls.bind("abc-" + schema)).isEqualTo("abc-" + schema);
            assertThat(calls.scalar("SELECT @tutti_session")).isEqualTo("abc-" + schema);
            assertThat(calls.scalar("SELECT public.set_config('tutti.session', 'q', false)")).isEqualTo("q");
            assertThat(calls.scalar("SELECT tutti.set_config('tutti.session', '', true)")).isEqualTo("");
        }
        assertThatThrownBy(() -> calls.scalar("SELECT set_config('work_mem', '1MB', true)"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42704"));
    }

    @Test
    void aFamilyTokenResolvesToItsAccountAndFamily() throws SQLException {
        String token = calls.login("BELLERIVE", "F0001", "bellerive");
        assertThat(calls.bind(token)).isEqualTo(token);

        assertThat(calls.currentAccount()).isEqualTo(f0001Account);
        assertThat(calls.currentFamily()).isEqualTo(f0001Family);
        assertThat(calls.currentStaffSite()).isNull();
        List<List<String>> info = calls.sessionInfo();
        assertThat(info).hasSize(1);
        assertThat(info.get(0)).containsExactly(String.valueOf(f0001Account), "FAMILY", "BELLERIVE",
                "Conservatoire de Bellerive", "F0001", info.get(0).get(5), String.valueOf(f0001Family));
        // a family is named as on every surface: its responsible adult, "Mme Apolline Ferrari"
        assertThat(info.get(0).get(5)).isEqualTo(calls.scalar("SELECT CASE civility WHEN 'MME' THEN 'Mme ' ELSE 'M. ' END"
                + " || first_name || ' ' || last_name FROM tutti.family WHERE id = ?", f0001Family));
    }

    @Test
    void aStaffTokenResolvesToItsSite() throws SQLException {
        calls.bind(calls.login("BELLERIVE", "ACCUEIL", "bellerive"));

        assertThat(calls.currentAccount()).isEqualTo(accueilAccount);
        assertThat(calls.currentFamily()).isNull();
        assertThat(calls.currentStaffSite()).isEqualTo(bellerive);
        assertThat(calls.sessionInfo()).containsExactly(List.of(String.valueOf(accueilAccount), "STAFF", "BELLERIVE",
                "Conservatoire de Bellerive", "ACCUEIL", "Accueil — Nathalie Roux", "null"));
    }

    @Test
    void touchSessionPushesTheIdleExpiry() throws SQLException {
        String token = calls.login("BELLERIVE", "F0001", "bellerive");
        calls.bind(token);
        clock.advance(Duration.ofMinutes(20));
        assertThat(calls.touch()).isTrue();
        assertThat(timestamp("SELECT expires_at FROM tutti.app_session WHERE token_hash = ?", Secrets.sha256Hex(token)))
                .isEqualTo(START.plus(Duration.ofMinutes(50)));
        assertThat(timestamp("SELECT last_seen_at FROM tutti.app_session WHERE token_hash = ?",
                Secrets.sha256Hex(token))).isEqualTo(START.plus(Duration.ofMinutes(20)));

        clock.advance(Duration.ofMinutes(29));
        assertThat(calls.currentFamily()).as("idle for 29 minutes").isEqualTo(f0001Family);
        clock.advance(Duration.ofMinutes(1));
        assertThat(calls.touch()).as("idle for 30 minutes").isFalse();
        assertNoSession();
    }

    @Test
    void noTokenAGarbageTokenOrTheHashItselfIsNoSession() throws SQLException {
        String token = calls.login("BELLERIVE", "F0001", "bellerive");
        assertNoSession(); // nothing bound yet
        for (String bound : List.of("", "garbage", Secrets.sha256Hex(token), token.toUpperCase(), token + " ",
                "' OR 1=1 --")) {
            calls.bind(bound);
            assertNoSession();
        }
        calls.bind(token);
        assertThat(calls.currentFamily()).isEqualTo(f0001Family);
        calls.bind("");
        assertNoSession();
    }

    @Test
    void logoutEndsTheSessionOnce() throws SQLException {
        String token = calls.login("BELLERIVE", "F0001", "bellerive");
        calls.bind(token);
        clock.advance(Duration.ofMinutes(5));
        calls.logout();

        assertThat(timestamp("SELECT ended_at FROM tutti.app_session WHERE token_hash = ?", Secrets.sha256Hex(token)))
                .isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertNoSession();
        calls.logout();
        calls.bind("");
        calls.logout();
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGOUT' AND account_id = ?",
                f0001Account)).isEqualTo(1);
    }

    @Test
    void anInactiveAccountHasNoSessionAndCannotLogIn() throws SQLException {
        String token = calls.login("BELLERIVE", "F0001", "bellerive");
        calls.bind(token);
        calls.execute("UPDATE tutti.account SET active = FALSE WHERE id = ?", f0001Account);
        assertNoSession();
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).isNull();
    }

    // ------------------------------------------------------------------------------------------ request_password

    @Test
    void aWrongEmailChangesNothing() throws SQLException {
        String hash = (String) calls.scalar("SELECT password_hash FROM tutti.account WHERE id = ?", f0001Account);
        long mails = calls.count("SELECT COUNT(*) FROM tutti.mail_outbox");

        calls.requestPassword("F0001", "f0002@example.org");
        calls.requestPassword("F0001", "");
        calls.requestPassword("NOBODY", "f0001@example.org");
        calls.requestPassword("F0001' OR '1'='1", "x' OR '1'='1");

        assertThat(calls.scalar("SELECT password_hash FROM tutti.account WHERE id = ?", f0001Account)).isEqualTo(hash);
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.mail_outbox")).isEqualTo(mails);
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'PASSWORD_REQUEST_UNMATCHED'"))
                .isEqualTo(4);
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).matches(TOKEN);
    }

    @Test
    void theRightPairReplacesThePasswordUnlocksEndsSessionsAndQueuesTheMail() throws SQLException {
        String oldToken = calls.login("BELLERIVE", "F0001", "bellerive");
        for (int i = 0; i < 5; i++) {
            calls.login("BELLERIVE", "F0001", "wrong");
        }
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).as("locked").isNull();
        clock.advance(Duration.ofMinutes(1));

        calls.requestPassword("f0001", "F0001@Example.ORG");

        List<List<String>> mails = calls.rows("SELECT site_id, kind, recipient, subject, contains_secret, status"
                + " FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET' AND created_at = ?",
                clock.instant().atOffset(java.time.ZoneOffset.UTC));
        assertThat(mails).containsExactly(List.of(String.valueOf(bellerive), "PASSWORD_RESET", "f0001@example.org",
                "Conservatoire de Bellerive — votre nouveau mot de passe", "true", "PENDING"));
        String body = (String) calls.scalar("SELECT body_text FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET'"
                + " AND recipient = 'f0001@example.org' AND status = 'PENDING'");
        assertThat(body).contains("Identifiant : F0001", "compte Tutti (Conservatoire de Bellerive)",
                "Nouveau mot de passe : {{secret}}\n",
                "\n\nConservatoire de Bellerive\n4 place de l'Orangerie\n69300 Bellerive\nTél. 04 78 23 45 10\n"
                        + "contact@bellerive.example.org\n");
        String password = (String) calls.scalar("SELECT secret FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET'"
                + " AND recipient = 'f0001@example.org' AND status = 'PENDING'");
        assertThat((String) calls.scalar("SELECT body_html FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET'"
                + " AND recipient = 'f0001@example.org' AND status = 'PENDING'"))
                .contains("<code>{{secret}}</code>", "<title>Conservatoire de Bellerive — votre nouveau mot de passe</title>",
                        "4 place de l&#39;Orangerie<br>");
        assertThat(textColumnsContaining(password)).as("the new password is in the secret column only")
                .containsExactly("mail_outbox.secret");
        assertThat(password).matches("[ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789]{12}");
        assertThat((String) calls.scalar("SELECT password_hash FROM tutti.account WHERE id = ?", f0001Account))
                .startsWith("$2a$10$");

        calls.bind(oldToken);
        assertNoSession();
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).as("the old password").isNull();
        assertThat(calls.login("BELLERIVE", "F0001", password)).as("the new password, unlocked").matches(TOKEN);
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'PASSWORD_RESET' AND account_id = ?",
                f0001Account)).isEqualTo(1);
    }

    @Test
    void moreThanFiveRequestsAnHourForOnePairAreRefused() throws SQLException {
        for (int i = 0; i < 5; i++) {
            calls.requestPassword("F0002", "wrong@example.org"); // a stranger
        }
        assertThatThrownBy(() -> calls.requestPassword("f0002", "WRONG@example.org"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("TU429"));
        long mails = calls.count("SELECT COUNT(*) FROM tutti.mail_outbox");
        calls.requestPassword("f0002", "f0002@example.org"); // the stranger did not use up the owner's pair
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.mail_outbox")).isEqualTo(mails + 1);

        clock.advance(Duration.ofMinutes(59));
        for (int i = 0; i < 4; i++) {
            calls.requestPassword("F0002", "f0002@example.org");
        }
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.mail_outbox")).isEqualTo(mails + 5);
        assertThatThrownBy(() -> calls.requestPassword("F0002", "f0002@example.org"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("TU429"));
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.mail_outbox")).isEqualTo(mails + 5);
        calls.requestPassword("F0001", "wrong@example.org"); // another pair

        clock.advance(Duration.ofMinutes(1));
        calls.requestPassword("F0002", "f0002@example.org");
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.mail_outbox")).isEqualTo(mails + 6);
    }

    // ------------------------------------------------------------------------------------------ change_password

    @Test
    void changePasswordRefusesWithTheDocumentedStates() throws SQLException {
        assertState(() -> calls.changePassword("bellerive", "a long new password"), "TU401", null);
        calls.bind("garbage");
        assertState(() -> calls.changePassword("bellerive", "a long new password"), "TU401", null);

        calls.bind(calls.login("MONTFLEURY", "SECRETARIAT", "montfleury"));
        assertState(() -> calls.changePassword("bellerive", "a long new password"), "TU403", null);
        assertState(() -> calls.changePassword("montfleury", "short"), "TU422", "too_short");
        assertState(() -> calls.changePassword("montfleury", "123456789"), "TU422", "too_short");
        assertState(() -> calls.changePassword("montfleury", "Secretariat"), "TU422", "equals_identifier");
        for (String common : List.of("password123", "PassWord123", "1234567890", "QWERTYUIOP")) {
            assertState(() -> calls.changePassword("montfleury", common), "TU422", "too_common");
        }
        assertState(() -> calls.changePassword("wrong", "password123"), "TU403", null);
        assertThat(calls.login("MONTFLEURY", "SECRETARIAT", "montfleury")).as("nothing changed").matches(TOKEN);
    }

    @Test
    void changePasswordReplacesTheHash() throws SQLException {
        calls.bind(calls.login("BELLERIVE", "F0001", "bellerive"));
        clock.advance(Duration.ofMinutes(2));
        calls.changePassword("bellerive", "Mélodie 2026");

        assertThat(timestamp("SELECT password_changed_at FROM tutti.account WHERE id = ?", f0001Account))
                .isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'PASSWORD_CHANGED' AND account_id = ?",
                f0001Account)).isEqualTo(1);
        assertThat(calls.login("BELLERIVE", "F0001", "bellerive")).isNull();
        assertThat(calls.login("BELLERIVE", "F0001", "Mélodie 2026")).matches(TOKEN);
        assertThat(calls.currentFamily()).as("the session goes on").isEqualTo(f0001Family);
    }

    // ------------------------------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Call {
        void run() throws SQLException;
    }

    private static void assertState(Call call, String state, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(state);
            if (message != null) {
                assertThat(e.getMessage()).contains(message);
            }
        });
    }

    private void assertNoSession() throws SQLException {
        assertThat(calls.currentAccount()).isNull();
        assertThat(calls.currentFamily()).isNull();
        assertThat(calls.currentStaffSite()).isNull();
        assertThat(calls.sessionInfo()).isEmpty();
        assertThat(calls.touch()).isFalse();
    }

    private long lockAudits() throws SQLException {
        return calls.count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'ACCOUNT_LOCKED' AND account_id = ?",
                f0001Account);
    }

    private Instant timestamp(String sql, Object... parameters) throws SQLException {
        Object value = calls.scalar(sql, parameters);
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    /** "table.column" of every text column of schema tutti with a value containing {@code text}. */
    private List<String> textColumnsContaining(String text) throws SQLException {
        List<String> hits = new ArrayList<>();
        for (List<String> column : calls.rows("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'tutti' AND lower(data_type) IN ('character varying', 'text', 'character large object')"
                + " AND table_name <> 'flyway_schema_history' ORDER BY table_name, column_name")) {
            String sql = "SELECT COUNT(*) FROM tutti." + column.get(0) + " WHERE " + column.get(1)
                    + " LIKE '%' || ? || '%'";
            if (calls.count(sql, text) > 0) {
                hits.add(column.get(0) + "." + column.get(1));
            }
        }
        return hits;
    }
}
