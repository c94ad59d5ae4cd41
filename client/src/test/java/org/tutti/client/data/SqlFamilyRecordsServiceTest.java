package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.client.data.SqlBillingServiceTest.assertNotFound;
import static org.tutti.client.data.SqlBillingServiceTest.login;
import static org.tutti.client.data.SqlBillingServiceTest.sql;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.FamilyRecords.ChangeRecord;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyFileService.Target;
import org.tutti.client.service.FamilyRecordsService;
import org.tutti.client.service.PendingChange;
import org.tutti.client.service.StaffChangesService;

/**
 * Issue 16, part "records", on both databases (on PostgreSQL as {@code tutti_staff}): a family asks for a new
 * city, the front desk accepts it in Validations, and the family's file then shows the request decided, the
 * acknowledgement mail (its text readable), and the decision in the history with the city before and after;
 * another site's front desk reads none of it.
 */
@Tag("postgres")
class SqlFamilyRecordsServiceTest {

    static List<org.tutti.schema.DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static FamilyRecordsService records(org.tutti.schema.DatabaseVendor vendor) {
        return SeededDatabases.get(vendor).staffBackend().familyRecords();
    }

    private static UserSession staff(org.tutti.schema.DatabaseVendor vendor, String site, String identifier) {
        return SeededDatabases.get(vendor).staffBackend().auth()
                .login(site, identifier, site.toLowerCase(java.util.Locale.ROOT).toCharArray()).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void aChangeAcceptedInValidationsIsInTheFilesRequestsMailsAndHistory(org.tutti.schema.DatabaseVendor vendor) {
        Sql sql = sql(vendor);
        long familyId = sql.count("select min(f.id) from tutti.family f join tutti.site s on s.id = f.site_id"
                + " where s.code = 'BELLERIVE' and f.identifier <> 'F0001'"
                + " and exists (select 1 from tutti.account a where a.family_id = f.id)");
        String identifier = (String) sql.value("select min(identifier) from tutti.account where family_id = ?",
                familyId);
        String oldCity = (String) sql.value("select city from tutti.family where id = ?", familyId);
        UserSession family = login(vendor, identifier);
        SeededDatabases.get(vendor).familyBackend().familyFile()
                .submit(family, Target.FAMILY, familyId, Map.of("city", "Valence-sur-Baïse"));

        UserSession accueil = staff(vendor, "BELLERIVE", "ACCUEIL");
        StaffChangesService changes = SeededDatabases.get(vendor).staffBackend().staffChanges();
        PendingChange pending = changes.pending(accueil).stream()
                .filter(p -> p.familyId() == familyId && p.fieldName().equals("city")).findFirst().orElseThrow();
        changes.decide(accueil, pending.requestId(), true, null, false);

        FamilyRecordsService records = records(vendor);
        ChangeRecord decided = records.changeRequests(accueil, familyId).stream()
                .filter(c -> c.id() == pending.requestId()).findFirst().orElseThrow();
        assertThat(decided.status()).isEqualTo("ACCEPTED");
        assertThat(decided.decidedBy()).isEqualTo(accueil.displayName());
        assertThat(decided.newValue()).isEqualTo("Valence-sur-Baïse");

        HistoryEntry entry = records.history(accueil, familyId).get(0);
        assertThat(entry.kind()).isEqualTo("CHANGE_ACCEPTED");
        assertThat(entry.staffName()).isEqualTo(accueil.displayName());
        assertThat(entry.detail()).isEqualTo("Modification acceptée : Ville");
        assertThat(entry.before()).containsExactly(Map.entry("city", oldCity));
        assertThat(entry.after()).containsExactly(Map.entry("city", "Valence-sur-Baïse"));

        List<MailRecord> mails = records.mails(accueil, familyId);
        MailRecord ack = mails.stream().filter(m -> m.kind().equals("CHANGE_ACK")).findFirst().orElseThrow();
        assertThat(records.mailText(accueil, ack.id())).hasValueSatisfying(text -> assertThat(text)
                .contains("Valence-sur-Baïse"));

        UserSession secretariat = staff(vendor, "MONTFLEURY", "SECRETARIAT");
        assertNotFound(() -> records.history(secretariat, familyId));
        assertNotFound(() -> records.mails(secretariat, familyId));
        assertNotFound(() -> records.changeRequests(secretariat, familyId));
        assertNotFound(() -> records.reenrolments(secretariat, familyId));
        assertNotFound(() -> records.mailText(secretariat, ack.id()));
    }
}
