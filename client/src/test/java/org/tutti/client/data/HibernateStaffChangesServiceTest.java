package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.DecisionResult.Outcome;
import org.tutti.client.service.PendingChange;
import org.tutti.client.service.StaffChangesService;
import org.tutti.schema.DatabaseVendor;

/**
 * Validations on both databases, on PostgreSQL as {@code tutti_staff} (row-level security gives
 * the site's requests). Each test records its own requests (as a family would through
 * {@code submit_changes}: old value and version of the row) on families of its own, taken from
 * the end of the site's list, since the seeded database is shared by the whole test run.
 */
@Tag("postgres")
class HibernateStaffChangesServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static StaffChangesService service(DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().staffChanges();
    }

    private static UserSession staff(DatabaseVendor vendor, String site, String identifier, String password) {
        return SeededDatabases.get(vendor).staffBackend().auth().login(site, identifier, password.toCharArray())
                .orElseThrow(() -> new AssertionError(identifier + " cannot log in"));
    }

    private static UserSession accueil(DatabaseVendor vendor) {
        return staff(vendor, "BELLERIVE", "ACCUEIL", "bellerive");
    }

    /** The id of the {@code index}-th family of {@code site}, counting from the last one. */
    private static long family(DatabaseVendor vendor, String site, int index) {
        List<Object> ids = sql(vendor).column("select f.id from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = ? order by f.id desc", site);
        return ((Number) ids.get(index)).longValue();
    }

    private static long student(DatabaseVendor vendor, long familyId) {
        return ((Number) sql(vendor).value("select min(id) from tutti.student where family_id = ?", familyId)).longValue();
    }

    private static String column(DatabaseVendor vendor, String table, String field, long id) {
        Object value = sql(vendor).value("select " + field + " from tutti." + table + " where id = ?", id);
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value == null ? null : value.toString();
    }

    /** Records a PENDING request as submit_changes does; returns its id. */
    private static long request(DatabaseVendor vendor, long familyId, String target, long targetId, String field,
            String newValue, OffsetDateTime at) {
        Sql sql = sql(vendor);
        String table = "STUDENT".equals(target) ? "student" : "family";
        String old = column(vendor, table, field, targetId);
        long version = sql.count("select version from tutti." + table + " where id = ?", targetId);
        long account = sql.count("select min(id) from tutti.account where family_id = ?", familyId);
        sql.update("insert into tutti.change_request (family_id, target, target_id, field_name, old_value, new_value,"
                        + " target_version, status, submitted_by, submitted_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 0)",
                familyId, target, targetId, field, old, newValue, version, account, at);
        return sql.count("select max(id) from tutti.change_request where family_id = ? and field_name = ?"
                + " and status = 'PENDING'", familyId, field);
    }

    private static String status(DatabaseVendor vendor, long requestId) {
        return (String) sql(vendor).value("select status from tutti.change_request where id = ?", requestId);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theListHoldsTheSitesPendingRequestsOldestFirstWithTheCurrentValue(DatabaseVendor vendor) {
        long bellerive = family(vendor, "BELLERIVE", 0);
        long montfleury = family(vendor, "MONTFLEURY", 0);
        long kid = student(vendor, bellerive);
        long older = request(vendor, bellerive, "FAMILY", bellerive, "city", "Lyon", now().minusYears(5));
        long newer = request(vendor, bellerive, "STUDENT", kid, "birth_date", "2015-03-04", now().minusYears(5).plusSeconds(1));
        long other = request(vendor, montfleury, "FAMILY", montfleury, "city", "Lyon", now().minusYears(5));

        List<PendingChange> pending = service(vendor).pending(accueil(vendor));

        assertThat(pending).extracting(PendingChange::requestId).contains(older, newer).doesNotContain(other);
        assertThat(pending).extracting(PendingChange::submittedAt).isSorted();
        List<Object> belleriveFamilies = sql(vendor).column("select f.id from tutti.family f join tutti.site s"
                + " on s.id = f.site_id where s.code = 'BELLERIVE'");
        assertThat(pending).allSatisfy(c -> assertThat(belleriveFamilies).contains(c.familyId()));
        assertThat(pending.indexOf(find(pending, older))).isLessThan(pending.indexOf(find(pending, newer)));
        PendingChange city = find(pending, older);
        assertThat(city.familyIdentifier()).isEqualTo(sql(vendor).value("select identifier from tutti.family where id = ?", bellerive));
        assertThat(city.fieldName()).isEqualTo("city");
        assertThat(city.newValue()).isEqualTo("Lyon");
        assertThat(city.currentValue()).isEqualTo(column(vendor, "family", "city", bellerive)).isEqualTo(city.oldValue());
        assertThat(city.studentName()).isNull();
        PendingChange birth = find(pending, newer);
        assertThat(birth.isStudent()).isTrue();
        assertThat(birth.studentName()).isEqualTo(sql(vendor).value(
                "select first_name || ' ' || last_name from tutti.student where id = ?", kid));
        assertThat(birth.currentValue()).isEqualTo(column(vendor, "student", "birth_date", kid));
        assertThat(birth.currentValue()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static PendingChange find(List<PendingChange> changes, long id) {
        return changes.stream().filter(c -> c.requestId() == id).findFirst()
                .orElseThrow(() -> new AssertionError("request " + id + " not listed"));
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void acceptingWritesTheValueToTheRowAndTakesItOffTheList(DatabaseVendor vendor) {
        long familyId = family(vendor, "BELLERIVE", 1);
        long id = request(vendor, familyId, "FAMILY", familyId, "address1", "5 rue des Lilas", now());
        UserSession staff = accueil(vendor);

        DecisionResult result = service(vendor).decide(staff, id, true, null, false);

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(column(vendor, "family", "address1", familyId)).isEqualTo("5 rue des Lilas");
        assertThat(status(vendor, id)).isEqualTo("ACCEPTED");
        assertThat(service(vendor).pending(staff)).extracting(PendingChange::requestId).doesNotContain(id);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void rejectingQueuesAMailToTheFamilyAndLeavesTheRow(DatabaseVendor vendor) {
        long familyId = family(vendor, "BELLERIVE", 2);
        long id = request(vendor, familyId, "FAMILY", familyId, "city", "Marseille", now());
        String before = column(vendor, "family", "city", familyId);
        String email = column(vendor, "family", "email", familyId);
        long mails = sql(vendor).count("select count(*) from tutti.mail_outbox where kind = 'CHANGE_REJECTED'"
                + " and lower(recipient) = lower(?)", email);

        DecisionResult result = service(vendor).decide(accueil(vendor), id, false, "Justificatif de domicile manquant", false);

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(column(vendor, "family", "city", familyId)).isEqualTo(before);
        assertThat(status(vendor, id)).isEqualTo("REJECTED");
        assertThat(sql(vendor).value("select decision_comment from tutti.change_request where id = ?", id))
                .isEqualTo("Justificatif de domicile manquant");
        assertThat(sql(vendor).count("select count(*) from tutti.mail_outbox where kind = 'CHANGE_REJECTED'"
                + " and lower(recipient) = lower(?)", email)).isEqualTo(mails + 1);
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aRowChangedSinceTheRequestIsAConflictWithItsCurrentValueUntilForced(DatabaseVendor vendor) {
        long familyId = family(vendor, "BELLERIVE", 3);
        long id = request(vendor, familyId, "FAMILY", familyId, "phone_mobile", "06 11 22 33 44", now());
        sql(vendor).update("update tutti.family set phone_mobile = '07 99 88 77 66', version = version + 1 where id = ?",
                familyId);
        UserSession staff = accueil(vendor);

        DecisionResult conflict = service(vendor).decide(staff, id, true, null, false);

        assertThat(conflict.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(conflict.currentValue()).isEqualTo("07 99 88 77 66");
        assertThat(column(vendor, "family", "phone_mobile", familyId)).as("nothing overwritten").isEqualTo("07 99 88 77 66");
        assertThat(status(vendor, id)).isEqualTo("PENDING");
        assertThat(find(service(vendor).pending(staff), id).rowChanged()).isTrue();

        assertThat(service(vendor).decide(staff, id, true, null, true).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(column(vendor, "family", "phone_mobile", familyId)).isEqualTo("06 11 22 33 44");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aSecondDecisionIsAlreadyDecidedAndAnotherSitesRequestIsForbidden(DatabaseVendor vendor) {
        long familyId = family(vendor, "BELLERIVE", 4);
        long id = request(vendor, familyId, "FAMILY", familyId, "city", "Nantes", now());
        long montfleury = family(vendor, "MONTFLEURY", 1);
        long other = request(vendor, montfleury, "FAMILY", montfleury, "city", "Nantes", now());
        UserSession staff = accueil(vendor);

        assertThat(service(vendor).decide(staff, id, false, null, false).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(service(vendor).decide(staff, id, true, null, false).outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(status(vendor, id)).isEqualTo("REJECTED");

        assertThat(service(vendor).decide(staff, other, true, null, false).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(status(vendor, other)).isEqualTo("PENDING");
    }
}
