package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AuthService;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/**
 * Logging in and out through the SQL API on both databases; on PostgreSQL as the login roles
 * {@code tutti_family} and {@code tutti_staff}. Each test uses its own accounts, because the
 * seeded database is shared by the whole test run.
 */
@Tag("postgres")
class HibernateAuthServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static AuthService familyAuth(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend().auth();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSessionExpired(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilyLogsInAndOnlyTheTokensHashIsStored(DatabaseVendor vendor) throws Exception {
        Sql sql = sql(vendor);
        long accountId = sql.accountId("BELLERIVE", "F0001");
        long familyId = sql.count("select family_id from tutti.account where id = ?", accountId);
        char[] password = "bellerive".toCharArray();

        UserSession session = familyAuth(vendor).login("BELLERIVE", " f0001 ", password).orElseThrow();

        assertThat(password).containsOnly('\0');
        assertThat(session.role()).isEqualTo(Role.FAMILY);
        assertThat(session.accountId()).isEqualTo(accountId);
        assertThat(session.familyId()).isEqualTo(familyId);
        assertThat(session.identifier()).isEqualTo("F0001");
        assertThat(session.siteCode()).isEqualTo("BELLERIVE");
        assertThat(session.siteName()).isEqualTo("Conservatoire de Bellerive");
        assertThat(session.displayName()).isNotBlank();
        assertThat(session.token()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(session.toString()).doesNotContain(session.token());

        String hash = sha256Hex(session.token());
        assertThat(sql.count("select count(*) from tutti.app_session where account_id = ? and token_hash = ?"
                + " and ended_at is null", accountId, hash)).isEqualTo(1);
        assertThat(sql.count("select count(*) from tutti.app_session where token_hash = ?", session.token())).isZero();
        Instant expires = sql.instant("select expires_at from tutti.app_session where token_hash = ?", hash);
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(2, ChronoUnit.MINUTES));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void staffLogInWithoutAFamily(DatabaseVendor vendor) {
        UserSession session = SeededDatabases.get(vendor).staffBackend().auth()
                .login("BELLERIVE", "accueil", "bellerive".toCharArray()).orElseThrow();

        assertThat(session.role()).isEqualTo(Role.STAFF);
        assertThat(session.isStaff()).isTrue();
        assertThat(session.familyId()).isNull();
        assertThat(session.siteCode()).isEqualTo("BELLERIVE");
    }

    /** The login roles log in their own kind of account only (on H2, the demo, both log in). */
    @Test
    void onPostgresqlTheFamilyRoleCannotLogAStaffAccountInNorTheStaffRoleAFamily() {
        SeededDatabases.Seeded seeded = SeededDatabases.get(DatabaseVendor.POSTGRESQL);

        assertThat(seeded.familyBackend().auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray())).isEmpty();
        assertThat(seeded.staffBackend().auth().login("BELLERIVE", "F0006", "bellerive".toCharArray())).isEmpty();
        assertThat(seeded.staffBackend().auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void everyKindOfRefusalIsEmptyAndThePasswordIsCleared(DatabaseVendor vendor) {
        AuthService auth = familyAuth(vendor);
        char[] wrong = "montfleury".toCharArray();

        assertThat(auth.login("BELLERIVE", "F0002", wrong)).isEmpty();
        assertThat(wrong).containsOnly('\0');
        assertThat(auth.login("BELLERIVE", "F9999", "bellerive".toCharArray())).as("unknown identifier").isEmpty();
        assertThat(auth.login("MONTFLEURY", "F0002", "bellerive".toCharArray())).as("another site's family").isEmpty();
        assertThat(auth.login("NOWHERE", "F0002", "bellerive".toCharArray())).as("unknown site").isEmpty();
        assertThat(auth.login("BELLERIVE", "F0002' or '1'='1", "x' or '1'='1".toCharArray())).as("injection").isEmpty();
        assertThat(auth.login("BELLERIVE", "F0002", new char[0])).as("empty password").isEmpty();
        assertThat(auth.login("BELLERIVE", "  ", "bellerive".toCharArray())).as("blank identifier").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne(DatabaseVendor vendor) {
        AuthService auth = familyAuth(vendor);

        for (int i = 0; i < 5; i++) {
            assertThat(auth.login("BELLERIVE", "F0003", "wrong".toCharArray())).isEmpty();
        }

        assertThat(auth.login("BELLERIVE", "F0003", "bellerive".toCharArray())).as("locked").isEmpty();
        assertThat(sql(vendor).instant("select locked_until from tutti.account where id = ?",
                sql(vendor).accountId("BELLERIVE", "F0003"))).isAfter(Instant.now());
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void anInactiveAccountIsRefused(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long accountId = sql.accountId("BELLERIVE", "F0005");
        sql.update("update tutti.account set active = false where id = ?", accountId);
        // other tests may have logged in as F0005 earlier (the pedagogy tests read every family)
        long sessionsBefore = sql.count("select count(*) from tutti.app_session where account_id = ?", accountId);

        assertThat(familyAuth(vendor).login("BELLERIVE", "F0005", "bellerive".toCharArray())).isEmpty();
        assertThat(sql.count("select count(*) from tutti.app_session where account_id = ?", accountId))
                .as("no new session").isEqualTo(sessionsBefore);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void logoutEndsTheSessionAndCanBeRepeated(DatabaseVendor vendor) throws Exception {
        Sql sql = sql(vendor);
        DatabaseBackend backend = SeededDatabases.get(vendor).familyBackend();
        UserSession session = backend.auth().login("MONTFLEURY", "M0001", "montfleury".toCharArray()).orElseThrow();
        String hash = sha256Hex(session.token());
        assertThat(sql.instant("select ended_at from tutti.app_session where token_hash = ?", hash)).isNull();

        backend.auth().logout(session);
        backend.auth().logout(session);

        assertThat(sql.instant("select ended_at from tutti.app_session where token_hash = ?", hash)).isNotNull();
        assertSessionExpired(() -> backend.home().familyHome(session));
    }

    /** The binder's touch_session() answers false: every call fails with SESSION_EXPIRED. */
    @ParameterizedTest
    @MethodSource("vendors")
    void anExpiredSessionIsRefusedByEveryCall(DatabaseVendor vendor) throws Exception {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        DatabaseBackend family = seeded.familyBackend();
        UserSession session = family.auth().login("BELLERIVE", "F0007", "bellerive".toCharArray()).orElseThrow();
        assertThat(family.home().familyHome(session).students()).isNotEmpty();

        expire(vendor, session);

        assertSessionExpired(() -> family.home().familyHome(session));
        assertThatCode(() -> family.auth().logout(session)).as("logging out of an expired session").doesNotThrowAnyException();
        UserSession staff = seeded.staffBackend().auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray())
                .orElseThrow();
        expire(vendor, staff);
        assertSessionExpired(() -> seeded.staffBackend().home().staffHome(staff));
    }

    /** Moves the session into the past, as the superuser: created an hour ago, expired a minute ago. */
    static void expire(DatabaseVendor vendor, UserSession session) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = new Sql(SeededDatabases.get(vendor).db().dataSource()).update(
                "update tutti.app_session set created_at = ?, last_seen_at = ?, expires_at = ? where token_hash = ?",
                now.minusHours(1), now.minusMinutes(31), now.minusMinutes(1), sha256Hex(session.token()));
        assertThat(updated).isEqualTo(1);
    }
}
