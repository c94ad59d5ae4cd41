package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.RefusedChange;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.FamilyFileService.FieldRefusedException;
import org.tutti.client.service.FamilyFileService.Refusal;
import org.tutti.client.service.FamilyFileService.Target;
import org.tutti.client.ui.common.FieldRules;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 12 through the SQL API on both databases (on PostgreSQL as {@code tutti_family}): the
 * client's length limits are the columns' and the database's, a too-long value names its field
 * and limit, format characters are stripped, a value already pending is told, a pending value
 * replaced by another session of the family (the other parent's computer) is refused naming the
 * field, and refused changes come with the file until the family marks them as seen. Family
 * M0008 of Montfleury, which no other test uses; each test works on fields of its own.
 */
@Tag("postgres")
class FamilyFeedbackServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static FamilyFileService service(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).familyBackend().familyFile();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static final String OWN_FAMILY = "M0008";

    private static UserSession login(DatabaseVendor vendor, String identifier) {
        String site = identifier.startsWith("M") ? "MONTFLEURY" : "BELLERIVE";
        assertThat(sql(vendor).column("select a.identifier from tutti.account a join tutti.site s on s.id = a.site_id"
                + " where s.code = ? and a.identifier = ?", site, identifier)).as("seeded " + identifier).hasSize(1);
        return SeededDatabases.get(vendor).familyBackend().auth()
                .login(site, identifier, site.toLowerCase(java.util.Locale.ROOT).toCharArray())
                .orElseThrow(() -> new AssertionError(identifier + " cannot log in"));
    }

    private static UserSession staff(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login("MONTFLEURY", "SECRETARIAT", "montfleury".toCharArray()).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theClientsLimitsAreTheColumnsLengths(DatabaseVendor vendor) {
        List<String> checked = new ArrayList<>();
        for (String table : List.of("family", "student")) {
            List<String> fields = table.equals("family") ? FamilyFile.FIELDS : StudentIdentity.FIELDS;
            for (String field : fields) {
                Object length = sql(vendor).value("select character_maximum_length from information_schema.columns"
                        + " where lower(table_schema) = 'tutti' and lower(table_name) = ? and lower(column_name) = ?",
                        table, field);
                int expected = length == null ? 10 : ((Number) length).intValue(); // birth_date: a date, yyyy-mm-dd
                assertThat(FieldRules.maxLength(field)).as(table + "." + field).isEqualTo(expected);
                if (vendor == DatabaseVendor.POSTGRESQL) {
                    assertThat(((Number) sql(vendor).value("select tutti.change_max_length(?)", field)).intValue())
                            .as("change_value's limit of " + field).isEqualTo(expected);
                }
                checked.add(field);
            }
        }
        assertThat(checked).hasSize(FamilyFile.FIELDS.size() + StudentIdentity.FIELDS.size());
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aTooLongValueNamesItsFieldAndLimitAndFormatCharactersAreStripped(DatabaseVendor vendor) {
        UserSession user = login(vendor, OWN_FAMILY);
        FamilyFile file = service(vendor).loadFamily(user);
        assertThatThrownBy(() -> service(vendor).submit(user, Target.FAMILY, file.id(), Map.of("city", "x".repeat(81))))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("city");
                    assertThat(e.refusal()).isEqualTo(Refusal.TOO_LONG);
                    assertThat(e.limit()).isEqualTo(80);
                });

        assertThat(service(vendor).submit(user, Target.FAMILY, file.id(),
                Map.of("city", "\u2067Agen \u202eXY\u200b ZTN\u2069"),
                java.util.Collections.singletonMap("city", null))).isOne();
        FamilyFile after = service(vendor).loadFamily(user);
        assertThat(after.values().pending("city")).isEqualTo("Agen XY ZTN");

        // the same value again, the screen knowing it is pending: said, nothing recorded
        long before = sql(vendor).count("select count(*) from tutti.change_request where family_id = ?", file.id());
        assertThatThrownBy(() -> service(vendor).submit(user, Target.FAMILY, file.id(), Map.of("city", "Agen XY ZTN"),
                Map.of("city", after.values().pendingId("city"))))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("city");
                    assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_PENDING);
                });
        assertThat(sql(vendor).count("select count(*) from tutti.change_request where family_id = ?", file.id()))
                .isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void twoSessionsOfOneFamilyDoNotOverwriteEachOthersPendingValueUnknowingly(DatabaseVendor vendor) {
        UserSession parent = login(vendor, OWN_FAMILY);
        UserSession otherParent = login(vendor, OWN_FAMILY);
        FamilyFileService service = service(vendor);
        long id = service.loadFamily(parent).id();
        service.submit(parent, Target.FAMILY, id, Map.of("phone_work", "05 53 00 00 01"),
                java.util.Collections.singletonMap("phone_work", null));

        FamilyFile parentsScreen = service.loadFamily(parent);
        FamilyFile othersScreen = service.loadFamily(otherParent);
        assertThat(othersScreen.values().pendingId("phone_work"))
                .isEqualTo(parentsScreen.values().pendingId("phone_work"));
        service.submit(otherParent, Target.FAMILY, id, Map.of("phone_work", "05 53 00 00 02"),
                Map.of("phone_work", othersScreen.values().pendingId("phone_work")));

        Map<String, Long> shown = new LinkedHashMap<>();
        shown.put("phone_work", parentsScreen.values().pendingId("phone_work"));
        assertThatThrownBy(() -> service.submit(parent, Target.FAMILY, id, Map.of("phone_work", "05 53 00 00 03"),
                shown))
                .isInstanceOfSatisfying(FieldRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("phone_work");
                    assertThat(e.refusal()).isEqualTo(Refusal.REPLACED);
                });
        FamilyFile refreshed = service.loadFamily(parent);
        assertThat(refreshed.values().pending("phone_work")).isEqualTo("05 53 00 00 02");
        assertThat(refreshed.values().pendingId("phone_work"))
                .isNotEqualTo(parentsScreen.values().pendingId("phone_work"));

        assertThat(service.submit(parent, Target.FAMILY, id, Map.of("phone_work", "05 53 00 00 03"),
                Map.of("phone_work", refreshed.values().pendingId("phone_work")))).isOne();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aRefusedChangeComesWithTheFileUntilTheFamilyHasSeenIt(DatabaseVendor vendor) {
        UserSession user = login(vendor, OWN_FAMILY);
        FamilyFileService service = service(vendor);
        long id = service.loadFamily(user).id();
        service.submit(user, Target.FAMILY, id, Map.of("address2", "Bâtiment D"), null);
        long request = service.loadFamily(user).values().pendingId("address2");
        SeededDatabases.get(vendor).staffBackend().staffChanges()
                .decide(staff(vendor), request, false, "Adresse incomplète", false);

        List<RefusedChange> refused = service.loadFamily(user).values().refused();
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).requestId()).isEqualTo(request);
        assertThat(refused.get(0).fieldName()).isEqualTo("address2");
        assertThat(refused.get(0).refusedValue()).isEqualTo("Bâtiment D");
        assertThat(refused.get(0).comment()).isEqualTo("Adresse incomplète");

        UserSession otherFamily = login(vendor, "F0001");
        assertThatThrownBy(() -> service.acknowledge(otherFamily, request)).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.loadFamily(user).values().refused()).hasSize(1);

        service.acknowledge(user, request);
        assertThat(service.loadFamily(user).values().refused()).isEmpty();
    }
}
