package org.tutti.client.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tutti.client.documents.BillingDocuments;
import org.tutti.client.documents.PageRenderer;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.demo.DemoDataGenerator;
import org.tutti.schema.demo.DemoProgress;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * Times what opening an invoice's PDF costs, as Facturation does it on Enter: read the invoice
 * ({@code billing().invoiceDocument}), draw the PDF ({@link BillingDocuments#invoice}), open it and
 * draw its first page at the screen's resolution ({@link PageRenderer}, 96 dpi). Not a test. The
 * first invoice of the JVM is "cold" (classes, fonts, PDFBox's caches loaded then); the others,
 * every invoice of the families logged in, are "warm". Run it several times for the cold figure:
 *
 * <pre>
 * mvn -B -o -q -pl server-schema install -DskipTests
 * mvn -B -o -q -pl client test-compile
 * mvn -B -o -q -pl client dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * for i in 1 2 3 4 5 6 7; do java -cp client/target/test-classes:client/target/classes:$(cat /tmp/cp.txt) \
 *     org.tutti.client.data.BillingPdfBenchmark h2 300 20; done
 * </pre>
 * Arguments: {@code h2} (default) or {@code postgres}; families seeded (default 300); families to
 * log in as (default 20). Prints one line per run: the cold open split in read / draw PDF / first
 * page, then the warm opens' count, median and p95.
 *
 * <p><b>Figures</b> (6 Dec 2026, 2 vCPU VM, OpenJDK 17, load about 2; F0001…F0020 of BELLERIVE,
 * 72 invoices; cold = median of the runs):
 * <pre>
 *                                   cold open (read / PDF / page)      warm median / p95
 * H2, 300 families, 5 runs          696 ms (20 / 345 / 331)             30 / 115 ms
 * PostgreSQL, 2000 families, 3 runs 495 ms (27 / 228 / 248)             42 / 134 ms
 * </pre>
 * Cold, the time goes to loading PDFBox and parsing the DejaVu fonts, then to PDFBox's renderer
 * warming up; warm, an invoice of one or two pages opens in a few tens of milliseconds. The
 * viewer shows a progress indicator meanwhile (generation and drawing are off the JavaFX thread).
 */
public final class BillingPdfBenchmark {

    private static final float SCREEN_DPI = 96;

    private BillingPdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseVendor vendor = args.length > 0 && args[0].equalsIgnoreCase("postgres")
                ? DatabaseVendor.POSTGRESQL : DatabaseVendor.H2;
        int families = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int loggedIn = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        TestDatabase db = TestDatabases.fresh(vendor);
        new SchemaMigrator(db.dataSource(), vendor).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, families).generate(db.dataSource(), DemoProgress.NONE);
        try (Database database = vendor == DatabaseVendor.H2
                ? Database.open(db.url(), db.user(), db.password(), Entities.ALL, Map.of())
                : Database.open(SeededDatabases.loginRoleUrl(db), "tutti_family",
                        SeededDatabases.setRolePassword(db, "tutti_family"), Entities.ALL, Map.of())) {
            DatabaseBackend backend = new DatabaseBackend(database, false, () -> { });
            List<long[]> opens = new ArrayList<>();
            String cold = null;
            for (int n = 1; n <= loggedIn; n++) {
                String identifier = String.format("F%04d", n);
                UserSession session = backend.auth().login("BELLERIVE", identifier, "bellerive".toCharArray())
                        .orElseThrow(() -> new IllegalStateException(identifier + " cannot log in"));
                for (BillingKind kind : BillingKind.values()) {
                    for (InvoiceSummary invoice : backend.billing().overview(session, session.familyId(), kind).invoices()) {
                        long[] times = open(backend, session, invoice.id());
                        if (cold == null) {
                            cold = String.format(Locale.ROOT, "%s, %d families: cold open %.0f ms (read %.0f, PDF %.0f, first page %.0f)",
                                    vendor, families, ms(times[0] + times[1] + times[2]), ms(times[0]), ms(times[1]),
                                    ms(times[2]));
                        } else {
                            opens.add(times);
                        }
                    }
                }
            }
            List<Long> totals = new ArrayList<>(opens.stream().map(t -> t[0] + t[1] + t[2]).toList());
            Collections.sort(totals);
            System.out.printf(Locale.ROOT, "%s; warm: %d opens, median %.0f ms, p95 %.0f ms (median read %.0f, PDF %.0f, first page %.0f)%n",
                    cold, totals.size(), ms(totals.get(totals.size() / 2)), ms(totals.get((int) Math.ceil(totals.size() * 0.95) - 1)),
                    ms(median(opens, 0)), ms(median(opens, 1)), ms(median(opens, 2)));
        }
        System.exit(0);
    }

    /** Nanoseconds to read, to draw the PDF, to open it and draw its first page. */
    private static long[] open(DatabaseBackend backend, UserSession session, long invoiceId) {
        long start = System.nanoTime();
        InvoiceDocument document = backend.billing().invoiceDocument(session, invoiceId);
        long read = System.nanoTime();
        byte[] pdf = BillingDocuments.invoice(document);
        long drawn = System.nanoTime();
        try (PageRenderer renderer = PageRenderer.open(pdf, "application/pdf")) {
            renderer.render(0, SCREEN_DPI);
        }
        long shown = System.nanoTime();
        return new long[] {read - start, drawn - read, shown - drawn};
    }

    private static long median(List<long[]> opens, int part) {
        List<Long> values = new ArrayList<>(opens.stream().map(t -> t[part]).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
