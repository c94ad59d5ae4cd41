package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.SiteSummary;
import org.tutti.schema.DatabaseVendor;

@Tag("postgres")
class HibernateSiteServiceTest {

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theLoginWindowListsBothSitesByName(DatabaseVendor vendor) {
        List<SiteSummary> sites = SeededDatabases.get(vendor).familyBackend().sites().listSites();

        assertThat(sites).containsExactly(
                new SiteSummary("BELLERIVE", "Conservatoire de Bellerive"),
                new SiteSummary("MONTFLEURY", "École de musique de Montfleury"));
    }
}
