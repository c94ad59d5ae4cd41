package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.schema.h2.ApiClient.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The SQL API behaves alike on H2 (Java functions) and PostgreSQL (PL/pgSQL, called as the login
 * roles {@code tutti_family} and {@code tutti_staff}, never as the superuser): same types, same
 * NULL answers, same SQLSTATEs, same session rows, same mail. Both databases hold the same demo
 * school (same seed, same ids). Each test uses accounts no other test touches.
 *
 * <p>One known difference is not tested here: on PostgreSQL the family role cannot log a STAFF
 * account in nor the staff role a FAMILY one; H2 has no login roles and accepts both.
 */
@Tag("postgres")
class SecurityApiParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NEW_PASSWORD = Pattern.compile("[A-HJ-NP-Za-km-z2-9]{12}");
    private static final Map<DatabaseVendor, TestDatabase> DATABASES = new EnumMap<>(DatabaseVendor.class);

    /** The demo school on {@code vendor}, migrated and seeded once per test run. */
    private static synchronized TestDatabase database(DatabaseVendor vendor) throws SQLException {
        TestDatabase db = DATABASES.get(vendor);
        if (db == null) {
            db = ApiClient.demo(vendor, 20);
            DATABASES.put(vendor, db);
        }
        return db;
    }

    /** A client's connection: as the login role on PostgreSQL, as the demo's only user on H2. */
    private static ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        return ApiClient.connect(database(vendor), role);
    }

    /** The superuser's (or H2's only user's) view, to check what a client cannot read. */
    private static SecurityCalls admin(Connection connection) {
        return new SecurityCalls(connection);
    }

    private static Connection adminConnection(DatabaseVendor vendor) throws SQLException {
        return database(vendor).dataSource().getConnection();
    }

    // ------------------------------------------------------------------------------------------ login

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void loginAnswersAHexTokenOfWhichOnlyTheHashIsStored(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); Connection admin = adminConnection(vendor)) {
            Object token = family.inTransaction(null, calls -> calls.scalar("SELECT tutti.login(?, ?, ?)",
                    "BELLERIVE", "f0003", "bellerive"));
            assertThat(token).isInstanceOf(String.class);
            assertThat((String) token).matches(TOKEN);
            assertThat(admin(admin).count("SELECT COUNT(*) FROM tutti.app_session WHERE token_hash = ?",
                    Secrets.sha256Hex((String) token))).isEqualTo(1);
            assertThat(admin(admin).count("SELECT COUNT(*) FROM tutti.app_session WHERE token_hash = ?", token))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void everyFailureIsNull(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY)) {
            String[][] attempts = {
                {"BELLERIVE", "F0004", "wrong"},
                {"BELLERIVE", "F0004", ""},
                {"BELLERIVE", "F0004", null},
                {"BELLERIVE", "X9999", "bellerive"},
                {"MONTFLEURY", "F0004", "bellerive"},
                {"NOWHERE", "F0004", "bellerive"},
                {null, "F0004", "bellerive"},
                {"BELLERIVE", null, "bellerive"},
                {"BELLERIVE", "F0004' OR '1'='1", "bellerive"},
                {"BELLERIVE", "' OR 1=1 --", "x' OR 'a'='a"},
                {"BELLERIVE'; DROP TABLE tutti.account; --", "F0004", "bellerive"},
                {"BELLERIVE' OR '1'='1", "F0004", "bellerive"},
            };
            for (String[] attempt : attempts) {
                assertThat(family.login(attempt[0], attempt[1], attempt[2])).as(String.join(" / ",
                        String.valueOf(attempt[0]), String.valueOf(attempt[1]), String.valueOf(attempt[2]))).isNull();
            }
            assertThat(family.login("BELLERIVE", "F0004", "bellerive")).matches(TOKEN);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void fiveFailuresLockTheAccount(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); Connection admin = adminConnection(vendor)) {
            for (int i = 0; i < 5; i++) {
                assertThat(family.login("BELLERIVE", "F0005", "wrong")).isNull();
            }
            assertThat(family.login("BELLERIVE", "F0005", "bellerive")).isNull();
            assertThat(auditTrail(admin, "F0005")).containsExactly(
                    "LOGIN_FAILURE wrong password (1 of 5)", "LOGIN_FAILURE wrong password (2 of 5)",
                    "LOGIN_FAILURE wrong password (3 of 5)", "LOGIN_FAILURE wrong password (4 of 5)",
                    "LOGIN_FAILURE wrong password (5 of 5)", "ACCOUNT_LOCKED 5 wrong passwords; locked until <time>",
                    "LOGIN_FAILURE account locked");
        }
    }

    // ------------------------------------------------------------------------------------------ sessions

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFamilyTokenResolvesAndTheOthersDoNot(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); Connection admin = adminConnection(vendor)) {
            long familyId = admin(admin).count("SELECT id FROM tutti.family WHERE identifier = 'F0006'");
            long accountId = admin(admin).count("SELECT id FROM tutti.account WHERE identifier = 'F0006'");
            String token = family.login("BELLERIVE", "F0006", "bellerive");

            family.inTransaction(token, calls -> {
                assertThat(calls.bind(token)).isEqualTo(token);
                assertThat(calls.scalar("SELECT tutti.touch_session()")).isEqualTo(Boolean.TRUE);
                assertThat(calls.scalar("SELECT tutti.current_family()")).isEqualTo(familyId);
                assertThat(calls.scalar("SELECT tutti.current_account()")).isEqualTo(accountId);
                assertThat(calls.currentStaffSite()).isNull();
                assertThat(calls.sessionInfo()).hasSize(1);
                return null;
            });
            for (String other : List.of("", "garbage", Secrets.sha256Hex(token), token.toUpperCase())) {
                family.inTransaction(other, SecurityApiParityTest::assertNoSession);
            }
            family.inTransaction(null, SecurityApiParityTest::assertNoSession);

            String expiring = family.login("BELLERIVE", "F0006", "bellerive");
            admin(admin).execute("UPDATE tutti.app_session SET created_at = created_at - INTERVAL '2' HOUR,"
                    + " last_seen_at = created_at - INTERVAL '2' HOUR, expires_at = created_at - INTERVAL '1' HOUR"
                    + " WHERE token_hash = ?", Secrets.sha256Hex(expiring));
            family.inTransaction(expiring, SecurityApiParityTest::assertNoSession);

            family.inTransaction(token, calls -> {
                calls.logout();
                return null;
            });
            family.inTransaction(token, SecurityApiParityTest::assertNoSession);
            family.inTransaction(token, calls -> {
                calls.logout(); // a no-op without a session
                return null;
            });
            assertThat(admin(admin).count("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'LOGOUT' AND account_id = ?",
                    accountId)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aStaffTokenResolvesToItsSite(DatabaseVendor vendor) throws SQLException {
        try (ApiClient staff = client(vendor, STAFF); Connection admin = adminConnection(vendor)) {
            long siteId = admin(admin).count("SELECT id FROM tutti.site WHERE code = 'BELLERIVE'");
            String token = staff.login("BELLERIVE", "COMPTA", "bellerive");
            assertThat(token).matches(TOKEN);
            staff.inTransaction(token, calls -> {
                assertThat(calls.scalar("SELECT tutti.current_staff_site()")).isEqualTo(siteId);
                assertThat(calls.currentFamily()).isNull();
                assertThat(calls.sessionInfo()).singleElement().satisfies(row ->
                        assertThat(row.subList(1, 7)).containsExactly("STAFF", "BELLERIVE", "Conservatoire de Bellerive",
                                "COMPTA", "Comptabilité — Karine Lemoine", "null"));
                return null;
            });
        }
    }

    /** The same account gives the same session_info row on both databases. */
    @Test
    void sessionInfoIsTheSameRowOnBothDatabases() throws SQLException {
        List<List<List<String>>> rows = new ArrayList<>();
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            try (ApiClient family = client(vendor, FAMILY)) {
                String token = family.login("MONTFLEURY", "M0001", "montfleury");
                rows.add(family.inTransaction(token, SecurityCalls::sessionInfo));
            }
        }
        assertThat(rows.get(0)).hasSize(1);
        assertThat(rows.get(0).get(0).subList(1, 6)).containsExactly("FAMILY", "MONTFLEURY",
                "École de musique de Montfleury", "M0001", rows.get(0).get(0).get(5));
        assertThat(rows.get(1)).isEqualTo(rows.get(0));
    }

    // ------------------------------------------------------------------------------------------ passwords

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void changePasswordRaisesTheSameStates(DatabaseVendor vendor) throws SQLException {
        try (ApiClient staff = client(vendor, STAFF)) {
            assertThat(sqlState(staff, null, "SELECT tutti.change_password('montfleury', 'a long new password')"))
                    .isEqualTo("TU401 no session");
            assertThat(sqlState(staff, "garbage", "SELECT tutti.change_password('montfleury', 'a long new password')"))
                    .isEqualTo("TU401 no session");
            String token = staff.login("MONTFLEURY", "SECRETARIAT", "montfleury");
            assertThat(sqlState(staff, token, "SELECT tutti.change_password('wrong', 'a long new password')"))
                    .isEqualTo("TU403 wrong password");
            assertThat(sqlState(staff, token, "SELECT tutti.change_password('montfleury', '123456789')"))
                    .isEqualTo("TU422 too_short");
            assertThat(sqlState(staff, token, "SELECT tutti.change_password('montfleury', 'Secretariat')"))
                    .isEqualTo("TU422 equals_identifier");
            assertThat(sqlState(staff, token, "SELECT tutti.change_password('montfleury', 'PASSWORD123')"))
                    .isEqualTo("TU422 too_common");
            assertThat(sqlState(staff, token, "SELECT tutti.change_password('wrong', 'password123')"))
                    .isEqualTo("TU403 wrong password");
            staff.inTransaction(token, calls -> {
                calls.changePassword("montfleury", "Solfège & Harmonie");
                return null;
            });
            assertThat(staff.login("MONTFLEURY", "SECRETARIAT", "montfleury")).isNull();
            assertThat(staff.login("MONTFLEURY", "SECRETARIAT", "Solfège & Harmonie")).matches(TOKEN);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void requestPasswordAnswersAlikeAndIsRateLimited(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); Connection admin = adminConnection(vendor)) {
            String email = email(admin, "F0007");
            String old = family.login("BELLERIVE", "F0007", "bellerive");
            for (int i = 0; i < 2; i++) {
                family.inTransaction(null, calls -> {
                    calls.requestPassword("F0007", "wrong@example.org");
                    return null;
                });
            }
            assertThat(family.login("BELLERIVE", "F0007", "bellerive")).as("nothing changed").matches(TOKEN);
            family.inTransaction(null, calls -> {
                calls.requestPassword("f0007", email.toUpperCase(java.util.Locale.ROOT));
                return null;
            });
            String password = (String) admin(admin).scalar("SELECT secret FROM tutti.mail_outbox"
                    + " WHERE kind = 'PASSWORD_RESET' AND recipient = ? AND status = 'PENDING'", email);
            assertThat(password).matches(NEW_PASSWORD);
            family.inTransaction(old, SecurityApiParityTest::assertNoSession);
            assertThat(family.login("BELLERIVE", "F0007", "bellerive")).isNull();
            assertThat(family.login("BELLERIVE", "F0007", password)).matches(TOKEN);

            family.inTransaction(null, calls -> {
                calls.requestPassword("F0007", "wrong@example.org");
                calls.requestPassword("F0007", "WRONG@example.org");
                calls.requestPassword("f0007", "wrong@example.org");
                return null;
            });
            assertThat(sqlState(family, null, "SELECT tutti.request_password('F0007', 'wrong@example.org')"))
                    .as("a sixth request for one pair within the hour").isEqualTo("TU429 too many requests");
            family.inTransaction(null, calls -> {
                calls.requestPassword("F0007", email); // a stranger's requests do not use up the owner's pair
                return null;
            });
        }
    }

    /**
     * Subject, text and HTML of the reset mail are the same on both: the new password is in the column
     * {@code secret} only, the bodies hold the placeholder {@code {{secret}}} where it goes.
     */
    @Test
    void theResetMailIsTheSameOnBothDatabases() throws SQLException {
        List<List<String>> mails = new ArrayList<>();
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            try (ApiClient family = client(vendor, FAMILY); Connection admin = adminConnection(vendor)) {
                family.inTransaction(null, calls -> {
                    calls.requestPassword("M0002", email(admin, "M0002"));
                    return null;
                });
                List<String> mail = admin(admin).rows("SELECT site_id, kind, recipient, subject, body_text, body_html,"
                        + " contains_secret, status, attempts, secret FROM tutti.mail_outbox WHERE kind = 'PASSWORD_RESET'"
                        + " AND recipient = ?", email(admin, "M0002")).get(0);
                String password = mail.get(9);
                assertThat(password).as(vendor.name()).matches(NEW_PASSWORD);
                assertThat(mail.subList(0, 9)).as(vendor.name() + ": the password is nowhere but in secret")
                        .noneMatch(value -> value.contains(password));
                List<String> masked = new ArrayList<>(mail.subList(0, 9));
                masked.add("<password>");
                mails.add(masked);
            }
        }
        assertThat(mails.get(0).get(3)).isEqualTo("École de musique de Montfleury — votre nouveau mot de passe");
        assertThat(mails.get(0).get(4)).contains("Identifiant : M0002\nNouveau mot de passe : {{secret}}\n\n");
        assertThat(mails.get(0).get(5)).contains(
                "<tr><td>Nouveau mot de passe&nbsp;:</td><td><strong><code>{{secret}}</code></strong></td></tr>");
        assertThat(mails.get(0).subList(6, 9)).containsExactly("true", "PENDING", "0");
        assertThat(mails.get(1)).isEqualTo(mails.get(0));
    }

    /** The same 10,000 common passwords on both, those of the shipped list. */
    @Test
    void theCommonPasswordsAreTheSameOnBothDatabases() throws SQLException {
        List<Set<List<String>>> tables = new ArrayList<>();
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            try (Connection admin = adminConnection(vendor)) {
                tables.add(new HashSet<>(admin(admin).rows("SELECT password FROM tutti.common_password")));
            }
        }
        assertThat(tables.get(0)).hasSize(10_000);
        assertThat(tables.get(1)).isEqualTo(tables.get(0));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String email(Connection admin, String identifier) throws SQLException {
        return (String) admin(admin).scalar("SELECT email FROM tutti.account WHERE identifier = ?", identifier);
    }

    private static Void assertNoSession(SecurityCalls calls) throws SQLException {
        assertThat(calls.touch()).isFalse();
        assertThat(calls.currentAccount()).isNull();
        assertThat(calls.currentFamily()).isNull();
        assertThat(calls.currentStaffSite()).isNull();
        assertThat(calls.sessionInfo()).isEmpty();
        return null;
    }

    /** "SQLSTATE message" of the error that {@code sql} raises in a transaction bound to {@code token}. */
    private static String sqlState(ApiClient client, String token, String sql) {
        List<String> raised = new ArrayList<>();
        assertThatThrownBy(() -> client.inTransaction(token, calls -> {
            calls.execute(sql);
            return null;
        })).isInstanceOfSatisfying(SQLException.class, e -> raised.add(e.getSQLState() + " " + message(e)));
        return raised.get(0);
    }

    /** The account's audit rows, oldest first, as "KIND detail" with timestamps masked. */
    private static List<String> auditTrail(Connection admin, String identifier) throws SQLException {
        List<String> trail = new ArrayList<>();
        for (List<String> row : admin(admin).rows("SELECT e.kind, e.detail FROM tutti.audit_event e"
                + " JOIN tutti.account a ON a.id = e.account_id WHERE a.identifier = ? AND e.kind <> 'ACCOUNT_CREATED'"
                + " AND e.occurred_at > TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00' ORDER BY e.id", identifier)) {
            trail.add(row.get(0) + " " + row.get(1).replaceAll("\\d{4}-\\d\\d-\\d\\d[ T][0-9:.]+(\\+00|Z)?", "<time>"));
        }
        return trail;
    }
}
