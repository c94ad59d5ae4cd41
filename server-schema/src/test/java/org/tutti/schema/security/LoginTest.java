package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.SecuredDemo.FAMILY;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;
import org.tutti.schema.testing.SqlRows;

/** tutti.login, touch_session and logout, called as the login roles. */
@Tag("postgres")
class LoginTest {

    private static SecuredDemo demo;
    private static As family;
    private static As staff;

    @BeforeAll
    static void connect() throws SQLException {
        demo = SecuredDemo.get();
        family = demo.as(FAMILY);
        staff = demo.as(STAFF);
    }

    @AfterAll
    static void close() throws SQLException {
        family.close();
        staff.close();
    }

    private long audits(String identifier, String kind) throws SQLException {
        return demo.number("SELECT count(*) FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id "
                + "WHERE a.identifier = ? AND e.kind = ?", identifier, kind);
    }

    @Test
    void aLoginReturnsA256BitTokenOfWhichOnlyTheHashIsStored() throws SQLException {
        long sessions = demo.number("SELECT count(*) FROM tutti.app_session");
        String token = family.login("bellerive", "f0001", "bellerive");

        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(demo.number("SELECT count(*) FROM tutti.app_session")).isEqualTo(sessions + 1);
        assertThat(demo.number("SELECT count(*) FROM tutti.app_session WHERE token_hash = encode(sha256(convert_to(?, "
                + "'UTF8')), 'hex') AND expires_at BETWEEN now() + interval '29 minutes' AND now() + interval '31 minutes'",
                token)).isOne();
        assertThat(demo.number("SELECT count(*) FROM tutti.app_session WHERE token_hash = ?", token)).isZero();
        assertThat(family.login("BELLERIVE", "F0001", "bellerive")).as("a new token each time").isNotEqualTo(token);
    }

    @Test
    void eachLoginRoleLogsInItsOwnKindOfAccountOnly() throws SQLException {
        long refusedBefore = demo.number("SELECT count(*) FROM tutti.audit_event WHERE kind = 'LOGIN_FAILURE' "
                + "AND detail = 'STAFF account refused to database role tutti_family'");

        assertThat(family.login("BELLERIVE", "ACCUEIL", "bellerive")).as("staff account, family role").isNull();
        assertThat(staff.login("BELLERIVE", "F0001", "bellerive")).as("family account, staff role").isNull();
        assertThat(staff.login("BELLERIVE", "ACCUEIL", "bellerive")).as("staff account, staff role").isNotNull();
        assertThat(family.login("MONTFLEURY", "M0001", "montfleury")).as("family account, family role").isNotNull();

        assertThat(demo.number("SELECT count(*) FROM tutti.audit_event WHERE kind = 'LOGIN_FAILURE' "
                + "AND detail = 'STAFF account refused to database role tutti_family'")).isEqualTo(refusedBefore + 1);
        for (int i = 0; i < 6; i++) {
            assertThat(family.login("BELLERIVE", "DIRECTION", "wrong " + i)).isNull();
        }
        assertThat(demo.number("SELECT failed_attempts FROM tutti.account a JOIN tutti.site s ON s.id = a.site_id "
                + "WHERE s.code = 'BELLERIVE' AND a.identifier = 'DIRECTION'"))
                .as("a family connection cannot lock the front desk out").isZero();
        assertThat(staff.login("BELLERIVE", "DIRECTION", "bellerive")).isNotNull();
    }

