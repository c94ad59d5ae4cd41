package org.tutti.schema.h2;

import static org.tutti.schema.h2.Queries.number;
import static org.tutti.schema.h2.Queries.scalar;
import static org.tutti.schema.h2.Queries.textOf;
import static org.tutti.schema.h2.Queries.update;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code tutti.issue_invoice}, {@code record_payment}, {@code issue_credit_note}, {@code create_rental} and
 * {@code end_rental} on H2, with the behaviour, the SQLSTATEs and the messages of
 * {@code db/migration/postgresql/V14__billing.sql} (SQL-API.md, "Billing"). Numbers come from the row of
 * {@code tutti.document_counter} locked in the caller's transaction; a lock another session holds (H2's
 * lock timeout) becomes TU409 'busy'. "Today" is the H2 session's current date (the local date of
 * {@link SecurityClock#now()}).
 */
final class Billing {

    private static final Set<String> KINDS = Set.of("COTISATION", "LOCATION");
    private static final Set<String> METHODS = Set.of("CHEQUE", "TRANSFER", "CASH", "CARD", "DIRECT_DEBIT", "ONLINE");
    private static final int MAX_LINES = 50;
    private static final int LABEL_MAX = 200;
    private static final int REFERENCE_MAX = 80;
    private static final int REASON_MAX = 200;
    /** numeric(12,2): below 10^10. */
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(10);
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final String DUPLICATE_KEY = "23505";
    private static final int RENTAL_DUE_DAYS = 30;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Billing() {
    }

    /** The STAFF session of the call: its account and site. */
    private record Staff(long accountId, long siteId, OffsetDateTime now, LocalDate today) {
    }

    private record Line(String label, Long studentId, BigDecimal quantity, BigDecimal unitPrice) {
        BigDecimal amount() {
            return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        }
    }

    private record Allocation(long invoiceId, BigDecimal amount) {
    }

    private static SQLException refused(String message) {
        return new SQLException(message, ChangeRequests.UNACCEPTABLE);
    }

    private static SQLException conflict(String message) {
        return new SQLException(message, ChangeRequests.CONFLICT);
    }

    private static SQLException forbidden() {
        return new SQLException("forbidden", ChangeRequests.FORBIDDEN);
    }

    /** A lock another session holds: TU409 'busy'; anything else as it is. */
    private static SQLException busyOr(SQLException e) {
        return H2_LOCK_TIMEOUT.equals(e.getSQLState()) ? conflict("busy") : e;
    }

    private static Staff staff(Connection connection) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        BoundSession session = BoundSession.live(connection, now)
                .orElseThrow(() -> new SQLException("no session", ChangeRequests.NO_SESSION));
        if (!session.staff()) {
            throw forbidden();
        }
        return new Staff(session.accountId(), session.siteId(), now,
                now.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate());
    }

    private static long familyOfSite(Connection connection, Long familyId, Staff staff) throws SQLException {
        Long family = familyId == null ? null
                : number(connection, "SELECT id FROM tutti.family WHERE id = ? AND site_id = ?", familyId, staff.siteId());
        if (family == null) {
            throw forbidden();
        }
        return family;
    }

    static String issueInvoice(Connection connection, Long familyId, String kind, LocalDate dueDate, String lines)
            throws SQLException {
        Staff staff = staff(connection);
        long family = familyOfSite(connection, familyId, staff);
        if (kind == null || !KINDS.contains(kind)) {
            throw refused("invalid:kind");
        }
        if (dueDate == null || dueDate.isBefore(staff.today())) {
            throw refused("invalid:due_date");
        }
        List<Line> checked = lines(connection, lines, family);
        BigDecimal total = checked.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            throw refused("invalid:total");
        }
        if (total.compareTo(AMOUNT_LIMIT) >= 0) {
            throw refused("invalid:amount");
        }
        long yearId = currentSchoolYear(connection);

        String number;
        long invoiceId;
        try {
            number = nextNumber(connection, staff.siteId(), "INVOICE", staff.today());
            invoiceId = insertInvoice(connection, staff, family, yearId, number, kind, dueDate, total, "ISSUED", null,
                    null);
            int lineNo = 1;
            for (Line line : checked) {
                insertLine(connection, invoiceId, lineNo++, line.label(), line.studentId(), line.quantity(),
                        line.unitPrice(), line.amount());
            }
        } catch (SQLException e) {
            throw busyOr(e);
        }
        Audit.record(connection, staff.now(), staff.siteId(), staff.accountId(), "INVOICE_ISSUED",
                "invoice " + invoiceId + " (" + number + "): family " + family + ", " + kind + ", " + checked.size()
                        + " line(s), total " + total.toPlainString());
        return number;
    }

    /** The lines sent to issue_invoice, checked in order; TU422 at the first that is not right. */
    private static List<Line> lines(Connection connection, String json, long family) throws SQLException {
        JsonNode root = array(json, "invalid:lines");
        if (root.isEmpty() || root.size() > MAX_LINES) {
            throw refused("invalid:lines");
        }
        List<Line> lines = new ArrayList<>();
        for (JsonNode element : root) {
            if (!element.isObject()) {
                throw refused("invalid:lines");
            }
            String label = element.path("label").isTextual() ? Reenrolments.text(element.get("label").textValue()) : null;
            if (label == null) {
                throw refused("invalid:label");
            }
            if (label.codePointCount(0, label.length()) > LABEL_MAX) {
                throw refused("too_long:label:" + LABEL_MAX);
            }
            Long studentId = null;
            JsonNode student = element.path("student");
            if (!student.isMissingNode() && !student.isNull()) {
                if (!student.isIntegralNumber() || !ID.matcher(student.asText()).matches()
                        || number(connection, "SELECT id FROM tutti.student WHERE id = ? AND family_id = ?",
                                student.asLong(), family) == null) {
                    throw refused("invalid:student");
                }
                studentId = student.asLong();
            }
            BigDecimal quantity = amount(element.path("quantity"), 6);
            if (quantity == null || quantity.signum() <= 0) {
                throw refused("invalid:quantity");
            }
            BigDecimal unitPrice = amount(element.path("unit_price"), 10);
            if (unitPrice == null) {
                throw refused("invalid:unit_price");
            }
            Line line = new Line(label, studentId, quantity, unitPrice);
            if (line.amount().compareTo(AMOUNT_LIMIT) >= 0) {
                throw refused("invalid:amount");
            }
            lines.add(line);
        }
        return lines;
    }

    static String recordPayment(Connection connection, Long familyId, LocalDate paymentDate, String method,
                                BigDecimal amount, String reference, String allocations) throws SQLException {
        Staff staff = staff(connection);
        long family = familyOfSite(connection, familyId, staff);
        if (paymentDate == null || paymentDate.isAfter(staff.today())) {
            throw refused("invalid:payment_date");
        }
        if (method == null || !METHODS.contains(method)) {
            throw refused("invalid:method");
        }
        if (!isAmount(amount) || amount.signum() <= 0) {
            throw refused("invalid:amount");
        }
        String note = Reenrolments.text(reference);
        if (note != null && note.codePointCount(0, note.length()) > REFERENCE_MAX) {
            throw refused("too_long:reference:" + REFERENCE_MAX);
        }
        List<Allocation> checked = allocations(connection, allocations, family, staff);
        BigDecimal allocated = checked.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (allocated.compareTo(amount) != 0) {
            throw refused("amount_mismatch");
        }

        String receipt;
        long paymentId;
        try {
            // the invoices first (in id order), then their balances as the last committed payment left them
            lockInvoices(connection, checked.stream().map(Allocation::invoiceId).sorted().toList());
            for (Allocation allocation : checked) {
                if (allocation.amount().compareTo(balance(connection, allocation.invoiceId())) > 0) {
                    throw refused("over_allocation:" + textOf(connection, "SELECT number FROM tutti.invoice WHERE id = ?",
                            allocation.invoiceId()));
                }
            }
            receipt = nextNumber(connection, staff.siteId(), "RECEIPT", staff.today());
            paymentId = insert(connection, "INSERT INTO tutti.payment (site_id, family_id, receipt_number, payment_date,"
                    + " amount, method, reference) VALUES (?, ?, ?, ?, ?, ?, ?)", staff.siteId(), family, receipt,
                    paymentDate, amount, method, note);
            for (Allocation allocation : checked) {
                update(connection, "INSERT INTO tutti.payment_allocation (payment_id, invoice_id, amount) VALUES (?, ?, ?)",
                        paymentId, allocation.invoiceId(), allocation.amount());
                refreshStatus(connection, allocation.invoiceId());
            }
        } catch (SQLException e) {
            throw busyOr(e);
        }
        Audit.record(connection, staff.now(), staff.siteId(), staff.accountId(), "PAYMENT_RECORDED",
                "payment " + paymentId + " (" + receipt + "): family " + family + ", " + method + " "
                        + amount.toPlainString() + ", invoice(s) " + checked.stream()
                        .map(a -> Long.toString(a.invoiceId())).collect(Collectors.joining(", ")));
        return receipt;
    }

    private static List<Allocation> allocations(Connection connection, String json, long family, Staff staff)
            throws SQLException {
        JsonNode root = array(json, "invalid:allocations");
        if (root.isEmpty()) {
            throw refused("invalid:allocations");
        }
        List<Allocation> allocations = new ArrayList<>();
        for (JsonNode element : root) {
            JsonNode invoice = element.path("invoice");
            if (!element.isObject() || !invoice.isIntegralNumber() || !ID.matcher(invoice.asText()).matches()
                    || allocations.stream().anyMatch(a -> a.invoiceId() == invoice.asLong())) {
                throw refused("invalid:allocations");
            }
            if (number(connection, "SELECT id FROM tutti.invoice WHERE id = ? AND family_id = ? AND site_id = ?"
                    + " AND credit_note_for IS NULL", invoice.asLong(), family, staff.siteId()) == null) {
                throw refused("invalid:invoice");
            }
            BigDecimal amount = amount(element.path("amount"), 10);
            if (amount == null || amount.signum() <= 0) {
                throw refused("invalid:allocation");
            }
            allocations.add(new Allocation(invoice.asLong(), amount));
        }
        return allocations;
    }

    static String issueCreditNote(Connection connection, Long invoiceId, BigDecimal amount, String reason)
            throws SQLException {
        Staff staff = staff(connection);
        Object[] corrected = invoiceId == null ? null : row(connection, "SELECT site_id, family_id, school_year_id, kind,"
                + " number, credit_note_for FROM tutti.invoice WHERE id = ?", invoiceId);
        if (corrected == null || ((Number) corrected[0]).longValue() != staff.siteId()) {
            throw forbidden();
        }
        if (corrected[5] != null) {
            throw refused("invalid:invoice");
        }
        if (!isAmount(amount) || amount.signum() <= 0) {
            throw refused("invalid:amount");
        }
        String why = Reenrolments.text(reason);
        if (why == null) {
            throw refused("invalid:reason");
        }
        if (why.codePointCount(0, why.length()) > REASON_MAX) {
            throw refused("too_long:reason:" + REASON_MAX);
        }
        long family = ((Number) corrected[1]).longValue();
        String correctedNumber = (String) corrected[4];
        String number;
        long creditId;
        try {
            lockInvoices(connection, List.of(invoiceId));
            if (amount.compareTo(balance(connection, invoiceId)) > 0) {
                throw refused("credit_too_large");
            }
            number = nextNumber(connection, staff.siteId(), "INVOICE", staff.today());
            creditId = insertInvoice(connection, staff, family, ((Number) corrected[2]).longValue(), number,
                    (String) corrected[3], staff.today(), amount, "PAID", invoiceId, why);
            insertLine(connection, creditId, 1, left("Avoir sur la facture " + correctedNumber + " : " + why, LABEL_MAX),
                    null, BigDecimal.ONE, amount, amount);
            refreshStatus(connection, invoiceId);
        } catch (SQLException e) {
            throw busyOr(e);
        }
        Audit.record(connection, staff.now(), staff.siteId(), staff.accountId(), "CREDIT_NOTE_ISSUED",
                "credit note " + creditId + " (" + number + ") for invoice " + invoiceId + " (" + correctedNumber
                        + "): " + amount.toPlainString());
        return number;
    }

    static String createRental(Connection connection, Long rentalItemId, Long familyId, Long studentId,
                               LocalDate startDate, LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit)
            throws SQLException {
        Staff staff = staff(connection);
        String itemLabel = rentalItemId == null ? null : textOf(connection,
                "SELECT label FROM tutti.rental_item WHERE id = ? AND site_id = ?", rentalItemId, staff.siteId());
        Long family = familyId == null ? null
                : number(connection, "SELECT id FROM tutti.family WHERE id = ? AND site_id = ?", familyId, staff.siteId());
        if (itemLabel == null || family == null) {
            throw forbidden();
        }
        if (studentId != null && number(connection, "SELECT id FROM tutti.student WHERE id = ? AND family_id = ?",
                studentId, family) == null) {
            throw refused("invalid:student");
        }
        if (startDate == null) {
            throw refused("invalid:start_date");
        }
        if (endDate == null || !endDate.isAfter(startDate)) {
            throw refused("invalid:end_date");
        }
        if (!isAmount(monthlyFee) || monthlyFee.signum() < 0) {
            throw refused("invalid:monthly_fee");
        }
        if (!isAmount(deposit) || deposit.signum() < 0) {
            throw refused("invalid:deposit");
        }
        // every month the rental runs in, the first and the last included: 10 September to 30 June is 10
        long months = (endDate.getYear() * 12L + endDate.getMonthValue())
                - (startDate.getYear() * 12L + startDate.getMonthValue()) + 1;
        BigDecimal total = BigDecimal.valueOf(months).multiply(monthlyFee);
        if (months > 999_999 || total.compareTo(AMOUNT_LIMIT) >= 0) {
            throw refused("invalid:end_date");
        }
        Long yearId = total.signum() > 0 ? currentSchoolYear(connection) : null;

        String number = "";
        Long invoiceId = null;
        long rentalId;
        try {
            number(connection, "SELECT id FROM tutti.rental_item WHERE id = ? FOR UPDATE", rentalItemId);
            if (number(connection, "SELECT id FROM tutti.rental WHERE rental_item_id = ? AND start_date <= ?"
                    + " AND end_date >= ? LIMIT 1", rentalItemId, endDate, startDate) != null) {
                throw conflict("item_rented");
            }
            if (total.signum() > 0) {
                number = nextNumber(connection, staff.siteId(), "INVOICE", staff.today());
                invoiceId = insertInvoice(connection, staff, family, yearId, number, "LOCATION",
                        staff.today().plusDays(RENTAL_DUE_DAYS), total, "ISSUED", null, null);
                insertLine(connection, invoiceId, 1, left("Location " + itemLabel + " — " + month(startDate) + " à "
                        + month(endDate), LABEL_MAX), studentId, BigDecimal.valueOf(months), monthlyFee,
                        total.setScale(2, RoundingMode.HALF_UP));
            }
            rentalId = insert(connection, "INSERT INTO tutti.rental (rental_item_id, family_id, student_id, invoice_id,"
                    + " start_date, end_date, monthly_fee, deposit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rentalItemId,
                    family, studentId, invoiceId, startDate, endDate, monthlyFee, deposit);
        } catch (SQLException e) {
            throw busyOr(e);
        }
        Audit.record(connection, staff.now(), staff.siteId(), staff.accountId(), "RENTAL_CREATED",
                "rental " + rentalId + ": item " + rentalItemId + ", family " + family + ", " + startDate + " to "
                        + endDate + ", invoice " + (number.isEmpty() ? "none" : number));
        return number;
    }

    static void endRental(Connection connection, Long rentalId, LocalDate endDate) throws SQLException {
        Staff staff = staff(connection);
        if (rentalId == null || number(connection, "SELECT r.id FROM tutti.rental r JOIN tutti.rental_item i"
                + " ON i.id = r.rental_item_id WHERE r.id = ? AND i.site_id = ?", rentalId, staff.siteId()) == null) {
            throw forbidden();
        }
        LocalDate start;
        LocalDate end;
        try {
            Object[] rented = row(connection, "SELECT start_date, end_date FROM tutti.rental WHERE id = ? FOR UPDATE",
                    rentalId);
            start = date(rented[0]);
            end = date(rented[1]);
            if (!end.isAfter(staff.today())) {
                throw conflict("already_ended");
            }
            if (endDate == null || !endDate.isAfter(start) || !endDate.isBefore(end)) {
                throw refused("invalid:end_date");
            }
            update(connection, "UPDATE tutti.rental SET end_date = ?, version = version + 1 WHERE id = ?", endDate,
                    rentalId);
        } catch (SQLException e) {
            throw busyOr(e);
        }
        Audit.record(connection, staff.now(), staff.siteId(), staff.accountId(), "RENTAL_ENDED",
                "rental " + rentalId + ": ends " + endDate + " instead of " + end);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The next number of a site's series for the year of {@code day} ({@code tutti.next_document_number}): the
     * counter row stays locked until the caller's transaction ends.
     */
    static String nextNumber(Connection connection, long siteId, String series, LocalDate day) throws SQLException {
        int year = day.getYear();
        String lock = "SELECT last_number FROM tutti.document_counter WHERE site_id = ? AND series = ? AND \"year\" = ?"
                + " FOR UPDATE";
        Long last = number(connection, lock, siteId, series, year);
        if (last == null) {
            try {
                update(connection, "INSERT INTO tutti.document_counter (site_id, series, \"year\", last_number)"
                        + " VALUES (?, ?, ?, 0)", siteId, series, year);
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
            last = number(connection, lock, siteId, series, year);
        }
        long next = last + 1;
        update(connection, "UPDATE tutti.document_counter SET last_number = ? WHERE site_id = ? AND series = ?"
                + " AND \"year\" = ?", next, siteId, series, year);
        String prefix = textOf(connection, "SELECT COALESCE(document_prefix, code) FROM tutti.site WHERE id = ?", siteId);
        return prefix + ("RECEIPT".equals(series) ? "-R-" : "-") + year + "-" + String.format("%06d", next);
    }

    private static void lockInvoices(Connection connection, List<Long> ids) throws SQLException {
        for (long id : ids) {
            number(connection, "SELECT id FROM tutti.invoice WHERE id = ? FOR UPDATE", id);
        }
    }

    /** What is left to pay ({@code total_amount - tutti.invoice_settled}). */
    private static BigDecimal balance(Connection connection, long invoiceId) throws SQLException {
        return (BigDecimal) scalar(connection, "SELECT i.total_amount - " + SETTLED + " FROM tutti.invoice i WHERE i.id = ?",
                invoiceId);
    }

    /** What settles invoice {@code i}: its allocations and its credit notes. */
    private static final String SETTLED = "(COALESCE((SELECT SUM(a.amount) FROM tutti.payment_allocation a"
            + " WHERE a.invoice_id = i.id), 0) + COALESCE((SELECT SUM(c.total_amount) FROM tutti.invoice c"
            + " WHERE c.credit_note_for = i.id), 0))";

    /** {@code tutti.refresh_invoice_status}: PAID, CANCELLED, PARTIAL or ISSUED from what settles it. */
    private static void refreshStatus(Connection connection, long invoiceId) throws SQLException {
        update(connection, "UPDATE tutti.invoice i SET status = CASE WHEN " + SETTLED + " >= i.total_amount"
                + " THEN CASE WHEN EXISTS (SELECT 1 FROM tutti.payment_allocation a WHERE a.invoice_id = i.id)"
                + " THEN 'PAID' ELSE 'CANCELLED' END WHEN " + SETTLED + " > 0 THEN 'PARTIAL' ELSE 'ISSUED' END,"
                + " version = i.version + 1 WHERE i.id = ?", invoiceId);
    }

    private static long currentSchoolYear(Connection connection) throws SQLException {
        Long id = number(connection, "SELECT id FROM tutti.school_year WHERE is_current ORDER BY start_date DESC LIMIT 1");
        if (id == null) {
            throw refused("invalid:school_year");
        }
        return id;
    }

    private static long insertInvoice(Connection connection, Staff staff, long family, long yearId, String number,
                                      String kind, LocalDate dueDate, BigDecimal total, String status, Long creditNoteFor,
                                      String creditReason) throws SQLException {
        return insert(connection, "INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date,"
                + " due_date, total_amount, status, credit_note_for, credit_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                staff.siteId(), family, yearId, number, kind, staff.today(), dueDate, total, status, creditNoteFor,
                creditReason);
    }

    private static void insertLine(Connection connection, long invoiceId, int lineNo, String label, Long studentId,
                                   BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) throws SQLException {
        update(connection, "INSERT INTO tutti.invoice_line (invoice_id, line_no, label, student_id, quantity, unit_price,"
                + " amount) VALUES (?, ?, ?, ?, ?, ?, ?)", invoiceId, lineNo, label, studentId, quantity, unitPrice, amount);
    }

    /** Runs an INSERT and returns the new row's id. */
    private static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Every column of the first row, or null when there is none. */
    private static Object[] row(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object[] values = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                return values;
            }
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }

    /** A JSON array; TU422 {@code message} when {@code json} is not one. */
    private static JsonNode array(String json, String message) throws SQLException {
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isArray()) {
            throw refused(message);
        }
        return root;
    }

    /**
     * An amount sent as a JSON string ("120.00") or number ({@code tutti.billing_amount}): at most two decimals and
     * {@code integerDigits} digits before the point, never negative; null for anything else.
     */
    private static BigDecimal amount(JsonNode node, int integerDigits) {
        String text = node.isTextual() ? node.textValue() : node.isNumber() ? node.decimalValue().toPlainString() : null;
        if (text == null || !text.matches("[0-9]{1," + integerDigits + "}(\\.[0-9]{1,2})?")) {
            return null;
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A numeric(12,2) argument: not null, at most two decimals, below 10^10 in size. */
    private static boolean isAmount(BigDecimal value) {
        return value != null && value.stripTrailingZeros().scale() <= 2 && value.abs().compareTo(AMOUNT_LIMIT) < 0;
    }

    /** "septembre 2026" ({@code tutti.french_month}). */
    private static String month(LocalDate day) {
        return day.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + day.getYear();
    }

    private static String left(String value, int codePoints) {
        return value.codePointCount(0, value.length()) <= codePoints ? value
                : value.substring(0, value.offsetByCodePoints(0, codePoints));
    }
}
