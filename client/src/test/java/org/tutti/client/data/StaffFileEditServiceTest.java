package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tutti.client.data.SqlBillingServiceTest.login;
import static org.tutti.client.data.SqlBillingServiceTest.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.FamilyFileHeader;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.FamilyFileService.FieldRefusedException;
import org.tutti.client.service.FamilyFileService.Refusal;
import org.tutti.client.service.FamilyFileService.Target;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 16's staff path of Famille and Élèves › Identité on both databases (on PostgreSQL as
 * {@code tutti_staff}): the front desk viewing a family ({@link UserSession#viewingFamily(long)})
 * changes it at once through {@code tutti.staff_edit}, audited with before/after values; the family
 * then reads the new values with no pending marker; a wrong value gets the family's refusal; another
 * site's front desk changes nothing. The writes go to the third BELLERIVE family with a login and a
 * student (the seeded database is shared by the whole test run).
 */
@Tag("postgres")
class StaffFileEditServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static FamilyFileService files(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().familyFile();
    }

    private static UserSession staff(DatabaseVendor vendor, String site, String identifier) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login(site, identifier, site.toLowerCase(java.util.Locale.ROOT).toCharArray()).orElseThrow();
    }

    private record Client(long familyId, String identifier, String login, long studentId) {
    }

    private static Client client(DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        List<Object> ids = sql.column("select f.id from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and exists (select 1 from tutti.account a where a.family_id = f.id)"
                + " and exists (select 1 from tutti.student st where st.family_id = f.id) order by f.id desc");
        // one no other test of the shared database touches: the first ones are the family tests' (HibernateAuthServiceTest
        // locks F0003), the last five HibernateStaffChangesServiceTest's
        long familyId = ((Number) ids.get(Math.min(8, ids.size() - 1))).longValue();
        String identifier = (String) sql.value("select identifier from tutti.family where id = ?", familyId);
        String login = (String) sql.value("select min(identifier) from tutti.account where family_id = ?", familyId);
        long studentId = sql.count("select min(id) from tutti.student where family_id = ?", familyId);
        return new Client(familyId, identifier, login, studentId);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theFrontDeskChangesAFamilyAndAStudentAtOnceAndTheFamilySeesItWithNoPendingMarker(DatabaseVendor vendor) {
        Client client = client(vendor);
        Sql sql = sql(vendor);
        UserSession viewing = staff(vendor, "BELLERIVE", "ACCUEIL").viewingFamily(client.familyId());
        String oldCity = (String) sql.value("select city from tutti.family where id = ?", client.familyId());
        long version = sql.count("select version from tutti.family where id = ?", client.familyId());
        String city = oldCity.equals("Rivedroite") ? "Rivegauche" : "Rivedroite";
        long audits = sql.count("select count(*) from tutti.audit_event where family_id = ?", client.familyId());

        int changed = files(vendor).edit(viewing, Target.FAMILY, client.familyId(), Map.of("city", city));
        Map<String, String> level = new LinkedHashMap<>();
        level.put("school_level", "CM2 " + vendor.name().charAt(0));
        files(vendor).edit(viewing, Target.STUDENT, client.studentId(), level);

        assertThat(changed).isEqualTo(1);
        assertThat(sql.value("select city from tutti.family where id = ?", client.familyId())).isEqualTo(city);
        assertThat(sql.count("select version from tutti.family where id = ?", client.familyId())).isEqualTo(version + 1);
        assertThat(sql.value("select school_level from tutti.student where id = ?", client.studentId()))
                .isEqualTo("CM2 " + vendor.name().charAt(0));
        assertThat(sql.count("select count(*) from tutti.audit_event where family_id = ?", client.familyId()))
                .isEqualTo(audits + 2);
        assertThat(sql.column("select before_value from tutti.audit_event where family_id = ? and kind = 'FAMILY_EDITED'"
                + " order by id desc", client.familyId()).get(0)).isEqualTo("{\"city\":\"" + oldCity + "\"}");
        assertThat(sql.column("select after_value from tutti.audit_event where family_id = ? and kind = 'FAMILY_EDITED'"
                + " order by id desc", client.familyId()).get(0)).isEqualTo("{\"city\":\"" + city + "\"}");

        // the front desk reads it back at once; so does the family, with no pending value
        assertThat(files(vendor).loadFamily(viewing).values().shown("city")).isEqualTo(city);
        UserSession family = login(vendor, client.login());
        FamilyFile file = SeededDatabases.get(vendor).familyBackend().familyFile().loadFamily(family);
        assertThat(file.values().shown("city")).isEqualTo(city);
        assertThat(file.values().isPending("city")).isFalse();
        StudentIdentity student = SeededDatabases.get(vendor).familyBackend().familyFile()
                .loadStudent(family, client.studentId());
        assertThat(student.values().shown("school_level")).isEqualTo("CM2 " + vendor.name().charAt(0));
        assertThat(student.values().isPending("school_level")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aWrongValueIsRefusedAsForTheFamilyAndAnotherSiteChangesNothing(DatabaseVendor vendor) {
        Client client = client(vendor);
        Sql sql = sql(vendor);
        UserSession viewing = staff(vendor, "BELLERIVE", "ACCUEIL").viewingFamily(client.familyId());
        String email = (String) sql.value("select email from tutti.family where id = ?", client.familyId());
        long version = sql.count("select version from tutti.family where id = ?", client.familyId());

        assertThatThrownBy(() -> files(vendor).edit(viewing, Target.FAMILY, client.familyId(),
                Map.of("email", "pas-un-mail", "city", "Lyon")))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.refusal()).isEqualTo(Refusal.INVALID);
                });
        assertThatThrownBy(() -> files(vendor).edit(viewing, Target.FAMILY, client.familyId(),
                Map.of("city", "x".repeat(81))))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.TOO_LONG);
                    assertThat(e.limit()).isEqualTo(80);
                });
        UserSession other = staff(vendor, "MONTFLEURY", "SECRETARIAT").viewingFamily(client.familyId());
        assertThatThrownBy(() -> files(vendor).edit(other, Target.FAMILY, client.familyId(), Map.of("city", "Lyon")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files(vendor).header(other)).isInstanceOf(IllegalArgumentException.class);

        assertThat(sql.value("select email from tutti.family where id = ?", client.familyId())).isEqualTo(email);
        assertThat(sql.count("select version from tutti.family where id = ?", client.familyId())).isEqualTo(version);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theHeaderNamesTheFamilyAndItsAccountState(DatabaseVendor vendor) {
        Client client = client(vendor);
        UserSession viewing = staff(vendor, "BELLERIVE", "ACCUEIL").viewingFamily(client.familyId());

        FamilyFileHeader header = files(vendor).header(viewing);

        assertThat(header.identifier()).isEqualTo(client.identifier());
        assertThat(header.lastName()).isEqualTo(sql(vendor).value("select last_name from tutti.family where id = ?",
                client.familyId()));
        assertThat(header.account()).isEqualTo(FamilyFileHeader.AccountState.ACTIVE);
    }
}
