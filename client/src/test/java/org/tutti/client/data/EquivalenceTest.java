package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.UserSession;
import org.tutti.schema.DatabaseVendor;

/**
 * H2 has no row-level security; the client's queries filter by the session's family there. The
 * same calls on the same seeded data (same seed, same number of families, hence the same ids)
 * must answer the same on H2 as on PostgreSQL, where the client runs as {@code tutti_family} and
 * {@code tutti_staff} under row-level security.
 */
@Tag("postgres")
class EquivalenceTest {

    /** What one database answers to the calls of the login window and Accueil. */
    private record Answers(List<SiteSummary> sites, UserSession family, FamilyHome familyHome, UserSession staff,
            StaffHome staffHome, UserSession montfleury, FamilyHome montfleuryHome) {
    }

    private static Answers ask(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        DatabaseBackend family = seeded.familyBackend();
        DatabaseBackend staff = seeded.staffBackend();
        List<SiteSummary> sites = family.sites().listSites();
        UserSession f0001 = family.auth().login("BELLERIVE", "F0001", "bellerive".toCharArray()).orElseThrow();
        FamilyHome f0001Home = family.home().familyHome(f0001);
        family.auth().logout(f0001);
        UserSession accueil = staff.auth().login("BELLERIVE", "ACCUEIL", "bellerive".toCharArray()).orElseThrow();
        StaffHome accueilHome = staff.home().staffHome(accueil);
        staff.auth().logout(accueil);
        UserSession m0001 = family.auth().login("MONTFLEURY", "M0001", "montfleury".toCharArray()).orElseThrow();
        FamilyHome m0001Home = family.home().familyHome(m0001);
        family.auth().logout(m0001);
        return new Answers(sites, withoutToken(f0001), f0001Home, withoutToken(accueil), accueilHome,
                withoutToken(m0001), m0001Home);
    }

    /** Tokens are random: everything else must be equal. */
    private static UserSession withoutToken(UserSession s) {
        return new UserSession(s.accountId(), s.role(), s.siteCode(), s.siteName(), s.identifier(), s.displayName(),
                s.familyId(), null);
    }

    @Test
    void h2AndPostgresqlAnswerTheSameCallsWithTheSameResults() {
        Answers h2 = ask(DatabaseVendor.H2);
        Answers postgresql = ask(DatabaseVendor.POSTGRESQL);

        assertThat(postgresql.familyHome().students()).as("F0001 has students").isNotEmpty();
        assertThat(postgresql.familyHome().students()).as("and courses")
                .anySatisfy(s -> assertThat(s.currentCourses()).isNotEmpty());
        assertThat(postgresql).usingRecursiveComparison().isEqualTo(h2);
        assertThat(postgresql).isEqualTo(h2);
    }
}
