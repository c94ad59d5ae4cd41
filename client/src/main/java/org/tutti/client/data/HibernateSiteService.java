package org.tutti.client.data;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tutti.client.domain.SiteSummary;
import org.tutti.client.service.SiteService;

/** The sites of the login window. */
final class HibernateSiteService implements SiteService {

    private final Transactions transactions;

    HibernateSiteService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<SiteSummary> listSites() {
        List<SiteSummary> sites = transactions.readOnly(null, session -> session.createSelectionQuery(
                        "select new org.tutti.client.domain.SiteSummary(s.code, s.name) from Site s order by s.name",
                        SiteSummary.class)
                .getResultList());
        // the same order on every database, whatever its collation: "École" sorts with the E's
        return sites.stream().sorted(Comparator.comparing(SiteSummary::name, frenchCollator())).toList();
    }

    static Collator frenchCollator() {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }
}