    @Test
    void fiveWrongPasswordsWithinFifteenMinutesLockTheAccount() throws SQLException {
        for (int i = 1; i <= 4; i++) {
            assertThat(family.login("BELLERIVE", "F0003", "not-bellerive")).isNull();
            assertThat(demo.number("SELECT failed_attempts FROM tutti.account WHERE identifier = 'F0003'")).isEqualTo(i);
        }
        assertThat(audits("F0003", "ACCOUNT_LOCKED")).isZero();

        assertThat(family.login("BELLERIVE", "F0003", "still-not-it")).isNull();
        assertThat(audits("F0003", "ACCOUNT_LOCKED")).isOne();
        assertThat(demo.number("SELECT count(*) FROM tutti.account WHERE identifier = 'F0003' "
                + "AND locked_until BETWEEN now() + interval '14 minutes' AND now() + interval '16 minutes'")).isOne();
        assertThat(family.login("BELLERIVE", "F0003", "bellerive")).as("the right password, locked").isNull();
        assertThat(audits("F0003", "LOGIN_SUCCESS")).isZero();
        assertThat(audits("F0003", "LOGIN_FAILURE")).isEqualTo(6);

        demo.execute("UPDATE tutti.account SET locked_until = now() - interval '1 second' WHERE identifier = 'F0003'");
        assertThat(family.login("BELLERIVE", "F0003", "bellerive")).as("once the lock is over").isNotNull();
        assertThat(demo.number("SELECT failed_attempts FROM tutti.account WHERE identifier = 'F0003'")).isZero();
    }

    @Test
    void sqlInjectionIsJustWrongCredentials() throws SQLException {
        String accounts = "SELECT id, password_hash, failed_attempts, locked_until FROM tutti.account "
                + "WHERE identifier <> 'F0012' ORDER BY id";
        String before = SqlRows.query(demo.db.dataSource(), accounts).toString();
        long sessions = demo.number("SELECT count(*) FROM tutti.app_session");
        List<String> attacks = List.of("' OR '1'='1", "F0001'--", "F0001' OR 1=1 --", "'; DROP TABLE tutti.account; --",
                "F0001\\'", "BELLERIVE'--", "' UNION SELECT password_hash FROM tutti.account --", "%", "F000_");
        for (String attack : attacks) {
            assertThat(family.login("BELLERIVE", attack, "bellerive")).as("identifier " + attack).isNull();
            assertThat(family.login(attack, "F0001", "bellerive")).as("site " + attack).isNull();
            assertThat(family.login("BELLERIVE", "F0012", attack)).as("password " + attack).isNull();
            assertThat(staff.login(attack, attack, attack)).isNull();
        }
        assertThat(family.login(null, null, null)).isNull();

        assertThat(demo.number("SELECT count(*) FROM tutti.app_session")).isEqualTo(sessions);
        assertThat(SqlRows.query(demo.db.dataSource(), accounts).toString()).isEqualTo(before);
        assertThat(audits("F0012", "ACCOUNT_LOCKED")).as("wrong passwords of F0012, nothing else").isOne();
        assertThat(demo.number("SELECT count(*) FROM tutti.audit_event WHERE kind = 'LOGIN_FAILURE' "
                + "AND detail IN ('unknown identifier', 'unknown site')")).isGreaterThanOrEqualTo(2L * attacks.size());
    }

    @Test
    void touchSessionKeepsASessionAliveAndLogoutEndsIt() throws SQLException {
        String token = family.login("BELLERIVE", "F0009", "bellerive");
        demo.execute("UPDATE tutti.app_session SET expires_at = now() + interval '1 minute' "
                + "WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", token);

        assertThat(family.rows(token, "SELECT tutti.touch_session()")).containsExactly(List.of("true"));
        assertThat(demo.number("SELECT count(*) FROM tutti.app_session WHERE token_hash = encode(sha256(convert_to(?, "
                + "'UTF8')), 'hex') AND expires_at > now() + interval '29 minutes'", token)).isOne();
        assertThat(family.ids(token, "SELECT id FROM tutti.family")).containsExactly(demo.familyId("F0009"));

        family.rows(token, "SELECT tutti.logout()");
        assertThat(audits("F0009", "LOGOUT")).isOne();
        assertThat(family.rows(token, "SELECT tutti.touch_session()")).containsExactly(List.of("false"));
        assertThat(family.ids(token, "SELECT id FROM tutti.family")).isEmpty();
        family.rows(token, "SELECT tutti.logout()");
        assertThat(audits("F0009", "LOGOUT")).as("a second logout is a no-op").isOne();
    }
}
