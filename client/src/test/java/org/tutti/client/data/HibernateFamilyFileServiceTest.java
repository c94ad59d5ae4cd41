package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.FamilyFileService.FieldRefusedException;
import org.tutti.client.service.FamilyFileService.Target;

/**
 * Famille and Élèves › Identité through the SQL API on both databases; on PostgreSQL as the
 * login role {@code tutti_family} (column privileges, row-level security). Each test uses its
 * own family (OWN_FAMILIES, which no other test uses), since the seeded database
 * is shared by the whole test run.
 */
@Tag("postgres")
class HibernateFamilyFileServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static DatabaseBackend backend(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    /**
     * Families only this test uses: the seeded database is shared by the whole test run, and other
     * tests change some accounts' passwords (HibernateAccountServiceTest takes F0011…F0016).
     */
    private static final List<String> OWN_FAMILIES = List.of("F0018", "F0017", "F0010", "F0008");

    private static String ownFamily(DatabaseVendor vendor, int index) {
        String identifier = OWN_FAMILIES.get(index);
        assertThat(sql(vendor).column("select a.identifier from tutti.account a join tutti.site s on s.id = a.site_id"
                + " where s.code = 'BELLERIVE' and a.identifier = '" + identifier + "'"))
                .as("seeded family " + identifier).hasSize(1);
        return identifier;
    }

    private static UserSession login(DatabaseVendor vendor, String identifier) {
        return backend(vendor).auth().login("BELLERIVE", identifier, "bellerive".toCharArray())
                .orElseThrow(() -> new AssertionError(identifier + " cannot log in"));
    }

    private static FamilyFileService service(DatabaseVendor vendor) {
        return backend(vendor).familyFile();
    }

    /** Each field shows its own column of the row, as text (dates ISO, enums by name). */
    private static void assertEveryFieldIsTheColumn(DatabaseVendor vendor, String table, long id, FieldValues values) {
        values.current().forEach((field, shown) -> {
            Object column = sql(vendor).value("select " + field + " from tutti." + table + " where id = ?", id);
            String expected = column instanceof java.sql.Date date ? date.toLocalDate().toString()
                    : column == null ? null : column.toString();
            assertThat(shown).as(table + "." + field).isEqualTo(expected);
        });
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void submittedFieldsBecomePendingValuesAndTheRowIsUnchanged(DatabaseVendor vendor) {
        UserSession user = login(vendor, ownFamily(vendor, 0));
        FamilyFile before = service(vendor).loadFamily(user);
        assertThat(before.values().anyPending()).isFalse();
        assertThat(before.values().current("last_name")).isNotBlank();
        assertThat(before.values().current()).containsOnlyKeys(FamilyFile.FIELDS);
        assertEveryFieldIsTheColumn(vendor, "family", before.id(), before.values());

        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("address1", "3 place du Marché");
        changes.put("phone_mobile", "07.98.76.54.32");
        int recorded = service(vendor).submit(user, Target.FAMILY, before.id(), changes);

        assertThat(recorded).isEqualTo(2);
        FamilyFile after = service(vendor).loadFamily(user);
        assertThat(after.values().pending()).containsOnlyKeys("address1", "phone_mobile");
        assertThat(after.values().pending("address1")).isEqualTo("3 place du Marché");
        assertThat(after.values().pending("phone_mobile")).isEqualTo("07 98 76 54 32");
        assertThat(after.values().current("address1")).isEqualTo(before.values().current("address1"));
        assertThat(sql(vendor).count("select count(*) from tutti.change_request where family_id = ?"
                + " and status = 'PENDING'", before.id())).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aRefusedValueNamesItsFieldAndRecordsNothing(DatabaseVendor vendor) {
        UserSession user = login(vendor, ownFamily(vendor, 1));
        FamilyFile file = service(vendor).loadFamily(user);

        assertThatThrownBy(() -> service(vendor).submit(user, Target.FAMILY, file.id(),
                Map.of("postal_code", "690")))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("postal_code");
                    assertThat(e.unknown()).isFalse();
                });
        assertThatThrownBy(() -> service(vendor).submit(user, Target.FAMILY, file.id(), Map.of("site_id", "2")))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("site_id");
                    assertThat(e.unknown()).isTrue();
                });
        assertThat(service(vendor).loadFamily(user).values().anyPending()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aStudentsBirthDateIsPendingOnItsOwnStudentOnly(DatabaseVendor vendor) {
        UserSession user = login(vendor, ownFamily(vendor, 2));
        List<StudentIdentity> students = service(vendor).students(user);
        assertThat(students).isNotEmpty();
        StudentIdentity first = students.get(0);
        assertThat(first.values().current("birth_date")).matches("\\d{4}-\\d{2}-\\d{2}");
        students.forEach(s -> {
            assertThat(s.values().current()).containsOnlyKeys(StudentIdentity.FIELDS);
            assertEveryFieldIsTheColumn(vendor, "student", s.id(), s.values());
        });

        service(vendor).submit(user, Target.STUDENT, first.id(), Map.of("birth_date", "2012-05-04"));

        StudentIdentity reloaded = service(vendor).loadStudent(user, first.id());
        assertThat(reloaded.values().pending()).containsExactly(Map.entry("birth_date", "2012-05-04"));
        students.stream().skip(1).forEach(s ->
                assertThat(service(vendor).loadStudent(user, s.id()).values().anyPending()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void anotherFamilysStudentIsNeitherReadNorChanged(DatabaseVendor vendor) {
        UserSession user = login(vendor, ownFamily(vendor, 3));
        long other = ((Number) sql(vendor).value("select s.id from tutti.student s join tutti.family f"
                + " on f.id = s.family_id where f.identifier = 'F0001' order by s.id fetch first 1 rows only")).longValue();

        assertThatThrownBy(() -> service(vendor).loadStudent(user, other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service(vendor).submit(user, Target.STUDENT, other, Map.of("school_level", "CM1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sql(vendor).count("select count(*) from tutti.change_request where target = 'STUDENT'"
                + " and target_id = ?", other)).isZero();
    }
}
