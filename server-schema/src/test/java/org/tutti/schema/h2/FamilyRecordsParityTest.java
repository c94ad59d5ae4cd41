package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Issue 16, part "records" (SQL-API.md, "Front desk — records") alike on H2 and PostgreSQL, as the login roles:
 * the mails get their family, the staff actions on a family's rows write one audit row each with the family and
 * the values before and after (a family's own requests none), and the readers family_history, family_mails and
 * family_mail_text answer the staff of the family's site only.
 */
@Tag("postgres")
class FamilyRecordsParityTest {

    private static final String FAMILY = "tutti_family";
    private static final String STAFF = "tutti_staff";

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

    private long familyId(String identifier) throws SQLException {
        return number("SELECT id FROM tutti.family WHERE identifier = ?", identifier);
    }

    private long familyRows(long family) throws SQLException {
        return number("SELECT COUNT(*) FROM tutti.audit_event WHERE family_id = ?", family);
    }

    private static Object scalar(ApiClient client, String token, String sql, Object... arguments) throws SQLException {
        return client.inTransaction(token, c -> c.scalar(sql, arguments));
    }

    /** The rows of a table function, each column as text. */
    private static List<List<String>> table(ApiClient client, String token, String sql, Object... arguments)
            throws SQLException {
        return client.inTransaction(token, c -> {
            List<List<String>> result = new ArrayList<>();
            try (PreparedStatement statement = c.connection().prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    statement.setObject(i + 1, arguments[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.add(rs.getString(i));
                        }
                        result.add(row);
                    }
                }
            }
            return result;
        });
    }

    private static List<List<String>> history(ApiClient staff, String token, long family) throws SQLException {
        return table(staff, token, "SELECT staff_name, kind, detail, before_value, after_value"
                + " FROM tutti.family_history(?)", family);
    }

    private static String aFamilyIsRefused(DatabaseVendor vendor, String function) {
        return vendor == DatabaseVendor.POSTGRESQL ? "42501 permission denied for function " + function
                : "TU403 forbidden";
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFamilysOwnRequestWritesNoHistoryAndTheStaffsDecisionWritesItsBeforeAndAfter(DatabaseVendor vendor)
            throws SQLException {
        ApiClient family = client(vendor, FAMILY);
        ApiClient staff = client(vendor, STAFF);
        long f0001 = familyId("F0001");
        String oldCity = rows("SELECT city FROM tutti.family WHERE id = ?", f0001).get(0).get(0);
        String oldPostal = rows("SELECT postal_code FROM tutti.family WHERE id = ?", f0001).get(0).get(0);
        long before = familyRows(f0001);
        long mailsBefore = number("SELECT COUNT(*) FROM tutti.mail_outbox WHERE family_id = ?", f0001);

        String token = family.signIn("BELLERIVE", "F0001", "bellerive");
        scalar(family, token, "SELECT tutti.submit_changes(?, ?, ?)", "FAMILY", f0001,
                "{\"city\": \"Lyon\", \"postal_code\": \"69001\"}");
        assertThat(familyRows(f0001)).as("a family's own request is no staff action").isEqualTo(before);
        assertThat(number("SELECT COUNT(*) FROM tutti.mail_outbox WHERE family_id = ?", f0001))
                .as("the acknowledgement mail is the family's").isEqualTo(mailsBefore + 1);

        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long city = number("SELECT MAX(id) FROM tutti.change_request WHERE family_id = ? AND field_name = 'city'"
                + " AND status = 'PENDING'", f0001);
        long postal = number("SELECT MAX(id) FROM tutti.change_request WHERE family_id = ? AND field_name = 'postal_code'"
                + " AND status = 'PENDING'", f0001);
        scalar(staff, accueil, "SELECT tutti.decide_change(?, ?, ?, ?)", city, true, null, false);
        scalar(staff, accueil, "SELECT tutti.decide_change(?, ?, ?, ?)", postal, false, "Code inconnu", false);

        String name = rows("SELECT display_name FROM tutti.account WHERE identifier = 'ACCUEIL' AND site_id ="
                + " (SELECT site_id FROM tutti.family WHERE id = ?)", f0001).get(0).get(0);
        assertThat(familyRows(f0001)).isEqualTo(before + 2);
        assertThat(history(staff, accueil, f0001).subList(0, 2)).containsExactly(
                List.of(name, "CHANGE_REJECTED", "Modification refusée : Code postal — Code inconnu",
                        "{\"postal_code\": \"" + oldPostal + "\"}", "{\"postal_code\": \"69001\"}"),
                List.of(name, "CHANGE_ACCEPTED", "Modification acceptée : Ville",
                        "{\"city\": \"" + oldCity + "\"}", "{\"city\": \"Lyon\"}"));

        List<List<String>> mails = table(staff, accueil, "SELECT kind, recipient, status FROM tutti.family_mails(?)",
                f0001);
        assertThat(mails.get(0).get(0)).isEqualTo("CHANGE_REJECTED");
        assertThat(mails).extracting(r -> r.get(0)).contains("CHANGE_ACK");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void billingAndReenrolmentDecisionsAreInTheFamilysHistory(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long f0002 = familyId("F0002");
        LocalDate today = LocalDate.parse(rows("SELECT CURRENT_DATE").get(0).get(0));
        String invoice = (String) scalar(staff, accueil, "SELECT tutti.issue_invoice(?, ?, ?, ?)", f0002,
                "COTISATION", today.plusDays(30),
                "[{\"label\": \"Frais\", \"student\": null, \"quantity\": \"1\", \"unit_price\": \"80\"}]");
        long invoiceId = number("SELECT id FROM tutti.invoice WHERE number = ?", invoice);
        String receipt = (String) scalar(staff, accueil, "SELECT tutti.record_payment(?, ?, ?, ?, ?, ?)", f0002,
                today, "CHEQUE", new BigDecimal("30.00"), "Chèque 12",
                "[{\"invoice\": " + invoiceId + ", \"amount\": \"30.00\"}]");
        String credit = (String) scalar(staff, accueil, "SELECT tutti.issue_credit_note(?, ?, ?)", invoiceId,
                new BigDecimal("50.00"), "Remise fratrie");

        assertThat(history(staff, accueil, f0002).subList(0, 3)).extracting(r -> List.of(r.get(1), r.get(2),
                String.valueOf(r.get(3)), r.get(4))).containsExactly(
                List.of("CREDIT_NOTE_ISSUED", "Avoir " + credit + " émis sur la facture " + invoice, "null",
                        "{\"total\": \"50.00\", \"number\": \"" + credit + "\", \"reason\": \"Remise fratrie\"}"),
                List.of("PAYMENT_RECORDED", "Paiement enregistré : reçu " + receipt, "null",
                        "{\"amount\": \"30.00\", \"method\": \"CHEQUE\", \"receipt\": \"" + receipt + "\"}"),
                List.of("INVOICE_ISSUED", "Facture " + invoice + " émise", "null",
                        "{\"total\": \"80.00\", \"number\": \"" + invoice + "\", \"due_date\": \""
                                + today.plusDays(30) + "\"}"));

        List<List<String>> pending = rows("SELECT r.id, s.family_id, s.first_name || ' ' || s.last_name, y.label"
                + " FROM tutti.reenrolment_request r JOIN tutti.student s ON s.id = r.student_id"
                + " JOIN tutti.reenrolment_campaign c ON c.id = r.campaign_id JOIN tutti.school_year y"
                + " ON y.id = c.school_year_id JOIN tutti.site t ON t.id = c.site_id"
                + " WHERE r.status = 'PENDING' AND t.code = 'BELLERIVE' ORDER BY r.id");
        assertThat(pending).as("the demo has re-enrolment requests waiting").isNotEmpty();
        long family = Long.parseLong(pending.get(0).get(1));
        scalar(staff, accueil, "SELECT tutti.decide_reenrolment(?, ?, ?)", Long.parseLong(pending.get(0).get(0)),
                false, "Dossier incomplet");
        assertThat(history(staff, accueil, family).get(0)).containsExactly(
                rows("SELECT display_name FROM tutti.account WHERE identifier = 'ACCUEIL' AND site_id ="
                        + " (SELECT site_id FROM tutti.family WHERE id = ?)", family).get(0).get(0),
                "REENROLMENT_REJECTED", "Réinscription refusée : " + pending.get(0).get(2) + " ("
                        + pending.get(0).get(3) + ") — Dossier incomplet",
                "{\"status\": \"PENDING\"}",
                "{\"status\": \"REJECTED\", \"decision_comment\": \"Dossier incomplet\"}");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void theReadersAnswerOnlyTheStaffOfTheFamilysSiteAndNeverTheTextOfAMailWithASecret(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, STAFF);
        ApiClient family = client(vendor, FAMILY);
        long f0001 = familyId("F0001");
        String email = rows("SELECT COALESCE(f.email, a.email) FROM tutti.family f JOIN tutti.account a"
                + " ON a.family_id = f.id WHERE f.id = ?", f0001).get(0).get(0);
        try (Connection admin = db.dataSource().getConnection();
             PreparedStatement insert = admin.prepareStatement("INSERT INTO tutti.mail_outbox (site_id, kind,"
                     + " recipient, subject, body_text, contains_secret, next_attempt_at, created_at)"
                     + " VALUES ((SELECT site_id FROM tutti.family WHERE id = ?), ?, ?, ?, ?, ?, CURRENT_TIMESTAMP,"
                     + " CURRENT_TIMESTAMP)")) {
            admin.setAutoCommit(true);
            insert.setLong(1, f0001);
            insert.setString(2, "PASSWORD");
            insert.setString(3, email.toUpperCase());
            insert.setString(4, "Votre mot de passe");
            insert.setString(5, "Mot de passe : {{secret}}");
            insert.setBoolean(6, true);
            insert.executeUpdate();
            insert.setString(2, "NOTICE");
            insert.setString(4, "Concert");
            insert.setString(5, "Le concert a lieu samedi.");
            insert.setBoolean(6, false);
            insert.executeUpdate();
        }
        long secret = number("SELECT MAX(id) FROM tutti.mail_outbox WHERE kind = 'PASSWORD'");
        long notice = number("SELECT MAX(id) FROM tutti.mail_outbox WHERE kind = 'NOTICE'");
        assertThat(rows("SELECT family_id FROM tutti.mail_outbox WHERE id IN (?, ?)", secret, notice))
                .as("the recipient's case is ignored").containsOnly(List.of(String.valueOf(f0001)));

        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        assertThat(table(staff, accueil, "SELECT id, subject FROM tutti.family_mails(?)", f0001).subList(0, 2))
                .containsExactly(List.of(String.valueOf(notice), "Concert"),
                        List.of(String.valueOf(secret), "Votre mot de passe"));
        assertThat(scalar(staff, accueil, "SELECT tutti.family_mail_text(?)", notice))
                .isEqualTo("Le concert a lieu samedi.");
        assertThat(scalar(staff, accueil, "SELECT tutti.family_mail_text(?)", secret)).isNull();

        String montfleury = staff.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        long m0001 = familyId("M0001");
        for (String reader : List.of("family_history", "family_mails")) {
            String sql = "SELECT * FROM tutti." + reader + "(?)";
            assertThat(raised(() -> table(staff, montfleury, sql, f0001))).as(reader).isEqualTo("TU403 forbidden");
            assertThat(raised(() -> table(staff, accueil, sql, m0001))).as(reader).isEqualTo("TU403 forbidden");
            assertThat(raised(() -> table(staff, accueil, sql, -1L))).as(reader).isEqualTo("TU403 forbidden");
            assertThat(raised(() -> table(staff, null, sql, f0001))).as(reader).isEqualTo("TU401 no session");
            String own = family.signIn("BELLERIVE", "F0001", "bellerive");
            assertThat(raised(() -> table(family, own, sql, f0001))).as(reader)
                    .isEqualTo(aFamilyIsRefused(vendor, "family_" + reader.substring(7)));
        }
        assertThat(raised(() -> scalar(staff, montfleury, "SELECT tutti.family_mail_text(?)", notice)))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> scalar(staff, accueil, "SELECT tutti.family_mail_text(?)", -1L)))
                .isEqualTo("TU403 forbidden");
    }
}
