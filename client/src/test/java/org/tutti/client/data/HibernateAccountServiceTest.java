package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.AccountService;
import org.tutti.client.service.AuthService;
import org.tutti.client.service.PasswordChangeResult;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.DatabaseVendor;

/**
 * New passwords by e-mail and password changes through the SQL API on both databases; on
 * PostgreSQL as the login roles {@code tutti_family} and {@code tutti_staff}. Each test uses
 * its own accounts (F0011…F0016), since the seeded database is shared by the whole test run.
 */
@Tag("postgres")
class HibernateAccountServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static DatabaseBackend family(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static String email(DatabaseVendor vendor, String identifier) {
        return (String) sql(vendor).value("select email from tutti.account where identifier = ?", identifier);
    }

    private static String hash(DatabaseVendor vendor, String identifier) {
        return (String) sql(vendor).value("select password_hash from tutti.account where identifier = ?", identifier);
    }

    private static long outbox(DatabaseVendor vendor, String recipient) {
        return sql(vendor).count("select count(*) from tutti.mail_outbox where lower(recipient) = lower(?)"
                + " and kind = 'PASSWORD_RESET'", recipient);
    }

    private static UserSession login(DatabaseVendor vendor, String identifier, String password) {
        return family(vendor).auth().login("BELLERIVE", identifier, password.toCharArray())
                .orElseThrow(() -> new AssertionError(identifier + " cannot log in with " + password));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aMatchingPairGetsANewPasswordByMailAndTheOldOneStopsWorking(DatabaseVendor vendor) {
        DatabaseBackend backend = family(vendor);
        String email = email(vendor, "F0011");
        UserSession open = login(vendor, "F0011", "bellerive");
        String before = hash(vendor, "F0011");

        // identifier in lower case and e-mail in upper case, with spaces: as a user may type them
        backend.accounts().requestPassword(" f0011 ", " " + email.toUpperCase(java.util.Locale.ROOT) + " ");

        assertThat(hash(vendor, "F0011")).isNotEqualTo(before);
        assertThat(outbox(vendor, email)).isEqualTo(1);
        String secret = (String) sql(vendor).value("select secret from tutti.mail_outbox where lower(recipient) = lower(?)"
                + " and kind = 'PASSWORD_RESET'", email);
        assertThat(backend.auth().login("BELLERIVE", "F0011", "bellerive".toCharArray())).as("old password").isEmpty();
        assertThat(backend.auth().login("BELLERIVE", "F0011", secret.toCharArray())).as("new password").isPresent();
        assertThatThrownBy(() -> backend.home().familyHome(open)).as("the sessions opened before end")
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aPairThatDoesNotMatchAnswersTheSameAndChangesNothing(DatabaseVendor vendor) {
        AccountService accounts = family(vendor).accounts();
        String email = email(vendor, "F0012");
        String before = hash(vendor, "F0012");

        accounts.requestPassword("F0012", "someone.else@example.org");
        accounts.requestPassword("F9999", email);

        assertThat(hash(vendor, "F0012")).isEqualTo(before);
        assertThat(outbox(vendor, email)).isZero();
        assertThat(outbox(vendor, "someone.else@example.org")).isZero();
        assertThat(family(vendor).auth().login("BELLERIVE", "F0012", "bellerive".toCharArray())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theSixthRequestForOnePairWithinAnHourIsRateLimited(DatabaseVendor vendor) {
        AccountService accounts = family(vendor).accounts();
        for (int i = 0; i < 5; i++) {
            accounts.requestPassword("F0013", "nobody@example.org");
        }

        assertThatThrownBy(() -> accounts.requestPassword("F0013", "NOBODY@example.org"))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.RATE_LIMITED));
        assertThat(family(vendor).auth().login("BELLERIVE", "F0013", "bellerive".toCharArray()))
                .as("nothing changed").isPresent();
    }

    @Test
    void blankValuesAreNotSent() {
        AccountService accounts = family(DatabaseVendor.H2).accounts();

        assertThatThrownBy(() -> accounts.requestPassword(" ", "f0001@example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.requestPassword("F0001", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void eachRefusalOfAChangeHasItsResultAndTheArraysAreCleared(DatabaseVendor vendor) {
        AccountService accounts = family(vendor).accounts();
        UserSession session = login(vendor, "F0014", "bellerive");
        String before = hash(vendor, "F0014");

        char[] wrong = "not-the-password".toCharArray();
        char[] next = "Mélodie en sol 2026".toCharArray();
        assertThat(accounts.changePassword(session, wrong, next)).isEqualTo(PasswordChangeResult.WRONG_CURRENT);
        assertThat(wrong).containsOnly('\0');
        assertThat(next).containsOnly('\0');
        assertThat(accounts.changePassword(session, "bellerive".toCharArray(), "short".toCharArray()))
                .isEqualTo(PasswordChangeResult.TOO_SHORT);
        assertThat(accounts.changePassword(session, "bellerive".toCharArray(), "1234567890".toCharArray()))
                .isEqualTo(PasswordChangeResult.TOO_COMMON);
        assertThat(accounts.changePassword(session, "bellerive".toCharArray(), "QwertyUiop".toCharArray()))
                .as("compared lower-case").isEqualTo(PasswordChangeResult.TOO_COMMON);

        assertThat(hash(vendor, "F0014")).isEqualTo(before);
        assertThat(family(vendor).home().familyHome(session).students()).as("the session goes on").isNotNull();
    }

    /** Only an identifier of ten characters or more can reach this rule: SECRETARIAT, a staff account. */
    @ParameterizedTest
    @MethodSource("vendors")
    void theIdentifierIsRefusedAsAPassword(DatabaseVendor vendor) {
        DatabaseBackend staff = SeededDatabases.get(vendor).staffBackend();
        UserSession session = staff.auth().login("MONTFLEURY", "SECRETARIAT", "montfleury".toCharArray()).orElseThrow();

        assertThat(staff.accounts().changePassword(session, "montfleury".toCharArray(), "Secretariat".toCharArray()))
                .isEqualTo(PasswordChangeResult.EQUALS_IDENTIFIER);
        staff.auth().logout(session);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aChangedPasswordWorksAtTheNextLoginAndTheOldOneNoLonger(DatabaseVendor vendor) {
        DatabaseBackend backend = family(vendor);
        AuthService auth = backend.auth();
        UserSession session = login(vendor, "F0015", "bellerive");

        assertThat(backend.accounts().changePassword(session, "bellerive".toCharArray(),
                "Mélodie en sol 2026".toCharArray())).isEqualTo(PasswordChangeResult.CHANGED);
        auth.logout(session);

        assertThat(auth.login("BELLERIVE", "F0015", "bellerive".toCharArray())).isEmpty();
        assertThat(auth.login("BELLERIVE", "F0015", "Mélodie en sol 2026".toCharArray())).isPresent();
        assertThat(sql(vendor).count("select count(*) from tutti.audit_event e join tutti.account a on a.id = e.account_id"
                + " where a.identifier = 'F0015' and e.kind = 'PASSWORD_CHANGED'")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aChangeWithoutALiveSessionIsSessionExpired(DatabaseVendor vendor) throws Exception {
        DatabaseBackend backend = family(vendor);
        UserSession session = login(vendor, "F0016", "bellerive");
        backend.auth().logout(session);
        char[] current = "bellerive".toCharArray();

        assertThatThrownBy(() -> backend.accounts().changePassword(session, current, "Mélodie en sol 2026".toCharArray()))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceException.Reason.SESSION_EXPIRED));
        assertThat(current).containsOnly('\0');
        assertThat(backend.auth().login("BELLERIVE", "F0016", "bellerive".toCharArray())).isPresent();
    }
}
