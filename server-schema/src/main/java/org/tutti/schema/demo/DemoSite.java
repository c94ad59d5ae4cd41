package org.tutti.schema.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.tutti.schema.demo.SchoolCatalogue.Ensemble;
import org.tutti.schema.demo.SchoolCatalogue.EventTemplate;
import org.tutti.schema.demo.SchoolCatalogue.Instrument;

/** What the family generator needs to know about one site once its reference data is written. */
final class DemoSite {

    record SchoolYear(int index, long id, String label, LocalDate start, LocalDate end, boolean current) {
        /** Last day of lessons, end of June. */
        LocalDate lastLessonDay() {
            return LocalDate.of(end.getYear(), 6, 30);
        }
    }

    record Course(long id, long teacherId, long disciplineId, String discipline, String classLabel,
                  int dayOfWeek, LocalTime startTime, int durationMinutes) {
    }

    /** An event of one year, with the style of its programme that year. */
    record Event(long id, LocalDate date, EventTemplate template, Repertoire.Style style) {
    }

    /** Courses of one school year. */
    static final class YearCourses {
        final Map<String, Map<Level, Course>> individual = new LinkedHashMap<>();
        final Map<Level, Course> formationMusicale = new EnumMap<>(Level.class);
        Course formationMusicaleAdults;
        final Map<String, Course> ensembles = new LinkedHashMap<>();
        final Map<Integer, Course> eveilByAge = new LinkedHashMap<>();
    }

    final long id;
    final String code;
    final String name;
    /** Prefix of invoice and receipt numbers ({@code site.document_prefix}), inventory codes. */
    final String prefix;
    /** The larger school (Bellerive): CPES cycle, symphony orchestra, higher fees. */
    final boolean conservatoire;
    final boolean onlinePayment;
    private final Future<String> passwordHash;
    final List<Instrument> instruments;
    final double[] instrumentWeights;
    final List<FrenchNames.Town> towns;
    final Map<String, Long> disciplineIds = new HashMap<>();
    final Map<Level.Cycle, Long> cycleIds = new EnumMap<>(Level.Cycle.class);
    final List<YearCourses> coursesByYear = new ArrayList<>();
    final List<List<Event>> eventsByYear = new ArrayList<>();
    final List<Ensemble> ensembles;
    final Map<String, Long> documentTypeIds = new LinkedHashMap<>();
    final Map<String, Long> roomRentalItemIds = new LinkedHashMap<>();
    long campaignId;
    long deskAccountId;
    String campaignStatus;
    LocalDate campaignOpensOn;
    LocalDate campaignClosesOn;

    /** The last invoice and receipt number issued per year: what {@code tutti.document_counter} holds. */
    private final Map<Integer, Integer> invoiceNumbers = new TreeMap<>();
    private final Map<Integer, Integer> receiptNumbers = new TreeMap<>();
    private final Map<String, Integer> rentalModelNumbers = new HashMap<>();
    private int inventoryNumber;

    DemoSite(long id, String code, String name, String prefix, boolean conservatoire, boolean onlinePayment,
             Future<String> passwordHash,
             List<Instrument> instruments, List<Ensemble> ensembles, List<FrenchNames.Town> towns) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.prefix = prefix;
        this.conservatoire = conservatoire;
        this.onlinePayment = onlinePayment;
        this.passwordHash = passwordHash;
        this.instruments = instruments;
        this.ensembles = ensembles;
        this.towns = towns;
        this.instrumentWeights = instruments.stream().mapToDouble(Instrument::popularity).toArray();
    }

    /** The bcrypt hash shared by every account of the site (computed in the background, see {@link SchoolSetup}). */
    String passwordHash() {
        try {
            return passwordHash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing the demo password", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot hash the demo password", e.getCause());
        }
    }

    /** "BEL-2026-000123": numbered per site and year of issue, as {@code tutti.issue_invoice} numbers them. */
    String nextInvoiceNumber(LocalDate issueDate) {
        int n = invoiceNumbers.merge(issueDate.getYear(), 1, Integer::sum);
        return String.format("%s-%d-%06d", prefix, issueDate.getYear(), n);
    }

    /** "BEL-R-2026-000042": numbered per site and year of the payment, as {@code tutti.record_payment} numbers them. */
    String nextReceiptNumber(LocalDate paymentDate) {
        int n = receiptNumbers.merge(paymentDate.getYear(), 1, Integer::sum);
        return String.format("%s-R-%d-%06d", prefix, paymentDate.getYear(), n);
    }

    /** The last invoice number issued per year, oldest year first. */
    Map<Integer, Integer> lastInvoiceNumbers() {
        return Collections.unmodifiableMap(invoiceNumbers);
    }

    /** The last receipt number issued per year, oldest year first. */
    Map<Integer, Integer> lastReceiptNumbers() {
        return Collections.unmodifiableMap(receiptNumbers);
    }

    /** "Violon 3/4 n°12": numbered per model. */
    String nextRentalLabel(String model) {
        return model + " n°" + rentalModelNumbers.merge(model, 1, Integer::sum);
    }

    /** "BEL-INV-00012". */
    String nextInventoryCode() {
        return String.format("%s-INV-%05d", prefix, ++inventoryNumber);
    }
}
