package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * The account functions of the front desk (SQL-API.md, "Front desk — accounts") alike on H2 and PostgreSQL, called
 * as the client calls them, on PostgreSQL as the login role tutti_staff: the identifiers that follow the site's
 * last and never come back, the rows and mails written, the audit with its before and after values, the login
 * after a lock, an unlock and a new password, and every refusal. Each test has a demo school of its own (8
 * families: F0001–F0005 at BELLERIVE, M0001–M0003 at MONTFLEURY).
 */
@Tag("postgres")
class AccountsParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";
    private static final String NEW_FAMILY = "{\"civility\": \"mme\", \"last_name\": \"Nguyễn\", \"first_name\":"
            + " \"Léa\", \"address1\": \"3 rue des Lilas\", \"address2\": null, \"postal_code\": \"69001\","
            + " \"city\": \"Lyon\", \"country\": \"France\", \"phone_mobile\": \"06.12.34.56.78\","
            + " \"email\": \"lea.nguyen@example.org\"}";

    private TestDatabase db;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        if (db == null) {
            db = ApiClient.demo(vendor, 8);
        }
        ApiClient client = ApiClient.connect(db, role);
        open.add(client);
        return client;
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        return SqlRows.query(db.dataSource(), sql, parameters);
    }

    private long number(String sql, Object... parameters) throws SQLException {
        return SqlRows.number(db.dataSource(), sql, parameters);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private long accountId(String identifier) throws SQLException {
        return number("SELECT id FROM tutti.account WHERE identifier = ?", identifier);
    }

    /** {@code SELECT tutti.function(?, …)} in one transaction bound to {@code token}; its value as text. */
    private static String call(ApiClient client, String token, String function, Object... arguments)
            throws SQLException {
        return table(client, token, "SELECT tutti." + function + "(" + marks(arguments) + ")", arguments).get(0).get(0);
    }

    private static String marks(Object[] arguments) {
        return String.join(", ", Collections.nCopies(arguments.length, "?"));
    }

    /** The rows of a query in one transaction bound to {@code token}, as text. */
    private static List<List<String>> table(ApiClient client, String token, String sql, Object... arguments)
            throws SQLException {
        return client.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    List<List<String>> rows = new ArrayList<>();
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            row.add(value instanceof byte[] ? "bytes" : String.valueOf(value));
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        });
    }

    private static List<String> create(ApiClient client, String token, String family) throws SQLException {
        return table(client, token, "SELECT account_id, family_id, identifier FROM tutti.create_family_account(?)",
                family).get(0);
    }

    private static List<String> listed(ApiClient client, String token, String filter) throws SQLException {
        return table(client, token, "SELECT identifier FROM tutti.family_accounts(?, '', 1000)", filter).stream()
                .map(r -> r.get(0)).toList();
    }

    private List<String> audit(String kind) throws SQLException {
        return rows("SELECT a.identifier, f.identifier, e.detail, e.before_value, e.after_value FROM tutti.audit_event e"
                + " JOIN tutti.account a ON a.id = e.account_id LEFT JOIN tutti.family f ON f.id = e.family_id"
                + " WHERE e.kind = ? AND e.family_id IS NOT NULL ORDER BY e.id", kind).stream()
                .map(r -> String.join(" | ", r)).toList();
    }

    /** A family session's call: tutti_family may not even call the function on PostgreSQL; TU403 on H2. */
    private static String aFamilyIsRefused(DatabaseVendor vendor, String function) {
        return vendor == DatabaseVendor.POSTGRESQL ? "42501 permission denied for function " + function : "TU403 forbidden";
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aNewFamilyTakesTheNextIdentifierWhichNeverComesBack(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");

        List<String> created = create(staff, accueil, NEW_FAMILY);

        assertThat(created.get(2)).isEqualTo("F0006");
        assertThat(rows("SELECT f.identifier, f.civility, f.last_name, f.first_name, f.address1, f.address2,"
                + " f.postal_code, f.city, f.country, f.phone_mobile, f.email, s.code FROM tutti.family f"
                + " JOIN tutti.site s ON s.id = f.site_id WHERE f.id = ?", Long.parseLong(created.get(1))))
                .containsExactly(List.of("F0006", "MME", "Nguyễn", "Léa", "3 rue des Lilas", "null", "69001", "Lyon",
                        "France", "06 12 34 56 78", "lea.nguyen@example.org", "BELLERIVE"));
        assertThat(rows("SELECT identifier, email, role, display_name, active, password_changed_at FROM tutti.account"
                + " WHERE id = ?", Long.parseLong(created.get(0)))).containsExactly(List.of("F0006",
                "lea.nguyen@example.org", "FAMILY", "Mme Léa Nguyễn", "true", "null"));
        assertThat(audit("ACCOUNT_CREATED")).containsExactly("ACCUEIL | F0006 | Compte F0006 créé | null | "
                + "{\"city\": \"Lyon\", \"email\": \"lea.nguyen@example.org\", \"country\": \"France\", \"address1\":"
                + " \"3 rue des Lilas\", \"civility\": \"MME\", \"last_name\": \"Nguyễn\", \"first_name\": \"Léa\","
                + " \"identifier\": \"F0006\", \"postal_code\": \"69001\", \"phone_mobile\": \"06 12 34 56 78\"}");
        assertThat(staff.login("BELLERIVE", "F0006", "")).as("no usable password yet").isNull();
        assertThat(listed(staff, accueil, "NEVER_USED")).contains("F0006");

        // a deleted account's identifier is not given again, nor after a change of pattern
        update("DELETE FROM tutti.audit_event WHERE family_id = ? OR account_id = ?", Long.parseLong(created.get(1)),
                Long.parseLong(created.get(0)));
        update("DELETE FROM tutti.account WHERE id = ?", Long.parseLong(created.get(0)));
        update("DELETE FROM tutti.family WHERE id = ?", Long.parseLong(created.get(1)));
        assertThat(create(staff, accueil, NEW_FAMILY).get(2)).isEqualTo("F0007");
        update("UPDATE tutti.site SET identifier_pattern = 'BEL###' WHERE code = 'BELLERIVE'");
        assertThat(create(staff, accueil, NEW_FAMILY).get(2)).isEqualTo("BEL008");
        update("UPDATE tutti.site SET identifier_pattern = 'F####' WHERE code = 'BELLERIVE'");
        assertThat(create(staff, accueil, NEW_FAMILY).get(2)).isEqualTo("F0009");

        // another site counts on its own
        ApiClient other = client(vendor, STAFF);
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        assertThat(create(other, secretariat, NEW_FAMILY).get(2)).isEqualTo("M0004");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aNewFamilyIsRefusedForAnyWrongField(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long families = number("SELECT COUNT(*) FROM tutti.family");
        long audits = number("SELECT COUNT(*) FROM tutti.audit_event");

        assertThat(raised(() -> create(staff, accueil, "not json"))).isEqualTo("TU422 invalid:family");
        assertThat(raised(() -> create(staff, accueil, "[]"))).isEqualTo("TU422 invalid:family");
        assertThat(raised(() -> create(staff, accueil, NEW_FAMILY.replace("\"city\"", "\"site_id\""))))
                .isEqualTo("TU422 invalid:family");
        assertThat(raised(() -> create(staff, accueil, NEW_FAMILY.replace("\"mme\"", "\"Dr\""))))
                .isEqualTo("TU422 invalid:civility");
        assertThat(raised(() -> create(staff, accueil, NEW_FAMILY.replace("69001", "6900"))))
                .isEqualTo("TU422 invalid:postal_code");
        assertThat(raised(() -> create(staff, accueil, NEW_FAMILY.replace("\"lea.nguyen@example.org\"", "null"))))
                .isEqualTo("TU422 invalid:email");
        assertThat(raised(() -> create(staff, accueil, NEW_FAMILY.replace("06.12.34.56.78", "12"))))
                .isEqualTo("TU422 invalid:phone_mobile");
        assertThat(raised(() -> create(staff, accueil, NEW_FAMILY.replace("Lyon", "L".repeat(81)))))
                .isEqualTo("TU422 too_long:city:80");
        assertThat(raised(() -> create(family, f0001, NEW_FAMILY)))
                .isEqualTo(aFamilyIsRefused(vendor, "create_family_account"));
        assertThat(raised(() -> create(staff, null, NEW_FAMILY))).isEqualTo("TU401 no session");

        assertThat(number("SELECT COUNT(*) FROM tutti.family")).isEqualTo(families);
        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event")).isEqualTo(audits);
        assertThat(create(staff, accueil, NEW_FAMILY).get(2)).as("no number was used").isEqualTo("F0006");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aPasswordByMailIsQueuedWithItsSecretAndLogsIn(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String session = family.signIn("BELLERIVE", "F0002", "bellerive");
        long account = accountId("F0002");

        assertThat(call(staff, accueil, "issue_first_password", account, "MAIL")).isEqualTo("null");

        List<List<String>> mail = rows("SELECT recipient, subject, kind, status, contains_secret, secret, body_text,"
                + " body_html FROM tutti.mail_outbox WHERE kind = 'ACCOUNT_ACCESS'");
        assertThat(mail).hasSize(1);
        String secret = mail.get(0).get(5);
        assertThat(secret).hasSize(12);
        assertThat(mail.get(0).subList(1, 4)).containsExactly("Votre compte Tutti", "ACCOUNT_ACCESS", "PENDING");
        assertThat(mail.get(0).get(6)).contains("Identifiant : F0002", "Mot de passe : {{secret}}",
                "choisissez « Conservatoire de Bellerive »").doesNotContain(secret);
        assertThat(mail.get(0).get(7)).contains("{{secret}}", "F0002").doesNotContain(secret);
        assertThat(family.login("BELLERIVE", "F0002", "bellerive")).as("the old password").isNull();
        assertThat(table(family, session, "SELECT account_id FROM tutti.session_info()"))
                .as("its session ended").isEmpty();
        assertThat(family.login("BELLERIVE", "F0002", secret)).isNotNull();
        assertThat(audit("PASSWORD_ISSUED")).containsExactly(
                "ACCUEIL | F0002 | Mot de passe du compte F0002 envoyé par e-mail | null | {\"delivery\": \"MAIL\"}");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aPasswordForTheLetterIsReturnedOnceAndLogsIn(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long mails = number("SELECT COUNT(*) FROM tutti.mail_outbox");
        List<String> created = create(staff, accueil, NEW_FAMILY);
        long account = Long.parseLong(created.get(0));

        String password = call(staff, accueil, "issue_first_password", account, "letter");

        assertThat(password).hasSize(12).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(number("SELECT COUNT(*) FROM tutti.mail_outbox")).isEqualTo(mails);
        assertThat(rows("SELECT COUNT(*) FROM tutti.account WHERE password_hash LIKE ?", "%" + password + "%"))
                .containsExactly(List.of("0"));
        assertThat(family.login("BELLERIVE", "F0006", password)).isNotNull();
        assertThat(listed(staff, accueil, "NEVER_USED")).doesNotContain("F0006");
        assertThat(table(staff, accueil, "SELECT site_name, identifier, civility, first_name, last_name, address1,"
                + " postal_code, city, country FROM tutti.account_letter(?)", account)).containsExactly(List.of(
                "Conservatoire de Bellerive", "F0006", "MME", "Léa", "Nguyễn", "3 rue des Lilas", "69001", "Lyon",
                "France"));
        assertThat(audit("PASSWORD_ISSUED")).containsExactly(
                "ACCUEIL | F0006 | Mot de passe du compte F0006 imprimé sur une lettre | null | {\"delivery\": \"LETTER\"}");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aLockedAccountIsRefusedItsLoginUntilUnlocked(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String session = family.signIn("BELLERIVE", "F0003", "bellerive");
        long account = accountId("F0003");

        call(staff, accueil, "set_account_locked", account, true);

        assertThat(family.login("BELLERIVE", "F0003", "bellerive")).as("the right password").isNull();
        assertThat(table(family, session, "SELECT account_id FROM tutti.session_info()"))
                .as("its session ended").isEmpty();
        assertThat(listed(staff, accueil, "LOCKED")).containsExactly("F0003");
        assertThat(table(staff, accueil, "SELECT locked, never_used FROM tutti.family_accounts('ALL', '', 1000)"
                + " WHERE identifier = 'F0003'").get(0)).containsExactly("true", "false");

        call(staff, accueil, "set_account_locked", account, false);

        assertThat(family.login("BELLERIVE", "F0003", "bellerive")).isNotNull();
        assertThat(listed(staff, accueil, "LOCKED")).isEmpty();
        assertThat(audit("ACCOUNT_LOCKED")).containsExactly(
                "ACCUEIL | F0003 | Compte F0003 verrouillé | {\"locked\": false} | {\"locked\": true}");
        assertThat(audit("ACCOUNT_UNLOCKED")).containsExactly(
                "ACCUEIL | F0003 | Compte F0003 déverrouillé | {\"locked\": true} | {\"locked\": false}");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void theListFindsAccountsByTheirFamilysWordsAndReadsAPage(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        client(vendor, FAMILY).signIn("BELLERIVE", "F0002", "bellerive");
        List<String> all = listed(staff, accueil, "ALL");
        assertThat(all).as("the site's accounts").hasSizeGreaterThan(3).isSorted();
        assertThat(identifiers(staff, accueil, "ALL", null, 3)).as("a page of three").isEqualTo(all.subList(0, 3));
        assertThat(identifiers(staff, accueil, "ALL", "f0002", 10)).as("an identifier typed").containsExactly("F0002");
        String lastName = rows("SELECT last_name FROM tutti.family WHERE identifier = 'F0001'").get(0).get(0);
        assertThat(identifiers(staff, accueil, "ALL", lastName.toUpperCase(java.util.Locale.ROOT), 1000))
                .as("a family name typed in capitals").contains("F0001").isSubsetOf(all);
        assertThat(identifiers(staff, accueil, "NEVER_USED", "f0002", 10)).as("F0002 logged in").isEmpty();
        assertThat(identifiers(staff, accueil, "ALL", "zzzqqq", 10)).as("nothing found").isEmpty();
        assertThat(raised(() -> identifiers(staff, accueil, "ALL", "", 0))).isEqualTo("TU422 invalid:max_rows");
        assertThat(raised(() -> identifiers(staff, accueil, "ALL", "x".repeat(101), 10)))
                .isEqualTo("TU422 too_long:query:100");
    }

    private static List<String> identifiers(ApiClient client, String token, String filter, String query, int maxRows)
            throws SQLException {
        return table(client, token, "SELECT identifier FROM tutti.family_accounts(?, ?, ?)", filter, query, maxRows)
                .stream().map(r -> r.get(0)).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anotherSitesAccountAnswersLikeAMissingOne(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        String secretariat = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long bellerive = accountId("F0001");
        long staffAccount = number("SELECT id FROM tutti.account WHERE identifier = 'ACCUEIL'");
        long audits = number("SELECT COUNT(*) FROM tutti.audit_event");
        String hash = rows("SELECT password_hash FROM tutti.account WHERE id = ?", bellerive).get(0).get(0);

        assertThat(listed(staff, secretariat, "ALL")).containsExactly("M0001", "M0002", "M0003");
        for (long account : List.of(bellerive, staffAccount, -1L)) {
            assertThat(raised(() -> call(staff, secretariat, "issue_first_password", account, "MAIL")))
                    .isEqualTo("TU403 forbidden");
            assertThat(raised(() -> call(staff, secretariat, "set_account_locked", account, true)))
                    .isEqualTo("TU403 forbidden");
            assertThat(raised(() -> table(staff, secretariat, "SELECT * FROM tutti.account_letter(?)", account)))
                    .isEqualTo("TU403 forbidden");
        }
        assertThat(raised(() -> call(staff, secretariat, "issue_first_password", accountId("M0001"), "PIGEON")))
                .isEqualTo("TU422 invalid:delivery");
        assertThat(raised(() -> listed(staff, secretariat, "SOME"))).isEqualTo("TU422 invalid:filter");
        assertThat(raised(() -> listed(family, f0001, "ALL"))).isEqualTo(aFamilyIsRefused(vendor, "family_accounts"));
        assertThat(raised(() -> call(family, f0001, "set_account_locked", bellerive, true)))
                .isEqualTo(aFamilyIsRefused(vendor, "set_account_locked"));
        assertThat(raised(() -> call(family, f0001, "issue_first_password", bellerive, "LETTER")))
                .isEqualTo(aFamilyIsRefused(vendor, "issue_first_password"));
        assertThat(raised(() -> table(family, f0001, "SELECT * FROM tutti.account_letter(?)", bellerive)))
                .isEqualTo(aFamilyIsRefused(vendor, "account_letter"));

        assertThat(number("SELECT COUNT(*) FROM tutti.audit_event")).isEqualTo(audits);
        assertThat(rows("SELECT password_hash, active FROM tutti.account WHERE id = ?", bellerive).get(0).get(0))
                .isEqualTo(hash);
        assertThat(family.login("BELLERIVE", "F0001", "bellerive")).isNotNull();
    }
}
