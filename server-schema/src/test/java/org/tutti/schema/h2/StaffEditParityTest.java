package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * {@code tutti.staff_edit} (SQL-API.md, "Front desk — file") alike on H2 and PostgreSQL, called as the client
 * calls it, on PostgreSQL as the login role tutti_staff: the row changed at once, its version, the one audit row
 * with the changed columns' before and after values, the family's pending requests of those fields superseded,
 * and every refusal (8 demo families: F0001–F0005 at BELLERIVE, M0001–M0003 at MONTFLEURY).
 */
@Tag("postgres")
class StaffEditParityTest {

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

    private long studentOf(String identifier) throws SQLException {
        return number("SELECT MIN(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id"
                + " WHERE f.identifier = ?", identifier);
    }

    private static String edit(ApiClient client, String token, String target, Object id, String changes)
            throws SQLException {
        return client.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement("SELECT tutti.staff_edit(?, ?, ?)")) {
                statement.setString(1, target);
                statement.setObject(2, id);
                statement.setString(3, changes);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private List<List<String>> audit() throws SQLException {
        return rows("SELECT a.identifier, e.kind, e.family_id, e.detail, e.before_value, e.after_value"
                + " FROM tutti.audit_event e JOIN tutti.account a ON a.id = e.account_id"
                + " WHERE e.kind LIKE '%_EDITED' ORDER BY e.id");
    }

    /** Everything staff_edit writes, to compare before and after refused calls. */
    private List<Long> footprint() throws SQLException {
        return List.of(number("SELECT COALESCE(SUM(version), 0) FROM tutti.family"),
                number("SELECT COALESCE(SUM(version), 0) FROM tutti.student"),
                number("SELECT COALESCE(SUM(version), 0) FROM tutti.change_request"),
                number("SELECT COUNT(*) FROM tutti.audit_event"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aFamilysChangedFieldsApplyAtOnceWithOneAuditRowOfTheirValuesBeforeAndAfter(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, "tutti_staff");
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long f1 = familyId("F0001");
        List<String> old = rows("SELECT address1, city, postal_code, version FROM tutti.family WHERE id = ?", f1).get(0);

        String changed = edit(staff, accueil, "family", f1, "{\"city\": \" Bellerive-sur-Lac\u200b \","
                + " \"address1\": \"12 rue des Lilas\", \"postal_code\": \"" + old.get(2) + "\","
                + " \"phone_home\": \"01.23.45.67.89\"}");

        List<String> now = rows("SELECT address1, city, postal_code, phone_home, version FROM tutti.family WHERE id = ?",
                f1).get(0);
        assertThat(now.subList(0, 4)).containsExactly("12 rue des Lilas", "Bellerive-sur-Lac", old.get(2), "01 23 45 67 89");
        assertThat(Long.parseLong(now.get(4))).isEqualTo(Long.parseLong(old.get(3)) + 1);
        List<List<String>> audit = audit();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).subList(0, 3)).containsExactly("ACCUEIL", "FAMILY_EDITED", String.valueOf(f1));
        assertThat(audit.get(0).get(3)).isEqualTo("Modifié à l’accueil : Adresse, Ville, Téléphone fixe");
        assertThat(audit.get(0).get(4)).startsWith("{\"address1\":\"" + old.get(0) + "\",")
                .contains(",\"city\":\"" + old.get(1) + "\"");
        assertThat(audit.get(0).get(5)).startsWith("{\"address1\":\"12 rue des Lilas\",")
                .contains(",\"city\":\"Bellerive-sur-Lac\"");
        assertThat(changed).isEqualTo("3");

        List<Long> before = footprint();
        assertThat(edit(staff, accueil, "FAMILY", f1, "{\"city\": \"Bellerive-sur-Lac\"}")).as("nothing new").isEqualTo("0");
        assertThat(footprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aStudentsSchoolLevelIsSetAndTheFamilysPendingRequestOfThatFieldIsSuperseded(DatabaseVendor vendor)
            throws SQLException {
        ApiClient family = client(vendor, "tutti_family");
        ApiClient staff = client(vendor, "tutti_staff");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        long student = studentOf("F0001");
        family.inTransaction(f0001, c -> c.scalar("SELECT tutti.submit_changes(?, ?, ?)", "STUDENT", student,
                "{\"school_level\": \"CE2 famille\", \"phone_mobile\": \"0611223344\"}"));
        List<String> old = rows("SELECT first_name, last_name, school_level, version FROM tutti.student WHERE id = ?",
                student).get(0);

        assertThat(edit(staff, accueil, "STUDENT", student, "{\"school_level\": \"CM1\"}")).isEqualTo("1");

        assertThat(rows("SELECT school_level, version FROM tutti.student WHERE id = ?", student))
                .containsExactly(List.of("CM1", String.valueOf(Long.parseLong(old.get(3)) + 1)));
        assertThat(rows("SELECT field_name, status, decision_comment FROM tutti.change_request WHERE target_id = ?"
                + " AND target = 'STUDENT' ORDER BY field_name", student)).containsExactly(
                List.of("phone_mobile", "PENDING", "null"),
                List.of("school_level", "SUPERSEDED", "Modifié à l’accueil"));
        String before = "null".equals(old.get(2)) ? "null" : "\"" + old.get(2) + "\"";
        assertThat(audit()).containsExactly(List.of("ACCUEIL", "STUDENT_EDITED", String.valueOf(familyId("F0001")),
                "Modifié à l’accueil (" + old.get(0) + " " + old.get(1) + ") : Niveau scolaire",
                "{\"school_level\":" + before + "}", "{\"school_level\":\"CM1\"}"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anEditIsRefusedToAFamilyAnotherSiteAndForEveryWrongFieldWithNothingWritten(DatabaseVendor vendor)
            throws SQLException {
        ApiClient staff = client(vendor, "tutti_staff");
        ApiClient other = client(vendor, "tutti_staff");
        ApiClient family = client(vendor, "tutti_family");
        String accueil = staff.signIn("BELLERIVE", "ACCUEIL", "bellerive");
        String secretariat = other.signIn("MONTFLEURY", "SECRETARIAT", "montfleury");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");
        long f1 = familyId("F0001");
        long s1 = studentOf("F0001");
        String good = "{\"city\": \"Lyon\"}";
        List<Long> before = footprint();

        assertThat(raised(() -> edit(staff, null, "FAMILY", f1, good))).isEqualTo("TU401 no session");
        assertThat(raised(() -> edit(family, f0001, "FAMILY", f1, good))).isEqualTo(
                vendor == DatabaseVendor.POSTGRESQL ? "42501 permission denied for function staff_edit" : "TU403 forbidden");
        assertThat(raised(() -> edit(other, secretariat, "FAMILY", f1, good))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> edit(other, secretariat, "STUDENT", s1, "{\"school_level\": \"CM1\"}")))
                .isEqualTo("TU403 forbidden");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", 999_999L, good))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> edit(staff, accueil, "STUDENT", f1 + 999_999L, good))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> edit(staff, accueil, "ACCOUNT", f1, good))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", null, good))).isEqualTo("TU403 forbidden");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "not json"))).isEqualTo("TU422 invalid:changes");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "[1]"))).isEqualTo("TU422 invalid:changes");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "{\"email\": \"pas-un-mail\", \"city\": \"Lyon\"}")))
                .isEqualTo("TU422 invalid:email");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "{\"city\": \"" + "x".repeat(81) + "\"}")))
                .isEqualTo("TU422 too_long:city:80");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "{\"city\": null}"))).isEqualTo("TU422 invalid:city");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "{\"city\": 12}"))).isEqualTo("TU422 invalid:city");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "{\"identifier\": \"F9999\"}")))
                .isEqualTo("TU422 unknown_field:identifier");
        assertThat(raised(() -> edit(staff, accueil, "FAMILY", f1, "{\"school_level\": \"CM1\"}")))
                .isEqualTo("TU422 unknown_field:school_level");
        assertThat(raised(() -> edit(staff, accueil, "STUDENT", s1, "{\"birth_date\": \"2031-02-30\"}")))
                .isEqualTo("TU422 invalid:birth_date");
        assertThat(raised(() -> edit(staff, accueil, "STUDENT", s1, "{\"sex\": \"X\"}"))).isEqualTo("TU422 invalid:sex");

        assertThat(footprint()).isEqualTo(before);
        assertThat(rows("SELECT city FROM tutti.family WHERE id = ?", f1).get(0).get(0)).isNotEqualTo("Lyon");
    }
}
