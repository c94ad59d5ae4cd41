package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.message;
import static org.tutti.schema.h2.ApiClient.raised;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * {@code tutti.submit_changes} and {@code tutti.decide_change} (SQL-API.md, "Change requests") alike
 * on H2 and PostgreSQL, called as the client calls them (the JSON bound with setString), on
 * PostgreSQL as the login roles tutti_family and tutti_staff, never as the superuser. Each test
 * has a demo school of its own.
 */
@Tag("postgres")
class ChangeRequestParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";
    private static final String SUBMIT = "SELECT tutti.submit_changes(?, ?, ?)";
    private static final String SUBMIT_SHOWN = "SELECT tutti.submit_changes(?, ?, ?, ?)";
    private static final String DECIDE = "SELECT tutti.decide_change(?, ?, ?, ?)";

    private TestDatabase db;

    private TestDatabase database(DatabaseVendor vendor) throws SQLException {
        if (db == null) {
            db = ApiClient.demo(vendor, 20);
        }
        return db;
    }

    private ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        return ApiClient.connect(database(vendor), role);
    }

    /** The superuser's (H2: the only user's) view. */
    private SecurityCalls admin(Connection connection) {
        return new SecurityCalls(connection);
    }

    private long number(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return admin(c).count(sql, parameters);
        }
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Object value = admin(c).scalar(sql, parameters);
            return value == null ? null : value.toString();
        }
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return admin(c).rows(sql, parameters);
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            admin(c).execute(sql, parameters);
        }
    }

    private long familyId(String identifier) throws SQLException {
        return number("SELECT id FROM tutti.family WHERE identifier = ?", identifier);
    }

    private long maxRequestId() throws SQLException {
        return number("SELECT COALESCE(MAX(id), 0) FROM tutti.change_request");
    }

    private long mails(String kind) throws SQLException {
        return number("SELECT COUNT(*) FROM tutti.mail_outbox WHERE kind = ?", kind);
    }

    private static int submit(ApiClient family, String token, String target, long targetId, String json)
            throws SQLException {
        return family.inTransaction(token, calls -> {
            try (PreparedStatement statement = calls.connection().prepareStatement(SUBMIT)) {
                statement.setString(1, target);
                statement.setLong(2, targetId);
                statement.setString(3, json);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static String decide(ApiClient staff, String token, long requestId, boolean accept, String comment,
                                 boolean force) throws SQLException {
        return staff.inTransaction(token, calls -> (String) calls.scalar(DECIDE, requestId, accept, comment, force));
    }

    private long pendingRequest(long familyId, String field) throws SQLException {
        return number("SELECT MAX(id) FROM tutti.change_request WHERE family_id = ? AND field_name = ?"
                + " AND status = 'PENDING'", familyId, field);
    }

    // ------------------------------------------------------------------------------------------ submit

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void twoFieldsBecomeTwoPendingRequestsAndOneAcknowledgement(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY)) {
            long f0001 = familyId("F0001");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            long before = maxRequestId();
            long acks = mails("CHANGE_ACK");
            String oldCity = text("SELECT city FROM tutti.family WHERE id = ?", f0001);
            String oldMobile = text("SELECT phone_mobile FROM tutti.family WHERE id = ?", f0001);
            long version = number("SELECT version FROM tutti.family WHERE id = ?", f0001);

            assertThat(submit(family, token, "FAMILY", f0001, "{\"city\": \"Villeneuve-sur-Lot\", "
                    + "\"phone_mobile\": \"06.12-34 56.78\"}")).isEqualTo(2);

            assertThat(rows("SELECT field_name, old_value, new_value, target_version, status, target, target_id,"
                    + " submitted_by FROM tutti.change_request WHERE id > ? ORDER BY field_name", before))
                    .containsExactly(
                            List.of("city", oldCity, "Villeneuve-sur-Lot", String.valueOf(version), "PENDING", "FAMILY",
                                    String.valueOf(f0001), text("SELECT id FROM tutti.account WHERE identifier = 'F0001'")),
                            List.of("phone_mobile", String.valueOf(oldMobile), "06 12 34 56 78", String.valueOf(version),
                                    "PENDING", "FAMILY", String.valueOf(f0001),
                                    text("SELECT id FROM tutti.account WHERE identifier = 'F0001'")));
            assertThat(mails("CHANGE_ACK")).isEqualTo(acks + 1);
            List<String> mail = rows("SELECT recipient, subject, body_text, body_html, contains_secret FROM tutti.mail_outbox"
                    + " WHERE kind = 'CHANGE_ACK' ORDER BY id DESC").get(0);
            String familyEmail = text("SELECT COALESCE(f.email, a.email) FROM tutti.family f"
                    + " JOIN tutti.account a ON a.family_id = f.id WHERE f.id = ?", f0001);
            String siteName = text("SELECT name FROM tutti.site WHERE code = 'BELLERIVE'");
            assertThat(mail.get(0)).isEqualTo(familyEmail);
            assertThat(mail.get(1)).isEqualTo(siteName + " — demande de modification reçue");
            String greeting = "Bonjour " + ("MME".equals(text("SELECT civility FROM tutti.family WHERE id = ?", f0001))
                    ? "Mme " : "M. ") + text("SELECT first_name FROM tutti.family WHERE id = ?", f0001) + " "
                    + text("SELECT last_name FROM tutti.family WHERE id = ?", f0001) + ",\n";
            assertThat(mail.get(2)).startsWith(greeting).contains("- Ville : Villeneuve-sur-Lot\n")
                    .contains("- Téléphone portable : 06 12 34 56 78\n").contains(siteName)
                    .contains(text("SELECT address1 FROM tutti.site WHERE code = 'BELLERIVE'"));
            assertThat(mail.get(3)).contains("<li>Ville : Villeneuve-sur-Lot</li>").contains("<html lang=\"fr\">");
            assertThat(mail.get(4)).isIn("false", "FALSE");
            assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'CHANGE_SUBMITTED'")).isOne();

            // a newer value supersedes the pending one; the same value again records nothing and says so
            long firstCity = pendingRequest(f0001, "city");
            assertThat(submit(family, token, "FAMILY", f0001, "{\"city\": \"Agen\"}")).isEqualTo(1);
            assertThat(text("SELECT status FROM tutti.change_request WHERE id = ?", firstCity)).isEqualTo("SUPERSEDED");
            assertThat(text("SELECT new_value FROM tutti.change_request WHERE id = ?", pendingRequest(f0001, "city")))
                    .isEqualTo("Agen");
            long beforeSame = maxRequestId();
            assertThat(raised(() -> submit(family, token, "FAMILY", f0001,
                    "{\"city\": \"Agen\", \"phone_mobile\": \"0612345678\"}")))
                    .isEqualTo("TU409 already_pending:city");
            assertThat(maxRequestId()).isEqualTo(beforeSame);
            assertThat(mails("CHANGE_ACK")).isEqualTo(acks + 2);
            // the family row itself is untouched
            assertThat(text("SELECT city FROM tutti.family WHERE id = ?", f0001)).isEqualTo(oldCity);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void unknownFieldsAndInvalidValuesAreRefusedNamingTheFieldAndNothingIsRecorded(DatabaseVendor vendor)
            throws SQLException {
        try (ApiClient family = client(vendor, FAMILY)) {
            long f0002 = familyId("F0002");
            long student = number("SELECT MIN(id) FROM tutti.student WHERE family_id = ?", f0002);
            String token = family.signIn("BELLERIVE", "F0002", "bellerive");
            long before = maxRequestId();
            long acks = mails("CHANGE_ACK");
            String[][] cases = {
                {"FAMILY", "{\"city\": \"Agen\", \"password_hash\": \"x\"}", "TU422 unknown_field:password_hash"},
                {"FAMILY", "{\"site_id\": \"1\"}", "TU422 unknown_field:site_id"},
                {"FAMILY", "{\"email\": \"not an address\"}", "TU422 invalid:email"},
                {"FAMILY", "{\"email\": \"a@b\"}", "TU422 invalid:email"},
                {"FAMILY", "{\"postal_code\": \"4700\"}", "TU422 invalid:postal_code"},
                {"FAMILY", "{\"postal_code\": \"47OOO\"}", "TU422 invalid:postal_code"},
                {"FAMILY", "{\"phone_home\": \"05 53 12 34\"}", "TU422 invalid:phone_home"},
                {"FAMILY", "{\"phone_work\": \"+33 5 53 12 34 56\"}", "TU422 invalid:phone_work"},
                {"FAMILY", "{\"last_name\": \"  \"}", "TU422 invalid:last_name"},
                {"FAMILY", "{\"city\": null}", "TU422 invalid:city"},
                {"FAMILY", "{\"civility\": \"Dr\"}", "TU422 invalid:civility"},
                {"FAMILY", "{\"city\": 47}", "TU422 invalid:city"},
                {"FAMILY", "{\"city\": \"" + "x".repeat(81) + "\"}", "TU422 too_long:city:80"},
                {"FAMILY", "{\"address1\": \"" + "x".repeat(121) + "\"}", "TU422 too_long:address1:120"},
                {"FAMILY", "{\"city\": \"\u200b\u202e \"}", "TU422 invalid:city"},
                {"FAMILY", "{\"city\": ", "TU422 invalid:changes"},
                {"STUDENT", "{\"birth_date\": \"" + LocalDate.now().plusDays(10) + "\"}", "TU422 invalid:birth_date"},
                {"STUDENT", "{\"birth_date\": \"" + LocalDate.now().minusYears(1) + "\"}", "TU422 invalid:birth_date"},
                {"STUDENT", "{\"birth_date\": \"1899-12-31\"}", "TU422 invalid:birth_date"},
                {"STUDENT", "{\"birth_date\": \"2015-02-30\"}", "TU422 invalid:birth_date"},
                {"STUDENT", "{\"birth_date\": \"12/05/2015\"}", "TU422 invalid:birth_date"},
                {"STUDENT", "{\"sex\": \"X\"}", "TU422 invalid:sex"},
                {"STUDENT", "{\"city\": \"Agen\"}", "TU422 unknown_field:city"},
            };
            for (String[] c : cases) {
                long id = "FAMILY".equals(c[0]) ? f0002 : student;
                assertThat(raised(() -> submit(family, token, c[0], id, c[1]))).as(c[1]).isEqualTo(c[2]);
            }
            assertThat(maxRequestId()).isEqualTo(before);
            assertThat(mails("CHANGE_ACK")).isEqualTo(acks);

            // a valid birth date is stored as yyyy-mm-dd
            assertThat(submit(family, token, "STUDENT", student, "{\"birth_date\": \"2012-03-04\", \"sex\": \"f\"}"))
                    .isBetween(1, 2);
            assertThat(text("SELECT new_value FROM tutti.change_request WHERE id > ? AND field_name = 'birth_date'",
                    before)).isEqualTo("2012-03-04");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFamilySubmitsForItsOwnRowsOnly(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); ApiClient staff = client(vendor, STAFF)) {
            long f0001 = familyId("F0001");
            long f0002 = familyId("F0002");
            long othersStudent = number("SELECT MIN(id) FROM tutti.student WHERE family_id = ?", f0002);
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            long before = maxRequestId();
            assertThat(raised(() -> submit(family, token, "STUDENT", othersStudent, "{\"first_name\": \"Zoé\"}")))
                    .isEqualTo("TU403 forbidden");
            assertThat(raised(() -> submit(family, token, "FAMILY", f0002, "{\"city\": \"Agen\"}")))
                    .isEqualTo("TU403 forbidden");
            assertThat(raised(() -> submit(family, token, "INVOICE", f0001, "{\"city\": \"Agen\"}")))
                    .isEqualTo("TU403 forbidden");
            assertThat(raised(() -> submit(family, null, "FAMILY", f0001, "{\"city\": \"Agen\"}")))
                    .isEqualTo("TU401 no session");
            String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(raised(() -> submit(staff, accueil, "FAMILY", f0001, "{\"city\": \"Agen\"}")))
                    .startsWith(vendor == DatabaseVendor.POSTGRESQL ? "42501" : "TU403");
            assertThat(maxRequestId()).isEqualTo(before);
        }
    }

    private static int submit(ApiClient family, String token, String target, long targetId, String json, String shown)
            throws SQLException {
        return family.inTransaction(token, calls -> {
            try (PreparedStatement statement = calls.connection().prepareStatement(SUBMIT_SHOWN)) {
                statement.setString(1, target);
                statement.setLong(2, targetId);
                statement.setString(3, json);
                statement.setString(4, shown);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static boolean acknowledge(ApiClient family, String token, long requestId) throws SQLException {
        return family.inTransaction(token, calls -> {
            Object seen = calls.scalar("SELECT tutti.acknowledge_change(?)", requestId);
            return Boolean.TRUE.equals(seen) || "true".equalsIgnoreCase(String.valueOf(seen));
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void bidirectionalAndZeroWidthCharactersAreStrippedByTheServer(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY)) {
            long f0001 = familyId("F0001");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            // what showed reversed in the staff queue: an override (U+202E) inside an isolate, zero widths
            assertThat(submit(family, token, "FAMILY", f0001, "{\"city\": \"\u2067Agen \u202eXY\u200b ZTN\u2069\","
                    + " \"last_name\": \"\ufeffDu\u200dpont\u200e\", \"address1\": \"\u202a3 rue\u2028 des Lilas\u202c\"}"))
                    .isEqualTo(3);
            assertThat(text("SELECT new_value FROM tutti.change_request WHERE id = ?", pendingRequest(f0001, "city")))
                    .isEqualTo("Agen XY ZTN");
            assertThat(text("SELECT new_value FROM tutti.change_request WHERE id = ?", pendingRequest(f0001, "last_name")))
                    .isEqualTo("Dupont");
            assertThat(text("SELECT new_value FROM tutti.change_request WHERE id = ?", pendingRequest(f0001, "address1")))
                    .isEqualTo("3 rue des Lilas");
            assertThat(text("SELECT body_text FROM tutti.mail_outbox WHERE kind = 'CHANGE_ACK' ORDER BY id DESC"))
                    .contains("Agen XY ZTN").doesNotContain("\u202e").doesNotContain("\u200b");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aPendingValueReplacedFromAnotherComputerIsNamedAndNothingIsRecorded(DatabaseVendor vendor)
            throws SQLException {
        try (ApiClient parent = client(vendor, FAMILY); ApiClient otherParent = client(vendor, FAMILY)) {
            long f0001 = familyId("F0001");
            String token = parent.signIn("BELLERIVE", "F0001", "bellerive");
            String otherToken = otherParent.signIn("BELLERIVE", "F0001", "bellerive");
            assertThat(submit(parent, token, "FAMILY", f0001, "{\"city\": \"Agen\"}", "{\"city\": null}")).isOne();
            long shownCity = pendingRequest(f0001, "city");

            // the other parent's screen showed the same pending request: it may replace it
            assertThat(submit(otherParent, otherToken, "FAMILY", f0001, "{\"city\": \"Nérac\"}",
                    "{\"city\": " + shownCity + "}")).isOne();
            assertThat(submit(otherParent, otherToken, "FAMILY", f0001, "{\"phone_mobile\": \"0611223344\"}",
                    "{\"phone_mobile\": null}")).isOne();

            long before = maxRequestId();
            long acks = mails("CHANGE_ACK");
            assertThat(raised(() -> submit(parent, token, "FAMILY", f0001, "{\"city\": \"Marmande\"}",
                    "{\"city\": " + shownCity + "}"))).isEqualTo("TU409 replaced:city");
            assertThat(raised(() -> submit(parent, token, "FAMILY", f0001,
                    "{\"address2\": \"Bâtiment B\", \"phone_mobile\": \"0699887766\"}",
                    "{\"address2\": null, \"phone_mobile\": null}"))).isEqualTo("TU409 replaced:phone_mobile");
            assertThat(raised(() -> submit(parent, token, "FAMILY", f0001, "{\"city\": \"Marmande\"}",
                    "{\"city\": \"x\"}"))).isEqualTo("TU422 invalid:shown");
            assertThat(maxRequestId()).isEqualTo(before);
            assertThat(mails("CHANGE_ACK")).isEqualTo(acks);
            assertThat(text("SELECT new_value FROM tutti.change_request WHERE id = ?", pendingRequest(f0001, "city")))
                    .isEqualTo("Nérac");

            // once the screen shows the new pending request, the change goes through
            assertThat(submit(parent, token, "FAMILY", f0001, "{\"city\": \"Marmande\"}",
                    "{\"city\": " + pendingRequest(f0001, "city") + "}")).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFamilyMarksItsOwnRefusedChangesAsSeenAndNoOtherRequest(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); ApiClient other = client(vendor, FAMILY);
             ApiClient staff = client(vendor, STAFF)) {
            long f0001 = familyId("F0001");
            long f0002 = familyId("F0002");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            String otherToken = other.signIn("BELLERIVE", "F0002", "bellerive");
            submit(family, token, "FAMILY", f0001, "{\"city\": \"Agen\", \"address2\": \"Bâtiment B\"}");
            submit(other, otherToken, "FAMILY", f0002, "{\"city\": \"Nérac\"}");
            long city = pendingRequest(f0001, "city");
            long address2 = pendingRequest(f0001, "address2");
            long othersCity = pendingRequest(f0002, "city");
            String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(decide(staff, accueil, city, false, "Justificatif de domicile manquant", false))
                    .isEqualTo("REJECTED");
            assertThat(decide(staff, accueil, othersCity, false, null, false)).isEqualTo("REJECTED");

            assertThat(raised(() -> acknowledge(family, token, othersCity))).isEqualTo("TU403 forbidden");
            assertThat(raised(() -> acknowledge(family, token, address2))).as("still pending")
                    .isEqualTo("TU403 forbidden");
            assertThat(raised(() -> acknowledge(family, token, Long.MAX_VALUE))).isEqualTo("TU403 forbidden");
            assertThat(raised(() -> acknowledge(family, null, city))).isEqualTo("TU401 no session");
            assertThat(raised(() -> acknowledge(staff, accueil, city)))
                    .startsWith(vendor == DatabaseVendor.POSTGRESQL ? "42501" : "TU403");
            assertThat(number("SELECT COUNT(*) FROM tutti.change_request WHERE seen_at IS NOT NULL")).isZero();

            assertThat(acknowledge(family, token, city)).isTrue();
            assertThat(acknowledge(family, token, city)).as("already seen").isFalse();
            assertThat(number("SELECT COUNT(*) FROM tutti.change_request WHERE seen_at IS NOT NULL AND id = ?", city))
                    .isOne();
            assertThat(number("SELECT COUNT(*) FROM tutti.change_request WHERE seen_at IS NOT NULL")).isOne();
        }
    }

    // ------------------------------------------------------------------------------------------ decide

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void staffAcceptsOneFieldAndRejectsTheOther(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); ApiClient staff = client(vendor, STAFF)) {
            long f0001 = familyId("F0001");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            String oldAddress = text("SELECT address1 FROM tutti.family WHERE id = ?", f0001);
            long version = number("SELECT version FROM tutti.family WHERE id = ?", f0001);
            submit(family, token, "FAMILY", f0001, "{\"city\": \"Agen\", \"address1\": \"3 rue des Lilas\"}");
            long city = pendingRequest(f0001, "city");
            long address = pendingRequest(f0001, "address1");
            long rejections = mails("CHANGE_REJECTED");

            String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            long accueilId = number("SELECT id FROM tutti.account WHERE identifier = 'ACCUEIL'");
            assertThat(decide(staff, accueil, city, true, null, false)).isEqualTo("ACCEPTED");
            assertThat(text("SELECT city FROM tutti.family WHERE id = ?", f0001)).isEqualTo("Agen");
            assertThat(number("SELECT version FROM tutti.family WHERE id = ?", f0001)).isEqualTo(version + 1);
            assertThat(rows("SELECT status, decided_by FROM tutti.change_request WHERE id = ?", city))
                    .containsExactly(List.of("ACCEPTED", String.valueOf(accueilId)));
            assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'CHANGE_ACCEPTED' AND account_id = ?"
                    + " AND detail LIKE ?", accueilId, "request " + city + ":%")).isOne();

            assertThat(decide(staff, accueil, address, false, "Adresse inconnue de La Poste", false))
                    .isEqualTo("REJECTED");
            assertThat(text("SELECT address1 FROM tutti.family WHERE id = ?", f0001)).isEqualTo(oldAddress);
            assertThat(number("SELECT version FROM tutti.family WHERE id = ?", f0001)).isEqualTo(version + 1);
            assertThat(rows("SELECT status, decision_comment FROM tutti.change_request WHERE id = ?", address))
                    .containsExactly(List.of("REJECTED", "Adresse inconnue de La Poste"));
            assertThat(number("SELECT COUNT(*) FROM tutti.audit_event WHERE kind = 'CHANGE_REJECTED' AND family_id IS NULL")).isOne();
            assertThat(mails("CHANGE_REJECTED")).isEqualTo(rejections + 1);
            List<String> mail = rows("SELECT recipient, body_text, body_html FROM tutti.mail_outbox"
                    + " WHERE kind = 'CHANGE_REJECTED' ORDER BY id DESC").get(0);
            assertThat(mail.get(0)).isEqualTo(text("SELECT COALESCE(f.email, a.email) FROM tutti.family f"
                    + " JOIN tutti.account a ON a.family_id = f.id WHERE f.id = ?", f0001));
            assertThat(mail.get(1)).contains("- Adresse : 3 rue des Lilas\n")
                    .contains("Motif : Adresse inconnue de La Poste").contains(oldAddress);
            assertThat(mail.get(2)).contains("<li>Adresse : 3 rue des Lilas</li>");

            assertThat(raised(() -> decide(staff, accueil, address, true, null, true)))
                    .isEqualTo("TU409 already_decided");
            assertThat(raised(() -> decide(staff, null, address, true, null, true))).isEqualTo("TU401 no session");
            assertThat(raised(() -> decide(family, token, pendingRequestOrAny(f0001), true, null, false)))
                    .startsWith(vendor == DatabaseVendor.POSTGRESQL ? "42501" : "TU403");
        }
    }

    private long pendingRequestOrAny(long familyId) throws SQLException {
        return number("SELECT MAX(id) FROM tutti.change_request WHERE family_id = ?", familyId);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFieldChangedSinceTheRequestIsAConflictUnlessForced(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); ApiClient staff = client(vendor, STAFF)) {
            long f0001 = familyId("F0001");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            submit(family, token, "FAMILY", f0001, "{\"postal_code\": \"47000\"}");
            long request = pendingRequest(f0001, "postal_code");
            execute("UPDATE tutti.family SET postal_code = '47300', version = version + 1 WHERE id = ?", f0001);
            long version = number("SELECT version FROM tutti.family WHERE id = ?", f0001);

            String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            assertThat(raised(() -> decide(staff, accueil, request, true, null, false))).isEqualTo("TU409 conflict");
            assertThat(text("SELECT status FROM tutti.change_request WHERE id = ?", request)).isEqualTo("PENDING");
            assertThat(text("SELECT postal_code FROM tutti.family WHERE id = ?", f0001)).isEqualTo("47300");

            assertThat(decide(staff, accueil, request, true, "confirmé par téléphone", true)).isEqualTo("ACCEPTED");
            assertThat(text("SELECT postal_code FROM tutti.family WHERE id = ?", f0001)).isEqualTo("47000");
            assertThat(number("SELECT version FROM tutti.family WHERE id = ?", f0001)).isEqualTo(version + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anotherSitesStaffCannotDecide(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); ApiClient staff = client(vendor, STAFF)) {
            long f0001 = familyId("F0001");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            submit(family, token, "FAMILY", f0001, "{\"country\": \"Belgique\"}");
            long request = pendingRequest(f0001, "country");
            String secretariat = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
            assertThat(raised(() -> decide(staff, secretariat, request, true, null, true))).isEqualTo("TU403 forbidden");
            assertThat(text("SELECT status FROM tutti.change_request WHERE id = ?", request)).isEqualTo("PENDING");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void twoStaffMembersDecidingAtOnceAreSerialized(DatabaseVendor vendor) throws Exception {
        long f0001;
        long request;
        try (ApiClient family = client(vendor, FAMILY)) {
            f0001 = familyId("F0001");
            String token = family.signIn("BELLERIVE", "F0001", "bellerive");
            submit(family, token, "FAMILY", f0001, "{\"phone_home\": \"05 53 00 11 22\"}");
            request = pendingRequest(f0001, "phone_home");
        }
        long version = number("SELECT version FROM tutti.family WHERE id = ?", f0001);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ApiClient first = client(vendor, STAFF); ApiClient second = client(vendor, STAFF)) {
            String firstToken = first.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            String secondToken = second.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (Callable<String> decision : List.<Callable<String>>of(
                    () -> attempt(start, () -> decide(first, firstToken, request, true, null, false)),
                    () -> attempt(start, () -> decide(second, secondToken, request, false, "doublon", false)))) {
                outcomes.add(pool.submit(decision));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).hasSize(2).containsOnlyOnce("TU409 already_decided");
            assertThat(results).containsAnyOf("ACCEPTED", "REJECTED");
            String status = text("SELECT status FROM tutti.change_request WHERE id = ?", request);
            assertThat(results).contains(status);
            assertThat(number("SELECT version FROM tutti.family WHERE id = ?", f0001))
                    .isEqualTo("ACCEPTED".equals(status) ? version + 1 : version);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for the start, then the work's result or "SQLSTATE message" of what it raised. */
    private static String attempt(CountDownLatch start, ApiClient.Call<String> work) throws InterruptedException {
        start.await();
        try {
            return work.run();
        } catch (SQLException e) {
            return e.getSQLState() + " " + message(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void acknowledgementAndRejectionMailsAreTheSameOnBothDatabases(DatabaseVendor vendor) throws SQLException {
        try (ApiClient family = client(vendor, FAMILY); ApiClient staff = client(vendor, STAFF)) {
            long f0002 = familyId("F0002");
            long student = number("SELECT MIN(id) FROM tutti.student WHERE family_id = ?", f0002);
            String token = family.signIn("BELLERIVE", "F0002", "bellerive");
            submit(family, token, "STUDENT", student, "{\"school_level\": \"CM2 & plus <b>\", \"email\": null}");
            String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
            decide(staff, accueil, number("SELECT MAX(id) FROM tutti.change_request WHERE target_id = ?"
                    + " AND field_name = 'school_level' AND target = 'STUDENT'", student), false, "Niveau à vérifier", false);
            List<List<String>> mails = rows("SELECT kind, subject, body_text, body_html FROM tutti.mail_outbox"
                    + " WHERE kind IN ('CHANGE_ACK', 'CHANGE_REJECTED') ORDER BY id");
            assertThat(mails).hasSizeGreaterThanOrEqualTo(2);
            MAILS.put(vendor, mails.subList(mails.size() - 2, mails.size()));
            assertThat(mails.get(mails.size() - 1).get(3)).contains("CM2 &amp; plus &lt;b&gt;");
            if (MAILS.size() == 2) {
                assertThat(MAILS.get(DatabaseVendor.H2)).isEqualTo(MAILS.get(DatabaseVendor.POSTGRESQL));
            }
        }
    }

    private static final java.util.Map<DatabaseVendor, List<List<String>>> MAILS =
            new java.util.concurrent.ConcurrentHashMap<>();
}
