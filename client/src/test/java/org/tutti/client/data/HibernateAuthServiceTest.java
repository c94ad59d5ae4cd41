package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AuthService;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/**
 * Logging in and out on both databases. Each test uses its own accounts, because the seeded
 * database is shared by the whole test run.
 */
class HibernateAuthServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static AuthService auth(DatabaseVendor vendor, Clock clock) {
        return SeededDatabases.get(vendor).backend(clock).auth();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilyLogsInAndOnlyTheTokensHashIsStored(DatabaseVendor vendor) throws Exception {
        Sql sql = sql(vendor);
        long accountId = sql.accountId("BELLERIVE", "F0001");
        long familyId = sql.count("select family_id from tutti.account where id = ?", accountId);
        char[] password = "bellerive".toCharArray();

        UserSession session = auth(vendor, Clock.systemUTC()).login("BELLERIVE", " f0001 ", password).orElseThrow();

        assertThat(password).containsOnly('\0');
        assertThat(session.role()).isEqualTo(Role.FAMILY);
        assertThat(session.accountId()).isEqualTo(accountId);
        assertThat(session.familyId()).isEqualTo(familyId);
        assertThat(session.identifier()).isEqualTo("F0001");
        assertThat(session.siteCode()).isEqualTo("BELLERIVE");
        assertThat(session.siteName()).isEqualTo("Conservatoire de Bellerive");
        assertThat(session.token()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(session.toString()).doesNotContain(session.token());

        String hash = sha256Hex(session.token());
        assertThat(sql.count("select count(*) from tutti.app_session where account_id = ? and token_hash = ?"
                + " and ended_at is null", accountId, hash)).isEqualTo(1);
        assertThat(sql.count("select count(*) from tutti.app_session where token_hash = ?", session.token())).isZero();
        Instant expires = sql.instant("select expires_at from tutti.app_session where token_hash = ?", hash);
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(2, ChronoUnit.MINUTES));
        assertThat(sql.count("select count(*) from tutti.audit_event where account_id = ? and kind = 'LOGIN_SUCCESS'",
                accountId)).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void staffLogInWithoutAFamily(DatabaseVendor vendor) {
        UserSession session = auth(vendor, Clock.systemUTC())
                .login("BELLERIVE", "accueil", "bellerive".toCharArray()).orElseThrow();

        assertThat(session.role()).isEqualTo(Role.STAFF);
        assertThat(session.isStaff()).isTrue();
        assertThat(session.familyId()).isNull();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void everyKindOfRefusalIsEmptyAndAudited(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        AuthService auth = auth(vendor, Clock.systemUTC());
        long accountId = sql.accountId("BELLERIVE", "F0002");
        long failuresBefore = sql.count("select count(*) from tutti.audit_event where kind = 'LOGIN_FAILURE'");
        char[] wrong = "montfleury".toCharArray();

        assertThat(auth.login("BELLERIVE", "F0002", wrong)).isEmpty();
        assertThat(wrong).containsOnly('\0');
        assertThat(auth.login("BELLERIVE", "F9999", "bellerive".toCharArray())).as("unknown identifier").isEmpty();
        assertThat(auth.login("MONTFLEURY", "F0002", "bellerive".toCharArray())).as("another site's family").isEmpty();
        assertThat(auth.login("BELLERIVE", "M0001", "montfleury".toCharArray())).as("another site's family").isEmpty();
        assertThat(auth.login("NOWHERE", "F0002", "bellerive".toCharArray())).as("unknown site").isEmpty();
        assertThat(auth.login("BELLERIVE", "F0002", new char[0])).as("empty password").isEmpty();

        assertThat(sql.count("select failed_attempts from tutti.account where id = ?", accountId)).isEqualTo(1);
        assertThat(sql.count("select count(*) from tutti.audit_event where kind = 'LOGIN_FAILURE'"))
                .isEqualTo(failuresBefore + 5);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        MutableClock clock = new MutableClock(Instant.now());
        AuthService auth = auth(vendor, clock);
        long accountId = sql.accountId("BELLERIVE", "F0003");

        for (int i = 0; i < 4; i++) {
            assertThat(auth.login("BELLERIVE", "F0003", "wrong".toCharArray())).isEmpty();
        }
        assertThat(sql.count("select count(*) from tutti.audit_event where account_id = ? and kind = 'ACCOUNT_LOCKED'",
                accountId)).isZero();
        assertThat(auth.login("BELLERIVE", "F0003", "wrong".toCharArray())).isEmpty();

        assertThat(auth.login("BELLERIVE", "F0003", "bellerive".toCharArray())).as("locked").isEmpty();
        assertThat(sql.count("select count(*) from tutti.audit_event where account_id = ? and kind = 'ACCOUNT_LOCKED'",
                accountId)).isEqualTo(1);
        assertThat(sql.instant("select locked_until from tutti.account where id = ?", accountId)).isAfter(clock.instant());

        clock.advance(Duration.ofMinutes(14));
        assertThat(auth.login("BELLERIVE", "F0003", "bellerive".toCharArray())).as("still locked").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(auth.login("BELLERIVE", "F0003", "bellerive".toCharArray())).as("lock over").isPresent();
        assertThat(sql.instant("select locked_until from tutti.account where id = ?", accountId)).isNull();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void failuresOlderThanFifteenMinutesDoNotCount(DatabaseVendor vendor) {
        MutableClock clock = new MutableClock(Instant.now());
        AuthService auth = auth(vendor, clock);

        for (int i = 0; i < 4; i++) {
            assertThat(auth.login("BELLERIVE", "F0004", "wrong".toCharArray())).isEmpty();
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(auth.login("BELLERIVE", "F0004", "wrong".toCharArray())).isEmpty();

        assertThat(auth.login("BELLERIVE", "F0004", "bellerive".toCharArray())).isPresent();
        assertThat(sql(vendor).count("select failed_attempts from tutti.account where id = ?",
                sql(vendor).accountId("BELLERIVE", "F0004"))).isZero();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void anInactiveAccountIsRefused(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long accountId = sql.accountId("BELLERIVE", "F0005");
        sql.update("update tutti.account set active = false where id = ?", accountId);

        assertThat(auth(vendor, Clock.systemUTC()).login("BELLERIVE", "F0005", "bellerive".toCharArray())).isEmpty();
        assertThat(sql.count("select count(*) from tutti.app_session where account_id = ?", accountId)).isZero();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void logoutEndsTheSessionAndCanBeRepeated(DatabaseVendor vendor) throws Exception {
        Sql sql = sql(vendor);
        DatabaseBackend backend = SeededDatabases.get(vendor).backend(Clock.systemUTC());
        UserSession session = backend.auth().login("MONTFLEURY", "M0001", "montfleury".toCharArray()).orElseThrow();
        String hash = sha256Hex(session.token());
        assertThat(sql.instant("select ended_at from tutti.app_session where token_hash = ?", hash)).isNull();

        backend.auth().logout(session);
        backend.auth().logout(session);

        assertThat(sql.instant("select ended_at from tutti.app_session where token_hash = ?", hash)).isNotNull();
        assertThatThrownBy(() -> backend.home().familyHome(session))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
    }
}
