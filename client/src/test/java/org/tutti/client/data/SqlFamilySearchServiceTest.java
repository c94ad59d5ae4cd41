package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.client.data.SqlBillingServiceTest.login;
import static org.tutti.client.data.SqlBillingServiceTest.sql;
import static org.tutti.client.data.SqlStaffBillingServiceTest.accueil;
import static org.tutti.client.data.SqlStaffBillingServiceTest.secretariat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.FamilyMatch;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilySearchService;
import org.tutti.schema.DatabaseVendor;

/**
 * Familles at the front desk on both databases (on PostgreSQL as {@code tutti_staff}, RLS on): the
 * demo's families found by an accented name typed without accents and in capitals, by a phone
 * number typed with or without spaces, by a student's first name, by identifier, and never another
 * site's; each row as the screen shows it. Reads only: the seeded database is shared by the run.
 */
@Tag("postgres")
class SqlFamilySearchServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static FamilySearchService search(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().familySearch();
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static List<String> identifiers(List<FamilyMatch> found) {
        return found.stream().map(FamilyMatch::identifier).toList();
    }

    private static List<Object> bellerive(DatabaseVendor vendor, String column) {
        return sql(vendor).column("select " + column + " from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' order by f.id");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void anAccentedNameTypedWithoutAccentsInCapitalsFindsTheFamily(DatabaseVendor vendor) {
        String accented = bellerive(vendor, "f.last_name").stream().map(String.class::cast)
                .filter(n -> !n.equals(plain(n))).findFirst()
                .orElseThrow(() -> new AssertionError("no accented last name in the demo"));
        String identifier = (String) sql(vendor).value("select min(f.identifier) from tutti.family f join tutti.site s"
                + " on s.id = f.site_id where s.code = 'BELLERIVE' and f.last_name = ?", accented);

        List<FamilyMatch> found = search(vendor).search(accueil(vendor), plain(accented).toUpperCase(Locale.ROOT));

        assertThat(identifiers(found)).contains(identifier);
        FamilyMatch match = found.stream().filter(f -> f.identifier().equals(identifier)).findFirst().orElseThrow();
        assertThat(match.name()).contains(accented);
        assertThat(match.title()).isEqualTo(identifier + " — " + match.name());
        assertThat(match.city()).isNotEmpty();
        assertThat(found).hasSizeLessThanOrEqualTo(FamilySearchService.MAX_RESULTS);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aPhoneWithOrWithoutSpacesAStudentAndAnIdentifierFindTheFamily(DatabaseVendor vendor) {
        UserSession staff = accueil(vendor);
        List<Object> row = sql(vendor).column("select f.identifier from tutti.family f join tutti.site s"
                + " on s.id = f.site_id where s.code = 'BELLERIVE' and f.phone_mobile is not null order by f.id");
        String identifier = (String) row.get(0);
        String phone = (String) sql(vendor).value("select phone_mobile from tutti.family where identifier = ?"
                + " and site_id = (select id from tutti.site where code = 'BELLERIVE')", identifier);
        String student = (String) sql(vendor).value("select min(st.first_name) from tutti.student st join tutti.family f"
                + " on f.id = st.family_id where f.identifier = ? and f.site_id = (select id from tutti.site"
                + " where code = 'BELLERIVE')", identifier);

        assertThat(identifiers(search(vendor).search(staff, phone))).as(phone).contains(identifier);
        assertThat(identifiers(search(vendor).search(staff, phone.replace(" ", "")))).contains(identifier);
        assertThat(identifiers(search(vendor).search(staff, plain(student).toLowerCase(Locale.ROOT))))
                .as(student).contains(identifier);
        assertThat(identifiers(search(vendor).search(staff, identifier.toLowerCase(Locale.ROOT))))
                .first().isEqualTo(identifier);
        assertThat(search(vendor).search(staff, "  ")).isEmpty();
        assertThat(search(vendor).search(staff, "x".repeat(300))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void anotherSitesFamilyIsNeverFound(DatabaseVendor vendor) {
        String belleriveName = (String) bellerive(vendor, "f.last_name").get(0);

        assertThat(identifiers(search(vendor).search(accueil(vendor), "f"))).isNotEmpty()
                .allMatch(id -> id.startsWith("F"));
        assertThat(identifiers(search(vendor).search(secretariat(vendor), belleriveName)))
                .allMatch(id -> id.startsWith("M"));
        assertThat(search(vendor).search(secretariat(vendor), "F0001")).isEmpty();
        assertThat(search(vendor).search(accueil(vendor), "a")).hasSizeLessThanOrEqualTo(FamilySearchService.MAX_RESULTS);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilySessionIsRefused(DatabaseVendor vendor) {
        UserSession family = login(vendor, "F0001");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search(vendor).search(family, "martin"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
